"""From a described cache to a connected Valkey/Redis OSS client: the part of
`integrations.redis.connect` and `integrations.valkey.connect` (and their asyncio twins) that
depends on neither client library.

The integration names its four client classes (standalone and cluster, blocking and asyncio)
and its credential provider; this module reads the connection settings, picks the class, sets
TLS and the provider, and checks the connection with one PING, so a wrong token or endpoint
fails here rather than at the first command.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from elasticache_typed._connect.connection_settings import ConnectionSettings, connection_settings
from elasticache_typed._connect.token_reuse import awaits
from elasticache_typed._errors.categories import ValidationError

if TYPE_CHECKING:
    from elasticache_typed import shapes


@dataclass(frozen=True)
class ClientClasses:
    """What one client library connects with."""

    standalone: Any
    cluster: Any
    provider: Any


def _settings(
    resource: shapes.ReplicationGroup | shapes.CacheCluster | shapes.ServerlessCache,
) -> ConnectionSettings:
    settings = connection_settings(resource)
    if settings.engine == "memcached":
        raise ValidationError(
            f"resource: {settings.cache_name!r} is a Memcached cache; Valkey and Redis OSS "
            "clients cannot connect to it"
        )
    return settings


def _client(
    facade: object,
    resource: shapes.ReplicationGroup | shapes.CacheCluster | shapes.ServerlessCache,
    user_id: str,
    classes: ClientClasses,
    options: dict[str, Any],
) -> tuple[Any, Any]:
    """The client (not connected yet) and its credential provider."""
    settings = _settings(resource)
    provider = classes.provider(
        facade, user_id=user_id, cache_name=settings.cache_name, serverless=settings.serverless
    )
    client_class = classes.cluster if settings.cluster_mode else classes.standalone
    arguments: dict[str, Any] = {"host": settings.host, "port": settings.port, "ssl": settings.tls}
    arguments.update(options)
    arguments["credential_provider"] = provider
    return client_class(**arguments), provider


def connect_sync(
    facade: object,
    resource: shapes.ReplicationGroup | shapes.CacheCluster | shapes.ServerlessCache,
    user_id: str,
    classes: ClientClasses,
    options: dict[str, Any],
) -> Any:
    """A blocking client for `resource`, authenticated with IAM, checked with a PING."""
    if awaits(facade):
        raise ValidationError(
            "facade: a blocking client needs an ElastiCache; with an AsyncElastiCache use "
            "connect_async"
        )
    client, _ = _client(facade, resource, user_id, classes, options)
    try:
        client.ping()
    except BaseException:
        client.close()
        raise
    return client


async def connect_async(
    facade: object,
    resource: shapes.ReplicationGroup | shapes.CacheCluster | shapes.ServerlessCache,
    user_id: str,
    classes: ClientClasses,
    options: dict[str, Any],
) -> Any:
    """An asyncio client for `resource`, authenticated with IAM, checked with a PING."""
    client, provider = _client(facade, resource, user_id, classes, options)
    # valkey.asyncio (6.x) asks the provider with the blocking get_credentials: have a token
    # in hand first, so that call never has to make one.
    await provider.get_credentials_async()
    try:
        await client.ping()
    except BaseException:
        await client.aclose()
        raise
    return client
