"""One ElastiCache instance shared by many threads, as a boto3 client may be: 8 threads x 50 calls
against moto's server (tests/conftest.py), each thread creating and describing its own clusters.
Every answer must match its own request, and nothing may be lost or mixed up.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from elasticache_typed import ElastiCache, shapes

REGION = "us-east-1"
THREADS = 8
CALLS_PER_THREAD = 50  # a create and a describe per cluster


NODE_TYPES = ("cache.t3.micro", "cache.t3.small", "cache.m5.large", "cache.r6g.large")


def _nodes(thread: int, index: int) -> int:
    return (thread + index) % 3 + 1


def _node_type(thread: int, index: int) -> str:
    return NODE_TYPES[(thread * 7 + index) % len(NODE_TYPES)]


def _work(cache: ElastiCache, thread: int, start: threading.Barrier) -> list[str]:
    """Create and describe this thread's clusters, checking each answer; their ids."""
    start.wait(timeout=30)
    ids: list[str] = []
    for index in range(CALLS_PER_THREAD // 2):
        cluster_id = f"t{thread}-c{index}"
        created = cache.create_cache_cluster(
            cache_cluster_id=cluster_id,
            engine="memcached",  # moto keeps num_cache_nodes for memcached (redis: always 1)
            cache_node_type=_node_type(thread, index),
            num_cache_nodes=_nodes(thread, index),
            tags={"thread": str(thread), "index": str(index)},
        ).cache_cluster
        assert created is not None
        assert created.cache_cluster_id == cluster_id
        assert created.num_cache_nodes == _nodes(thread, index)
        assert created.cache_node_type == _node_type(thread, index)

        described = cache.describe_cache_clusters(cache_cluster_id=cluster_id).cache_clusters
        assert described is not None
        assert [c.cache_cluster_id for c in described] == [cluster_id]
        assert described[0].num_cache_nodes == _nodes(thread, index)
        assert described[0].cache_node_type == _node_type(thread, index)
        assert described[0].arn == created.arn
        ids.append(cluster_id)
    return ids


def test_one_instance_shared_by_eight_threads(moto_url: str) -> None:
    cache = ElastiCache.create(endpoint_url=moto_url, region_name=REGION)
    sent: list[str] = []
    sent_lock = threading.Lock()

    def count(**kwargs: object) -> None:
        with sent_lock:
            sent.append(str(kwargs["event_name"]))

    cache.client.meta.events.register("before-send.elasticache", count)
    start = threading.Barrier(THREADS)

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        futures = [pool.submit(_work, cache, thread, start) for thread in range(THREADS)]
        results = [future.result(timeout=300) for future in futures]

    assert len(sent) == THREADS * CALLS_PER_THREAD
    for thread, ids in enumerate(results):
        assert ids == [f"t{thread}-c{index}" for index in range(CALLS_PER_THREAD // 2)]

    # Nothing lost, nothing doubled: every cluster is there once, with its own settings and tags.
    everything = list(cache.paginate_describe_cache_clusters(page_size=50))
    assert sorted(c.cache_cluster_id or "" for c in everything) == sorted(
        cluster_id for ids in results for cluster_id in ids
    )
    for cluster in everything:
        assert cluster.cache_cluster_id is not None and cluster.arn is not None
        thread, index = (int(part[1:]) for part in cluster.cache_cluster_id.split("-"))
        assert cluster.num_cache_nodes == _nodes(thread, index)
        assert cluster.cache_node_type == _node_type(thread, index)
    sample = everything[:: len(everything) // 8]
    for cluster in sample:
        assert cluster.cache_cluster_id is not None and cluster.arn is not None
        thread, index = (int(part[1:]) for part in cluster.cache_cluster_id.split("-"))
        tags = cache.list_tags_for_resource(resource_name=cluster.arn).tag_list
        assert tags == [
            shapes.Tag(key="thread", value=str(thread)),
            shapes.Tag(key="index", value=str(index)),
        ]
