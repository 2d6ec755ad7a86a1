"""The `repr` of a shape: its class and the members that are not None.

A CacheCluster has some forty members and most answers fill few of them; a repr of every
member is a line of a thousand characters, mostly `=None`. Members left out of attrs' repr
(secrets) stay out.
"""

from __future__ import annotations

from typing import Any


def shape_repr(self: Any) -> str:
    """`Class(member=value, ...)` for the members that are set and shown."""
    shown = ", ".join(
        f"{field.name}={value!r}"
        for field in self.__attrs_attrs__
        if field.repr and (value := getattr(self, field.name, None)) is not None
    )
    return f"{type(self).__qualname__}({shown})"
