"""The generated input checks (`_generated/input_checks.py`), a table of the one codegen walk:
they cover every input member of the model they were made from, keep each item's path in
their messages, keep the caller's order, and need no botocore model at run time."""

from __future__ import annotations

import copy
from typing import Any

import botocore
import botocore.session
import pytest
from botocore import xform_name
from botocore.model import MapShape, ServiceModel

from codegen import render_input_checks, scalars
from elasticache_typed import ElastiCache, errors, shapes
from elasticache_typed._generated.input_checks import INPUTS
from elasticache_typed._generated.version import GENERATED_FROM_BOTOCORE
from elasticache_typed._input.params import request_params
from tests.support.fake_endpoint import FakeEndpoint, make_client

MODEL = botocore.session.get_session().get_service_model("elasticache")


@pytest.mark.skipif(
    botocore.__version__ != GENERATED_FROM_BOTOCORE,
    reason="the installed botocore's model is not the one the code was generated from",
)
def test_the_table_covers_every_input_member_of_the_model_it_was_made_from() -> None:
    assert set(INPUTS) == set(MODEL.operation_names)
    for operation, checks in INPUTS.items():
        input_shape = MODEL.operation_model(operation).input_shape
        members = tuple(input_shape.members) if input_shape else ()
        assert checks.members == members, operation


def _error(operation: str, values: dict[str, Any]) -> str:
    with pytest.raises(errors.ValidationError) as info:
        request_params(operation, values)
    return info.value.message


def test_an_item_of_a_list_of_shapes_is_named_by_its_path() -> None:
    tags = [shapes.Tag(key="a"), shapes.Tag(key="b"), shapes.Tag(key=5)]  # type: ignore[arg-type]
    values = {"SnapshotName": "s", "Tags": tags}
    assert _error("CreateSnapshot", values) == "tags[2].key: expected str, got int"


def test_a_list_inside_a_shape_inside_a_list_is_named_by_its_path() -> None:
    good = shapes.ReshardingConfiguration(preferred_availability_zones=["a"])
    bad = shapes.ReshardingConfiguration(preferred_availability_zones=["a", b"b"])  # type: ignore[list-item]
    values = {
        "ReplicationGroupId": "r",
        "NodeGroupCount": 2,
        "ApplyImmediately": True,
        "ReshardingConfiguration": [good, bad],
    }
    assert _error("ModifyReplicationGroupShardConfiguration", values) == (
        "resharding_configuration[1].preferred_availability_zones[1]: expected str, got bytes"
    )


def test_params_keep_the_callers_order_and_leave_out_none() -> None:
    values = {"Tags": {"k": "v"}, "KmsKeyId": None, "SnapshotName": "s", "CacheClusterId": "c"}
    params = request_params("CreateSnapshot", values)
    assert list(params) == ["Tags", "SnapshotName", "CacheClusterId"]
    assert params["Tags"] == [{"Key": "k", "Value": "v"}]


def test_a_float_member_takes_an_int_but_not_a_bool() -> None:
    # No float member in this model's input: the rule is in the generator's step.
    double = scalars.scalar(MODEL.shape_for("Double"))
    assert render_input_checks.accepted(double, "v") == (
        "isinstance(v, (int, float)) and not isinstance(v, bool)"
    )


def test_a_map_in_an_input_stops_the_generator() -> None:
    shape = MapShape("M", {"type": "map", "key": {"shape": "K"}, "value": {"shape": "K"}})
    with pytest.raises(SystemExit, match="render_input_checks.py"):
        render_input_checks.Checks("v", "p").map(shape, "v", "k0", "x0", "k0", "x0")


def _older_client(shape: str, member: str, *, require: bool = False) -> Any:
    """A client whose model acts old: `shape` lacks `member`, or (`require`) requires it."""
    client = make_client()
    service = client.meta.service_model
    raw = copy.deepcopy(service._service_description)  # noqa: SLF001 - the model botocore reads
    if require:
        raw["shapes"][shape]["required"] = [*raw["shapes"][shape].get("required", []), member]
    else:
        del raw["shapes"][shape]["members"][member]
    client.meta._service_model = ServiceModel(raw, service.service_name)  # noqa: SLF001
    return client


def test_members_an_installed_model_lacks_are_found_per_model() -> None:
    """The lacking members are computed once per installed operation model, not per name: a
    full model and a cut-down one in the same process each get their own answer."""
    member = "ShowCacheClustersNotInReplicationGroups"
    for fails in (False, True, False, True):
        client = _older_client("DescribeCacheClustersMessage", member) if fails else make_client()
        endpoint = FakeEndpoint.attach(client)
        endpoint.add_result("DescribeCacheClusters", {"CacheClusters": []})
        cache = ElastiCache(client)
        if fails:
            with pytest.raises(errors.ValidationError, match=xform_name(member)):
                cache.describe_cache_clusters(show_cache_clusters_not_in_replication_groups=True)
            assert endpoint.requests == []
        else:
            cache.describe_cache_clusters(show_cache_clusters_not_in_replication_groups=True)
            assert len(endpoint.requests) == 1


def test_a_member_an_older_model_requires_is_a_required_argument() -> None:
    """An older model may require what the generated code takes as optional (the floor's
    CompleteMigration requires ReplicationGroupId): None for it is the TypeError of a required
    argument, as botocore's model wants, and nothing is sent."""
    client = _older_client("CompleteMigrationMessage", "ReplicationGroupId", require=True)
    endpoint = FakeEndpoint.attach(client)
    with pytest.raises(TypeError) as info:
        ElastiCache(client).complete_migration()
    assert str(info.value) == (
        "complete_migration() argument 'replication_group_id' is required, got None"
    )
    assert endpoint.requests == []
