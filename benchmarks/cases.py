"""The calls the benchmarks time, written once for every side, exactly as users write them.

The typed side calls the public facade method on an `ElastiCache` (looked up on the object at
each call, as user code does); the plain side calls the boto3 client method with the same
parameters. Nothing here imports elasticache_typed at run time, so a fresh interpreter that
only measures plain boto3 never loads it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from benchmarks import answers

if TYPE_CHECKING:
    from mypy_boto3_elasticache import ElastiCacheClient

    from elasticache_typed import ElastiCache


def typed_describe_cache_clusters(cache: ElastiCache) -> object:
    return cache.describe_cache_clusters(show_cache_node_info=True)


def plain_describe_cache_clusters(client: ElastiCacheClient) -> Mapping[str, object]:
    return client.describe_cache_clusters(ShowCacheNodeInfo=True)


def typed_create_snapshot(cache: ElastiCache) -> object:
    return cache.create_snapshot(
        snapshot_name=answers.SNAPSHOT_NAME,
        replication_group_id=answers.SNAPSHOT_GROUP,
        tags={"team": "payments", "env": "prod", "cost-centre": "cc-1042"},
    )


def plain_create_snapshot(client: ElastiCacheClient) -> Mapping[str, object]:
    return client.create_snapshot(
        SnapshotName=answers.SNAPSHOT_NAME,
        ReplicationGroupId=answers.SNAPSHOT_GROUP,
        Tags=[
            {"Key": "team", "Value": "payments"},
            {"Key": "env", "Value": "prod"},
            {"Key": "cost-centre", "Value": "cc-1042"},
        ],
    )


@dataclass(frozen=True)
class Case:
    """One benchmarked answer and the calls that fetch it."""

    key: str
    label: str
    answer: answers.Answer
    output_shape: str
    """The name of the shape class the typed call returns."""
    typed: Callable[[ElastiCache], object]
    plain: Callable[[ElastiCacheClient], Mapping[str, object]]


DESCRIBE_SIZES = (1, 100, 1000)


def describe_key(count: int) -> str:
    return f"describe_cache_clusters_{count}"


def all_cases() -> list[Case]:
    """DescribeCacheClusters pages of 1, 100 and 1000 clusters, and the seed's CreateSnapshot."""
    cases = [
        Case(
            key=describe_key(count),
            label=f"DescribeCacheClusters x{count}",
            answer=answers.describe_cache_clusters(count),
            output_shape="CacheClusterMessage",
            typed=typed_describe_cache_clusters,
            plain=plain_describe_cache_clusters,
        )
        for count in DESCRIBE_SIZES
    ]
    cases.append(
        Case(
            key="create_snapshot",
            label="CreateSnapshot (seed)",
            answer=answers.create_snapshot(),
            output_shape="CreateSnapshotResult",
            typed=typed_create_snapshot,
            plain=plain_create_snapshot,
        )
    )
    return cases
