"""Application code as a downstream user writes it; mypy --strict and pyright --strict
must be clean on it (see scripts/test)."""

from __future__ import annotations

from datetime import datetime
from typing import assert_type

import boto3
from mypy_boto3_elasticache import ElastiCacheClient

from elasticache_typed import ElastiCache, converter, errors, shapes


def snapshot_with_tags(cache: ElastiCache) -> shapes.Snapshot | None:
    result = cache.create_snapshot(
        snapshot_name="nightly",
        cache_cluster_id="sessions",
        tags={"team": "payments", "cost-centre": None},
    )
    assert_type(result, shapes.CreateSnapshotResult)
    snapshot = result.snapshot
    if snapshot is not None and snapshot.node_snapshots:
        node = snapshot.node_snapshots[0]
        assert_type(node.snapshot_create_time, datetime | None)
        if node.node_group_configuration is not None:
            assert_type(node.node_group_configuration.replica_count, int | None)
    return snapshot


def cluster_ids(cache: ElastiCache) -> list[str]:
    ids: list[str] = []
    for cluster in cache.paginate_describe_cache_clusters(page_size=50):
        assert_type(cluster, shapes.CacheCluster)
        if cluster.cache_cluster_id is not None:
            ids.append(cluster.cache_cluster_id)
    return ids


def describe_or_none(cache: ElastiCache, cluster_id: str) -> shapes.CacheCluster | None:
    try:
        clusters = cache.describe_cache_clusters(cache_cluster_id=cluster_id).cache_clusters
    except errors.CacheClusterNotFoundFault as exc:
        assert_type(exc.request_id, str | None)
        return None
    except errors.ThrottlingError as exc:
        assert_type(exc.retryable, bool)
        raise
    return clusters[0] if clusters else None


def as_boto3_dict(user: shapes.User) -> dict[str, object]:
    raw = converter.unstructure(user)
    return dict(raw)


def main() -> None:
    client: ElastiCacheClient = boto3.client("elasticache", region_name="us-east-1")
    cache = ElastiCache(client)
    assert_type(cache.client, ElastiCacheClient)
    user = cache.create_user(
        user_id="app",
        user_name="app",
        engine="redis",
        access_string="on ~* +@all",
        passwords=("a-long-password-1",),
        tags=[shapes.Tag(key="team", value="payments")],
    )
    assert_type(user, shapes.User)
    offering = cache.purchase_reserved_cache_nodes_offering(
        reserved_cache_nodes_offering_id="offering-1", tags={"team": "payments"}
    ).reserved_cache_node
    if offering is not None:
        assert_type(offering.fixed_price, float | None)
    cache.wait_until_cache_cluster_available(cache_cluster_id="sessions", delay=5)
