"""tests/typing/downstream_app.py written against plain boto3 and aiobotocore: the baseline of
the type-check benchmark (benchmarks/checkers.py).

It mirrors downstream_app.py function by function (same names, same order, same calls; see
tests/benchmarks/test_typecheck_mirror.py), the way a mypy-boto3 user writes that logic: the
boto3 client typed `ElastiCacheClient` from mypy-boto3-elasticache, requests and answers as its
TypedDicts, `botocore.exceptions.ClientError` with error-code checks where the typed module
catches typed errors, boto3 paginators and waiters; and the async functions on an aiobotocore
client typed with types-aiobotocore-elasticache. `assert_type` is used where downstream_app.py
uses it, on the equivalent TypedDict members. mypy --strict and pyright --strict must be clean
on it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import datetime
from typing import assert_type, cast, get_args

import boto3
from aiobotocore.config import AioConfig
from aiobotocore.paginate import AioPageIterator
from aiobotocore.session import AioSession, get_session
from botocore.config import Config
from botocore.exceptions import ClientError
from mypy_boto3_elasticache import ElastiCacheClient
from mypy_boto3_elasticache.literals import AuthenticationTypeType, TransitEncryptionModeType
from mypy_boto3_elasticache.type_defs import (
    AvailabilityZoneTypeDef,
    CacheClusterTypeDef,
    CacheParameterGroupTypeDef,
    CacheSecurityGroupTypeDef,
    CopySnapshotResultTypeDef,
    CreateSnapshotResultTypeDef,
    NodeGroupConfigurationTypeDef,
    SnapshotTypeDef,
    TagTypeDef,
    UserGroupResponseTypeDef,
    UserResponseTypeDef,
    UserTypeDef,
)
from types_aiobotocore_elasticache.client import ElastiCacheClient as AsyncElastiCacheClient
from types_aiobotocore_elasticache.type_defs import (
    CacheClusterMessageTypeDef as AsyncCacheClusterMessageTypeDef,
)
from types_aiobotocore_elasticache.type_defs import (
    CacheClusterTypeDef as AsyncCacheClusterTypeDef,
)
from types_aiobotocore_elasticache.type_defs import (
    CreateCacheClusterResultTypeDef as AsyncCreateCacheClusterResultTypeDef,
)
from types_aiobotocore_elasticache.type_defs import (
    UserResponseTypeDef as AsyncUserResponseTypeDef,
)

# The error codes elasticache_typed's categories stand for, as a boto3 user spells them out.
THROTTLING_CODES = frozenset({"Throttling", "ThrottlingException", "RequestLimitExceeded"})
CLUSTER_NOT_FOUND = "CacheClusterNotFound"
CLUSTER_INVALID_STATE = "InvalidCacheClusterState"


def snapshot_with_tags(client: ElastiCacheClient) -> SnapshotTypeDef | None:
    result = client.create_snapshot(
        SnapshotName="nightly",
        CacheClusterId="sessions",
        Tags=[{"Key": "team", "Value": "payments"}, {"Key": "cost-centre"}],
    )
    assert_type(result, CreateSnapshotResultTypeDef)
    snapshot = result["Snapshot"]
    node_snapshots = snapshot.get("NodeSnapshots")
    if node_snapshots:
        node = node_snapshots[0]
        assert_type(node.get("SnapshotCreateTime"), datetime | None)
        configuration = node.get("NodeGroupConfiguration")
        if configuration is not None:
            assert_type(configuration.get("ReplicaCount"), int | None)
    return snapshot


def cluster_ids(client: ElastiCacheClient) -> list[str]:
    ids: list[str] = []
    paginator = client.get_paginator("describe_cache_clusters")
    for page in paginator.paginate(PaginationConfig={"PageSize": 50}):
        for cluster in page.get("CacheClusters", []):
            assert_type(cluster, CacheClusterTypeDef)
            cluster_id = cluster.get("CacheClusterId")
            if cluster_id is not None:
                ids.append(cluster_id)
    return ids


def describe_or_none(client: ElastiCacheClient, cluster_id: str) -> CacheClusterTypeDef | None:
    try:
        clusters = client.describe_cache_clusters(CacheClusterId=cluster_id).get(
            "CacheClusters", []
        )
    except ClientError as exc:
        code = exc.response.get("Error", {}).get("Code")
        if code == CLUSTER_NOT_FOUND:
            metadata = exc.response.get("ResponseMetadata")
            request_id = metadata["RequestId"] if metadata is not None else None
            assert_type(request_id, str | None)
            return None
        retryable = code in THROTTLING_CODES
        assert_type(retryable, bool)
        raise
    return clusters[0] if clusters else None


def as_boto3_dict(user: UserTypeDef) -> dict[str, object]:
    raw = dict(user)
    assert_type(raw, dict[str, object])
    return raw


def main() -> None:
    client: ElastiCacheClient = boto3.client("elasticache", region_name="us-east-1")
    assert_type(client, ElastiCacheClient)
    user = client.create_user(
        UserId="app",
        UserName="app",
        Engine="redis",
        AccessString="on ~* +@all",
        Passwords=["a-long-password-1"],
        Tags=[{"Key": "team", "Value": "payments"}],
    )
    assert_type(user, UserResponseTypeDef)
    offering = client.purchase_reserved_cache_nodes_offering(
        ReservedCacheNodesOfferingId="offering-1", Tags=[{"Key": "team", "Value": "payments"}]
    )["ReservedCacheNode"]
    assert_type(offering.get("FixedPrice"), float | None)
    client.get_waiter("cache_cluster_available").wait(
        CacheClusterId="sessions", WaiterConfig={"Delay": 5}
    )


def tag_everything_on_create(client: ElastiCacheClient) -> None:
    """The 2021-04-07 release's eight operations, each tagged at creation."""
    team: list[TagTypeDef] = [{"Key": "team", "Value": "payments"}]
    copied = client.copy_snapshot(
        SourceSnapshotName="nightly", TargetSnapshotName="nightly-copy", Tags=team
    )
    assert_type(copied, CopySnapshotResultTypeDef)
    node_snapshots = copied["Snapshot"].get("NodeSnapshots")
    if node_snapshots:
        configuration = node_snapshots[0].get("NodeGroupConfiguration")
        if configuration is not None:
            assert_type(configuration.get("ReplicaCount"), int | None)
            assert_type(configuration.get("ReplicaAvailabilityZones"), list[str] | None)
    parameters = client.create_cache_parameter_group(
        CacheParameterGroupName="p",
        CacheParameterGroupFamily="redis7",
        Description="d",
        Tags=[{"Key": "team", "Value": "payments"}],
    )["CacheParameterGroup"]
    assert_type(parameters, CacheParameterGroupTypeDef)
    security = client.create_cache_security_group(
        CacheSecurityGroupName="sg", Description="d", Tags=team
    )["CacheSecurityGroup"]
    assert_type(security, CacheSecurityGroupTypeDef)
    subnets = client.create_cache_subnet_group(
        CacheSubnetGroupName="g",
        CacheSubnetGroupDescription="d",
        SubnetIds=["subnet-1", "subnet-2"],
        Tags=team,
    )["CacheSubnetGroup"]
    subnet_list = subnets.get("Subnets")
    if subnet_list:
        zone = subnet_list[0].get("SubnetAvailabilityZone")
        assert_type(zone, AvailabilityZoneTypeDef | None)
    snapshot = client.create_snapshot(SnapshotName="s", CacheClusterId="c", Tags=team)
    assert_type(snapshot["Snapshot"], SnapshotTypeDef)
    user = client.create_user(
        UserId="u", UserName="u", Engine="redis", AccessString="on", Tags=team
    )
    assert_type(user["Authentication"].get("Type"), AuthenticationTypeType | None)
    group = client.create_user_group(UserGroupId="g", Engine="redis", Tags=team)
    assert_type(group, UserGroupResponseTypeDef)
    reserved = client.purchase_reserved_cache_nodes_offering(
        ReservedCacheNodesOfferingId="o", Tags=team
    )["ReservedCacheNode"]
    charges = reserved.get("RecurringCharges")
    if charges:
        assert_type(charges[0].get("RecurringChargeAmount"), float | None)


