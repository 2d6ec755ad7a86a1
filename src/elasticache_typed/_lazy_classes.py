"""Build a module's classes on first use (PEP 562 module __getattr__).

Building all 200-odd attrs shape classes at import costs far more than the rest of the
package; each is built when first asked for instead, then kept as a plain module global.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

PUBLIC_MODULE = "elasticache_typed.shapes"
"""Where users find the classes; their __module__, so repr and pickle name it."""


def lazy_class_getattr(
    namespace: dict[str, Any], factories: dict[str, Callable[[], type]]
) -> Callable[[str], type]:
    """A module __getattr__ that builds `name` with its factory once, even under threads."""
    lock = threading.Lock()

    def __getattr__(name: str) -> type:
        factory = factories.get(name)
        if factory is None:
            raise AttributeError(f"module {namespace['__name__']!r} has no attribute {name!r}")
        with lock:
            built: type | None = namespace.get(name)
            if built is None:
                built = factory()
                built.__module__ = PUBLIC_MODULE
                built.__qualname__ = name
                namespace[name] = built
        return built

    return __getattr__
