"""List members of the shape classes: their constructors take any sequence and keep a list.

The generated shape classes give each list member the converter `stored_list(...)`. A list is
kept as it is; any other sequence, such as a tuple, becomes a list; a string, which type
checkers accept as a `Sequence[str]`, is refused. (Answers are read into shapes with the
classes' `_make`, which passes lists and skips the constructor.)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, cast

from elasticache_typed._errors.categories import ValidationError


def stored_list(path: str) -> Callable[[Any], Any]:
    """The converter of the list member `path` ("Shape.member", named in errors)."""

    def convert(value: Any) -> Any:
        if value is None or value.__class__ is list:
            return value
        if isinstance(value, Sequence) and not isinstance(value, (str, bytes, bytearray)):
            return list(cast("Sequence[object]", value))
        raise ValidationError(f"{path}: expected a sequence, got {type(value).__name__}")

    return convert
