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


SNAPSHOT_TAGS = {"team": "payments", "env": "prod", "cost-centre": "cc-1042"}
"""The tags every side's CreateSnapshot sends, in this order."""


def typed_describe_cache_clusters(cache: ElastiCache) -> object:
    return cache.describe_cache_clusters(show_cache_node_info=True)


def plain_describe_cache_clusters(client: ElastiCacheClient) -> Mapping[str, object]:
    return client.describe_cache_clusters(ShowCacheNodeInfo=True)


def typed_create_snapshot(cache: ElastiCache) -> object:
    return cache.create_snapshot(
        snapshot_name=answers.SNAPSHOT_NAME,
        replication_group_id=answers.SNAPSHOT_GROUP,
        tags=SNAPSHOT_TAGS,
    )


def plain_create_snapshot(client: ElastiCacheClient) -> Mapping[str, object]:
    return client.create_snapshot(
        SnapshotName=answers.SNAPSHOT_NAME,
        ReplicationGroupId=answers.SNAPSHOT_GROUP,
        Tags=[{"Key": key, "Value": value} for key, value in SNAPSHOT_TAGS.items()],
    )


def typed_delete_cache_cluster(cache: ElastiCache) -> object:
    return cache.delete_cache_cluster(
        cache_cluster_id=answers.deleted_cluster_id(),
        final_snapshot_identifier=answers.FINAL_SNAPSHOT,
    )


def plain_delete_cache_cluster(client: ElastiCacheClient) -> Mapping[str, object]:
    return client.delete_cache_cluster(
        CacheClusterId=answers.deleted_cluster_id(),
        FinalSnapshotIdentifier=answers.FINAL_SNAPSHOT,
    )


def typed_paginate_cache_clusters(cache: ElastiCache) -> object:
    return list(cache.paginate_describe_cache_clusters(show_cache_node_info=True))


def plain_paginate_cache_clusters(client: ElastiCacheClient) -> Mapping[str, object]:
    pages = client.get_paginator("describe_cache_clusters").paginate(ShowCacheNodeInfo=True)
    # The items across pages, as a boto3 user collects them (in a dict, for the value check).
    return {"CacheClusters": [cluster for page in pages for cluster in page["CacheClusters"]]}


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
    later_pages: tuple[answers.Answer, ...] = ()
    """A paginator case: the pages after `answer`; the typed side then gives a list of
    `output_shape` items, the plain side `{result_key: items}`."""
    result_key: str = ""

    @property
    def bodies(self) -> tuple[bytes, ...]:
        """Every answer body one call of the case reads."""
        return (self.answer.body, *(page.body for page in self.later_pages))

    @property
    def data(self) -> dict[str, object]:
        """What the plain side gives, without ResponseMetadata."""
        if not self.later_pages:
            return self.answer.data
        items = [item for a in (self.answer, *self.later_pages) for item in a.data[self.result_key]]
        return {self.result_key: items}


DESCRIBE_SIZES = (1, 100, 1000)
PAGES, PER_PAGE = 10, 100
DELETE_KEY = "delete_cache_cluster"
SMALL_CALLS = ("create_snapshot", DELETE_KEY)
"""The small calls (a short answer, little to read), where the request path is most of it."""
PAGINATE_KEY = f"paginate_describe_cache_clusters_{PAGES}x{PER_PAGE}"


def describe_key(count: int) -> str:
    return f"describe_cache_clusters_{count}"


def all_cases() -> list[Case]:
    """DescribeCacheClusters pages of 1, 100 and 1000 clusters, the seed's CreateSnapshot, a
    DeleteCacheCluster, and a paginator over 10 DescribeCacheClusters pages of 100."""
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
    cases.append(
        Case(
            key=DELETE_KEY,
            label="DeleteCacheCluster",
            answer=answers.delete_cache_cluster(),
            output_shape="DeleteCacheClusterResult",
            typed=typed_delete_cache_cluster,
            plain=plain_delete_cache_cluster,
        )
    )
    first, *later = answers.describe_cache_clusters_pages(PAGES, PER_PAGE)
    cases.append(
        Case(
            key=PAGINATE_KEY,
            label=f"paginator over {PAGES} DescribeCacheClusters pages of {PER_PAGE}",
            answer=first,
            output_shape="CacheCluster",
            typed=typed_paginate_cache_clusters,
            plain=plain_paginate_cache_clusters,
            later_pages=tuple(later),
            result_key="CacheClusters",
        )
    )
    return cases
