"""Realistic ElastiCache answers for the benchmarks, as the service sends them on the wire.

`describe_cache_clusters(n)` is a DescribeCacheClusters page of `n` clusters (and
`describe_cache_clusters_pages(p, n)` a paginator's `p` such pages), each filled the way a real
answer is (with ShowCacheNodeInfo): 2-3 cache nodes with endpoints, VPC security
groups, cache security groups, pending modified values, a notification topic, parameter group
status, log delivery configurations and timestamps with milliseconds
(`2026-11-25T03:12:45.123Z`). `create_snapshot()` is the seed's CreateSnapshot answer: a
snapshot of a cluster-mode replication group with NodeSnapshots, each with its
NodeGroupConfiguration. `delete_cache_cluster()` is DeleteCacheCluster's answer: the
cluster being deleted (no node details, as the service answers a delete).

Each `Answer` carries the XML bytes and the same data in boto3's form (what botocore's parser
gives back, without ResponseMetadata), so a benchmark can check what both sides returned.
The XML is written from botocore's own model (element names, list member names), so
botocore's real parser reads it as it reads a real answer. Nothing here needs pytest.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from xml.sax.saxutils import escape

import botocore.session
from botocore.model import ListShape, OperationModel, ServiceModel, Shape, StructureShape

from benchmarks.wire import REQUEST_ID

_BASE_TIME = datetime(2026, 11, 25, 3, 12, 45, 123000, tzinfo=UTC)
_ZONES = ["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d"]


@dataclass(frozen=True)
class Answer:
    """One prepared wire answer."""

    operation: str
    body: bytes
    data: dict[str, Any]
    """The answer in boto3's form, without ResponseMetadata."""


@functools.cache
def service_model() -> ServiceModel:
    """The installed botocore's ElastiCache model."""
    return botocore.session.get_session().get_service_model("elasticache")


def operation_model(operation: str) -> OperationModel:
    return service_model().operation_model(operation)


# -- the answers ---------------------------------------------------------------------------


def describe_cache_clusters(count: int) -> Answer:
    """A DescribeCacheClusters page of `count` realistic clusters."""
    data: dict[str, Any] = {"CacheClusters": [_cache_cluster(i) for i in range(count)]}
    if count > 1:
        data["Marker"] = f"cluster-{count:05d}"
    return _answer("DescribeCacheClusters", data)


def describe_cache_clusters_pages(pages: int, per_page: int) -> tuple[Answer, ...]:
    """`pages` DescribeCacheClusters pages of `per_page` realistic clusters each, as a paginator
    reads them: every page but the last has the Marker the next page is asked for with."""
    found = []
    for page in range(pages):
        first = page * per_page
        data: dict[str, Any] = {
            "CacheClusters": [_cache_cluster(first + i) for i in range(per_page)]
        }
        if page < pages - 1:
            data["Marker"] = f"cluster-{first + per_page:05d}"
        found.append(_answer("DescribeCacheClusters", data))
    return tuple(found)


def create_snapshot() -> Answer:
    """The seed's CreateSnapshot answer: a snapshot with three NodeSnapshots."""
    return _answer("CreateSnapshot", {"Snapshot": _snapshot()})


def delete_cache_cluster() -> Answer:
    """DeleteCacheCluster's answer: a Redis OSS cluster, now `deleting`, without its nodes."""
    cluster = _cache_cluster(DELETED_CLUSTER)
    del cluster["CacheNodes"]
    cluster["CacheClusterStatus"] = "deleting"
    return _answer("DeleteCacheCluster", {"CacheCluster": cluster})


SNAPSHOT_NAME = "sessions-nightly"
SNAPSHOT_GROUP = "sessions"
DELETED_CLUSTER = 2
"""The index of the cluster DeleteCacheCluster deletes (a Redis OSS one, with log delivery)."""
FINAL_SNAPSHOT = "app-cache-final"


def deleted_cluster_id() -> str:
    return f"app-cache-{DELETED_CLUSTER:05d}"


def _time(offset_seconds: int, millis: int) -> datetime:
    return _BASE_TIME - timedelta(seconds=offset_seconds, milliseconds=millis)


