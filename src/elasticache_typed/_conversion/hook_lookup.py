"""The generated converter hooks, found by class.

`_generated/hooks.py` is loaded by name on first use: type checkers of downstream code then
never analyse its thousands of generated lines, which no caller names; the facades and the
converter reach the hooks only through here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType
from typing import Any, TypeVar

T = TypeVar("T")

_SCALARS: frozenset[type] = frozenset({str, int, bool, float})
_structure_hooks: dict[type, Callable[[Any], Any]] = {}
_unstructure_hooks: dict[type, Callable[[Any], dict[str, Any]]] = {}


def _hooks() -> ModuleType:
    return importlib.import_module("elasticache_typed._generated.hooks")


def prepare() -> None:
    """Load what converting the first answer needs (the hooks), so a facade's first call is
    not slowed by it; called when a facade is made. The shape classes need no attrs."""
    _hooks()


def structure_hook(cls: type[T]) -> Callable[[Any], T]:
    """What reads boto3's value into `cls`: its generated hook, or the scalar type itself."""
    hook = _structure_hooks.get(cls)
    if hook is None:
        hook = cls if cls in _SCALARS else getattr(_hooks(), f"structure_{cls.__name__}")
        _structure_hooks[cls] = hook
    return hook


def unstructure_hook(cls: type[Any]) -> Callable[[Any], dict[str, Any]]:
    """What writes an instance of the shape class `cls` back as boto3's dict."""
    hook = _unstructure_hooks.get(cls)
    if hook is None:
        hook = getattr(_hooks(), f"unstructure_{cls.__name__}")
        _unstructure_hooks[cls] = hook
    return hook