def handle_by_category(client: ElastiCacheClient) -> str:
    try:
        client.delete_cache_cluster(CacheClusterId="c")
    except ClientError as exc:
        error = exc.response.get("Error", {})
        code = error.get("Code")
        assert_type(code, str | None)
        if code == CLUSTER_NOT_FOUND:
            metadata = exc.response.get("ResponseMetadata")
            status = metadata["HTTPStatusCode"] if metadata is not None else None
            assert_type(status, int | None)
            return "gone already"
        if code == CLUSTER_INVALID_STATE:
            assert_type(error.get("Message"), str | None)
            return "busy"
        assert_type(exc.operation_name, str)
        raise
    return "deleted"


def from_boto3_dict(raw: dict[str, object]) -> CacheClusterTypeDef:
    cluster = cast(CacheClusterTypeDef, raw)
    assert_type(cluster, CacheClusterTypeDef)
    assert_type(cluster.get("CacheClusterCreateTime"), datetime | None)
    return cluster


async def async_app() -> list[str]:
    config = AioConfig(retries={"mode": "standard", "total_max_attempts": 4}, read_timeout=10.0)
    session = get_session()
    async with session.create_client(
        "elasticache", region_name="us-east-1", config=config
    ) as opened:
        client: AsyncElastiCacheClient = opened
        assert_type(client, AsyncElastiCacheClient)
        created = await client.create_cache_cluster(
            CacheClusterId="sessions",
            NumCacheNodes=1,
            Tags=[{"Key": "team", "Value": "payments"}],
        )
        assert_type(created, AsyncCreateCacheClusterResultTypeDef)
        assert_type(created["CacheCluster"], AsyncCacheClusterTypeDef)
        await client.get_waiter("cache_cluster_available").wait(
            CacheClusterId="sessions", WaiterConfig={"Delay": 5}
        )
        pages = client.get_paginator("describe_cache_clusters").paginate(
            PaginationConfig={"PageSize": 50}
        )
        assert_type(pages, AioPageIterator[AsyncCacheClusterMessageTypeDef])
        ids: list[str] = []
        async for page in pages:
            for cluster in page.get("CacheClusters", []):
                assert_type(cluster, AsyncCacheClusterTypeDef)
                cluster_id = cluster.get("CacheClusterId")
                if cluster_id is not None:
                    ids.append(cluster_id)
        try:
            await client.delete_cache_cluster(CacheClusterId="gone")
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code")
            assert_type(code, str | None)
            if code != CLUSTER_NOT_FOUND:
                raise
        return ids


