"""Moving a boto3 code base over: boto3's default session, request ids on results, and a
closed asyncio client, over moto's server on 127.0.0.1."""

from __future__ import annotations

import asyncio
from typing import Any

import boto3
import pytest

from elasticache_typed import AsyncElastiCache, ElastiCache, ResponseMetadata
from tests.support.facade_kinds import CREDENTIALS, KINDS, REGION, call

pytestmark = pytest.mark.usefixtures("local_only")


@pytest.fixture
def default_session() -> Any:
    before = boto3.DEFAULT_SESSION
    yield
    boto3.DEFAULT_SESSION = before


@pytest.mark.usefixtures("default_session")
def test_create_uses_boto3s_default_session(moto_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AWS_DEFAULT_REGION", raising=False)
    monkeypatch.delenv("AWS_REGION", raising=False)
    boto3.setup_default_session(region_name="eu-west-1", **CREDENTIALS)
    session = boto3.DEFAULT_SESSION
    cache = ElastiCache.create(endpoint_url=moto_url)
    assert cache.client.meta.region_name == "eu-west-1"
    assert boto3.DEFAULT_SESSION is session
    assert cache.describe_cache_clusters().cache_clusters == []


@pytest.mark.usefixtures("default_session")
def test_create_without_a_default_session_makes_its_own(moto_url: str) -> None:
    boto3.DEFAULT_SESSION = None
    cache = ElastiCache.create(endpoint_url=moto_url, region_name=REGION, **CREDENTIALS)
    assert cache.client.meta.region_name == REGION
    assert boto3.DEFAULT_SESSION is None


@pytest.mark.parametrize("fast_reader", [True, False])
@pytest.mark.parametrize("kind", KINDS)
def test_every_result_has_its_response_metadata(
    kind: str, fast_reader: bool, moto_url: str
) -> None:
    settings = {"fast_reader": fast_reader} if kind.endswith("create") else {}
    if not fast_reader and not settings:
        pytest.skip("a wrapped client has no fast reader")
    result = call(kind, moto_url, lambda cache: cache.describe_cache_clusters(), **settings)
    metadata = result.response_metadata
    assert isinstance(metadata, ResponseMetadata)
    assert metadata.http_status_code == 200
    assert metadata.request_id
    assert metadata.retry_attempts == 0
    assert metadata.http_headers
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in metadata.http_headers.items())
    assert "response_metadata" not in repr(result)


def test_response_metadata_equals_what_boto3_reports(moto_url: str) -> None:
    seen: list[dict[str, Any]] = []
    cache = ElastiCache.create(endpoint_url=moto_url, region_name=REGION, **CREDENTIALS)
    cache.client.meta.events.register(
        "after-call.elasticache", lambda parsed, **_: seen.append(parsed["ResponseMetadata"])
    )
    metadata = cache.describe_cache_clusters().response_metadata
    assert metadata is not None
    assert metadata.request_id == seen[0]["RequestId"]
    assert dict(metadata.http_headers) == seen[0]["HTTPHeaders"]


def test_a_closed_async_client_is_a_runtime_error(moto_url: str) -> None:
    async def main() -> None:
        created = AsyncElastiCache.create(endpoint_url=moto_url, region_name=REGION, **CREDENTIALS)
        async with created as cache:
            await cache.describe_cache_clusters()
        await cache.describe_cache_clusters()

    with pytest.raises(RuntimeError, match="client is closed"):
        asyncio.run(main())
