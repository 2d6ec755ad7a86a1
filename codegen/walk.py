"""The one walk over a member's shape that writes the Python handling its value.

`value(shape, x, table)` goes down structures, lists and maps (naming the comprehension
variables by depth) and asks `table` what each step is in its output: the converter hooks'
two directions (`render_hooks`), the XML reader (`render_reader`) and the input checks
(`render_input_checks`) are tables, and a scalar's step is its column in `codegen/scalars.py`.
"""

from __future__ import annotations

from botocore.model import ListShape, MapShape, Shape, StructureShape

from codegen.scalars import Scalar, scalar


class Table:
    """What each step of the walk writes in one output (a subclass per output)."""

    def structure(self, shape: StructureShape, x: str) -> str:
        raise NotImplementedError

    def scalar(self, row: Scalar, x: str) -> str:
        raise NotImplementedError

    def item(self, x: str, item: str, index: str) -> None:
        """Called before the walk goes into the items of a list `x`: each is `item`, at the
        position `index` (a table that names positions, such as the input checks, notes it)."""

    def list(self, shape: ListShape, x: str, item: str, item_value: str) -> str:
        """A list `x` whose `item` becomes `item_value`: copied when the items stay as they are."""
        if item_value == item:
            return f"list({x})"
        return f"[{item_value} for {item} in {x}]"

    def map(self, shape: MapShape, x: str, k: str, v: str, key: str, value: str) -> str:
        """A map `x` whose entries `k`, `v` become `key`, `value`."""
        return f"{{{key}: {value} for {k}, {v} in {x}.items()}}"


def value(shape: Shape, x: str, table: Table, depth: int = 0) -> str:
    """Python handling the value `x` of this shape, as `table` says each step."""
    if isinstance(shape, StructureShape):
        return table.structure(shape, x)
    if isinstance(shape, ListShape):
        item = f"x{depth}"
        table.item(x, item, f"i{depth}")
        return table.list(shape, x, item, value(shape.member, item, table, depth + 1))
    if isinstance(shape, MapShape):
        k, v = f"k{depth}", f"x{depth}"
        key = value(shape.key, k, table, depth + 1)
        return table.map(shape, x, k, v, key, value(shape.value, v, table, depth + 1))
    return table.scalar(scalar(shape), x)


def is_scalar(shape: Shape) -> bool:
    """Whether a shape is a scalar (a row of codegen/scalars.py) rather than a container."""
    return not isinstance(shape, (StructureShape, ListShape, MapShape))
