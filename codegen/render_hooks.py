"""Render `_generated/hooks.py`: for every structure, `structure_<Name>` (boto3's dict to
the shape class) and `unstructure_<Name>` (back), written out member by member.

Straight-line code is what keeps the typed layer nearly free: scalars and enum values pass
through, timestamps become aware UTC datetimes, nested shapes call their own hook directly.
"""

from __future__ import annotations

from botocore.model import ListShape, MapShape, Shape, StructureShape

from codegen.model import Member, Model, Structure
from codegen.render_common import header


def _is_scalar(shape: Shape) -> bool:
    return not isinstance(shape, (StructureShape, ListShape, MapShape)) and (
        shape.type_name != "timestamp"
    )


def _read(shape: Shape, expr: str, depth: int = 0) -> str:
    """Python converting the boto3 value `expr` of this shape to its typed value."""
    if isinstance(shape, StructureShape):
        return f"structure_{shape.name}({expr})"
    if isinstance(shape, ListShape):
        if _is_scalar(shape.member):
            return f"list({expr})"
        item = f"x{depth}"
        return f"[{_read(shape.member, item, depth + 1)} for {item} in {expr}]"
    if isinstance(shape, MapShape):
        key, value = f"k{depth}", f"x{depth}"
        pairs = f"{key}, {value} in {expr}.items()"
        return f"{{{key}: {_read(shape.value, value, depth + 1)} for {pairs}}}"
    if shape.type_name == "timestamp":
        return f"to_utc({expr})"
    return expr


def _write(shape: Shape, expr: str, depth: int = 0) -> str:
    """Python converting the typed value `expr` of this shape to boto3's value."""
    if isinstance(shape, StructureShape):
        return f"unstructure_{shape.name}({expr})"
    if isinstance(shape, ListShape):
        if _is_scalar(shape.member) or shape.member.type_name == "timestamp":
            return f"list({expr})"
        item = f"x{depth}"
        return f"[{_write(shape.member, item, depth + 1)} for {item} in {expr}]"
    if isinstance(shape, MapShape):
        key, value = f"k{depth}", f"x{depth}"
        pairs = f"{key}, {value} in {expr}.items()"
        return f"{{{key}: {_write(shape.value, value, depth + 1)} for {pairs}}}"
    return expr


def _structure_argument(member: Member) -> str:
    if member.required:
        return f"        {member.attr}={_read(member.shape, f'd[{member.name!r}]')},\n"
    get = f'd.get("{member.name}")'
    if _is_scalar(member.shape):
        return f"        {member.attr}={get},\n"
    return f"        {member.attr}=None if (v := {get}) is None else {_read(member.shape, 'v')},\n"


def _unstructure_line(member: Member) -> str:
    if member.required:
        return f'    d["{member.name}"] = {_write(member.shape, f"o.{member.attr}")}\n'
    return (
        f"    if (v := o.{member.attr}) is not None:\n"
        f'        d["{member.name}"] = {_write(member.shape, "v")}\n'
    )


def _hooks(structure: Structure) -> str:
    name = structure.name
    arguments = "".join(_structure_argument(m) for m in structure.members)
    lines = "".join(_unstructure_line(m) for m in structure.members)
    declare = "    v: Any\n" if any(not m.required for m in structure.members) else ""
    return (
        f"def structure_{name}(d: Mapping[str, Any]) -> _s.{name}:\n"
        f"    return _s.{name}(\n{arguments}    )\n\n\n"
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
from elasticache_typed._timestamps import to_utc


{hooks}'''
