from elasticache_typed import ElastiCache


def run(cache: ElastiCache) -> None:
    cache.modify_replication_group(
        replication_group_id="rg1",
        transit_encryption_mode="sometimes",  # expect-error
    )
