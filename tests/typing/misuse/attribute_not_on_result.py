from elasticache_typed import ElastiCache


def run(cache: ElastiCache) -> None:
    result = cache.create_snapshot(snapshot_name="nightly", cache_cluster_id="c1")
    print(result.snapshots)  # expect-error
