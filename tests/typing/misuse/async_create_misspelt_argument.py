from contextlib import AbstractAsyncContextManager

from elasticache_typed import AsyncElastiCache


def run() -> AbstractAsyncContextManager[AsyncElastiCache]:
    return AsyncElastiCache.create(endpoint="http://127.0.0.1:5000")  # expect-error
