from elasticache_typed import shapes


def run(cluster: shapes.CacheCluster) -> int:
    return cluster.num_cache_nodes + 1  # expect-error
