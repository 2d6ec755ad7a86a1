"""The run-time steps the generated input checks (`_generated/input_checks.py`) call.

Each names the parameter path and the expected type or the rule, never the value, so a
secret passed in the wrong place never reaches a message.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, NoReturn

from elasticache_typed._errors.categories import ValidationError
from elasticache_typed._input.tag_rules import check_tags


class Input:
    """An operation's input checks: `params(values)` checks the wire-named values and gives
    boto3's params; `members` are the wire names of the input members it knows, in order,
    and `required` those of its required members.

    A plain slotted class, not a NamedTuple: making a NamedTuple class compiles its methods
    at import (about 0.5 ms of every process's start)."""

    __slots__ = ("members", "params", "required")

    def __init__(
        self,
        params: Callable[[Mapping[str, Any]], dict[str, Any]],
        members: tuple[str, ...],
        required: tuple[str, ...],
    ) -> None:
        self.params = params
        self.members = members
        self.required = required


def wrong(value: object, expected: str, path: str) -> NoReturn:
    """Raise the ValidationError of a value at `path` that is not of the `expected` type."""
    raise ValidationError(f"{path}: expected {expected}, got {type(value).__name__}")


def required(method: str, attr: str) -> NoReturn:
    """Raise the TypeError of None for the required argument `attr`, as for a missing one."""
    raise TypeError(f"{method}() argument {attr!r} is required, got None")


def required_member(path: str) -> NoReturn:
    """Raise the ValidationError of None for the required member at `path` of a shape."""
    raise ValidationError(f"{path}: required, got None")


def is_sequence(value: object) -> bool:
    """Whether `value` may be a list parameter: a sequence, but not a str or bytes."""
    if value.__class__ is list or value.__class__ is tuple:
        return True
    return isinstance(value, Sequence) and not isinstance(value, (str, bytes, bytearray))


def is_mapping(value: object) -> bool:
    """Whether `value` is a mapping (tags given as {key: value}); a plain bool, so that the
    generated checks keep the value untyped."""
    return isinstance(value, Mapping)


def tags(items: list[dict[str, Any]], path: str) -> list[dict[str, Any]]:
    """The wire tags `items`, once checked against the service's tag rules."""
    check_tags(items, path)
    return items
