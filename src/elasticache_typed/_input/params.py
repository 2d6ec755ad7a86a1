"""Check a call's arguments against the operation's input shape and build boto3's params.

Nothing here echoes a value: messages name the parameter and the expected type or the
rule that broke, so a secret passed in the wrong place never reaches a message.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeAlias, cast

from botocore import xform_name
from botocore.model import ListShape, Shape, StructureShape

from elasticache_typed._errors.categories import ValidationError
from elasticache_typed._generated import shapes
from elasticache_typed._generated.scalars import SCALAR_TYPES
from elasticache_typed._input.tag_rules import check_tags, is_tag_list, tags_from_mapping

# "shapes.Tag" quoted: naming the class here would build it, and import attrs, at import.
TagsInput: TypeAlias = Sequence["shapes.Tag"] | Mapping[str, str | None]
"""Tags as Tag objects, or a mapping of key to value (None: a tag with no value)."""


def request_params(
    input_shape: StructureShape | None, values: Mapping[str, Any], method: str
) -> dict[str, Any]:
    """boto3's params for the given wire-named values of a call of `method`; None values are
    left out. None for a required member is a TypeError, as a missing argument is."""
    if input_shape is None:
        return {}
    for name in input_shape.required_members:
        if values.get(name) is None:
            raise TypeError(f"{method}() argument {xform_name(name)!r} is required, got None")
    params: dict[str, Any] = {}
    for name, value in values.items():
        if value is not None:
            params[name] = _convert(value, input_shape.members[name], xform_name(name))
    return params


def _type_error(path: str, expected: str, value: object) -> ValidationError:
    return ValidationError(f"{path}: expected {expected}, got {type(value).__name__}")


def _convert(value: object, shape: Shape, path: str) -> Any:
    if isinstance(shape, StructureShape):
        return _structure(value, shape, path)
    if isinstance(shape, ListShape):
        return _list(value, shape, path)
    expected = SCALAR_TYPES.get(shape.type_name)
    if expected is None:
        raise ValidationError(f"{path}: type {shape.type_name} is not supported")
    if not isinstance(value, expected) or (isinstance(value, bool) and bool not in expected):
        raise _type_error(path, " or ".join(t.__name__ for t in expected), value)
    return value


def _structure(value: object, shape: StructureShape, path: str) -> dict[str, Any]:
    cls = getattr(shapes, shape.name, None)
    if cls is None or not isinstance(value, cls):
        raise _type_error(path, f"shapes.{shape.name}", value)
    params: dict[str, Any] = {}
    required = shape.required_members
    for name, member in shape.members.items():
        attr = xform_name(name)
        member_value = getattr(value, attr, None)
        if member_value is not None:
            params[name] = _convert(member_value, member, f"{path}.{attr}")
        elif name in required:
            raise ValidationError(f"{path}.{attr}: required, got None")
    return params


def _list(value: object, shape: ListShape, path: str) -> list[Any]:
    tag_list = is_tag_list(shape)
    if tag_list and isinstance(value, Mapping):
        items = tags_from_mapping(cast("Mapping[object, object]", value), path)
    elif isinstance(value, Sequence) and not isinstance(value, (str, bytes, bytearray)):
        sequence = cast("Sequence[object]", value)
        items = [_convert(item, shape.member, f"{path}[{i}]") for i, item in enumerate(sequence)]
    else:
        raise _type_error(path, "a sequence", value)
    if tag_list:
        check_tags(items, path)
    return items
