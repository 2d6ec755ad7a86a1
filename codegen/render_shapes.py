"""Render `_generated/shapes.py`: one attrs class per structure, one Literal per enum."""

from __future__ import annotations

from codegen.model import Member, Model, Structure
from codegen.render_common import docstring, header

_RESERVED = {"str", "int", "bool", "float", "bytes", "datetime", "list", "dict", "attrs"}


def _field(member: Member) -> str:
    if member.attr in _RESERVED:
        raise SystemExit(f"member {member.name}: attribute {member.attr!r} shadows a type name")
    if member.required:
        default = "attrs.field(repr=False)" if member.secret else ""
        annotation = member.type
    else:
        default = "attrs.field(default=None, repr=False)" if member.secret else "None"
        annotation = f"{member.type} | None"
    line = f"    {member.attr}: {annotation}" + (f" = {default}" if default else "")
    doc = f"\n{docstring(member.doc, indent=4)}" if member.doc else ""
    return line + doc


def _structure(structure: Structure) -> str:
    # Required members first: Python needs them before the defaulted ones only for
    # positional use, but keeping them first reads better in hovers and reprs.
    members = sorted(structure.members, key=lambda m: not m.required)
    body = "\n".join(_field(m) for m in members) or "    pass"
    doc = docstring(structure.doc or f"The {structure.name} structure.", indent=4)
    return f"@attrs.frozen(kw_only=True)\nclass {structure.name}:\n{doc}\n\n{body}\n"


def render(model: Model) -> str:
    names = sorted([e.name for e in model.enums] + [s.name for s in model.structures])
    aliases = "\n".join(
        f"{e.name}: TypeAlias = Literal[{', '.join(map(repr, e.values))}]" for e in model.enums
    )
    classes = "\n\n".join(_structure(s) for s in model.structures)
    exports = "\n".join(f'    "{name}",' for name in names)
    return f'''{header(model)}
"""Typed shapes of the ElastiCache model: an attrs class per structure, a Literal per enum.

Attribute names are botocore's snake_case of the wire names; members that are not required
default to None. Enum members are typed with Literal aliases; at run time a value the model
does not know yet is kept as the plain string.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal, TypeAlias

import attrs

__all__ = [
{exports}
]

{aliases}


{classes}'''
