"""Shapes in other people's tools: a short repr, response_metadata kept out of equality and
dicts, JSON through `json_converter`, pydantic's TypeAdapter and FastAPI over every shape."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import attrs
import pytest

from elasticache_typed import ResponseMetadata, converter, json_converter, shapes
from tests.support.sample_data import SampleData, service_model

pydantic = pytest.importorskip("pydantic")

NAMES = sorted(n for n in shapes.__all__ if attrs.has(getattr(shapes, n)))
SECRET = "s3cret-Passw0rd-that-must-not-show"


def sample(name: str) -> Any:
    """A shape with every member set, its secret members (hidden from repr) set to SECRET."""
    cls = getattr(shapes, name)
    shape = converter.structure(SampleData(name).value(service_model().shape_for(name)), cls)
    secrets = {
        f.name: [SECRET] if isinstance(getattr(shape, f.name), list) else SECRET
        for f in attrs.fields(cls)
        if f.init and not f.repr
    }
    return attrs.evolve(shape, **secrets)


def test_samples_carry_secrets() -> None:
    assert SECRET in str(attrs.asdict(sample("CreateUserMessage")))
    assert SECRET in str(attrs.asdict(sample("ModifyReplicationGroupMessage")))


def metadata() -> ResponseMetadata:
    return ResponseMetadata(
        request_id="req-1", http_status_code=200, http_headers={"a": "b"}, retry_attempts=0
    )


def test_there_are_216_shapes() -> None:
    assert len(NAMES) == 216


def test_repr_leaves_out_none_members_and_secrets() -> None:
    cluster = shapes.CacheCluster(cache_cluster_id="c1", num_cache_nodes=2)
    assert repr(cluster) == "CacheCluster(cache_cluster_id='c1', num_cache_nodes=2)"
    message = shapes.CreateUserMessage(
        user_id="u", user_name="n", engine="redis", access_string="on", passwords=[SECRET]
    )
    assert SECRET not in repr(message)
    assert "=None" not in repr(message)


@pytest.mark.parametrize("name", NAMES)
def test_every_repr_hides_secrets_and_nones(name: str) -> None:
    shown = repr(sample(name))
    assert "=None" not in shown
    assert SECRET not in shown
    assert shown.startswith(f"{name}(")


def test_response_metadata_is_out_of_equality_repr_and_dicts() -> None:
    user = shapes.User(user_id="u1")
    assert user.response_metadata is None
    object.__setattr__(user, "response_metadata", metadata())
    plain = shapes.User(user_id="u1")
    assert user == plain
    assert "req-1" not in repr(user)
    assert converter.unstructure(user) == {"UserId": "u1"}
    assert attrs.evolve(user).response_metadata is None
    assert pydantic.TypeAdapter(shapes.User).dump_python(user) == pydantic.TypeAdapter(
        shapes.User
    ).dump_python(plain)


def test_json_converter_writes_iso_timestamps_and_reads_them_back() -> None:
    when = datetime(2026, 12, 7, 8, 30, tzinfo=UTC)
    message = shapes.CacheClusterMessage(
        cache_clusters=[shapes.CacheCluster(cache_cluster_id="c", cache_cluster_create_time=when)]
    )
    text = json.dumps(json_converter.unstructure(message))
    assert json.loads(text) == {
        "CacheClusters": [
            {"CacheClusterId": "c", "CacheClusterCreateTime": "2026-12-07T08:30:00+00:00"}
        ]
    }
    assert json_converter.structure(json.loads(text), shapes.CacheClusterMessage) == message


@pytest.mark.parametrize("name", NAMES)
def test_json_converter_dumps_every_shape(name: str) -> None:
    shape = sample(name)
    text = json.dumps(json_converter.unstructure(shape))
    assert json_converter.structure(json.loads(text), type(shape)) == shape


def _without_secrets(cls: type[Any], value: Any) -> Any:
    """`value`'s members as pydantic dumps them: snake_case, secrets left out."""
    return {f.name: _plain(getattr(value, f.name)) for f in attrs.fields(cls) if f.init and f.repr}


def _plain(value: Any) -> Any:
    if attrs.has(type(value)):
        return _without_secrets(type(value), value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


@pytest.mark.parametrize("name", NAMES)
def test_type_adapter_validates_and_dumps_every_shape(name: str) -> None:
    cls = getattr(shapes, name)
    shape = sample(name)
    adapter = pydantic.TypeAdapter(cls)
    dumped = adapter.dump_python(shape)
    assert dumped == _without_secrets(cls, shape)
    assert adapter.validate_python(attrs.asdict(shape, recurse=True)) == shape
    assert adapter.validate_python(shape) is shape
    text = adapter.dump_json(shape).decode()
    reread = adapter.validate_json(text)
    assert _without_secrets(cls, reread) == _without_secrets(cls, shape)
    assert SECRET not in text
    adapter.json_schema()


def test_json_dump_has_snake_case_keys_iso_datetimes_and_no_secret() -> None:
    when = datetime(2026, 12, 7, 8, 30, tzinfo=UTC)
    group = shapes.ModifyReplicationGroupMessage(replication_group_id="g", auth_token=SECRET)
    assert SECRET not in pydantic.TypeAdapter(type(group)).dump_json(group).decode()
    cluster = shapes.CacheCluster(cache_cluster_id="c", cache_cluster_create_time=when)
    out = json.loads(pydantic.TypeAdapter(shapes.CacheCluster).dump_json(cluster))
    assert out["cache_cluster_id"] == "c"
    assert out["cache_cluster_create_time"] == "2026-12-07T08:30:00Z"


def test_validation_takes_snake_case_and_makes_aware_utc_datetimes() -> None:
    adapter = pydantic.TypeAdapter(shapes.CacheCluster)
    cluster = adapter.validate_python(
        {
            "cache_cluster_id": "c",
            "cache_cluster_create_time": "2026-12-07T09:30:00+01:00",
            "transit_encryption_mode": "a-mode-from-the-future",
        }
    )
    assert cluster.cache_cluster_create_time == datetime(2026, 12, 7, 8, 30, tzinfo=UTC)
    assert cluster.cache_cluster_create_time.tzinfo is UTC
    assert cluster.transit_encryption_mode == "a-mode-from-the-future"
    with pytest.raises(pydantic.ValidationError):
        adapter.validate_python({"num_cache_nodes": "many"})


def test_a_shape_is_a_base_model_field() -> None:
    class Report(pydantic.BaseModel):
        cluster: shapes.CacheCluster
        tags: list[shapes.Tag] = []

    report = Report.model_validate(
        {"cluster": {"cache_cluster_id": "c"}, "tags": [{"key": "k", "value": "v"}]}
    )
    assert report.cluster == shapes.CacheCluster(cache_cluster_id="c")
    assert report.tags == [shapes.Tag(key="k", value="v")]
    assert json.loads(report.model_dump_json())["tags"] == [{"key": "k", "value": "v"}]


def test_every_shape_is_a_fastapi_response_model() -> None:
    fastapi = pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    app = fastapi.FastAPI()
    samples = {name: sample(name) for name in NAMES}
    for name in NAMES:
        app.get(f"/{name}", response_model=getattr(shapes, name))(lambda shape=samples[name]: shape)
    client = TestClient(app)
    assert client.get("/openapi.json").status_code == 200
    for name in NAMES:
        answer = client.get(f"/{name}")
        assert answer.status_code == 200, name
        assert SECRET not in answer.text
        cls = getattr(shapes, name)
        expected = pydantic.TypeAdapter(cls).dump_python(samples[name], mode="json")
        assert answer.json() == expected, name
