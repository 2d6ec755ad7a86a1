"""The facade's note of clusters described with their nodes: by identity, weak, bounded."""

from __future__ import annotations

import gc

from elasticache_typed import shapes
from elasticache_typed._connect import described_nodes


def test_a_remembered_cluster_is_known_and_another_is_not() -> None:
    asked = [shapes.CacheCluster(cache_cluster_id=f"c{i}") for i in range(3)]
    described_nodes.remember(asked)
    assert all(described_nodes.described_with_nodes(cluster) for cluster in asked)
    equal_but_other = shapes.CacheCluster(cache_cluster_id="c0")
    assert not described_nodes.described_with_nodes(equal_but_other)


def test_the_note_keeps_nothing_alive_and_stays_bounded() -> None:
    kept = [shapes.CacheCluster(cache_cluster_id="kept")]
    described_nodes.remember(kept)
    for round_ in range(50):  # 50 answers of 1000 clusters, each dropped after its call
        described_nodes.remember([shapes.CacheCluster(cache_cluster_id=str(round_))] * 1000)
        described_nodes.remember(
            [shapes.CacheCluster(cache_cluster_id=str(i)) for i in range(1000)]
        )
        gc.collect()
    assert len(described_nodes._described) <= 2 * 1000 + 1024  # pyright: ignore[reportPrivateUsage]
    assert described_nodes.described_with_nodes(kept[0])


def test_a_new_cluster_where_a_dead_one_lived_is_not_known() -> None:
    for _ in range(200):
        described_nodes.remember([shapes.CacheCluster(cache_cluster_id="gone")])
        fresh = shapes.CacheCluster(cache_cluster_id="fresh")  # often at the dead one's address
        assert not described_nodes.described_with_nodes(fresh)
