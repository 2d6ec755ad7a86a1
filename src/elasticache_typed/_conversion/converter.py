"""The cattrs converter between shape classes and boto3's PascalCase dicts.

Its hooks for the shape classes are the generated `structure_*` / `unstructure_*`
functions; cattrs dispatches to them (and composes them for lists, optionals and the like).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, ClassVar, Literal, Protocol, cast, get_origin, overload

import attrs
from cattrs import Converter

from elasticache_typed._conversion.hook_lookup import structure_hook, unstructure_hook
from elasticache_typed._conversion.lazy_classes import PUBLIC_MODULE
from elasticache_typed._conversion.timestamps import to_utc


def _is_shape(cls: Any) -> bool:
    return getattr(cls, "__module__", None) == PUBLIC_MODULE and attrs.has(cls)


def _is_literal(cls: Any) -> bool:
    return get_origin(cls) is Literal


def _structure_hook(cls: type[Any]) -> Callable[[Any, Any], Any]:
    read = structure_hook(cls)
    return lambda value, _: read(value)


class AttrsShape(Protocol):
    """An instance of an attrs class, such as any shape: `unstructure` makes it a dict."""

    __attrs_attrs__: ClassVar[Any]


class ShapeConverter(Converter):
    """A cattrs Converter whose `unstructure` is typed to give a dict for a shape.

    `structure(value, cl)` is typed by cattrs itself to return an instance of `cl`.
    """

    @overload
    def unstructure(self, obj: AttrsShape, unstructure_as: Any = None) -> dict[str, Any]: ...
    @overload
    def unstructure(self, obj: Any, unstructure_as: Any = None) -> Any: ...
    def unstructure(self, obj: Any, unstructure_as: Any = None) -> Any:
        """boto3's value for `obj`: a dict with PascalCase keys for a shape, None members left
        out; a list of them for a list of shapes.

        Args:
            obj: The value to convert, such as a shape instance.
            unstructure_as: The type to convert it as (default: its own class).

        Returns:
            The boto3 value: `dict[str, Any]` for a shape.
        """
        return super().unstructure(obj, unstructure_as)


def make_converter() -> ShapeConverter:
    """A converter that reads and writes boto3's dicts for every shape class."""
    converter = ShapeConverter()
    converter.register_structure_hook(datetime, lambda value, _: to_utc(value))
    converter.register_unstructure_hook(datetime, lambda value: value)
    # Enum members: a value the model does not know yet stays the plain string.
    converter.register_structure_hook_func(_is_literal, lambda value, _: value)
    converter.register_structure_hook_factory(_is_shape, _structure_hook)
    converter.register_unstructure_hook_factory(_is_shape, unstructure_hook)
    return converter


def make_json_converter() -> ShapeConverter:
    """A converter like `make_converter`'s whose `unstructure` is JSON-ready: datetimes
    become ISO-8601 strings, so `json.dumps` needs no `default=`."""
    json_ready = make_converter()
    json_ready.register_unstructure_hook_factory(
        _is_shape,
        lambda cls: _json_ready_hook(unstructure_hook(cls)),  # pyright: ignore[reportUnknownLambdaType, reportUnknownArgumentType]
    )
    json_ready.register_unstructure_hook(datetime, datetime.isoformat)
    return json_ready


def _json_ready_hook(
    unstructure: Callable[[Any], dict[str, Any]],
) -> Callable[[Any], dict[str, Any]]:
    return lambda shape: _iso_timestamps(unstructure(shape))


def _iso_timestamps(value: Any) -> Any:
    """boto3's value with every datetime in it as ISO-8601 text."""
    if isinstance(value, dict):
        entries = cast("dict[Any, Any]", value)  # type: ignore[redundant-cast]  # pyright needs it
        return {k: _iso_timestamps(v) for k, v in entries.items()}
    if isinstance(value, list):
        items = cast("list[Any]", value)  # type: ignore[redundant-cast]  # pyright needs it
        return [_iso_timestamps(v) for v in items]
    return value.isoformat() if isinstance(value, datetime) else value


converter: ShapeConverter = make_converter()
"""Reads boto3's PascalCase dicts into shape classes (`structure`) and back (`unstructure`)."""

json_converter: ShapeConverter = make_json_converter()
"""`converter`, JSON-ready: `unstructure` gives datetimes as ISO-8601 strings, `structure`
reads them back."""
