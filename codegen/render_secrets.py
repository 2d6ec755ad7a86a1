"""Render `_generated/secrets.py`: which request members carry secrets, for the runtime that
keeps their values out of errors and botocore's log."""

from __future__ import annotations

from botocore.model import ListShape, Shape, StructureShape

from codegen.model import Model, Structure
from codegen.render_common import header


def _secret_names(model: Model) -> list[str]:
    return sorted({m.name for s in model.structures for m in s.members if m.secret})


def _holds_secret(structure: Structure, secret: set[str]) -> bool:
    def walk(shape: Shape, seen: frozenset[str]) -> bool:
        if isinstance(shape, ListShape):
            return walk(shape.member, seen)
        if not isinstance(shape, StructureShape) or shape.name in seen:
            return False
        return any(
            name in secret or walk(member, seen | {shape.name})
            for name, member in shape.members.items()
        )

    return any(m.name in secret or walk(m.shape, frozenset()) for m in structure.members)


def render(model: Model) -> str:
    names = _secret_names(model)
    operations = sorted(
        op.name for op in model.operations if op.input and _holds_secret(op.input, set(names))
    )
    return f'''{header(model)}
"""Request members that carry secrets, and the operations whose input may hold one."""

SECRET_MEMBERS = frozenset({{{", ".join(map(repr, names))}}})
"""Wire names of members whose values are secrets (at any depth of a request)."""

OPERATIONS_WITH_SECRETS = frozenset(
    {{
{"".join(f"        {name!r},{chr(10)}" for name in operations)}    }}
)
"""Operations whose input holds a secret member, directly or in a nested structure."""
'''
