"""Render the shapes: `_generated/shapes.pyi`, the typed attrs classes and Literal aliases
that type checkers and IDEs read, and `_generated/shapes.py`, the same classes wrapped in
factories that build each one on first use (keeping `import elasticache_typed` cheap).

The two halves say the same thing in the form each reader needs. At run time a class is
written out as `@attrs.frozen(kw_only=True)` would build it (see the runtime section below);
a list member takes any sequence and keeps a list; a class with a list member, itself or in
a member shape, is unhashable (`__hash__ = None`), as hashing it would fail. The stub keeps
the attrs decorator (so mypy's attrs plugin knows the class for `attrs.evolve` and
`attrs.fields`) but writes out what checkers must not guess:
`order=False` (mypy's plugin would make the class orderable), an explicit keyword-only
`__init__` with `Sequence[X]` list parameters, `__hash__: ClassVar[None]` where unhashable,
and `__attrs_attrs__`, which `converter.unstructure` recognises a shape by.
"""

from __future__ import annotations

import textwrap

from botocore.model import ListShape, Shape, StructureShape

from codegen.model import Member, Model, Structure, annotation
from codegen.render_common import docstring, header
from codegen.scalars import PYTHON_NAMES

_RESERVED = PYTHON_NAMES | {"list", "dict", "attrs", "stored_list", "self", "other"}

_MODULE_DOC = '''"""The ElastiCache shapes: an attrs class per structure, a Literal alias per enum.

Attribute names are botocore's snake_case of the wire names; members that are not required
default to None. List members take any sequence and keep a list; a class with a list member
(its own or a member shape's) is not hashable. Enum members are typed with Literal aliases;
at run time a value the model does not know yet is kept as the plain string.
"""'''

_UNHASHABLE_NOTE = "    # A list member (its own or a member shape's) makes it unhashable.\n"
RESPONSE_METADATA = "response_metadata"


def unhashable(model: Model) -> set[str]:
    """Names of the structures whose instances cannot be hashed: those with a list member,
    or a member of such a structure."""
    found: set[str] = set()
    changed = True
    while changed:
        changed = False
        for structure in model.structures:
            if structure.name not in found and any(
                isinstance(m.shape, ListShape)
                or (isinstance(m.shape, StructureShape) and m.shape.name in found)
                for m in structure.members
            ):
                found.add(structure.name)
                changed = True
    return found


def _ordered(structure: Structure) -> list[Member]:
    # Required members first: keyword-only, so only for reading hovers and reprs.
    for member in structure.members:
        if member.attr in _RESERVED:
            raise SystemExit(f"member {member.name}: attribute {member.attr!r} shadows a name")
    return sorted(structure.members, key=lambda m: not m.required)


def _annotation(member: Member) -> str:
    return member.type if member.required else f"{member.type} | None"


def _documented(line: str, member: Member) -> str:
    doc = f"\n{docstring(member.doc, indent=4)}" if member.doc else ""
    return f"    {line}{doc}"


def _class(structure: Structure, decorator: str | None, body: str) -> str:
    doc = docstring(structure.doc or f"The {structure.name} structure.", indent=4)
    above = f"{decorator}\n" if decorator else ""
    return f"{above}class {structure.name}:\n{doc}\n\n{body}\n"


# -- the runtime classes ----------------------------------------------------------------------
#
# Each class is written out as `attrs.frozen(kw_only=True)` would build it (building it with
# attrs at run time costs 0.1-1 ms a class, most of a facade's first call): slots, a keyword
# `__init__` that sets each slot (through the list members' converters), attrs' `__eq__` and
# `__hash__`; attrs' own frozen `__setattr__`, and its fields and props, made by attrs from the
# declarations on first use, come from `_conversion/written_classes.py`.

