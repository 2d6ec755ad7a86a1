"""Build a module's classes on first use (PEP 562 module __getattr__).

Building all 200-odd attrs shape classes at import costs far more than the rest of the
package; each is built when first asked for instead, then kept as a plain module global.
Building a class also builds the classes its annotations name, and imports the other names
they use (`ResponseMetadata`), so that `typing.get_type_hints` and `attrs.resolve_types` work
on any class handed out.
"""

from __future__ import annotations

import importlib
import re
import threading
from collections.abc import Callable, Mapping
from types import FunctionType
from typing import Any

PUBLIC_MODULE = "elasticache_typed.shapes"
"""Where users find the classes; their __module__, so repr, pickle and type hints use it."""

_NAME = re.compile(r"[A-Za-z_]\w*")


def lazy_class_getattr(
    namespace: dict[str, Any],
    factories: dict[str, Callable[[], type]],
    imported: Mapping[str, str] | None = None,
) -> Callable[[str], type]:
    """A module __getattr__ that builds `name` with its factory once, even under threads.

    `imported` names classes of other modules (by module name) that annotations use; they are
    imported into the namespace when a class that names them is built.
    """
    lock = threading.RLock()
    elsewhere = dict(imported or {})

    def build(name: str) -> type:
        built: type | None = namespace.get(name)
        if built is None and name in elsewhere:
            found: type = getattr(importlib.import_module(elsewhere[name]), name)
            namespace[name] = built = found
        elif built is None:
            built = factories[name]()
            _public_names(built, name)
            namespace[name] = built
            for annotation in built.__annotations__.values():
                for referenced in _NAME.findall(str(annotation)):
                    if referenced in factories or referenced in elsewhere:
                        build(referenced)
        return built

    def __getattr__(name: str) -> type:
        if name not in factories:
            raise AttributeError(f"module {namespace['__name__']!r} has no attribute {name!r}")
        with lock:
            return build(name)

    return __getattr__


def _public_names(cls: type, name: str) -> None:
    """`cls` and its methods named as `PUBLIC_MODULE`'s, not as the locals of a factory; its
    `__init__`'s code too, which Python's argument errors name."""
    cls.__module__ = PUBLIC_MODULE
    cls.__qualname__ = name
    for attribute, value in cls.__dict__.items():
        function = value.__func__ if isinstance(value, staticmethod) else value
        if isinstance(function, FunctionType) and function.__name__ == attribute:
            function.__qualname__ = f"{name}.{attribute}"
    init = cls.__dict__.get("__init__")
    if isinstance(init, FunctionType):
        init.__code__ = init.__code__.replace(co_qualname=init.__qualname__)
