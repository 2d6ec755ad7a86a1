"""A `create()` client looks like boto3 to a user's own event handlers (after-call reading and
editing `parsed`, a `.client` call made from inside a hook during a facade call)."""

from __future__ import annotations

from typing import Any

import pytest

from elasticache_typed import ElastiCache
from tests.support.fake_endpoint import FakeEndpoint, client_kwargs, make_client

CLUSTER = {"CacheClusterId": "c-1", "NumCacheNodes": 2}


@pytest.mark.parametrize("kind", ["create", "wrapped"])
def test_after_call_sees_and_edits_botocores_dict(kind: str) -> None:
    cache = (
        ElastiCache.create(**client_kwargs()) if kind == "create" else ElastiCache(make_client())
    )
    endpoint = FakeEndpoint.attach(cache.client)
    endpoint.add_result("DescribeCacheClusters", {"CacheClusters": [CLUSTER]})
    endpoint.add_result("DescribeCacheClusters", {"CacheClusters": [CLUSTER]})
    nested: list[Any] = []

    def edit(parsed: dict[str, Any], **_: Any) -> None:
        assert parsed["CacheClusters"][0]["CacheClusterId"] == "c-1"
        parsed["CacheClusters"][0]["CacheClusterId"] = "edited"
        if not nested:
            nested.append(None)
            nested[0] = cache.client.describe_cache_clusters()

    cache.client.meta.events.register("after-call.elasticache.DescribeCacheClusters", edit)
    result = cache.describe_cache_clusters()
    assert result.cache_clusters is not None
    assert result.cache_clusters[0].cache_cluster_id == "edited"
    assert isinstance(nested[0]["CacheClusters"][0], dict)