def _cache_cluster(i: int) -> dict[str, Any]:
    redis = i % 4 != 3
    engine = "redis" if redis else "memcached"
    cluster_id = f"app-cache-{i:05d}"
    node_count = 2 + i % 2
    zone = _ZONES[i % len(_ZONES)]
    created = _time(86_400 * (i % 700) + 37 * i, (i * 37) % 1000)
    nodes = [
        {
            "CacheNodeId": f"{n + 1:04d}",
            "CacheNodeStatus": "available",
            "CacheNodeCreateTime": created + timedelta(seconds=n * 41, milliseconds=n * 7),
            "Endpoint": {
                "Address": f"{cluster_id}-{n + 1:03d}.abc123.0001.use1.cache.amazonaws.com",
                "Port": 6379 if redis else 11211,
            },
            "ParameterGroupStatus": "in-sync",
            "CustomerAvailabilityZone": _ZONES[(i + n) % len(_ZONES)],
        }
        for n in range(node_count)
    ]
    if i % 5 == 0:
        nodes[-1]["SourceCacheNodeId"] = "0001"
    cluster: dict[str, Any] = {
        "CacheClusterId": cluster_id,
        "ClientDownloadLandingPage": "https://console.aws.amazon.com/elasticache/home#client-download:",
        "CacheNodeType": ["cache.t4g.micro", "cache.r7g.large", "cache.m7g.xlarge"][i % 3],
        "Engine": engine,
        "EngineVersion": "7.1.0" if redis else "1.6.22",
        "CacheClusterStatus": "available" if i % 17 else "modifying",
        "NumCacheNodes": node_count,
        "PreferredAvailabilityZone": zone if node_count == 1 else "Multiple",
        "CacheClusterCreateTime": created,
        "PreferredMaintenanceWindow": "sun:05:00-sun:06:00",
        "PendingModifiedValues": _pending(i, node_count),
        "NotificationConfiguration": {
            "TopicArn": f"arn:aws:sns:us-east-1:123456789012:cache-events-{i % 3}",
            "TopicStatus": "active",
        },
        "CacheSecurityGroups": [{"CacheSecurityGroupName": "default", "Status": "active"}],
        "CacheParameterGroup": {
            "CacheParameterGroupName": "default.redis7" if redis else "default.memcached1.6",
            "ParameterApplyStatus": "in-sync" if i % 9 else "pending-reboot",
            "CacheNodeIdsToReboot": [] if i % 9 else ["0001"],
        },
        "CacheSubnetGroupName": "app-private-subnets",
        "CacheNodes": nodes,
        "AutoMinorVersionUpgrade": True,
        "SecurityGroups": [
            {"SecurityGroupId": f"sg-0{i:07x}a1b2c3d4e", "Status": "active"},
            {"SecurityGroupId": "sg-0fedcba9876543210", "Status": "active"},
        ],
        "SnapshotRetentionLimit": 7 if redis else 0,
        "AuthTokenEnabled": redis,
        "TransitEncryptionEnabled": redis,
        "AtRestEncryptionEnabled": redis,
        "ARN": f"arn:aws:elasticache:us-east-1:123456789012:cluster:{cluster_id}",
        "ReplicationGroupLogDeliveryEnabled": False,
        "LogDeliveryConfigurations": _log_delivery(i) if redis else [],
        "NetworkType": "ipv4",
        "IpDiscovery": "ipv4",
    }
    if redis:
        cluster["SnapshotWindow"] = "03:30-04:30"
        cluster["AuthTokenLastModifiedDate"] = created + timedelta(days=30, milliseconds=250)
        cluster["TransitEncryptionMode"] = "required" if i % 2 else "preferred"
        if i % 3 == 0:
            cluster["ReplicationGroupId"] = f"app-group-{i // 3:05d}"
    else:
        cluster["ConfigurationEndpoint"] = {
            "Address": f"{cluster_id}.abc123.cfg.use1.cache.amazonaws.com",
            "Port": 11211,
        }
    return cluster


def _pending(i: int, node_count: int) -> dict[str, Any]:
    if i % 6:
        return {}
    return {
        "NumCacheNodes": node_count + 1,
        "CacheNodeIdsToRemove": [f"{node_count:04d}"] if i % 12 else [],
        "EngineVersion": "7.1.0",
        "CacheNodeType": "cache.r7g.xlarge",
        "AuthTokenStatus": "ROTATING",
        "LogDeliveryConfigurations": [
            {
                "LogType": "engine-log",
                "DestinationType": "kinesis-firehose",
                "DestinationDetails": {
                    "KinesisFirehoseDetails": {"DeliveryStream": "cache-engine-logs"}
                },
                "LogFormat": "json",
            }
        ],
        "TransitEncryptionEnabled": True,
        "TransitEncryptionMode": "required",
    }


