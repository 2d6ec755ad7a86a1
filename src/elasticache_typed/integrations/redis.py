"""A redis-py credential provider that authenticates with ElastiCache IAM tokens, and keeps
open connections authenticated (a `StreamingCredentialProvider`).

Needs redis-py: `pip install "elasticache-typed[redis]"`; without it, importing this module
raises an ImportError that says so.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from elasticache_typed._connect import client_builder
from elasticache_typed._connect.token_reuse import TOKEN_LIFETIME, IAMTokenProvider

INSTALL_HINT = (
    "elasticache_typed.integrations.redis needs redis-py: pip install 'elasticache-typed[redis]'"
)

try:
    from redis.auth.token import TokenInterface
    from redis.credentials import StreamingCredentialProvider
except ImportError as _missing:
    raise ImportError(f"{INSTALL_HINT} ({_missing})", name=_missing.name) from _missing

if TYPE_CHECKING:
    import redis
    import redis.asyncio
    import redis.asyncio.cluster
    import redis.cluster

    from elasticache_typed import AsyncElastiCache, ElastiCache, shapes

__all__ = ["IAMCredentialProvider", "connect", "connect_async"]


class IAMCredentialProvider(IAMTokenProvider, StreamingCredentialProvider):
    """redis-py's `credential_provider` for an ElastiCache user that authenticates with IAM.

    Each new connection authenticates as `user_id` with the IAM token in hand (valid 15
    minutes), renewed in the background after 5 minutes; callers wait only when no token
    has a minute of validity left. Each renewal re-authenticates the open connections of
    the clients using it (AUTH with the new token), well before ElastiCache closes IAM
    connections at 12 hours. Takes an `ElastiCache` or an `AsyncElastiCache`; one provider
    can be shared by clients, pools, threads and `redis.asyncio` tasks.

    Example:
        ```python
        provider = IAMCredentialProvider(cache, user_id="app", cache_name="sessions")
        client = redis.Redis(host=..., port=6379, ssl=True, credential_provider=provider)
        ```
    """

    def on_next(self, callback: Callable[[Any], Any]) -> None:
        """Called by redis-py: `callback` gets each new token, to re-authenticate with."""
        self.add_listener(lambda user_id, token: callback(_IAMToken(user_id, token)))

    def on_error(self, callback: Callable[[Exception], Any]) -> None:
        """Called by redis-py; a failed renewal is retried, and surfaces to the next caller
        once no valid token remains, so there is nothing to tell `callback`."""

    def is_streaming(self) -> bool:
        """True: new tokens are pushed to open connections."""
        return True


class _IAMToken(TokenInterface):
    """A token as redis-py's re-authentication reads it (`oid` is the user)."""

    def __init__(self, user_id: str, token: str) -> None:
        self._user_id = user_id
        self._token = token
        self._received_at = time.time()
        self._expires_at = self._received_at + TOKEN_LIFETIME

    def is_expired(self) -> bool:
        return time.time() >= self._expires_at

    def ttl(self) -> float:
        return max(self._expires_at - time.time(), 0.0)

    def try_get(self, key: str) -> str:
        return self._user_id if key == "oid" else ""

    def get_value(self) -> str:
        return self._token

    def get_expires_at_ms(self) -> float:
        return self._expires_at * 1000

    def get_received_at_ms(self) -> float:
        return self._received_at * 1000

    def __repr__(self) -> str:
        return f"_IAMToken(user_id={self._user_id!r})"


def connect(
    facade: ElastiCache,
    resource: shapes.ReplicationGroup | shapes.CacheCluster | shapes.ServerlessCache,
    *,
    user_id: str,
    **options: Any,
) -> redis.Redis | redis.cluster.RedisCluster:
    """A redis-py client connected to `resource` as `user_id`, authenticated with IAM.

    The endpoint, TLS, cluster mode, cache name and serverless flag come from
    `connection_settings(resource)`; the client has an `IAMCredentialProvider` for the user.
    The connection is checked with one PING before the client is returned.

    Args:
        facade: The facade whose credentials and region sign the tokens.
        resource: The cache as a describe operation returned it.
        user_id: The ElastiCache user that authenticates with IAM.
        **options: Further arguments for the client (`ssl_ca_certs`, `socket_timeout`, ...).

    Returns:
        A `redis.Redis`, or a `redis.cluster.RedisCluster` for a cluster-mode replication
        group or a serverless cache.

    Raises:
        ValidationError: The resource has no endpoint yet, is a Memcached cache, or `facade`
            is an `AsyncElastiCache` (use `connect_async`).
        redis.exceptions.RedisError: The connection or its authentication failed.
    """
    from redis import Redis
    from redis.cluster import RedisCluster

    classes = client_builder.ClientClasses(Redis, RedisCluster, IAMCredentialProvider)
    client: redis.Redis | redis.cluster.RedisCluster
    client = client_builder.connect_sync(facade, resource, user_id, classes, options)
    return client


async def connect_async(
    facade: AsyncElastiCache | ElastiCache,
    resource: shapes.ReplicationGroup | shapes.CacheCluster | shapes.ServerlessCache,
    *,
    user_id: str,
    **options: Any,
) -> redis.asyncio.Redis | redis.asyncio.cluster.RedisCluster:
    """The same as `connect`, with redis.asyncio's clients; never blocks the event loop.

    Returns:
        A `redis.asyncio.Redis`, or a `redis.asyncio.cluster.RedisCluster` in cluster mode.

    Raises:
        ValidationError: The resource has no endpoint yet, or is a Memcached cache.
        redis.exceptions.RedisError: The connection or its authentication failed.
    """
    from redis.asyncio import Redis
    from redis.asyncio.cluster import RedisCluster

    classes = client_builder.ClientClasses(Redis, RedisCluster, IAMCredentialProvider)
    client: redis.asyncio.Redis | redis.asyncio.cluster.RedisCluster
    client = await client_builder.connect_async(facade, resource, user_id, classes, options)
    return client
