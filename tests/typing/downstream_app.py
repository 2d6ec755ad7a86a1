"""Application code as a downstream user writes it; mypy --strict and pyright --strict
must be clean on it (see scripts/test).

The type-check benchmark times the checkers on this module against
benchmarks/typecheck/downstream_mypy_boto3.py, the same logic on plain boto3 and aiobotocore,
which mirrors it function by function (tests/benchmarks/test_typecheck_mirror.py): change both
together."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any, assert_type

import attrs
import boto3
from aiobotocore.config import AioConfig
from aiobotocore.session import AioSession, get_session
from botocore.config import Config
from mypy_boto3_elasticache import ElastiCacheClient
from types_aiobotocore_elasticache.client import ElastiCacheClient as AsyncElastiCacheClient

from elasticache_typed import AsyncElastiCache, ElastiCache, converter, enums, errors, shapes


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
    assert_type(raw, dict[str, Any])
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


def tag_everything_on_create(cache: ElastiCache) -> None:
    """The 2021-04-07 release's eight operations, each tagged at creation."""
    team = {"team": "payments"}
    copied = cache.copy_snapshot(
        source_snapshot_name="nightly", target_snapshot_name="nightly-copy", tags=team
    )
    assert_type(copied, shapes.CopySnapshotResult)
    if copied.snapshot is not None and copied.snapshot.node_snapshots:
        configuration = copied.snapshot.node_snapshots[0].node_group_configuration
        if configuration is not None:
            assert_type(configuration.replica_count, int | None)
            assert_type(configuration.replica_availability_zones, list[str] | None)
    parameters = cache.create_cache_parameter_group(
        cache_parameter_group_name="p",
        cache_parameter_group_family="redis7",
        description="d",
        tags=[shapes.Tag(key="team", value="payments")],
    ).cache_parameter_group
    assert_type(parameters, shapes.CacheParameterGroup | None)
    security = cache.create_cache_security_group(
        cache_security_group_name="sg", description="d", tags=team
    ).cache_security_group
    assert_type(security, shapes.CacheSecurityGroup | None)
    subnets = cache.create_cache_subnet_group(
        cache_subnet_group_name="g",
        cache_subnet_group_description="d",
        subnet_ids=("subnet-1", "subnet-2"),
        tags=team,
    ).cache_subnet_group
    if subnets is not None and subnets.subnets:
        zone = subnets.subnets[0].subnet_availability_zone
        assert_type(zone, shapes.AvailabilityZone | None)
    snapshot = cache.create_snapshot(snapshot_name="s", cache_cluster_id="c", tags=team)
    assert_type(snapshot.snapshot, shapes.Snapshot | None)
    user = cache.create_user(
        user_id="u", user_name="u", engine="redis", access_string="on", tags=team
    )
    if user.authentication is not None:
        assert_type(user.authentication.type, shapes.AuthenticationType | None)
    group = cache.create_user_group(user_group_id="g", engine="redis", tags=team)
    assert_type(group, shapes.UserGroup)
    reserved = cache.purchase_reserved_cache_nodes_offering(
        reserved_cache_nodes_offering_id="o", tags=team
    ).reserved_cache_node
    if reserved is not None and reserved.recurring_charges:
        assert_type(reserved.recurring_charges[0].recurring_charge_amount, float | None)


def handle_by_category(cache: ElastiCache) -> str:
    try:
        cache.delete_cache_cluster(cache_cluster_id="c")
    except errors.NotFoundError as exc:
        assert_type(exc.code, str)
        assert_type(exc.http_status_code, int | None)
        return "gone already"
    except errors.InvalidStateError as exc:
        assert_type(exc.solution, str | None)
        return "busy"
    except errors.ElastiCacheError as exc:
        assert_type(exc.operation_name, str | None)
        raise
    return "deleted"


def from_boto3_dict(raw: dict[str, object]) -> shapes.CacheCluster:
    cluster = converter.structure(raw, shapes.CacheCluster)
    assert_type(cluster, shapes.CacheCluster)
    assert_type(cluster.cache_cluster_create_time, datetime | None)
    return cluster