def _log_delivery(i: int) -> list[dict[str, Any]]:
    return [
        {
            "LogType": "slow-log",
            "DestinationType": "cloudwatch-logs",
            "DestinationDetails": {
                "CloudWatchLogsDetails": {"LogGroup": f"/elasticache/slow-log/{i % 4}"}
            },
            "LogFormat": "json",
            "Status": "active",
            "Message": "",
        }
    ]


def _snapshot() -> dict[str, Any]:
    created = _time(86_400 * 120, 456)
    node_snapshots: list[dict[str, Any]] = []
    for group in range(3):
        group_id = f"{group + 1:04d}"
        node_snapshots.append(
            {
                "CacheClusterId": f"{SNAPSHOT_GROUP}-{group_id}-001",
                "NodeGroupId": group_id,
                "CacheNodeId": "0001",
                "NodeGroupConfiguration": {
                    "NodeGroupId": group_id,
                    "Slots": ["0-5461", "5462-10922", "10923-16383"][group],
                    "ReplicaCount": 2,
                    "PrimaryAvailabilityZone": _ZONES[group],
                    "ReplicaAvailabilityZones": [_ZONES[(group + 1) % 3], _ZONES[(group + 2) % 3]],
                },
                "CacheSize": f"{(group + 1) * 1.5:.1f} GB",
                "CacheNodeCreateTime": created + timedelta(seconds=group, milliseconds=17),
                "SnapshotCreateTime": _BASE_TIME + timedelta(milliseconds=group * 101),
            }
        )
    return {
        "SnapshotName": SNAPSHOT_NAME,
        "ReplicationGroupId": SNAPSHOT_GROUP,
        "ReplicationGroupDescription": "session store for the payments API",
        "SnapshotStatus": "creating",
        "SnapshotSource": "manual",
        "CacheNodeType": "cache.r7g.large",
        "Engine": "redis",
        "EngineVersion": "7.1.0",
        "PreferredMaintenanceWindow": "sun:05:00-sun:06:00",
        "TopicArn": "arn:aws:sns:us-east-1:123456789012:cache-events",
        "Port": 6379,
        "CacheParameterGroupName": "default.redis7.cluster.on",
        "CacheSubnetGroupName": "app-private-subnets",
        "VpcId": "vpc-0a1b2c3d4e5f67890",
        "AutoMinorVersionUpgrade": True,
        "SnapshotRetentionLimit": 7,
        "SnapshotWindow": "03:30-04:30",
        "NumNodeGroups": 3,
        "AutomaticFailover": "enabled",
        "NodeSnapshots": node_snapshots,
        "KmsKeyId": "arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d-4e5f-6789-0abc-def012345678",
        "ARN": f"arn:aws:elasticache:us-east-1:123456789012:snapshot:{SNAPSHOT_NAME}",
        "DataTiering": "disabled",
    }


# -- the query protocol's XML ------------------------------------------------------------------


def _answer(operation: str, data: dict[str, Any]) -> Answer:
    model = operation_model(operation)
    output = model.output_shape
    assert output is not None
    namespace = service_model().metadata.get("xmlNamespace", "")
    wrapper = output.serialization.get("resultWrapper", f"{operation}Result")
    xml = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<{operation}Response xmlns="{namespace}">'
        f"<{wrapper}>{_members(output, data)}</{wrapper}>"
        f"<ResponseMetadata><RequestId>{REQUEST_ID}</RequestId></ResponseMetadata>"
        f"</{operation}Response>"
    )
    return Answer(operation, xml.encode("utf-8"), data)


def _members(shape: StructureShape, data: Mapping[str, Any]) -> str:
    unknown = set(data) - set(shape.members)
    if unknown:
        raise KeyError(f"{shape.name} has no member(s) {sorted(unknown)}")
    parts: list[str] = []
    for name, member in shape.members.items():
        if name in data:
            tag = member.serialization.get("name", name)
            parts.append(f"<{tag}>{_content(member, data[name])}</{tag}>")
    return "".join(parts)


def _content(shape: Shape, value: Any) -> str:
    if isinstance(shape, StructureShape):
        return _members(shape, value)
    if isinstance(shape, ListShape):
        tag = shape.member.serialization.get("name", "member")
        return "".join(f"<{tag}>{_content(shape.member, item)}</{tag}>" for item in value)
    kind = shape.type_name
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "timestamp":
        moment: datetime = value.astimezone(UTC)
        return moment.strftime("%Y-%m-%dT%H:%M:%S") + f".{moment.microsecond // 1000:03d}Z"
    return escape(str(value))
