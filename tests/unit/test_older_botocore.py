"""Generated code on an older botocore: an operation or member its model lacks is a
ValidationError naming it, and nothing is sent (botocore's model is cut down to act old)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from elasticache_typed import ElastiCache, errors
from tests.support.fake_endpoint import FakeEndpoint, make_client

MEMBER = "ShowCacheClustersNotInReplicationGroups"


def _older(
    client: Any, drop_operation: str | None = None, drop_member: tuple[str, str] | None = None
) -> None:
    service = client.meta.service_model
    raw = copy.deepcopy(service._service_description)  # noqa: SLF001 - the model botocore reads
    if drop_operation:
        del raw["operations"][drop_operation]
    if drop_member:
        shape, member = drop_member
        del raw["shapes"][shape]["members"][member]
    from botocore.model import ServiceModel

    client.meta._service_model = ServiceModel(raw, service.service_name)  # noqa: SLF001


def test_an_operation_the_installed_botocore_lacks_names_it() -> None:
    client = make_client()
    endpoint = FakeEndpoint.attach(client)
    _older(client, drop_operation="DescribeServerlessCaches")
    with pytest.raises(errors.ValidationError, match="describe_serverless_caches.*upgrade"):
        ElastiCache(client).describe_serverless_caches()
    assert endpoint.requests == []


def test_a_member_the_installed_botocore_lacks_names_it_when_used() -> None:
    client = make_client()
    endpoint = FakeEndpoint.attach(client)
    _older(
        client,
        drop_member=("DescribeCacheClustersMessage", "ShowCacheClustersNotInReplicationGroups"),
    )
    cache = ElastiCache(client)
    with pytest.raises(errors.ValidationError, match="show_cache_clusters_not_in_replication"):
        cache.describe_cache_clusters(show_cache_clusters_not_in_replication_groups=True)
    assert endpoint.requests == []
    endpoint.add_result("DescribeCacheClusters", {"CacheClusters": []})
    assert cache.describe_cache_clusters().cache_clusters == []
