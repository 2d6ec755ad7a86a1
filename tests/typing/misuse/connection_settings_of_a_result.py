from elasticache_typed import ElastiCache, connection_settings


def run(cache: ElastiCache) -> None:
    result = cache.create_replication_group(
        replication_group_id="sessions", replication_group_description="sessions"
    )
    connection_settings(result)  # expect-error
