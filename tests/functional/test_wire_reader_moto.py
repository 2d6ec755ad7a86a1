"""The generated reader on real HTTP answers (moto's server, see tests/conftest.py), in both
facades: a facade made by `create()` reads moto's answers typed, a wrapped client's facade
reads them through botocore's dicts, and both give the same typed results.
"""

from __future__ import annotations

import boto3
import pytest
from aiobotocore.session import get_session

from elasticache_typed import AsyncElastiCache, ElastiCache, shapes
from elasticache_typed._answers import handover

REGION = "us-east-1"
CLUSTERS = 5


@pytest.fixture
def delivered(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The typed outputs the parsers hand to their facades while the test runs (spied on
    without an event handler, so the facades see no observer)."""
    outputs: list[object] = []
    real = handover.deliver

    def spy(factory: object, output: object) -> None:
        outputs.append(output)
        real(factory, output)

    monkeypatch.setattr(handover, "deliver", spy)
    return outputs


def _create_clusters(cache: ElastiCache) -> None:
    for index in range(CLUSTERS):
        cache.create_cache_cluster(
            cache_cluster_id=f"cluster-{index}",
            engine="redis",
            cache_node_type="cache.t3.micro",
            num_cache_nodes=1,
            tags={"index": str(index)},
        )


def test_blocking_facades_read_moto_alike(moto_url: str, delivered: list[object]) -> None:
    created = ElastiCache.create(endpoint_url=moto_url, region_name=REGION)
    _create_clusters(created)
    wrapped = ElastiCache(boto3.client("elasticache", endpoint_url=moto_url, region_name=REGION))

    described = created.describe_cache_clusters(show_cache_node_info=True)
    assert described == wrapped.describe_cache_clusters(show_cache_node_info=True)
    assert described.cache_clusters is not None and len(described.cache_clusters) == CLUSTERS
    paged = list(created.paginate_describe_cache_clusters(page_size=2))
    assert paged == list(wrapped.paginate_describe_cache_clusters(page_size=2))
    assert [c.cache_cluster_id for c in paged] == [f"cluster-{i}" for i in range(CLUSTERS)]
    assert all(isinstance(c, shapes.CacheCluster) for c in paged)
    assert len(delivered) == CLUSTERS + 1 + 3  # creates, describe, three pages


@pytest.mark.asyncio
async def test_asyncio_facades_read_moto_alike(moto_url: str, delivered: list[object]) -> None:
    _create_clusters(ElastiCache.create(endpoint_url=moto_url, region_name=REGION))
    delivered.clear()
    async with (
        AsyncElastiCache.create(endpoint_url=moto_url, region_name=REGION) as created,
        get_session().create_client(
            "elasticache", endpoint_url=moto_url, region_name=REGION
        ) as client,
    ):
        wrapped = AsyncElastiCache(client)
        described = await created.describe_cache_clusters()
        assert described == await wrapped.describe_cache_clusters()
        assert described.cache_clusters is not None and len(described.cache_clusters) == CLUSTERS
        paged = [c async for c in created.paginate_describe_cache_clusters(page_size=2)]
        assert paged == [c async for c in wrapped.paginate_describe_cache_clusters(page_size=2)]
        assert len(paged) == CLUSTERS
        raw = await created.client.describe_cache_clusters()
        assert isinstance(raw["CacheClusters"][0], dict)
        assert len(delivered) == 4  # describe, three pages; not the client's own
