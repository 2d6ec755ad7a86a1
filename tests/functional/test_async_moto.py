"""AsyncElastiCache end to end against moto's real HTTP server (see tests/conftest.py), both as
`AsyncElastiCache.create(...)` and as `AsyncElastiCache(aiobotocore_client)`: create, describe,
paginate across pages, a waiter and mapped errors, with the same typed results as the blocking
facade gives.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio
from aiobotocore.session import get_session
from botocore.exceptions import ClientError

from elasticache_typed import AsyncElastiCache, ElastiCache, converter, errors, shapes

REGION = "us-east-1"
SECRET = "correct-horse-battery-staple-42"


@pytest_asyncio.fixture(params=["create", "wrap"])
async def cache(request: pytest.FixtureRequest, moto_url: str) -> AsyncIterator[AsyncElastiCache]:
    """The asyncio facade, built both ways the library offers."""
    if request.param == "create":
        async with AsyncElastiCache.create(endpoint_url=moto_url, region_name=REGION) as created:
            yield created
    else:
        session = get_session()
        async with session.create_client(
            "elasticache", endpoint_url=moto_url, region_name=REGION
        ) as client:
            yield AsyncElastiCache(client)


def _count_calls(cache: AsyncElastiCache, operation: str) -> list[str]:
    """Record every `operation` request the facade's client sends."""
    calls: list[str] = []

    def record(**_: Any) -> None:
        calls.append(operation)

    cache.client.meta.events.register(f"before-send.elasticache.{operation}", record)
    return calls


async def _create_clusters(cache: AsyncElastiCache, count: int) -> list[shapes.CacheCluster]:
    clusters: list[shapes.CacheCluster] = []
    for index in range(count):
        result = await cache.create_cache_cluster(
            cache_cluster_id=f"cluster-{index}",
            engine="redis",
            cache_node_type="cache.t3.micro",
            num_cache_nodes=1,
            tags={"env": "test", "index": str(index)},
        )
        assert isinstance(result, shapes.CreateCacheClusterResult)
        assert result.cache_cluster is not None
        clusters.append(result.cache_cluster)
    return clusters


@pytest.mark.asyncio
async def test_create_and_describe(cache: AsyncElastiCache, moto_url: str) -> None:
    (created,) = await _create_clusters(cache, 1)
    assert created.cache_cluster_id == "cluster-0"
    assert created.engine == "redis"
    assert created.num_cache_nodes == 1
    assert created.cache_cluster_create_time is not None
    assert created.cache_cluster_create_time.utcoffset() is not None

    described = await cache.describe_cache_clusters(cache_cluster_id="cluster-0")
    assert isinstance(described, shapes.CacheClusterMessage)
    assert described.cache_clusters is not None
    assert [c.cache_cluster_id for c in described.cache_clusters] == ["cluster-0"]

    assert created.arn is not None
    tags = await cache.list_tags_for_resource(resource_name=created.arn)
    assert tags.tag_list == [
        shapes.Tag(key="env", value="test"),
        shapes.Tag(key="index", value="0"),
    ]

    # The blocking facade reads the same answer into equal typed values.
    blocking = ElastiCache.create(endpoint_url=moto_url, region_name=REGION)
    assert blocking.describe_cache_clusters(cache_cluster_id="cluster-0") == described


@pytest.mark.asyncio
async def test_users_with_passwords_never_log_the_secret(
    cache: AsyncElastiCache, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="elasticache_typed")
    user = await cache.create_user(
        user_id="alice",
        user_name="alice",
        engine="redis",
        access_string="on ~* +@all",
        passwords=[SECRET],
        tags={"team": "payments"},
    )
    assert isinstance(user, shapes.User)
    assert user.user_id == "alice"
    described = await cache.describe_users(user_id="alice")
    assert described.users is not None and [u.user_id for u in described.users] == ["alice"]
    assert SECRET not in caplog.text
    assert SECRET not in repr(user) + repr(described)


@pytest.mark.asyncio
async def test_paginator_walks_every_page(cache: AsyncElastiCache) -> None:
    created = await _create_clusters(cache, 5)
    calls = _count_calls(cache, "DescribeCacheClusters")

    clusters = [c async for c in cache.paginate_describe_cache_clusters(page_size=2)]

    assert len(calls) == 3  # 2 + 2 + 1
    assert all(isinstance(cluster, shapes.CacheCluster) for cluster in clusters)
    assert [c.cache_cluster_id for c in clusters] == [c.cache_cluster_id for c in created]
    assert clusters == (await cache.describe_cache_clusters()).cache_clusters

    first_three = [
        c async for c in cache.paginate_describe_cache_clusters(page_size=2, max_items=3)
    ]
    assert [c.cache_cluster_id for c in first_three] == ["cluster-0", "cluster-1", "cluster-2"]


@pytest.mark.asyncio
async def test_paginator_checks_input_at_call_and_is_lazy(cache: AsyncElastiCache) -> None:
    calls = _count_calls(cache, "DescribeCacheClusters")
    with pytest.raises(errors.ValidationError, match="page_size"):
        cache.paginate_describe_cache_clusters(page_size=0)
    with pytest.raises(errors.ValidationError, match="cache_cluster_id"):
        cache.paginate_describe_cache_clusters(cache_cluster_id=5)  # type: ignore[arg-type]
    items = cache.paginate_describe_cache_clusters(cache_cluster_id="missing")
    assert calls == []
    with pytest.raises(errors.CacheClusterNotFoundFault) as caught:
        await anext(items)
    assert caught.value.operation_name == "DescribeCacheClusters"
    assert isinstance(caught.value.__cause__, ClientError)