async def async_app() -> list[str]:
    async with AsyncElastiCache.create(
        region_name="us-east-1", retry_mode="standard", max_attempts=4, read_timeout=10.0
    ) as cache:
        assert_type(cache, AsyncElastiCache)
        assert_type(cache.client, AsyncElastiCacheClient)
        created = await cache.create_cache_cluster(
            cache_cluster_id="sessions", num_cache_nodes=1, tags={"team": "payments"}
        )
        assert_type(created, shapes.CreateCacheClusterResult)
        assert_type(created.cache_cluster, shapes.CacheCluster | None)
        await cache.wait_until_cache_cluster_available(cache_cluster_id="sessions", delay=5)
        clusters = cache.paginate_describe_cache_clusters(page_size=50)
        assert_type(clusters, AsyncIterator[shapes.CacheCluster])
        ids: list[str] = []
        async for cluster in clusters:
            assert_type(cluster, shapes.CacheCluster)
            if cluster.cache_cluster_id is not None:
                ids.append(cluster.cache_cluster_id)
        try:
            await cache.delete_cache_cluster(cache_cluster_id="gone")
        except errors.CacheClusterNotFoundFault as exc:
            assert_type(exc.retryable, bool)
        return ids


async def wrap_async_client() -> shapes.User:
    async with get_session().create_client("elasticache", region_name="us-east-1") as client:
        cache = AsyncElastiCache(client)
        user = await cache.create_user(
            user_id="app",
            user_name="app",
            engine="redis",
            access_string="on ~* +@all",
            passwords=("a-long-password-1",),
        )
        assert_type(user, shapes.User)
        return user


def run_async_app() -> list[str]:
    return asyncio.run(async_app())


def create_with_every_client_argument(session: boto3.Session) -> ElastiCache:
    """Every keyword argument of boto3's Session.client, and the library's own settings."""
    cache = ElastiCache.create(
        session=session,
        region_name="eu-west-1",
        api_version="2015-02-02",
        use_ssl=True,
        verify="/etc/ssl/certs/ca-certificates.crt",
        endpoint_url="https://elasticache.eu-west-1.amazonaws.com",
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="example-secret-key",
        aws_session_token="example-session-token",
        config=Config(user_agent_extra="my-app"),
        aws_account_id="123456789012",
        retry_mode="adaptive",
        max_attempts=5,
        connect_timeout=2.0,
        read_timeout=30.0,
    )
    assert_type(cache, ElastiCache)
    return cache


async def async_create_with_every_client_argument(session: AioSession) -> int:
    async with AsyncElastiCache.create(
        session=session,
        region_name="eu-west-1",
        api_version="2015-02-02",
        use_ssl=False,
        verify=False,
        endpoint_url="http://127.0.0.1:5000",
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="example-secret-key",
        aws_session_token=None,
        config=AioConfig(max_pool_connections=20),
        aws_account_id=None,
        retry_mode="standard",
        max_attempts=3,
        connect_timeout=1,
        read_timeout=5.5,
    ) as cache:
        assert_type(cache, AsyncElastiCache)
        events = await cache.describe_events(duration=60)
        return len(events.events or [])


def encryption_from_configuration(cache: ElastiCache, configured: str) -> None:
    """A setting read as a str becomes the Literal the facade takes, checked, without a cast."""
    if not enums.is_transit_encryption_mode(configured):
        allowed = ", ".join(enums.TRANSIT_ENCRYPTION_MODE_VALUES)
        raise ValueError(f"TRANSIT_ENCRYPTION_MODE must be one of {allowed}")
    assert_type(configured, shapes.TransitEncryptionMode)
    cache.modify_replication_group(
        replication_group_id="sessions",
        transit_encryption_mode=configured,
        apply_immediately=True,
    )


def reshard_into_zones(cache: ElastiCache, zones: tuple[str, ...]) -> None:
    """Shape constructors take any sequence for a list, and attrs.evolve knows the shapes."""
    first = shapes.NodeGroupConfiguration(
        slots="0-8191", replica_count=len(zones), replica_availability_zones=zones
    )
    second = attrs.evolve(first, slots="8192-16383")
    assert_type(second, shapes.NodeGroupConfiguration)
    assert_type(second.replica_availability_zones, list[str] | None)
    cache.create_replication_group(
        replication_group_id="sessions",
        replication_group_description="sessions",
        num_node_groups=2,
        node_group_configuration=(first, second),
    )
