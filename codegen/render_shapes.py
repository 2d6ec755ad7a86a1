"""Render the shapes: `_generated/shapes.pyi`, the typed attrs classes and Literal aliases
that type checkers and IDEs read, and `_generated/shapes.py`, the same classes wrapped in
factories that build each one on first use (keeping `import elasticache_typed` cheap).

The two halves say the same thing in the form each reader needs. At run time a class is
`@attrs.frozen(kw_only=True)`; a list member takes any sequence and keeps a list; a class
with a list member, itself or in a member shape, is unhashable (`__hash__ = None`), as
hashing it would fail. The stub keeps the attrs decorator (so mypy's attrs plugin knows the
class for `attrs.evolve` and `attrs.fields`) but writes out what checkers must not guess:
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

_RESERVED = PYTHON_NAMES | {"list", "dict", "attrs", "stored_list"}

_MODULE_DOC = '''"""The ElastiCache shapes: an attrs class per structure, a Literal alias per enum.

Attribute names are botocore's snake_case of the wire names; members that are not required
default to None. List members take any sequence and keep a list; a class with a list member
(its own or a member shape's) is not hashable. Enum members are typed with Literal aliases;
at run time a value the model does not know yet is kept as the plain string.
"""'''

_UNHASHABLE_NOTE = "    # A list member (its own or a member shape's) makes it unhashable.\n"


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


def _class(structure: Structure, decorator: str, body: str) -> str:
    doc = docstring(structure.doc or f"The {structure.name} structure.", indent=4)
    return f"{decorator}\nclass {structure.name}:\n{doc}\n\n{body}\n"


# -- the runtime classes ----------------------------------------------------------------------


def _runtime_field(structure: Structure, member: Member) -> str:
    options = [] if member.required else ["default=None"]
    if member.secret:
        options.append("repr=False")
    if isinstance(member.shape, ListShape):
        options.append(f'converter=stored_list("{structure.name}.{member.attr}")')
    if not options:
        default = ""
    elif options == ["default=None"]:
        default = " = None"
    else:
        default = f" = attrs.field({', '.join(options)})"
    return _documented(f"{member.attr}: {_annotation(member)}{default}", member)


_METADATA_FIELD = (
    "response_metadata: ResponseMetadata | None = attrs.field(\n"
    "        default=None, init=False, eq=False, hash=False, repr=False\n    )\n"
    '    """The HTTP answer this result came in (request id, status, headers, retries), set\n'
    '    by the facade; None on an instance built otherwise."""'
)
_SHAPE_HOOKS = (
    "    __repr__ = shape_repr\n"
    "    __get_pydantic_core_schema__ = classmethod(pydantic_core_schema)\n"
)


def runtime_class_source(structure: Structure, hashable: bool, output: bool = False) -> str:
    """The attrs class of one structure, as its factory builds it; an operation's `output`
    also has `response_metadata`."""
    fields = [_runtime_field(structure, m) for m in _ordered(structure)]
    if output:
        fields.append(f"    {_METADATA_FIELD}")
    prefix = "" if hashable else f"{_UNHASHABLE_NOTE}    __hash__ = None\n\n"
    body = prefix + _SHAPE_HOOKS + ("\n" + "\n".join(fields) if fields else "")
    return _class(structure, "@attrs.frozen(kw_only=True)", body)


def output_names(model: Model) -> set[str]:
    """Names of the structures that operations return (their results carry metadata)."""
    return {o.output for o in model.operations if o.output}


def _make_runtime(structure: Structure, output: bool = False) -> str:
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
    if output:
        setters += f'_set_response_metadata = {name}.__dict__["response_metadata"].__set__\n'
        sets += "    _set_response_metadata(_o, None)\n"
    return (
        f"_new = object.__new__\n{setters}\n\n"
        f"def _make({params}{slash}):\n    _o = _new({name})\n{sets}    return _o\n\n\n"
        f"{name}._make = staticmethod(_make)\n"
    )


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
    # attrs itself is imported by the first class built, not by `import elasticache_typed`.
    body = textwrap.indent(
        runtime_class_source(structure, hashable, output) + "\n" + _make_runtime(structure, output),
        "    ",
    )
    return (
        f"def _{structure.name}() -> type:\n    import attrs\n\n{body}\n"
        f"    return {structure.name}\n"
    )


# -- the stub classes -------------------------------------------------------------------------


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
"""The shapes at run time: each attrs class is built the first time it is used.

Their types and documentation, for type checkers and IDEs, are in shapes.pyi.
"""

from __future__ import annotations

from datetime import datetime

from elasticache_typed._conversion.lazy_classes import lazy_class_getattr
from elasticache_typed._conversion.pydantic_schema import pydantic_core_schema
from elasticache_typed._conversion.shape_repr import shape_repr
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
