"""The reader generator, on a small query-protocol model of its own with what the ElastiCache
model lacks today (flattened lists and maps, wrapped maps, lists of lists, blobs, longs,
floats, a required member, an output without a result wrapper): the reader it renders reads
hypothesis-drawn answers exactly as botocore's QueryParser and the hooks rendered from the same
model do. The rendered modules are executed here, as a test's own code, with the shapes
module of this model in place of the package's.
"""

from __future__ import annotations

import types
from typing import Any

import pytest
from botocore.awsrequest import HeadersDict
from botocore.model import ServiceModel, StructureShape
from botocore.parsers import QueryParser
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from codegen import model as codegen_model
from codegen import render_hooks, render_reader, render_shapes
from elasticache_typed._answers.document import parse_document, result_and_metadata
from tests.unit.wire_strategies import structure_content

_SCALARS = {
    "String": {"type": "string"},
    "Integer": {"type": "integer"},
    "Long": {"type": "long"},
    "Float": {"type": "float"},
    "Double": {"type": "double"},
    "Bool": {"type": "boolean"},
    "Time": {"type": "timestamp"},
    "Blob": {"type": "blob"},
}
SERVICE = ServiceModel(
    {
        "metadata": {
            "apiVersion": "2020-01-01",
            "endpointPrefix": "synthetic",
            "protocol": "query",
            "serviceId": "Synthetic",
            "signatureVersion": "v4",
            "xmlNamespace": "urn:synthetic",
        },
        "operations": {
            "GetThing": {
                "name": "GetThing",
                "http": {"method": "POST", "requestUri": "/"},
                "output": {"shape": "Thing", "resultWrapper": "GetThingResult"},
            },
            "GetPart": {
                "name": "GetPart",
                "http": {"method": "POST", "requestUri": "/"},
                "output": {"shape": "Part"},
            },
        },
        "shapes": {
            **_SCALARS,
            "Thing": {
                "type": "structure",
                "required": ["Id"],
                "members": {
                    "Id": {"shape": "String"},
                    "Count": {"shape": "Long"},
                    "Ratio": {"shape": "Float"},
                    "Data": {"shape": "Blob"},
                    "When": {"shape": "Time"},
                    "Maybe": {"shape": "Bool"},
                    "Renamed": {"shape": "String", "locationName": "OtherName"},
                    "Flags": {"shape": "FlatFlags"},
                    "Parts": {"shape": "FlatParts", "locationName": "Part"},
                    "Labels": {"shape": "Labels"},
                    "Extras": {"shape": "FlatExtras"},
                    "Matrix": {"shape": "Matrix"},
                    "Nested": {"shape": "Part"},
                },
            },
            "Part": {
                "type": "structure",
                "members": {"Name": {"shape": "String"}, "Size": {"shape": "Integer"}},
            },
            "FlatFlags": {
                "type": "list",
                "member": {"shape": "String", "locationName": "Flag"},
                "flattened": True,
            },
            "FlatParts": {"type": "list", "member": {"shape": "Part"}, "flattened": True},
            "Labels": {
                "type": "map",
                "key": {"shape": "String", "locationName": "Name"},
                "value": {"shape": "Integer", "locationName": "Number"},
            },
            "FlatExtras": {
                "type": "map",
                "key": {"shape": "String"},
                "value": {"shape": "Part"},
                "flattened": True,
            },
            "Matrix": {"type": "list", "member": {"shape": "Row"}},
            "Row": {"type": "list", "member": {"shape": "Double", "locationName": "Cell"}},
        },
    },
    "synthetic",
)


def _model() -> codegen_model.Model:
    structures = {
        name: codegen_model._structure(shape)
        for name in SERVICE.shape_names
        if isinstance(shape := SERVICE.shape_for(name), StructureShape)
    }
    operations = [
        codegen_model._operation(SERVICE.operation_model(name), structures)
        for name in SERVICE.operation_names
    ]
    return codegen_model.Model("synthetic", list(structures.values()), operations=operations)


def _execute(source: str, shapes: types.ModuleType | None = None) -> dict[str, Any]:
    namespace: dict[str, Any] = {"__name__": "synthetic_generated"}
    exec(compile(source, "<rendered>", "exec"), namespace)  # a test running rendered code
    if shapes is not None:
        namespace["_s"] = shapes  # this model's classes, not the package's
    return namespace


@pytest.fixture(scope="module")
def rendered() -> tuple[dict[str, Any], dict[str, Any]]:
    """This model's reader and hooks, over this model's shape classes."""
    model = _model()
    shapes = types.ModuleType("synthetic_shapes")
    exec(compile(render_shapes.render_runtime(model), "<shapes>", "exec"), shapes.__dict__)
    reader = _execute(render_reader.render(model), shapes)
    hooks = _execute(render_hooks.render(model), shapes)
    return reader, hooks


def _botocore(operation: str, body: bytes, hooks: dict[str, Any]) -> Any:
    output = SERVICE.operation_model(operation).output_shape
    assert output is not None
    response = {"body": body, "headers": HeadersDict(), "status_code": 200, "context": {}}
    parsed = QueryParser().parse(response, output)
    return hooks[f"structure_{output.name}"](parsed)


_HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large]


@pytest.mark.parametrize("all_members", [True, False])
@settings(max_examples=60, deadline=None, suppress_health_check=_HEALTH)
@given(data=st.data())
def test_flattened_lists_maps_and_every_scalar(
    rendered: tuple[dict[str, Any], dict[str, Any]], all_members: bool, data: st.DataObject
) -> None:
    reader, hooks = rendered
    thing = SERVICE.shape_for("Thing")
    assert isinstance(thing, StructureShape)
    members = data.draw(structure_content(thing, all_members=all_members))
    body = (
        f"<GetThingResponse xmlns='urn:synthetic'><GetThingResult>{members}</GetThingResult>"
        "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetThingResponse>"
    ).encode()
    result, _ = result_and_metadata(parse_document(body), reader["OPERATIONS"]["GetThing"].wrapper)
    assert reader["read_Thing"](result) == _botocore("GetThing", body, hooks)


def test_an_output_without_result_wrapper_is_the_root(
    rendered: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    reader, hooks = rendered
    entry = reader["OPERATIONS"]["GetPart"]
    assert entry.wrapper is None
    body = b"<GetPartResponse><Name>n</Name><Size>3</Size><Other/></GetPartResponse>"
    result, metadata = result_and_metadata(parse_document(body), entry.wrapper)
    assert metadata == {}
    part = entry.read(result)
    assert part == _botocore("GetPart", body, hooks)
    assert (part.name, part.size) == ("n", 3)


def test_members_not_read_from_elements_stop_the_generator() -> None:
    model = _model()
    thing = next(s for s in model.structures if s.name == "Thing")
    member = thing.members[0]
    member.shape.serialization["xmlAttribute"] = True
    try:
        with pytest.raises(SystemExit, match="Thing.Id is not read from an element"):
            render_reader.render(model)
    finally:
        del member.shape.serialization["xmlAttribute"]
