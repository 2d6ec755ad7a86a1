"""The cattrs converter between shape classes and boto3's PascalCase dicts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Literal, get_origin

import attrs
from cattrs import Converter
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from elasticache_typed._generated import shapes
from elasticache_typed._generated.wire_names import WIRE_NAMES
from elasticache_typed._timestamps import parse_iso_timestamp


def _is_shape(cls: Any) -> bool:
    return isinstance(cls, type) and cls.__module__ == shapes.__name__ and attrs.has(cls)


def _is_literal(cls: Any) -> bool:
    return get_origin(cls) is Literal


def _renames(cls: type) -> dict[str, Any]:
    return {attr: override(rename=wire) for attr, wire in WIRE_NAMES[cls.__name__].items()}


def _to_utc(value: Any, _: type) -> datetime:
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return parse_iso_timestamp(value)


def _keep_value(value: Any, _: type) -> Any:
    # Enum members: a value the model does not know yet stays the plain string.
    return value


def make_converter() -> Converter:
    """A converter that reads and writes boto3's dicts for every shape class."""
    converter = Converter()

    def structure_factory(cls: type[Any]) -> Callable[[Any, Any], Any]:
        hook: Callable[[Any, Any], Any] = make_dict_structure_fn(cls, converter, **_renames(cls))
        return hook

    def unstructure_factory(cls: type[Any]) -> Callable[[Any], Any]:
        return make_dict_unstructure_fn(
            cls, converter, _cattrs_omit_if_default=True, **_renames(cls)
        )

    converter.register_structure_hook(datetime, _to_utc)
    converter.register_unstructure_hook(datetime, lambda value: value)
    converter.register_structure_hook_func(_is_literal, _keep_value)
    converter.register_structure_hook_factory(_is_shape, structure_factory)
    converter.register_unstructure_hook_factory(_is_shape, unstructure_factory)
    return converter


converter = make_converter()
"""Reads boto3's PascalCase dicts into shape classes (`structure`) and back (`unstructure`)."""
