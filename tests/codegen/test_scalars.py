"""The one table of scalar types: every scalar of the model has a row, and each output the
generator writes (annotations, input checks, reader, hooks) reads it from there."""

from __future__ import annotations

import builtins
import datetime

import botocore.session
from botocore.model import ListShape, MapShape, StructureShape

from codegen import render_hooks, render_input_checks, render_reader, scalars, walk

MODEL = botocore.session.get_session().get_service_model("elasticache")
SCALAR_TYPE_NAMES = {
    shape.type_name
    for name in MODEL.shape_names
    if not isinstance(shape := MODEL.shape_for(name), (StructureShape, ListShape, MapShape))
}


def test_every_scalar_type_of_the_model_has_a_row() -> None:
    assert SCALAR_TYPE_NAMES <= set(scalars.SCALARS)


def _accepted(name: str) -> type:
    return getattr(builtins, name, None) or getattr(datetime, name)


def test_the_accepted_types_are_real_types() -> None:
    for name, row in scalars.SCALARS.items():
        assert all(isinstance(_accepted(t), type) for t in row.accepts), name


def test_an_argument_may_be_what_its_annotation_says() -> None:
    for name, row in scalars.SCALARS.items():
        assert row.python in row.accepts, name


def test_the_input_checks_test_the_accepted_types() -> None:
    integer = scalars.SCALARS["integer"]
    assert render_input_checks.accepted(integer, "v") == (
        "isinstance(v, int) and not isinstance(v, bool)"
    )
    assert render_input_checks.accepted(scalars.SCALARS["blob"], "v") == (
        "isinstance(v, (bytes, bytearray))"
    )


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
    checks = render_input_checks.Checks("v", "start_time")
    assert walk.value(timestamps, "v", checks) == (
        "v if isinstance(v, datetime) else wrong(v, 'datetime', \"start_time\")"
    )
