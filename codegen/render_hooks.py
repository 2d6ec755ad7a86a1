"""Render `_generated/hooks.py`: for every structure, `structure_<Name>` (boto3's dict to
the shape class) and `unstructure_<Name>` (back), written out member by member.

Straight-line code is what keeps the typed layer nearly free: scalars and enum values pass
through, timestamps become aware UTC datetimes, nested shapes call their own hook directly.
"""

from __future__ import annotations

from botocore.model import StructureShape

from codegen.model import Member, Model, Structure
from codegen.render_common import header
from codegen.render_shapes import made
from codegen.scalars import Scalar
from codegen.walk import Table, value


class _Hooks(Table):
    """The converter hooks of one direction: "structure" (boto3's value to the typed one)
    or "unstructure" (back)."""

    def __init__(self, direction: str) -> None:
        self.direction = direction

    def structure(self, shape: StructureShape, x: str) -> str:
        return f"{self.direction}_{shape.name}({x})"

    def scalar(self, row: Scalar, x: str) -> str:
        step = row.structure if self.direction == "structure" else row.unstructure
        return step.format(x=x)


STRUCTURE = _Hooks("structure")
UNSTRUCTURE = _Hooks("unstructure")


def _structure_value(member: Member) -> str:
    if member.required:
        return value(member.shape, f"d[{member.name!r}]", STRUCTURE)
    get = f"g({member.name!r})"
    converted = value(member.shape, "v", STRUCTURE)
    if converted == "v":  # kept as it is: None or not
        return get
    return f"None if (v := {get}) is None else {converted}"


def _unstructure_line(member: Member) -> str:
    if member.required:
        converted = value(member.shape, f"o.{member.attr}", UNSTRUCTURE)
        return f'    d["{member.name}"] = {converted}\n'
    return (
        f"    if (v := o.{member.attr}) is not None:\n"
        f'        d["{member.name}"] = {value(member.shape, "v", UNSTRUCTURE)}\n'
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
