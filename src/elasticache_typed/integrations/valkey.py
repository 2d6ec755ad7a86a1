"""A valkey-py credential provider that authenticates with ElastiCache IAM tokens.

Needs valkey-py: `pip install "elasticache-typed[valkey]"`; without it, importing this module
raises an ImportError that says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from elasticache_typed._connect import client_builder
from elasticache_typed._connect.token_reuse import IAMTokenProvider

INSTALL_HINT = (
    "elasticache_typed.integrations.valkey needs valkey-py: pip install 'elasticache-typed[valkey]'"
)

try:
    from valkey.credentials import CredentialProvider
except ImportError as _missing:
    raise ImportError(f"{INSTALL_HINT} ({_missing})", name=_missing.name) from _missing

if TYPE_CHECKING:
    import valkey
    import valkey.asyncio
    import valkey.asyncio.cluster
    import valkey.cluster

    from elasticache_typed import AsyncElastiCache, ElastiCache, shapes

__all__ = ["IAMCredentialProvider", "connect", "connect_async"]


class IAMCredentialProvider(IAMTokenProvider, CredentialProvider):
    """valkey-py's `credential_provider` for an ElastiCache user that authenticates with IAM.

    Each new connection authenticates as `user_id` with the IAM token in hand (valid 15
    minutes), renewed in the background after 5 minutes; callers wait only when no token
    has a minute of validity left. Takes an `ElastiCache` or an `AsyncElastiCache`; one
    provider can be shared by clients, pools, threads and `valkey.asyncio` tasks. valkey-py
    has no streaming credential providers yet: open connections are not re-authenticated
    (see docs/connecting.md).

    Example:
        ```python
        provider = IAMCredentialProvider(cache, user_id="app", cache_name="sessions")
        client = valkey.Valkey(host=..., port=6379, ssl=True, credential_provider=provider)
        ```
    """


def connect(
    facade: ElastiCache,
    resource: shapes.ReplicationGroup | shapes.CacheCluster | shapes.ServerlessCache,
    *,
    user_id: str,
    **options: Any,
) -> valkey.Valkey | valkey.cluster.ValkeyCluster:
    """A valkey-py client connected to `resource` as `user_id`, authenticated with IAM.

    As `elasticache_typed.integrations.redis.connect`, with valkey-py's clients.

    Args:
        facade: The facade whose credentials and region sign the tokens.
        resource: The cache as a describe operation returned it.
        user_id: The ElastiCache user that authenticates with IAM.
        **options: Further arguments for the client (`ssl_ca_certs`, `socket_timeout`, ...).

    Returns:
        A `valkey.Valkey`, or a `valkey.cluster.ValkeyCluster` for a cluster-mode replication
        group or a serverless cache.

    Raises:
        ValidationError: The resource has no endpoint yet, is a Memcached cache, or `facade`
            is an `AsyncElastiCache` (use `connect_async`).
        valkey.exceptions.ValkeyError: The connection or its authentication failed.
    """
    from valkey import Valkey
    from valkey.cluster import ValkeyCluster

    classes = client_builder.ClientClasses(Valkey, ValkeyCluster, IAMCredentialProvider)
    client: valkey.Valkey | valkey.cluster.ValkeyCluster
    client = client_builder.connect_sync(facade, resource, user_id, classes, options)
    return client


async def connect_async(
    facade: AsyncElastiCache | ElastiCache,
    resource: shapes.ReplicationGroup | shapes.CacheCluster | shapes.ServerlessCache,
    *,
    user_id: str,
    **options: Any,
) -> valkey.asyncio.Valkey | valkey.asyncio.cluster.ValkeyCluster:
    """The same as `connect`, with valkey.asyncio's clients; never blocks the event loop.

    Returns:
        A `valkey.asyncio.Valkey`, or a `valkey.asyncio.cluster.ValkeyCluster` in cluster mode.

    Raises:
        ValidationError: The resource has no endpoint yet, or is a Memcached cache.
        valkey.exceptions.ValkeyError: The connection or its authentication failed.
    """
    from valkey.asyncio import Valkey
    from valkey.asyncio.cluster import ValkeyCluster

    classes = client_builder.ClientClasses(Valkey, ValkeyCluster, IAMCredentialProvider)
    client: valkey.asyncio.Valkey | valkey.asyncio.cluster.ValkeyCluster
    client = await client_builder.connect_async(facade, resource, user_id, classes, options)
    return client
