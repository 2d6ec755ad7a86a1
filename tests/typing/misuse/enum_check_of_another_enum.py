from elasticache_typed import ElastiCache, enums


def run(cache: ElastiCache, configured: str) -> None:
    # NetworkType has "dual_stack", which IpDiscovery has not.
    if enums.is_network_type(configured):
        cache.modify_cache_cluster(cache_cluster_id="c", ip_discovery=configured)  # expect-error
