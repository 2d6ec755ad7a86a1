"""Render `_generated/reader.py`: the query protocol's XML answers read straight into the
shape classes, one `read_<Name>` per structure an answer can hold, and `OPERATIONS`, what
each operation's answer is (output shape, result wrapper, reader, paginator paths).

Each reader does what botocore's QueryParser and then the generated hook do, member by member
(see `_answers/` for the rest of the path). Where botocore's own reading is not a plain
reading of the element (a repeated element that is not a flattened list, a map entry it
cannot pair), the reader raises `Unreadable` and botocore reads the answer instead.
"""

from __future__ import annotations

from botocore.model import ListShape, MapShape, Shape, StructureShape

from codegen.model import Member, Model, Operation, Structure
from codegen.render_common import header
from codegen.render_shapes import made
from codegen.scalars import Scalar
from codegen.walk import Table, value


def _is_flattened(shape: Shape) -> bool:
    return isinstance(shape, (ListShape, MapShape)) and bool(shape.serialization.get("flattened"))


def _wire_name(member: Member) -> str:
    """The tag of a member's element(s): botocore's `_member_key_name`."""
    shape = member.shape
    if isinstance(shape, ListShape) and _is_flattened(shape):
        item_name = shape.member.serialization.get("name")
        if item_name is not None:
            return str(item_name)
    return str(shape.serialization.get("name", member.name))


def _unsupported(shape: Shape, why: str) -> SystemExit:
    return SystemExit(f"render_reader: shape {shape.name}: {why}; teach codegen/render_reader.py")


def _check_member(owner: str, member: Member) -> None:
    serialization = member.shape.serialization
    if serialization.get("xmlAttribute") or serialization.get("location"):
        raise _unsupported(member.shape, f"{owner}.{member.name} is not read from an element")


class _Reader(Table):
    """The reader of an element `x` as a shape (a flattened list or map: `x` is the list of
    its elements)."""

    def structure(self, shape: StructureShape, x: str) -> str:
        return f"read_{shape.name}({x})"

    def scalar(self, row: Scalar, x: str) -> str:
        return row.read.format(x=x)

    def list(self, shape: ListShape, x: str, item: str, item_value: str) -> str:
        if _is_flattened(shape.member):
            raise _unsupported(shape.member, "a flattened list or map inside a list")
        return f"[{item_value} for {item} in {x}]"

    def map(self, shape: MapShape, x: str, k: str, v: str, key: str, value: str) -> str:
        if _is_flattened(shape.value):
            raise _unsupported(shape.value, "a flattened list or map inside a map")
        key_tag = shape.key.serialization.get("name", "key")
        value_tag = shape.value.serialization.get("name", "value")
        return f'{{{key}: {value} for {k}, {v} in map_entries({x}, "{key_tag}", "{value_tag}")}}'


_READER = _Reader()


def _value(shape: Shape, x: str) -> str:
    return value(shape, x, _READER)


def _member_value(member: Member, flat: dict[str, str]) -> str:
    tag = _wire_name(member)
    if _is_flattened(member.shape):
        found = flat[tag]
        read = _value(member.shape, found)
        return read if member.required else f"None if not {found} else {read}"
    if member.required:
        return _value(member.shape, f'd["{tag}"]')
    return f'None if (c := d.get("{tag}")) is None else {_value(member.shape, "c")}'


def _children(structure: Structure, flat: dict[str, str]) -> str:
    """Statements that leave in `d` the element of each tag (and, for each flattened member,
    the list of its elements in its variable of `flat`), raising Unreadable where botocore
    would see a repeated element."""
    if not flat:
        return (
            "    d = {c.tag: c for c in e}\n"
            "    if len(d) != len(e):\n"
            "        raise Unreadable(e.tag)\n"
        )
    lists = "".join(f"    {name}: list[Element] = []\n" for name in flat.values())
    branches = "".join(
        f'        {"if" if i == 0 else "elif"} t == "{tag}":\n            {name}.append(c)\n'
        for i, (tag, name) in enumerate(flat.items())
    )
    return (
        f"    d: dict[str, Element] = {{}}\n{lists}"
        f"    for c in e:\n        t = c.tag\n{branches}"
        "        elif t in d:\n            raise Unreadable(t)\n"
        "        else:\n            d[t] = c\n"
    )


