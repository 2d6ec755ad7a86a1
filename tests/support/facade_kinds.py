"""Run the same action on each kind of facade, pointed at a local endpoint URL.

- "create": `ElastiCache.create(...)`, the library's own client;
- "async-create": `AsyncElastiCache.create(...)`;
- "wrapped": `ElastiCache(boto3_client)`, a default boto3 client the library never changes;
- "async-wrapped": `AsyncElastiCache(aiobotocore_client)`.

The method names are the same on both facades, so one action (a function of the facade that
returns a value or, for the asyncio ones, an awaitable) serves every kind.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable
from typing import Any

import boto3
from aiobotocore.config import AioConfig
from aiobotocore.session import get_session
from botocore.config import Config

from elasticache_typed import AsyncElastiCache, ElastiCache
from elasticache_typed.errors import ElastiCacheError

REGION = "us-east-1"
CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
KINDS = ("create", "async-create", "wrapped", "async-wrapped")
CREATED = ("create", "async-create")


def call(
    kind: str, url: str, action: Callable[[Any], Any], *, max_attempts: int = 1, **settings: Any
) -> Any:
    """`action(facade)` on a facade of `kind` over `url` (awaited for the asyncio kinds), with
    `max_attempts` attempts in all: a wrapped client in botocore's standard retry mode, a
    `create()` one in the mode `settings` give (its other `create` arguments: `retry_mode`,
    timeouts), else the client's default."""
    where: dict[str, Any] = {"endpoint_url": url, "region_name": REGION, **CREDENTIALS}
    retries = {"mode": "standard", "total_max_attempts": max_attempts}
    if kind == "create":
        return action(ElastiCache.create(**where, max_attempts=max_attempts, **settings))
    if kind == "wrapped":
        return action(
            ElastiCache(boto3.client("elasticache", **where, config=Config(retries=retries)))
        )

    async def main() -> Any:
        if kind == "async-create":
            created = AsyncElastiCache.create(**where, max_attempts=max_attempts, **settings)
            async with created as cache:
                return await _settled(action(cache))
        config = AioConfig(retries=retries)
        async with get_session().create_client("elasticache", **where, config=config) as client:
            return await _settled(action(AsyncElastiCache(client)))

    return asyncio.run(main())


async def _settled(result: Any) -> Any:
    return await result if inspect.isawaitable(result) else result


def outcome(kind: str, url: str, action: Callable[[Any], Any], *, max_attempts: int = 1) -> Any:
    """Like `call`, but a library error raised by the action is returned, not raised."""

    def guarded(cache: Any) -> Any:
        try:
            result = action(cache)
        except ElastiCacheError as exc:
            return exc
        return _caught(result) if inspect.isawaitable(result) else result

    return call(kind, url, guarded, max_attempts=max_attempts)


async def _caught(result: Any) -> Any:
    try:
        return await result
    except ElastiCacheError as exc:
        return exc
