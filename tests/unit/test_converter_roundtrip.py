"""The converter reads and writes exactly boto3's dicts, for every structure shape of the model."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from botocore import xform_name
from botocore.model import MapShape, StructureShape
from dateutil.tz import tzoffset, tzutc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from elasticache_typed import converter, shapes

from . import strategies

SHAPE_NAMES = strategies.structure_shape_names()
UTC_OFFSET = dt.timedelta(0)

_HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large]
_all_members_settings = settings(max_examples=5, deadline=None, suppress_health_check=_HEALTH)
_subset_settings = settings(max_examples=8, deadline=None, suppress_health_check=_HEALTH)


def shape_class(name: str) -> type:
    return getattr(shapes, name)


def assert_datetimes_are_aware_utc(value: Any) -> None:
    """Every datetime inside a structured object is aware and in UTC."""
    if isinstance(value, dt.datetime):
        assert value.tzinfo is not None
        assert value.utcoffset() == UTC_OFFSET
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            assert_datetimes_are_aware_utc(getattr(value, field.name))
    elif isinstance(value, list):
        for item in value:
            assert_datetimes_are_aware_utc(item)
    elif isinstance(value, dict):
        for item in value.values():
            assert_datetimes_are_aware_utc(item)


def assert_no_dicts_left(value: Any) -> None:
    """Structuring turns every nested structure into its shape class, never a raw dict."""
    # The model has no map shapes, so a dict left in a structured object is a bug.
    assert not isinstance(value, dict)
    if attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            assert_no_dicts_left(getattr(value, field.name))
    elif isinstance(value, list):
        for item in value:
            assert_no_dicts_left(item)


def check_roundtrip(name: str, data: dict[str, Any]) -> None:
    cls = shape_class(name)
    obj = converter.structure(data, cls)
    assert type(obj) is cls
    assert_no_dicts_left(obj)
    assert_datetimes_are_aware_utc(obj)
    assert converter.unstructure(obj) == data


# --- the shape classes and the model agree ----------------------------------------------------


def test_every_structure_shape_has_a_class() -> None:
    exported = {name: getattr(shapes, name) for name in shapes.__all__}
    classes = {
        name for name, value in exported.items() if isinstance(value, type) and attrs.has(value)
    }
    assert len(SHAPE_NAMES) == len(classes)
    assert set(SHAPE_NAMES) == classes


def test_the_model_has_structure_shapes() -> None:
    # Guards the parametrization below against an empty model lookup.
    assert len(SHAPE_NAMES) > 200
    assert "CopySnapshotMessage" in SHAPE_NAMES
    assert "CacheClusterNotFoundFault" not in SHAPE_NAMES
    # assert_no_dicts_left relies on this.
    model = strategies.service_model()
    assert not any(isinstance(model.shape_for(n), MapShape) for n in model.shape_names)


# --- round trips over every shape --------------------------------------------------------------


@pytest.mark.parametrize("name", SHAPE_NAMES)
@_all_members_settings
@given(data=st.data())
def test_roundtrip_all_members(name: str, data: st.DataObject) -> None:
    check_roundtrip(name, data.draw(strategies.all_members(name)))


@pytest.mark.parametrize("name", SHAPE_NAMES)
@_subset_settings
@given(data=st.data())
def test_roundtrip_member_subsets(name: str, data: st.DataObject) -> None:
    check_roundtrip(name, data.draw(strategies.member_subsets(name)))


@pytest.mark.parametrize("name", SHAPE_NAMES)
def test_roundtrip_example(name: str) -> None:
    check_roundtrip(name, strategies.example_dict(name))


@pytest.mark.parametrize("name", SHAPE_NAMES)
def test_structure_uses_snake_case_attributes(name: str) -> None:
    structure = strategies.shape(name)
    assert isinstance(structure, StructureShape)
    data = strategies.example_dict(name)
    obj = converter.structure(data, shape_class(name))
    for member, value in data.items():
        attribute = getattr(obj, xform_name(member))
        if isinstance(value, (str, int, float, bool)):
            assert attribute == value
            assert type(attribute) is type(value)


# --- unknown members, enums and timestamps -----------------------------------------------------


def test_unknown_members_and_response_metadata_are_ignored() -> None:
    data = strategies.example_dict("CacheClusterMessage")
    noisy = {
        **data,
        "ResponseMetadata": {"RequestId": "abc", "HTTPStatusCode": 200, "RetryAttempts": 0},
        "SomeFutureMember": {"Nested": 1},
        "CacheClusters": [
            {
                **cluster,
                "ANewMember": "x",
                "CacheNodes": [{**node, "Unknown": 1} for node in cluster["CacheNodes"]],
            }
            for cluster in data["CacheClusters"]
        ],
    }
    obj = converter.structure(noisy, shapes.CacheClusterMessage)
    assert converter.unstructure(obj) == data


@pytest.mark.parametrize("name", SHAPE_NAMES)
def test_unknown_members_are_ignored_everywhere(name: str) -> None:
    data = strategies.example_dict(name)
    obj = converter.structure({**data, "NotInTheModel": "x"}, shape_class(name))
    assert converter.unstructure(obj) == data


def _enum_members() -> list[tuple[str, str]]:
    pairs = []
    for name in SHAPE_NAMES:
        structure = strategies.shape(name)
        assert isinstance(structure, StructureShape)
        for member_name, member in structure.members.items():
            if getattr(member, "enum", None):
                pairs.append((name, member_name))
    return pairs


ENUM_MEMBERS = _enum_members()


def test_the_model_has_enum_members() -> None:
    assert len(ENUM_MEMBERS) > 20


@pytest.mark.parametrize(("name", "member"), ENUM_MEMBERS)
def test_unknown_enum_value_is_kept_as_plain_string(name: str, member: str) -> None:
    data = {**strategies.example_dict(name), member: "a-value-the-model-does-not-know"}
    obj = converter.structure(data, shape_class(name))
    value = getattr(obj, xform_name(member))
    assert value == "a-value-the-model-does-not-know"
    assert type(value) is str
    assert converter.unstructure(obj) == data


def test_unknown_enum_value_in_a_list_of_structures() -> None:
    data = {
        "ServiceUpdates": [
            {"ServiceUpdateName": "u", "ServiceUpdateSeverity": "apocalyptic"},
            {"ServiceUpdateName": "v", "ServiceUpdateSeverity": "critical"},
        ]
    }
    obj = converter.structure(data, shapes.ServiceUpdatesMessage)
    assert obj.service_updates is not None
    assert [u.service_update_severity for u in obj.service_updates] == ["apocalyptic", "critical"]
    assert converter.unstructure(obj) == data


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-01-02T03:04:05Z", dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)),
        ("2024-01-02T03:04:05.123Z", dt.datetime(2024, 1, 2, 3, 4, 5, 123000, tzinfo=dt.UTC)),
        ("2024-01-02T03:04:05+02:00", dt.datetime(2024, 1, 2, 1, 4, 5, tzinfo=dt.UTC)),
        ("2024-01-02T03:04:05-05:30", dt.datetime(2024, 1, 2, 8, 34, 5, tzinfo=dt.UTC)),
        ("2024-01-02T00:30:00+02:00", dt.datetime(2024, 1, 1, 22, 30, 0, tzinfo=dt.UTC)),
        (
            "2024-01-02T03:04:05.123456+00:00",
            dt.datetime(2024, 1, 2, 3, 4, 5, 123456, tzinfo=dt.UTC),
        ),
        ("2024-01-02T03:04:05", dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)),
    ],
)
def test_iso_strings_become_aware_utc_datetimes(text: str, expected: dt.datetime) -> None:
    obj = converter.structure(
        {"CacheClusterId": "c", "CacheClusterCreateTime": text}, shapes.CacheCluster
    )
    value = obj.cache_cluster_create_time
    assert isinstance(value, dt.datetime)
    assert value.utcoffset() == UTC_OFFSET
    assert value == expected
    # The wall clock is UTC's too, not just the instant.
    assert value.replace(tzinfo=None) == expected.replace(tzinfo=None)


@pytest.mark.parametrize(
    ("given_value", "expected"),
    [
        # naive: taken as UTC
        (dt.datetime(2024, 1, 2, 3, 4, 5), dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)),
        (
            dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC),
            dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC),
        ),
        (
            dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=tzutc()),
            dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC),
        ),
        (
            dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone(dt.timedelta(hours=2))),
            dt.datetime(2024, 1, 2, 1, 4, 5, tzinfo=dt.UTC),
        ),
        (
            dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=tzoffset("X", -3600 * 7)),
            dt.datetime(2024, 1, 2, 10, 4, 5, tzinfo=dt.UTC),
        ),
    ],
)
def test_datetimes_become_aware_utc_datetimes(
    given_value: dt.datetime, expected: dt.datetime
) -> None:
    obj = converter.structure(
        {"SnapshotName": "s", "NodeSnapshots": [{"SnapshotCreateTime": given_value}]},
        shapes.Snapshot,
    )
    assert obj.node_snapshots is not None
    value = obj.node_snapshots[0].snapshot_create_time
    assert isinstance(value, dt.datetime)
    assert value.utcoffset() == UTC_OFFSET
    assert value.replace(tzinfo=None) == expected.replace(tzinfo=None)
    # unstructure gives the datetime back as a datetime
    unstructured = converter.unstructure(obj)
    assert unstructured["NodeSnapshots"][0]["SnapshotCreateTime"] == expected
    assert isinstance(unstructured["NodeSnapshots"][0]["SnapshotCreateTime"], dt.datetime)


@settings(max_examples=25, deadline=None)
@given(
    st.datetimes(
        min_value=dt.datetime(1971, 1, 1),
        max_value=dt.datetime(2099, 1, 1),
        timezones=st.builds(
            dt.timezone,
            st.integers(min_value=-14 * 60, max_value=14 * 60).map(
                lambda m: dt.timedelta(minutes=m)
            ),
        ),
    )
)
def test_any_aware_datetime_keeps_its_instant(value: dt.datetime) -> None:
    obj = converter.structure({"Date": value, "Message": "m"}, shapes.Event)
    assert obj.date == value
    assert obj.date is not None and obj.date.utcoffset() == UTC_OFFSET
    iso = converter.structure({"Date": value.isoformat()}, shapes.Event)
    assert iso.date == value
    assert iso.date is not None and iso.date.utcoffset() == UTC_OFFSET


# --- lists and None ----------------------------------------------------------------------------


def test_empty_lists_are_kept() -> None:
    data: dict[str, Any] = {"CacheClusters": []}
    obj = converter.structure(data, shapes.CacheClusterMessage)
    assert obj.cache_clusters == []
    assert converter.unstructure(obj) == {"CacheClusters": []}


def test_empty_nested_lists_are_kept() -> None:
    data: dict[str, Any] = {
        "CacheClusters": [{"CacheClusterId": "c", "CacheNodes": [], "SecurityGroups": []}]
    }
    obj = converter.structure(data, shapes.CacheClusterMessage)
    assert converter.unstructure(obj) == data


def test_none_members_are_omitted() -> None:
    assert converter.unstructure(shapes.CacheCluster(cache_cluster_id="c")) == {
        "CacheClusterId": "c"
    }
    assert converter.unstructure(shapes.Tag()) == {}
    assert converter.unstructure(shapes.Tag(key="k")) == {"Key": "k"}
    assert converter.unstructure(
        shapes.CopySnapshotMessage(source_snapshot_name="a", target_snapshot_name="b", tags=[])
    ) == {"SourceSnapshotName": "a", "TargetSnapshotName": "b", "Tags": []}


def test_false_and_zero_are_not_omitted() -> None:
    obj = shapes.CacheCluster(
        cache_cluster_id="", num_cache_nodes=0, auto_minor_version_upgrade=False
    )
    assert converter.unstructure(obj) == {
        "CacheClusterId": "",
        "NumCacheNodes": 0,
        "AutoMinorVersionUpgrade": False,
    }


@pytest.mark.parametrize("name", SHAPE_NAMES)
def test_unstructure_of_a_bare_instance_is_its_required_members(name: str) -> None:
    structure = strategies.shape(name)
    assert isinstance(structure, StructureShape)
    data = strategies.example_dict(name)
    required = {member: data[member] for member in structure.required_members}
    obj = converter.structure(required, shape_class(name))
    assert converter.unstructure(obj) == required