async def wrap_async_client() -> AsyncUserResponseTypeDef:
    async with get_session().create_client("elasticache", region_name="us-east-1") as opened:
        client: AsyncElastiCacheClient = opened
        user = await client.create_user(
            UserId="app",
            UserName="app",
            Engine="redis",
            AccessString="on ~* +@all",
            Passwords=["a-long-password-1"],
        )
        assert_type(user, AsyncUserResponseTypeDef)
        return user


def run_async_app() -> list[str]:
    return asyncio.run(async_app())


def create_with_every_client_argument(session: boto3.Session) -> ElastiCacheClient:
    """Every keyword argument of boto3's Session.client, the settings in a Config."""
    client: ElastiCacheClient = session.client(
        "elasticache",
        region_name="eu-west-1",
        api_version="2015-02-02",
        use_ssl=True,
        verify="/etc/ssl/certs/ca-certificates.crt",
        endpoint_url="https://elasticache.eu-west-1.amazonaws.com",
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="example-secret-key",
        aws_session_token="example-session-token",
        config=Config(
            user_agent_extra="my-app",
            retries={"mode": "adaptive", "total_max_attempts": 5},
            connect_timeout=2.0,
            read_timeout=30.0,
        ),
        aws_account_id="123456789012",
    )
    assert_type(client, ElastiCacheClient)
    return client


async def async_create_with_every_client_argument(session: AioSession) -> int:
    config = AioConfig(
        max_pool_connections=20,
        retries={"mode": "standard", "total_max_attempts": 3},
        connect_timeout=1,
        read_timeout=5.5,
    )
    async with session.create_client(
        "elasticache",
        region_name="eu-west-1",
        api_version="2015-02-02",
        use_ssl=False,
        verify=False,
        endpoint_url="http://127.0.0.1:5000",
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="example-secret-key",
        aws_session_token=None,
        config=config,
    ) as opened:
        client: AsyncElastiCacheClient = opened
        assert_type(client, AsyncElastiCacheClient)
        events = await client.describe_events(Duration=60)
        return len(events.get("Events", []))


def encryption_from_configuration(client: ElastiCacheClient, configured: str) -> None:
    """A setting read as a str becomes the Literal the client takes: checked, then a cast."""
    if configured not in get_args(TransitEncryptionModeType):
        allowed = ", ".join(get_args(TransitEncryptionModeType))
        raise ValueError(f"TRANSIT_ENCRYPTION_MODE must be one of {allowed}")
    mode = cast(TransitEncryptionModeType, configured)
    assert_type(mode, TransitEncryptionModeType)
    client.modify_replication_group(
        ReplicationGroupId="sessions", TransitEncryptionMode=mode, ApplyImmediately=True
    )


def reshard_into_zones(client: ElastiCacheClient, zones: tuple[str, ...]) -> None:
    first: NodeGroupConfigurationTypeDef = {
        "Slots": "0-8191",
        "ReplicaCount": len(zones),
        "ReplicaAvailabilityZones": zones,
    }
    second: NodeGroupConfigurationTypeDef = {**first, "Slots": "8192-16383"}
    assert_type(second.get("ReplicaAvailabilityZones"), Sequence[str] | None)
    client.create_replication_group(
        ReplicationGroupId="sessions",
        ReplicationGroupDescription="sessions",
        NumNodeGroups=2,
        NodeGroupConfiguration=[first, second],
    )
