from elasticache_typed import ElastiCache


def run(cache: ElastiCache) -> None:
    cache.copy_snapshot(source_snapshot_nme="nightly", target_snapshot_name="copy")  # expect-error