_METADATA_DOC = (
    '    """The HTTP answer this result came in (request id, status, headers, retries), set\n'
    '    by the facade; None on an instance built otherwise."""'
)
_SHARED = (
    "    __setattr__, __delattr__, __getstate__, __setstate__ = frozen_slots(__slots__)\n"
    "    __match_args__ = ()\n"
    "    __repr__ = shape_repr\n"
    "    __get_pydantic_core_schema__ = classmethod(pydantic_core_schema)\n"
    "    if sys.version_info >= (3, 13):  # copy.replace, as attrs gives it there\n"
    "        __replace__ = shape_replace\n"
)


def _names(names: list[str]) -> str:
    """A tuple display of the names, on one line where it fits (no magic trailing comma)."""
    return "(" + ", ".join(f'"{name}"' for name in names) + ("," if len(names) == 1 else "") + ")"


def _converter(structure: Structure, member: Member) -> str:
    return f'_list_{member.attr} = stored_list("{structure.name}.{member.attr}")\n'


def _declarations(members: list[Member]) -> str:
    """What attrs must be told about the fields beyond `name: T | None = None`."""
    required = [m.attr for m in members if m.required]
    secret = [m.attr for m in members if m.secret]
    lists = [m.attr for m in members if isinstance(m.shape, ListShape)]
    arguments = [
        *([f"required={_names(required)}"] if required else []),
        *([f"secret={_names(secret)}"] if secret else []),
        *(["converters={" + ", ".join(f'"{a}": _list_{a}' for a in lists) + "}"] if lists else []),
    ]
    made = f"made_by_attrs_on_first_use({', '.join(arguments)})"
    return f"    __attrs_attrs__, __attrs_props__ = {made}\n"


def _init(members: list[Member], output: bool) -> str:
    parameters = "".join(_parameter(m) for m in members)
    star = "        *,\n" if members else ""
    sets = [
        f"_set_{m.attr}(self, _list_{m.attr}({m.attr}))"
        if isinstance(m.shape, ListShape)
        else f"_set_{m.attr}(self, {m.attr})"
        for m in members
    ]
    if output:
        sets.append("_set_response_metadata(self, None)")
    body = "".join(f"        {line}\n" for line in sets) or "        pass\n"
    return f"    def __init__(\n        self,\n{star}{parameters}    ) -> None:\n{body}"


def _eq(members: list[Member]) -> str:
    compared = " and ".join(f"self.{m.attr} == other.{m.attr}" for m in members)
    return (
        "    def __eq__(self, other: object) -> bool:\n"
        "        if other.__class__ is not self.__class__:\n"
        "            return NotImplemented\n"
        f"        return {compared or 'True'}\n"
    )


def _hash(structure: Structure, members: list[Member]) -> str:
    hashed = "".join(f", self.{m.attr}" for m in members)
    return f'    def __hash__(self) -> int:\n        return hash(("{structure.name}"{hashed}))\n'


def _make(structure: Structure, output: bool) -> str:
    """`_make`: an instance from the members' values in model order. Readers of answers build
    shapes with it, the values known to fit (lists are lists): it fills the slots of a
    `_Filling` instance by plain assignment, then makes it one of the class (a quarter of the
    cost of calling each slot's setter, as `__init__` does)."""
    params = "".join(f"{m.attr}, " for m in structure.members)
    slash = "/" if structure.members else ""
    sets = "".join(f"        _o.{m.attr} = {m.attr}\n" for m in structure.members)
    if output:
        sets += f"        _o.{RESPONSE_METADATA} = None\n"
    return (
        f"    @staticmethod\n    def _make({params}{slash}) -> {structure.name}:\n"
        f"        _o = _new(_Filling)\n{sets}        _o.__class__ = {structure.name}\n"
        "        return _o\n"
    )


def _filling(name: str) -> str:
    """The class `_make` fills an instance of: the shape's own slots, set without its frozen
    `__setattr__` (both of object's own, so assignment takes the slots' fast path)."""
    return (
        f"class _Filling({name}):\n"
        f'    """{name} while `_make` fills its slots."""\n\n'
        "    __slots__ = ()\n"
        "    __setattr__ = object.__setattr__\n"
        "    __delattr__ = object.__delattr__\n\n\n"
    )