def _reader(structure: Structure) -> str:
    name = structure.name
    for member in structure.members:
        _check_member(name, member)
    flat = {
        _wire_name(m): f"f{i}" for i, m in enumerate(structure.members) if _is_flattened(m.shape)
    }
    tags = [_wire_name(m) for m in structure.members]
    if len(set(tags)) != len(tags):
        raise SystemExit(f"render_reader: {name}: two members share an element name")
    values = [_member_value(m, flat) for m in structure.members]
    children = _children(structure, flat) if values else ""
    return (
        f"def read_{name}(e: Element) -> _s.{name}:\n"
        f"{children}    o = {made(structure, values)}\n    e.clear()\n    return o\n"
    )


def _structures_in(shape: Shape, found: dict[str, None]) -> None:
    """Every structure an element of this shape can hold (itself included), first seen first."""
    if isinstance(shape, StructureShape):
        if shape.name not in found:
            found[shape.name] = None
            for member in shape.members.values():
                _structures_in(member, found)
    elif isinstance(shape, ListShape):
        _structures_in(shape.member, found)
    elif isinstance(shape, MapShape):
        _structures_in(shape.key, found)
        _structures_in(shape.value, found)


def _paths(output: Structure, dotted: tuple[str, ...], by_name: dict[str, Structure]) -> str:
    """Dotted keys of a paginator (its tokens and result key) as ((wire name, attribute), ...)
    steps along the output shape."""
    paths = []
    for key in dotted:
        steps, current = [], output
        for part in key.split("."):
            member = next(m for m in current.members if m.name == part)
            steps.append(f'("{member.name}", "{member.attr}")')
            if isinstance(member.shape, StructureShape):
                current = by_name[member.shape.name]
        paths.append(f"({', '.join(steps)},)")
    return f"({', '.join(paths)},)" if paths else "()"


def _operation_entry(op: Operation, paths: str) -> str:
    return (
        f'    "{op.name}": OperationReader(\n'
        f'        "{op.output}",\n'
        f"        {op.result_wrapper and repr(op.result_wrapper)},\n"
        f"        read_{op.output},\n"
        f"        {paths},\n"
        "    ),\n"
    )


def render(model: Model) -> str:
    by_name = {s.name: s for s in model.structures}
    paging = {p.operation.name: (*p.output_tokens, p.result_key) for p in model.paginators}
    reachable: dict[str, None] = {}
    entries = []
    for op in model.operations:
        if op.output is None:
            continue
        output = by_name[op.output]
        reachable[op.output] = None
        for member in output.members:
            _structures_in(member.shape, reachable)
        entries.append(_operation_entry(op, _paths(output, paging.get(op.name, ()), by_name)))
    readers = "\n\n".join(_reader(by_name[name]) for name in sorted(reachable))
    return f'''{header(model)}
"""The query protocol's XML answers read straight into the shape classes.

`read_<Name>` reads one element as the shape `Name`, as botocore's QueryParser and then the
generated hook would: members by element name (unknown ones ignored), lists item by item,
texts as botocore reads them. `OPERATIONS` says, for each operation with an output, the
output shape, the element wrapping it and the paths its paginator reads in a page.
"""

from __future__ import annotations

from base64 import b64decode
from xml.etree.ElementTree import Element

from elasticache_typed._answers.document import OperationReader, Unreadable, map_entries
from elasticache_typed._conversion.timestamps import parse_iso_timestamp as timestamp
from elasticache_typed._generated import shapes as _s


{readers}


OPERATIONS: dict[str, OperationReader] = {{
{"".join(entries)}}}
'''
