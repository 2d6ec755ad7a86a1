from elasticache_typed import ElastiCache


def run(cache: ElastiCache) -> None:
    cache.copy_snapshot(source_snapshot_name="nightly")  # expect-error
