from elasticache_typed import ElastiCache


def run() -> ElastiCache:
    return ElastiCache.create(regoin_name="eu-west-1")  # expect-error
