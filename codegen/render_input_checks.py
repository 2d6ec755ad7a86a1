"""Render `_generated/input_checks.py`: a facade call's arguments checked and turned into
boto3's params, written out member by member.

For each operation a function named as its method takes the wire-named values, raises
TypeError for None in a required member, and checks every value that is set: scalars by the
`accepts` column of `codegen/scalars.py`, structures by `check_<Name>` (its class, then each
member, the path kept: `tags[2].key`), lists item by item, tag lists by the tag rules (a Tag
sequence or a mapping). `INPUTS` holds, per operation, that function, the members it knows
and the required ones.
"""

from __future__ import annotations

from botocore.model import ListShape, MapShape, StructureShape

from codegen.model import Member, Model, Operation, Structure
from codegen.render_common import header
from codegen.render_facade import is_tag_list
from codegen.scalars import Scalar, scalar
from codegen.walk import Table, is_scalar, value


def _text(path: str) -> str:
    """The expression of a path, given as the body of an f-string."""
    return f'f"{path}"' if "{" in path else f'"{path}"'


def accepted(row: Scalar, x: str) -> str:
    """The condition that `x` may be an argument of this scalar type (bool is an int to
    Python, but not to the service: refused where it is not itself accepted)."""
    types = row.accepts[0] if len(row.accepts) == 1 else f"({', '.join(row.accepts)})"
    condition = f"isinstance({x}, {types})"
    if "int" in row.accepts and "bool" not in row.accepts:
        condition += f" and not isinstance({x}, bool)"
    return condition


def expected(row: Scalar) -> str:
    """The expected type of a scalar, as a message says it."""
    return " or ".join(row.accepts)


class Checks(Table):
    """The checks of the value `x` whose path in messages is `path` (an f-string body)."""

    def __init__(self, x: str, path: str) -> None:
        self.paths = {x: path}
        self.indexes: dict[str, str] = {}

    def item(self, x: str, item: str, index: str) -> None:
        self.paths[item] = f"{self.paths[x]}[{{{index}}}]"
        self.indexes[item] = index

    def structure(self, shape: StructureShape, x: str) -> str:
        return f"check_{shape.name}({x}, {_text(self.paths[x])})"

    def scalar(self, row: Scalar, x: str) -> str:
        path = _text(self.paths[x])
        return f"{x} if {accepted(row, x)} else wrong({x}, {expected(row)!r}, {path})"

    def list(self, shape: ListShape, x: str, item: str, item_value: str) -> str:
        path = _text(self.paths[x])
        sequence = f"{x} if is_sequence({x}) else wrong({x}, 'a sequence', {path})"
        items = f"[{item_value} for {self.indexes[item]}, {item} in enumerate({sequence})]"
        if not is_tag_list(shape):
            return items
        mapping = f"tags_from_mapping({x}, {path}) if is_mapping({x}) else {items}"
        return f"tags({mapping}, {path})"

    def map(self, shape: MapShape, x: str, k: str, v: str, key: str, value: str) -> str:
        why = "a map argument has no check yet; teach codegen/render_input_checks.py"
        raise SystemExit(f"render_input_checks: shape {shape.name}: {why}")


def _checked(member: Member, x: str, path: str) -> str:
    return value(member.shape, x, Checks(x, path))


def _operation(op: Operation) -> str:
    signature = f"def {op.method}(values: Mapping[str, Any]) -> dict[str, Any]:\n"
    keep = "{k: v for k, v in values.items() if v is not None}"
    if op.input is None or not op.input.members:
        return f"{signature}    return {keep}\n"
    members = op.input.members
    attrs = {m.name: m.attr for m in members}
    lines = [
        f'    if values.get("{name}") is None:\n        required("{op.method}", "{attrs[name]}")\n'
        for name in op.input.required
    ]
    lines.append(f"    p: dict[str, Any] = {keep}\n    v: Any\n")
    for m in members:
        get = f'(v := p.get("{m.name}")) is not None'
        if is_scalar(m.shape):
            row = scalar(m.shape)
            check = f"wrong(v, {expected(row)!r}, {_text(m.attr)})"
            condition = accepted(row, "v")
            refused = f"not ({condition})" if " and " in condition else f"not {condition}"
            lines.append(f"    if {get} and {refused}:\n        {check}\n")
        else:
            lines.append(f'    if {get}:\n        p["{m.name}"] = {_checked(m, "v", m.attr)}\n')
    return signature + "".join(lines) + "    return p\n"


def _member_line(member: Member) -> str:
    checked = _checked(member, "v", f"{{path}}.{member.attr}")
    if member.required:
        return (
            f"    if (v := o.{member.attr}) is None:\n"
            f'        required_member(f"{{path}}.{member.attr}")\n'
            f'    d["{member.name}"] = {checked}\n'
        )
    return f'    if (v := o.{member.attr}) is not None:\n        d["{member.name}"] = {checked}\n'


def _structure(structure: Structure) -> str:
    name = structure.name
    declare = "    v: Any\n" if structure.members else ""
    return (
        f"def check_{name}(o: object, path: str) -> dict[str, Any]:\n"
        f"    if not isinstance(o, _s.{name}):\n"
        f'        wrong(o, "shapes.{name}", path)\n'
        f"{declare}    d: dict[str, Any] = {{}}\n"
        f"{''.join(_member_line(m) for m in structure.members)}    return d\n"
    )


def _nested(model: Model) -> list[Structure]:
    """The structures an operation's input can hold, by name."""
    by_name = {s.name: s for s in model.structures}
    found: dict[str, None] = {}
    pending = [s for op in model.operations if op.input for s in _held(op.input, by_name)]
    while pending:
        structure = pending.pop()
        if structure.name not in found:
            found[structure.name] = None
            pending.extend(_held(structure, by_name))
    return [by_name[name] for name in sorted(found)]


def _held(structure: Structure, by_name: dict[str, Structure]) -> list[Structure]:
    held = []
    for member in structure.members:
        shape = member.shape
        while isinstance(shape, ListShape):
            shape = shape.member
        if isinstance(shape, StructureShape):
            held.append(by_name[shape.name])
    return held


def _entry(op: Operation) -> str:
    names = "".join(f'"{m.name}", ' for m in op.input.members) if op.input else ""
    required = "".join(f'"{name}", ' for name in op.input.required) if op.input else ""
    return f'    "{op.name}": Input({op.method}, ({names}), ({required})),\n'


def render(model: Model) -> str:
    operations = "\n\n".join(_operation(op) for op in model.operations)
    structures = "\n\n".join(_structure(s) for s in _nested(model))
    entries = "".join(_entry(op) for op in model.operations)
    return f'''{header(model)}
# The shapes' required members are typed never None, but a caller may pass None: it is checked.
# pyright: reportUnnecessaryComparison=false
"""A facade call's arguments checked and turned into boto3's params, before anything is sent.

A function per operation, named as its method, takes the caller's wire-named values (None:
not given) and gives boto3's params; `check_<Name>` checks a shape object and gives its dict.
A wrong type is a ValidationError naming the parameter's path and the expected type, never the
value; None for a required argument is a TypeError naming it. `INPUTS`: each operation's
function and the wire names of the members it knows and of the required ones.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from elasticache_typed._generated import shapes as _s
from elasticache_typed._input.steps import (
    Input,
    is_mapping,
    is_sequence,
    required,
    required_member,
    tags,
    wrong,
)
from elasticache_typed._input.tag_rules import tags_from_mapping


{operations}


{structures}


INPUTS: dict[str, Input] = {{
{entries}}}
'''