def runtime_class_source(structure: Structure, hashable: bool, output: bool = False) -> str:
    """One structure's class as its factory builds it, written out as attrs would build it;
    an operation's `output` also has `response_metadata`."""
    members = _ordered(structure)
    slots = [m.attr for m in members] + ([RESPONSE_METADATA] if output else [])
    fields = [_documented(f"{m.attr}: {_annotation(m)}", m) for m in members]
    if output:
        fields.append(f"    {RESPONSE_METADATA}: ResponseMetadata | None\n{_METADATA_DOC}")
    parts = [
        f"    __slots__ = {_names([*slots, '__weakref__'])}\n"
        + _SHARED
        + _declarations(members)
        + ("" if hashable else f"{_UNHASHABLE_NOTE}    __hash__ = None\n"),
        "\n".join(fields),
        _init(members, output),
        _eq(members),
        *([_hash(structure, members)] if hashable else []),
        _make(structure, output),
    ]
    return _class(structure, None, "\n".join(parts))


def output_names(model: Model) -> set[str]:
    """Names of the structures that operations return (their results carry metadata)."""
    return {o.output for o in model.operations if o.output}


def made(structure: Structure, values: list[str]) -> str:
    """The expression that builds an instance of the structure's class with `_make` from
    `values`, the members' value expressions in model order (for generated readers)."""
    if len(values) != len(structure.members):
        raise ValueError(f"{structure.name}: {len(values)} values for its members")
    arguments = "".join(f"        {value},\n" for value in values)
    return (
        f"_s.{structure.name}._make(\n{arguments}    )"
        if values
        else f"_s.{structure.name}._make()"
    )


def _factory(structure: Structure, hashable: bool, output: bool) -> str:
    name = structure.name
    converters = "".join(
        _converter(structure, m) for m in _ordered(structure) if isinstance(m.shape, ListShape)
    )
    slots = [m.attr for m in structure.members] + ([RESPONSE_METADATA] if output else [])
    setters = "".join(f'_set_{slot} = {name}.__dict__["{slot}"].__set__\n' for slot in slots)
    body = textwrap.indent(
        f"{converters}{chr(10) if converters else ''}"
        f"{runtime_class_source(structure, hashable, output)}\n\n"
        f"{_filling(name)}_new = object.__new__\n{setters}",
        "    ",
    )
    return f"def _{name}() -> type:\n{body}    return {name}\n"


# -- the stub classes -------------------------------------------------------------------------

_METADATA_FIELD = (
    f"{RESPONSE_METADATA}: ResponseMetadata | None = attrs.field(\n"
    "        default=None, init=False, eq=False, hash=False, repr=False\n    )\n"
    f"{_METADATA_DOC}"
)


def _parameter(member: Member) -> str:
    shape = member.shape
    kind = f"Sequence[{annotation(shape.member)}]" if isinstance(shape, ListShape) else member.type
    default = "" if member.required else " | None = None"
    return f"        {member.attr}: {kind}{default},\n"


def _read_type(shape: Shape) -> str:
    """A member's type as readers of answers pass it to `_make`: an enum value is any `str`
    (the service may send one the model does not know yet)."""
    if getattr(shape, "enum", None):
        return "str"
    if isinstance(shape, ListShape):
        return f"list[{_read_type(shape.member)}]"
    return annotation(shape)


def _make_stub(structure: Structure) -> str:
    """The stub of `_make`, the positional constructor the generated readers use."""
    params = "".join(
        f"{m.attr}: {_read_type(m.shape)}{'' if m.required else ' | None'}, "
        for m in structure.members
    )
    slash = "/" if structure.members else ""
    return f"    @staticmethod\n    def _make({params}{slash}) -> {structure.name}: ..."


