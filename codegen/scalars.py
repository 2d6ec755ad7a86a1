"""The one table of the model's scalar types: what each is in every output of the generator.

A row per botocore type name; its columns say the Python annotation (shapes, facades), the
types a facade argument may be at run time (the input checks, `render_input_checks`), and the
expressions that read it from an answer's XML element and convert it in the
converter hooks (formats of the value `{x}`).
"""

from __future__ import annotations

from dataclasses import dataclass

from botocore.model import Shape

_TEXT = "{x}.text or ''"


@dataclass(frozen=True)
class Scalar:
    python: str  # the annotation, e.g. "int"
    accepts: tuple[str, ...]  # the types an argument may be at run time
    read: str  # botocore's QueryParser handler, on the element {x} (missing text: "")
    structure: str = "{x}"  # boto3's value to the shape's
    unstructure: str = "{x}"  # the shape's value back to boto3's


SCALARS: dict[str, Scalar] = {
    "string": Scalar("str", ("str",), _TEXT),
    "character": Scalar("str", ("str",), _TEXT),
    "integer": Scalar("int", ("int",), "int({x}.text or '')"),
    "long": Scalar("int", ("int",), "int({x}.text or '')"),
    "boolean": Scalar("bool", ("bool",), "{x}.text == 'true'"),
    "float": Scalar("float", ("int", "float"), "float({x}.text or '')"),
    "double": Scalar("float", ("int", "float"), "float({x}.text or '')"),
    # Timestamps become aware UTC datetimes on the way in and stay datetimes on the way out.
    "timestamp": Scalar("datetime", ("datetime",), "timestamp({x}.text or '')", "to_utc({x})"),
    "blob": Scalar("bytes", ("bytes", "bytearray"), "b64decode({x}.text or '')"),
}

PYTHON_NAMES = frozenset(s.python for s in SCALARS.values())
"""Every scalar annotation (builtins and `datetime`): names no member may shadow."""


def scalar(shape: Shape) -> Scalar:
    """The row of a scalar shape; a type the table lacks stops the generator."""
    try:
        return SCALARS[shape.type_name]
    except KeyError:
        why = f"type {shape.type_name!r} has no row"
        raise SystemExit(f"shape {shape.name}: {why}; add one to codegen/scalars.py") from None
