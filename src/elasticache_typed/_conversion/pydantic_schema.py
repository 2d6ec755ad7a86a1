"""pydantic v2 support for the shapes, without pydantic as a dependency.

Every shape class has `__get_pydantic_core_schema__` (this module's function); pydantic calls
it when a `TypeAdapter`, a `BaseModel` field or a FastAPI route first needs the class, and only
then is pydantic imported. The schema reads a shape from its snake_case dict (or takes an
instance as it is) and dumps it as a snake_case dict: JSON with ISO-8601 timestamps, secret
members left out. Enum members accept any string, as the shapes do at run time.
"""

from __future__ import annotations

import types
import typing
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal, Union, get_args, get_origin

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema


def pydantic_core_schema(cls: type[Any], source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
    """The pydantic core schema of the shape class `cls` (called by pydantic)."""
    import attrs  # imported on first use: this module is imported with the shapes
    from pydantic_core import core_schema

    hints = typing.get_type_hints(cls)
    fields: dict[str, core_schema.TypedDictField] = {}
    for field in attrs.fields(cls):
        if not field.init:
            continue  # response_metadata: the facade's, never dumped
        fields[field.name] = core_schema.typed_dict_field(
            _schema(hints[field.name], handler),
            required=field.default is attrs.NOTHING,
            serialization_exclude=not field.repr,  # secrets
        )
    as_dict = core_schema.typed_dict_schema(fields)
    from_dict = core_schema.no_info_after_validator_function(lambda d: cls(**d), as_dict)
    return core_schema.json_or_python_schema(
        json_schema=from_dict,
        python_schema=core_schema.union_schema([core_schema.is_instance_schema(cls), from_dict]),
        serialization=core_schema.wrap_serializer_function_ser_schema(
            lambda shape, dump: dump(_members(shape)), schema=as_dict
        ),
        ref=f"{cls.__module__}.{cls.__qualname__}",
    )


def _members(shape: Any) -> dict[str, Any]:
    return {f.name: getattr(shape, f.name) for f in shape.__attrs_attrs__ if f.init}


def _schema(annotation: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
    from pydantic_core import core_schema

    origin, args = get_origin(annotation), get_args(annotation)
    if origin is Literal:
        return core_schema.str_schema()  # a value the model does not know yet is kept
    if origin in (Union, types.UnionType):
        kept = [a for a in args if a is not type(None)]
        inner = _schema(kept[0], handler) if len(kept) == 1 else handler.generate_schema(annotation)
        return core_schema.nullable_schema(inner) if len(kept) < len(args) else inner
    if origin is list:
        return core_schema.list_schema(_schema(args[0], handler))
    if origin is dict:
        return core_schema.dict_schema(_schema(args[0], handler), _schema(args[1], handler))
    if annotation is datetime:
        from elasticache_typed._conversion.timestamps import to_utc

        return core_schema.no_info_after_validator_function(to_utc, core_schema.datetime_schema())
    return handler.generate_schema(annotation)
