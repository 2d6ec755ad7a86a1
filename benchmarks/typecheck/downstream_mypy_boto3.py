"""The logic of downstream_typed.py written against plain boto3 with mypy-boto3-elasticache's
client and TypedDicts: the baseline of the type-check benchmark. Both checkers must be clean
on it."""

from __future__ import annotations

from datetime import datetime
from typing import assert_type, cast

import boto3
from botocore.exceptions import ClientError
from mypy_boto3_elasticache import ElastiCacheClient
from mypy_boto3_elasticache.literals import AuthenticationTypeType
from mypy_boto3_elasticache.type_defs import (
    AvailabilityZoneTypeDef,
    CacheClusterTypeDef,
    CacheParameterGroupTypeDef,
    CacheSecurityGroupTypeDef,
    CopySnapshotResultTypeDef,
    CreateSnapshotResultTypeDef,
    SnapshotTypeDef,
    TagTypeDef,
    UserGroupResponseTypeDef,
    UserResponseTypeDef,
    UserTypeDef,
)

THROTTLING_CODES = {"Throttling", "ThrottlingException", "APICallRateForCustomerExceeded"}


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
        config = node.get("NodeGroupConfiguration")
        if config is not None:
            assert_type(config.get("ReplicaCount"), int | None)
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


def node_endpoints(client: ElastiCacheClient) -> list[tuple[str, int]]:
    endpoints: list[tuple[str, int]] = []
    answer = client.describe_cache_clusters(ShowCacheNodeInfo=True)
    for cluster in answer.get("CacheClusters", []):
        for node in cluster.get("CacheNodes", []):
            endpoint = node.get("Endpoint")
            if endpoint is not None:
                address = endpoint.get("Address")
                port = endpoint.get("Port")
                if address and port:
                    endpoints.append((address, port))
    return endpoints


def describe_or_none(client: ElastiCacheClient, cluster_id: str) -> CacheClusterTypeDef | None:
    try:
        clusters = client.describe_cache_clusters(CacheClusterId=cluster_id).get(
            "CacheClusters", []
        )
    except client.exceptions.CacheClusterNotFoundFault as exc:
        request_id: str | None = exc.response.get("ResponseMetadata", {}).get("RequestId")
        print(request_id)
        return None
    except ClientError as exc:
        code = exc.response.get("Error", {}).get("Code")
        assert_type(code, str | None)
        if code in THROTTLING_CODES:
            raise
        raise
    return clusters[0] if clusters else None


def as_boto3_dict(user: UserTypeDef) -> dict[str, object]:
    return dict(user)


def main() -> None:
    client: ElastiCacheClient = boto3.client("elasticache", region_name="us-east-1")
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
    except client.exceptions.CacheClusterNotFoundFault as exc:
        assert_type(exc.response.get("Error", {}).get("Code"), str | None)
        return "gone already"
    except client.exceptions.InvalidCacheClusterStateFault:
        return "busy"
    except ClientError as exc:
        operation: str = exc.operation_name
        print(operation)
        raise
    return "deleted"


def from_boto3_dict(raw: dict[str, object]) -> CacheClusterTypeDef:
    cluster = cast(CacheClusterTypeDef, raw)
    assert_type(cluster.get("CacheClusterCreateTime"), datetime | None)
    return cluster
