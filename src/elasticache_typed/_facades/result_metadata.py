"""Setting a facade call's `ResponseMetadata` on its typed result.

Apart from `response_metadata.py` so that importing the facades does not import attrs (a
first call does).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

T = TypeVar("T")

_read: list[Callable[[Mapping[str, Any]], object]] = []
"""`response_metadata.response_metadata`, once the first call imported it."""


def with_response_metadata(result: T, response: Mapping[str, Any]) -> T:
    """`result`, a facade call's typed output, with the metadata of its answer set on it."""
    if not _read:
        from elasticache_typed._facades.response_metadata import response_metadata

        _read.append(response_metadata)
    object.__setattr__(result, "response_metadata", _read[0](response))
    return result
