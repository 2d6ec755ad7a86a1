from elasticache_typed import ElastiCache


def run(cache: ElastiCache) -> None:
    cache.create_cache_cluster(cache_cluster_id="c1", num_cache_nodes="three")  # expect-error
