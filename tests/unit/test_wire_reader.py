"""The generated reader gives exactly what botocore's QueryParser and the generated hooks give.

For every operation with an output, hypothesis draws whole XML answers (tests.unit.
wire_strategies: all members or random subsets, unknown members and enum values, empty lists,
any item names, every timestamp form botocore reads, with or without the namespace) and each
is read both ways: by the parser of a client made by `create()` under the facade's mark (the
generated reader), and by botocore's own default QueryParser followed by the hooks, as a
wrapped client's answer is. The typed outputs and the ResponseMetadata must be equal, and
the reader, not botocore, must have read every one of them.
"""

from __future__ import annotations

import copy
import datetime as dt
import pickle
from typing import Any

import attrs
import pytest
from botocore.awsrequest import HeadersDict
from botocore.parsers import QueryParser
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from elasticache_typed import shapes
from elasticache_typed._answers.handover import expecting
from elasticache_typed._answers.wire_parser import TypedAnswerParserFactory
from elasticache_typed._conversion.hook_lookup import structure_hook
from elasticache_typed._conversion.timestamps import parse_iso_timestamp
from elasticache_typed._facades.core import read_answer
from tests.unit.test_converter_roundtrip import assert_datetimes_are_aware_utc
from tests.unit.wire_strategies import answer_bodies, timestamp_texts

from .strategies import service_model

OPERATIONS = sorted(
    name
    for name in service_model().operation_names
    if service_model().operation_model(name).output_shape is not None
)

_HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large]
_ALL_MEMBERS = settings(max_examples=4, deadline=None, suppress_health_check=_HEALTH)
_SUBSETS = settings(max_examples=10, deadline=None, suppress_health_check=_HEALTH)


def _response(operation: str, body: bytes) -> dict[str, Any]:
    return {
        "body": body,
        "headers": HeadersDict({"Content-Type": "text/xml"}),
        "status_code": 200,
        "context": {"operation_name": operation},
    }


def _created_parser() -> tuple[object, QueryParser]:
    """The query parser of a client made by `create()`, and the factory its facade expects."""
    factory = TypedAnswerParserFactory()
    factory.set_parser_defaults(timestamp_parser=parse_iso_timestamp)
    return factory, factory.create_parser("query")


def read_both_ways(operation: str, body: bytes) -> tuple[Any, Any]:
    """((the typed output handed over, the plain dict the parser returned), botocore's parsed
    response)."""
    shape = service_model().operation_model(operation).output_shape
    factory, parser = _created_parser()
    with expecting(factory) as box:
        parsed = parser.parse(_response(operation, body), shape)
    assert box is not None
    ours = (box.output, parsed)
    theirs = QueryParser().parse(_response(operation, body), shape)
    return ours, theirs


def typed_output(ours: tuple[Any, Any]) -> Any:
    """The typed output of `read_both_ways`'s first half (None: botocore read the answer)."""
    return ours[0]


def assert_reader_equals_botocore(operation: str, body: bytes) -> None:
    ours, theirs = read_both_ways(operation, body)
    typed = typed_output(ours)
    if body.count(b"xmlns") > 1:  # text that looks like a namespace: botocore reads it, by design
        assert typed is None, "the generated reader read text that looks like a namespace"
        return
    assert typed is not None, "botocore read the answer, not the generated reader"
    output = getattr(shapes, service_model().operation_model(operation).output_shape.name)
    expected = read_answer(theirs, structure_hook(output), operation)
    assert type(typed) is output
    assert typed == expected
    assert ours[1]["ResponseMetadata"] == theirs["ResponseMetadata"]
    assert_datetimes_are_aware_utc(typed)


@pytest.mark.parametrize("operation", OPERATIONS)
@_ALL_MEMBERS
@given(data=st.data())
def test_every_member(operation: str, data: st.DataObject) -> None:
    assert_reader_equals_botocore(operation, data.draw(answer_bodies(operation, all_members=True)))


@pytest.mark.parametrize("operation", OPERATIONS)
@_SUBSETS
@given(data=st.data())
def test_random_subsets_unknown_members_and_values(operation: str, data: st.DataObject) -> None:
    body = data.draw(answer_bodies(operation, all_members=False))
    assert_reader_equals_botocore(operation, body)


