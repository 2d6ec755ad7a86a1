from elasticache_typed import ElastiCache


def run(cache: ElastiCache) -> None:
    cache.wait_until_user_active(delay=5)  # expect-error
