"""The one table of scalar types: every scalar of the model has a row, and each output the
generator writes (annotations, input checks, reader, hooks) reads it from there."""

from __future__ import annotations

import builtins
import datetime

import botocore.session
from botocore.model import ListShape, MapShape, StructureShape

from codegen import render_hooks, render_reader, scalars, walk
from elasticache_typed._generated.scalars import SCALAR_TYPES

MODEL = botocore.session.get_session().get_service_model("elasticache")
SCALAR_TYPE_NAMES = {
    shape.type_name
    for name in MODEL.shape_names
    if not isinstance(shape := MODEL.shape_for(name), (StructureShape, ListShape, MapShape))
}


def test_every_scalar_type_of_the_model_has_a_row() -> None:
    assert SCALAR_TYPE_NAMES <= set(scalars.SCALARS)


def test_the_run_time_input_types_are_the_tables() -> None:
    assert {name: tuple(t.__name__ for t in types) for name, types in SCALAR_TYPES.items()} == {
        name: row.accepts for name, row in scalars.SCALARS.items()
    }


def test_an_argument_may_be_what_its_annotation_says() -> None:
    for name, row in scalars.SCALARS.items():
        annotated = getattr(builtins, row.python, None) or getattr(datetime, row.python)
        assert annotated in SCALAR_TYPES[name], name


def test_each_output_is_a_table_of_the_one_walk() -> None:
    timestamps = MODEL.shape_for("TStamp")
    listed = MODEL.operation_model("DescribeEvents").output_shape
    assert isinstance(listed, StructureShape)
    events = listed.members["Events"]
    assert walk.value(timestamps, "v", render_hooks.STRUCTURE) == "to_utc(v)"
    assert walk.value(timestamps, "v", render_hooks.UNSTRUCTURE) == "v"
    assert (
        walk.value(events, "v", render_hooks.UNSTRUCTURE) == "[unstructure_Event(x0) for x0 in v]"
    )
    assert walk.value(timestamps, "e", render_reader._READER) == "timestamp(e.text or '')"