@settings(max_examples=200, deadline=None)
@given(text=timestamp_texts())
def test_every_timestamp_form(text: str) -> None:
    body = _snapshot_answer(f"<SnapshotCreateTime>{text}</SnapshotCreateTime>")
    assert_reader_equals_botocore("CreateSnapshot", body)


def _snapshot_answer(node_snapshot: str, extra: str = "") -> bytes:
    return (
        '<CreateSnapshotResponse xmlns="http://elasticache.amazonaws.com/doc/2015-02-02/">'
        "<CreateSnapshotResult><Snapshot><SnapshotName>s</SnapshotName>"
        f"<NodeSnapshots><NodeSnapshot>{node_snapshot}</NodeSnapshot></NodeSnapshots>{extra}"
        "</Snapshot></CreateSnapshotResult>"
        "<ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>"
        "</CreateSnapshotResponse>"
    ).encode()


def test_a_known_answer_reads_as_expected() -> None:
    """Not only equal to botocore's: the values a reader of the XML expects."""
    body = _snapshot_answer(
        "<CacheSize>1.5 GB</CacheSize><SnapshotCreateTime>2026-11-25T03:12:45.123Z"
        "</SnapshotCreateTime><NodeGroupConfiguration><ReplicaCount>2</ReplicaCount>"
        "<ReplicaAvailabilityZones><AvailabilityZone>a</AvailabilityZone>"
        "<AvailabilityZone>b</AvailabilityZone></ReplicaAvailabilityZones>"
        "</NodeGroupConfiguration>",
        extra="<AutoMinorVersionUpgrade>true</AutoMinorVersionUpgrade><Port>6379</Port>"
        "<DataTiering>not-yet-modelled</DataTiering><ShinyNewMember>x</ShinyNewMember>"
        "<NumNodeGroups></NumNodeGroups>",
    )
    body = body.replace(b"<NumNodeGroups></NumNodeGroups>", b"")
    ours, _ = read_both_ways("CreateSnapshot", body)
    snapshot = typed_output(ours).snapshot
    assert snapshot.snapshot_name == "s"
    assert snapshot.auto_minor_version_upgrade is True
    assert snapshot.port == 6379
    assert snapshot.data_tiering == "not-yet-modelled"
    assert snapshot.num_node_groups is None
    (node,) = snapshot.node_snapshots
    assert node.cache_size == "1.5 GB"
    assert node.snapshot_create_time == dt.datetime(2026, 11, 25, 3, 12, 45, 123000, tzinfo=dt.UTC)
    assert node.snapshot_create_time.tzinfo is dt.UTC
    assert node.node_group_configuration.replica_count == 2
    assert node.node_group_configuration.replica_availability_zones == ["a", "b"]
    assert ours[1]["ResponseMetadata"]["RequestId"] == "r-1"
    # Built without __init__, the instances are still whole attrs instances.
    assert pickle.loads(pickle.dumps(snapshot)) == snapshot == copy.deepcopy(snapshot)
    assert attrs.evolve(snapshot, port=1).port == 1
    assert "ShinyNewMember" not in repr(snapshot)


def test_empty_elements_are_empty_strings_and_lists() -> None:
    body = _snapshot_answer(
        "<CacheNodeId/><NodeGroupConfiguration><Slots></Slots>"
        "<ReplicaAvailabilityZones/></NodeGroupConfiguration>"
    )
    assert_reader_equals_botocore("CreateSnapshot", body)
    node = typed_output(read_both_ways("CreateSnapshot", body)[0]).snapshot.node_snapshots[0]
    assert node.cache_node_id == ""
    assert node.node_group_configuration.slots == ""
    assert node.node_group_configuration.replica_availability_zones == []


def test_a_value_that_looks_like_a_namespace_is_left_to_botocore() -> None:
    """Found by hypothesis (a member's text `xmlns`): the reader declines, botocore reads it."""
    body = _snapshot_answer("<CacheNodeId>xmlns</CacheNodeId>")
    ours, theirs = read_both_ways("CreateSnapshot", body)
    assert typed_output(ours) is None
    assert theirs["Snapshot"]["NodeSnapshots"][0]["CacheNodeId"] == "xmlns"
    assert_reader_equals_botocore("CreateSnapshot", body)