@pytest.mark.asyncio
async def test_waiter_returns_once_available(cache: AsyncElastiCache) -> None:
    await _create_clusters(cache, 1)
    calls = _count_calls(cache, "DescribeCacheClusters")
    await cache.wait_until_cache_cluster_available(
        cache_cluster_id="cluster-0", delay=1, max_attempts=3
    )
    assert len(calls) == 1


@pytest.mark.asyncio
async def test_waiter_on_a_missing_cluster_raises_the_mapped_error(
    cache: AsyncElastiCache,
) -> None:
    with pytest.raises(errors.CacheClusterNotFoundFault) as caught:
        await cache.wait_until_cache_cluster_available(
            cache_cluster_id="missing", delay=1, max_attempts=3
        )
    assert caught.value.operation_name == "DescribeCacheClusters"


@pytest.mark.asyncio
async def test_not_found_is_mapped_to_its_class(cache: AsyncElastiCache) -> None:
    with pytest.raises(errors.CacheClusterNotFoundFault) as caught:
        await cache.describe_cache_clusters(cache_cluster_id="missing")
    error = caught.value
    assert isinstance(error, errors.NotFoundError)
    assert error.code == "CacheClusterNotFound"
    assert error.operation_name == "DescribeCacheClusters"
    assert error.http_status_code == 404
    assert error.request_id
    assert error.retryable is False
    assert isinstance(error.__cause__, ClientError)


@pytest.mark.asyncio
async def test_already_exists_is_mapped(cache: AsyncElastiCache) -> None:
    await _create_clusters(cache, 1)
    with pytest.raises(errors.AlreadyExistsError) as caught:
        await _create_clusters(cache, 1)
    assert caught.value.operation_name == "CreateCacheCluster"


@pytest.mark.asyncio
async def test_bad_input_fails_before_anything_is_sent(cache: AsyncElastiCache) -> None:
    calls = _count_calls(cache, "CreateCacheCluster")
    with pytest.raises(errors.ValidationError, match="num_cache_nodes"):
        await cache.create_cache_cluster(cache_cluster_id="c", num_cache_nodes="3")  # type: ignore[arg-type]
    with pytest.raises(errors.ValidationError, match="tags"):
        await cache.create_cache_cluster(cache_cluster_id="c", tags={"aws:owner": "x"})
    with pytest.raises(TypeError):
        await cache.create_cache_cluster()  # type: ignore[call-arg]
    assert calls == []


@pytest.mark.asyncio
async def test_values_equal_the_converter_reading_of_the_raw_answer(
    cache: AsyncElastiCache,
) -> None:
    await _create_clusters(cache, 2)
    raw = await cache.client.describe_cache_clusters(ShowCacheNodeInfo=True)
    typed = await cache.describe_cache_clusters(show_cache_node_info=True)
    assert typed == converter.structure(raw, shapes.CacheClusterMessage)


@pytest.mark.asyncio
async def test_create_takes_client_settings(moto_url: str) -> None:
    async with AsyncElastiCache.create(
        endpoint_url=moto_url,
        region_name=REGION,
        retry_mode="adaptive",
        max_attempts=4,
        connect_timeout=2,
        read_timeout=7.5,
    ) as cache:
        config = cache.client.meta.config
        assert config.retries == {"mode": "adaptive", "total_max_attempts": 4}
        assert (config.connect_timeout, config.read_timeout) == (2, 7.5)
        assert (await cache.describe_cache_clusters()).cache_clusters == []


@pytest.mark.asyncio
async def test_create_closes_its_client(moto_url: str) -> None:
    async with AsyncElastiCache.create(endpoint_url=moto_url, region_name=REGION) as cache:
        await cache.describe_cache_clusters()
        endpoint: Any = cache.client._endpoint  # type: ignore[attr-defined]
        assert endpoint.http_session._sessions is not None
    # Closing the client exits its HTTP session, which then drops its connection pools (None
    # in aiobotocore 3, an emptied dict before).
    assert not endpoint.http_session._sessions


@pytest.mark.asyncio
async def test_create_gives_only_its_own_client_the_fast_timestamp_parser(moto_url: str) -> None:
    session = get_session()
    async with (
        AsyncElastiCache.create(session=session, endpoint_url=moto_url, region_name=REGION) as ours,
        session.create_client("elasticache", endpoint_url=moto_url, region_name=REGION) as other,
    ):
        ours_factory: Any = ours.client._endpoint._response_parser_factory  # type: ignore[attr-defined]
        other_factory: Any = other._endpoint._response_parser_factory
        assert ours_factory is not other_factory
        assert "timestamp_parser" in ours_factory._defaults
        assert "timestamp_parser" not in other_factory._defaults
        await _create_clusters(ours, 1)
        fast = await ours.describe_cache_clusters()
        plain = converter.structure(
            await other.describe_cache_clusters(), shapes.CacheClusterMessage
        )
        assert fast == plain
