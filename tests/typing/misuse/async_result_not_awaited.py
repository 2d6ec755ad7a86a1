"""An AsyncElastiCache operation is a coroutine: its result must be awaited."""

from elasticache_typed import AsyncElastiCache, shapes


async def clusters(cache: AsyncElastiCache) -> list[shapes.CacheCluster] | None:
    return cache.describe_cache_clusters().cache_clusters  # expect-error
