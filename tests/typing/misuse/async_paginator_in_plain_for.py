"""An AsyncElastiCache paginator is an async iterator: `async for`, not `for`."""

from elasticache_typed import AsyncElastiCache


async def cluster_ids(cache: AsyncElastiCache) -> list[str | None]:
    return [c.cache_cluster_id for c in cache.paginate_describe_cache_clusters()]  # expect-error