def stub_class_source(structure: Structure, hashable: bool, output: bool = False) -> str:
    """The typed class of one structure, as type checkers read it."""
    members = _ordered(structure)
    lines = ["    __attrs_attrs__: ClassVar[tuple[attrs.Attribute[Any], ...]]"]
    if not hashable:
        lines.append(f"{_UNHASHABLE_NOTE}    __hash__: ClassVar[None]  # type: ignore[assignment]")
    lines += [_documented(f"{m.attr}: {_annotation(m)}", m) for m in members]
    if output:
        lines.append(f"    {_METADATA_FIELD}")
    parameters = "".join(_parameter(m) for m in members)
    star = "        *,\n" if members else ""
    lines.append(f"    def __init__(\n        self,\n{star}{parameters}    ) -> None: ...")
    lines.append(_make_stub(structure))
    decorator = "@attrs.frozen(kw_only=True, order=False, init=False)"
    return _class(structure, decorator, "\n".join(lines))


# -- the modules ------------------------------------------------------------------------------


def _aliases(model: Model) -> str:
    return "\n".join(
        f"{e.name}: TypeAlias = Literal[{', '.join(map(repr, e.values))}]" for e in model.enums
    )


def _alias_import(model: Model) -> str:
    if not model.enums:
        return ""
    names = "".join(f"    {e.name},\n" for e in model.enums)
    return f"from elasticache_typed._generated.literals import (\n{names})"


def render_literals(model: Model) -> str:
    """The Literal aliases, one module that both type checkers and the runtime read (the
    stub and the runtime half of the shapes import them from it)."""
    exports = "".join(f'    "{e.name}",\n' for e in model.enums)
    return f'''{header(model)}
"""A Literal alias per enum of the model, re-exported by `shapes` (e.g. `shapes.AZMode`)."""

from typing import Literal, TypeAlias

__all__ = [
{exports}]

{_aliases(model)}
'''


def _exports(model: Model) -> str:
    names = sorted([e.name for e in model.enums] + [s.name for s in model.structures])
    return "__all__ = [\n" + "".join(f'    "{name}",\n' for name in names) + "]"


def render_stub(model: Model) -> str:
    unhashable_names, outputs = unhashable(model), output_names(model)
    classes = "\n\n".join(
        stub_class_source(s, s.name not in unhashable_names, s.name in outputs)
        for s in model.structures
    )
    return f"""{header(model)}
{_MODULE_DOC}

from collections.abc import Sequence
from datetime import datetime
from typing import Any, ClassVar

import attrs

from elasticache_typed._facades.response_metadata import ResponseMetadata
{_alias_import(model)}

{_exports(model)}


{classes}"""


def render_runtime(model: Model) -> str:
    unhashable_names, outputs = unhashable(model), output_names(model)
    factories = "\n\n".join(
        _factory(s, s.name not in unhashable_names, s.name in outputs) for s in model.structures
    )
    table = "".join(f'    "{s.name}": _{s.name},\n' for s in model.structures)
    return f'''{header(model)}
"""The shapes at run time: each attrs class is built the first time it is used, written out
as attrs would build it (see `_conversion/written_classes.py`).

Their types and documentation, for type checkers and IDEs, are in shapes.pyi.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import datetime

from elasticache_typed._conversion.lazy_classes import lazy_class_getattr
from elasticache_typed._conversion.pydantic_schema import pydantic_core_schema
from elasticache_typed._conversion.shape_repr import shape_repr
from elasticache_typed._conversion.written_classes import (
    frozen_slots,
    made_by_attrs_on_first_use,
    shape_replace,
)
from elasticache_typed._input.shape_lists import stored_list

{_alias_import(model)}

{_exports(model)}


{factories}

__getattr__ = lazy_class_getattr(
    globals(),
    {{
{table}    }},
    imported={{"ResponseMetadata": "elasticache_typed._facades.response_metadata"}},
)
'''
