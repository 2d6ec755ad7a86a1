"""Render `_generated/hooks.py`: for every structure, `structure_<Name>` (boto3's dict to
the shape class) and `unstructure_<Name>` (back), written out member by member.

Straight-line code is what keeps the typed layer nearly free: scalars and enum values pass
through, timestamps become aware UTC datetimes, nested shapes call their own hook directly.
"""

from __future__ import annotations

from botocore.model import ListShape, MapShape, Shape, StructureShape

from codegen.model import Member, Model, Structure
from codegen.render_common import header
from codegen.render_shapes import made

STRUCTURE = "structure"
UNSTRUCTURE = "unstructure"


def _is_scalar(shape: Shape) -> bool:
    return not isinstance(shape, (StructureShape, ListShape, MapShape)) and (
        shape.type_name != "timestamp"
    )


def _kept_as_is(shape: Shape, direction: str) -> bool:
    # Timestamps become aware UTC datetimes on the way in and stay datetimes on the way out.
    return _is_scalar(shape) or (direction == "unstructure" and shape.type_name == "timestamp")


def _convert(shape: Shape, expr: str, direction: str, depth: int = 0) -> str:
    """Python converting the value `expr` of this shape; `direction` is "structure" (boto3's
    value to the typed one) or "unstructure" (back)."""
    if isinstance(shape, StructureShape):
        return f"{direction}_{shape.name}({expr})"
    if isinstance(shape, ListShape):
        if _kept_as_is(shape.member, direction):
            return f"list({expr})"
        item = f"x{depth}"
        return f"[{_convert(shape.member, item, direction, depth + 1)} for {item} in {expr}]"
    if isinstance(shape, MapShape):
        key, value = f"k{depth}", f"x{depth}"
        pairs = f"{key}, {value} in {expr}.items()"
        return f"{{{key}: {_convert(shape.value, value, direction, depth + 1)} for {pairs}}}"
    if _kept_as_is(shape, direction):
        return expr
    return f"to_utc({expr})"


def _structure_value(member: Member) -> str:
    if member.required:
        return _convert(member.shape, f"d[{member.name!r}]", STRUCTURE)
    get = f"g({member.name!r})"
    if _is_scalar(member.shape):
        return get
    return f"None if (v := {get}) is None else {_convert(member.shape, 'v', STRUCTURE)}"


def _unstructure_line(member: Member) -> str:
    if member.required:
        value = _convert(member.shape, f"o.{member.attr}", UNSTRUCTURE)
        return f'    d["{member.name}"] = {value}\n'
    return (
        f"    if (v := o.{member.attr}) is not None:\n"
        f'        d["{member.name}"] = {_convert(member.shape, "v", UNSTRUCTURE)}\n'
    )


def _hooks(structure: Structure) -> str:
    name = structure.name
    values = [_structure_value(m) for m in structure.members]
    lines = "".join(_unstructure_line(m) for m in structure.members)
    declare = "    v: Any\n" if any(not m.required for m in structure.members) else ""
    getter = "    g = d.get\n" if any(not m.required for m in structure.members) else ""
    return (
        f"def structure_{name}(d: Mapping[str, Any]) -> _s.{name}:\n"
        f"{getter}    return {made(structure, values)}\n\n\n"
        f"def unstructure_{name}(o: _s.{name}) -> dict[str, Any]:\n"
        f"{declare}    d: dict[str, Any] = {{}}\n{lines}    return d\n"
    )


def render(model: Model) -> str:
    hooks = "\n\n".join(_hooks(s) for s in model.structures)
    return f'''{header(model)}
"""Converter hooks for every shape: `structure_<Name>` reads boto3's dict into the shape
class, `unstructure_<Name>` gives back exactly the dict boto3 takes or returns."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from elasticache_typed._generated import shapes as _s
from elasticache_typed._conversion.timestamps import to_utc


{hooks}'''
