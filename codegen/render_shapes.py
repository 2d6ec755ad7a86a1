"""Render the shapes: `_generated/shapes.pyi`, the typed attrs classes and Literal aliases
that type checkers and IDEs read, and `_generated/shapes.py`, the same classes wrapped in
factories that build each one on first use (keeping `import elasticache_typed` cheap)."""

from __future__ import annotations

import textwrap

from codegen.model import Member, Model, Structure
from codegen.render_common import docstring, header

_RESERVED = {"str", "int", "bool", "float", "bytes", "datetime", "list", "dict", "attrs"}

_MODULE_DOC = '''"""The ElastiCache shapes: an attrs class per structure, a Literal alias per enum.

Attribute names are botocore's snake_case of the wire names; members that are not required
default to None. Enum members are typed with Literal aliases; at run time a value the model
does not know yet is kept as the plain string.
"""'''


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


def class_source(structure: Structure, extra: str = "") -> str:
    """The attrs class of one structure, at module level; `extra` ends its body."""
    # Required members first: keyword-only, so only for reading hovers and reprs.
    members = sorted(structure.members, key=lambda m: not m.required)
    body = "\n".join(_field(m) for m in members) or "    pass"
    doc = docstring(structure.doc or f"The {structure.name} structure.", indent=4)
    return f"@attrs.frozen(kw_only=True)\nclass {structure.name}:\n{doc}\n\n{body}\n{extra}"


def _make_stub(structure: Structure) -> str:
    """The stub of `_make`, the positional constructor the generated readers use."""
    params = "".join(
        f"{m.attr}: {m.type if m.required else f'{m.type} | None'}, " for m in structure.members
    )
    slash = "/" if structure.members else ""
    return f"\n    @staticmethod\n    def _make({params}{slash}) -> {structure.name}: ...\n"


def _make_runtime(structure: Structure) -> str:
    """`_make` at run time: an instance from the members' values in model order, each set on
    its slot directly. Readers of answers build shapes with it: the attrs `__init__` with
    keyword arguments costs about twice as much, and the values are known to fit."""
    name = structure.name
    setters = "".join(
        f'_set_{m.attr} = {name}.__dict__["{m.attr}"].__set__\n' for m in structure.members
    )
    params = "".join(f"{m.attr}, " for m in structure.members)
    slash = "/" if structure.members else ""
    sets = "".join(f"    _set_{m.attr}(_o, {m.attr})\n" for m in structure.members)
    return (
        f"_new = object.__new__\n{setters}\n\n"
        f"def _make({params}{slash}):\n    _o = _new({name})\n{sets}    return _o\n\n\n"
        f"{name}._make = staticmethod(_make)\n"
    )


def _factory(structure: Structure) -> str:
    # attrs itself is imported by the first class built, not by `import elasticache_typed`.
    body = textwrap.indent(class_source(structure) + "\n" + _make_runtime(structure), "    ")
    return (
        f"def _{structure.name}() -> type:\n    import attrs\n\n{body}\n"
        f"    return {structure.name}\n"
    )


def _aliases(model: Model) -> str:
    return "\n".join(
        f"{e.name}: TypeAlias = Literal[{', '.join(map(repr, e.values))}]" for e in model.enums
    )


def _exports(model: Model) -> str:
    names = sorted([e.name for e in model.enums] + [s.name for s in model.structures])
    return "__all__ = [\n" + "".join(f'    "{name}",\n' for name in names) + "]"


def render_stub(model: Model) -> str:
    classes = "\n\n".join(class_source(s, _make_stub(s)) for s in model.structures)
    return f"""{header(model)}
{_MODULE_DOC}

from datetime import datetime
from typing import Literal, TypeAlias

import attrs

{_exports(model)}

{_aliases(model)}


{classes}"""


def render_runtime(model: Model) -> str:
    factories = "\n\n".join(_factory(s) for s in model.structures)
    table = "".join(f'    "{s.name}": _{s.name},\n' for s in model.structures)
    return f'''{header(model)}
"""The shapes at run time: each attrs class is built the first time it is used.

Their types and documentation, for type checkers and IDEs, are in shapes.pyi.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal, TypeAlias

from elasticache_typed._conversion.lazy_classes import lazy_class_getattr

{_exports(model)}

{_aliases(model)}


{factories}

__getattr__ = lazy_class_getattr(
    globals(),
    {{
{table}    }},
)
'''
