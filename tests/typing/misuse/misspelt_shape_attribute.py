from elasticache_typed import shapes


def run(cluster: shapes.CacheCluster) -> str | None:
    return cluster.cache_cluster_idd  # expect-error
