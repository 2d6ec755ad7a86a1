"""The generated reader on real HTTP answers (moto's server, see tests/conftest.py), in both
facades: a facade made by `create()` reads moto's answers typed, a wrapped client's facade
reads them through botocore's dicts, and both give the same typed results.
"""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from aiobotocore.session import get_session

from elasticache_typed import AsyncElastiCache, ElastiCache, shapes
from elasticache_typed._answers.calls import TYPED_ANSWER

REGION = "us-east-1"
CLUSTERS = 5


def _record_parsed(client: Any) -> list[bool]:
    """For each answer the client gets from now on: whether the generated reader read it."""
    typed: list[bool] = []

    def record(parsed: dict[str, Any], **_: Any) -> None:
        typed.append(TYPED_ANSWER in parsed)

    client.meta.events.register("after-call.elasticache", record)
    return typed


def _create_clusters(cache: ElastiCache) -> None:
    for index in range(CLUSTERS):
        cache.create_cache_cluster(
            cache_cluster_id=f"cluster-{index}",
            engine="redis",
            cache_node_type="cache.t3.micro",
            num_cache_nodes=1,
            tags={"index": str(index)},
        )


def test_blocking_facades_read_moto_alike(moto_url: str) -> None:
    created = ElastiCache.create(endpoint_url=moto_url, region_name=REGION)
    typed = _record_parsed(created.client)
    _create_clusters(created)
    wrapped = ElastiCache(boto3.client("elasticache", endpoint_url=moto_url, region_name=REGION))

    described = created.describe_cache_clusters(show_cache_node_info=True)
    assert described == wrapped.describe_cache_clusters(show_cache_node_info=True)
    assert described.cache_clusters is not None and len(described.cache_clusters) == CLUSTERS
    paged = list(created.paginate_describe_cache_clusters(page_size=2))
    assert paged == list(wrapped.paginate_describe_cache_clusters(page_size=2))
    assert [c.cache_cluster_id for c in paged] == [f"cluster-{i}" for i in range(CLUSTERS)]
    assert all(isinstance(c, shapes.CacheCluster) for c in paged)
    assert typed == [True] * (CLUSTERS + 1 + 3)  # creates, describe, three pages


@pytest.mark.asyncio
async def test_asyncio_facades_read_moto_alike(moto_url: str) -> None:
    _create_clusters(ElastiCache.create(endpoint_url=moto_url, region_name=REGION))
    async with (
        AsyncElastiCache.create(endpoint_url=moto_url, region_name=REGION) as created,
        get_session().create_client(
            "elasticache", endpoint_url=moto_url, region_name=REGION
        ) as client,
    ):
        typed = _record_parsed(created.client)
        wrapped = AsyncElastiCache(client)
        described = await created.describe_cache_clusters()
        assert described == await wrapped.describe_cache_clusters()
        assert described.cache_clusters is not None and len(described.cache_clusters) == CLUSTERS
        paged = [c async for c in created.paginate_describe_cache_clusters(page_size=2)]
        assert paged == [c async for c in wrapped.paginate_describe_cache_clusters(page_size=2)]
        assert len(paged) == CLUSTERS
        raw = await created.client.describe_cache_clusters()
        assert TYPED_ANSWER not in raw
        assert typed == [True] * 4 + [False]  # describe, three pages; then the client's own
