from elasticache_typed import ElastiCache


def run(cache: ElastiCache) -> None:
    cache.create_user_group(user_group_id="g", engine="redis", tags={"team": 42})  # expect-error
