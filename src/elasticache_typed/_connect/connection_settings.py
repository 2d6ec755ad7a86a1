"""Where and how to connect to a cache, read from its description.

`connection_settings(resource)` takes what the describe (or create) operations return for a
replication group, a cache cluster or a serverless cache, and picks the endpoint a client
connects to, as the ElastiCache user guide's "Finding connection endpoints" describes:
- a replication group in cluster mode: its configuration endpoint (a cluster-mode client finds
  the shards from there);
- a replication group without cluster mode: its node group's primary endpoint (writes) and
  reader endpoint (reads spread over the replicas);
- a Memcached cluster: its configuration endpoint; a single-node Valkey or Redis OSS cluster:
  its node's endpoint (the cluster must be described with `show_cache_node_info=True`);
- a serverless cache: its endpoint and reader endpoint, always over TLS.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import attrs

from elasticache_typed._connect.described_nodes import described_with_nodes
from elasticache_typed._errors.categories import ValidationError

if TYPE_CHECKING:
    from elasticache_typed import shapes


@attrs.frozen(kw_only=True, order=False)
class ConnectionSettings:
    """Where a client connects to a cache, and how.

    `host` and `port` are the endpoint to connect to (for reads and writes); `reader_host`
    and `reader_port` the reader endpoint, where the cache has one.
    """

    host: str
    """The endpoint's DNS name."""
    port: int
    """The endpoint's port."""
    tls: bool
    """Whether the cache takes only TLS connections (in-transit encryption)."""
    cluster_mode: bool
    """Whether to connect with a cluster-mode client (a cluster-mode replication group or a
    serverless Valkey or Redis OSS cache)."""
    reader_host: str | None = None
    """The reader endpoint's DNS name, for read-only connections; None if there is none."""
    reader_port: int | None = None
    """The reader endpoint's port; None if there is none."""
    url: str
    """`rediss://host:port` (TLS) or `redis://host:port`; `memcached://host:port` for
    Memcached."""
    cache_name: str
    """The replication group id, cache cluster id or serverless cache name: what an IAM
    token names (`generate_iam_auth_token(cache_name=...)`)."""
    serverless: bool
    """Whether the cache is a serverless cache (its IAM tokens say so)."""
    engine: str | None
    """The engine in lower case (`valkey`, `redis` or `memcached`), None if not described."""


def connection_settings(
    resource: shapes.ReplicationGroup | shapes.CacheCluster | shapes.ServerlessCache,
) -> ConnectionSettings:
    """Where and how to connect to a replication group, cache cluster or serverless cache.

    Pass the resource as a describe (or create) operation returned it; for a single-node
    Valkey or Redis OSS cache cluster, describe it with `show_cache_node_info=True` (a
    cluster a facade described so is not told to ask for its nodes again, even when the
    endpoint answered none).

    Args:
        resource: The cache, as `shapes.ReplicationGroup`, `shapes.CacheCluster` or
            `shapes.ServerlessCache`.

    Returns:
        The endpoint (and reader endpoint, if any), whether to use TLS and a cluster-mode
        client, and a URL for clients that take one.

    Raises:
        ValidationError: The resource has no endpoint yet (it is still being created; wait
            until it is available and describe it again), or it is not one of the three.
    """
    from elasticache_typed import shapes

    given = cast(object, resource)  # typed, but a caller may pass anything
    if isinstance(given, shapes.ReplicationGroup):
        return _replication_group(given)
    if isinstance(given, shapes.CacheCluster):
        return _cache_cluster(given, nodes_asked=described_with_nodes(given))
    if isinstance(given, shapes.ServerlessCache):
        return _serverless_cache(given)
    raise ValidationError(
        "resource: expected a shapes.ReplicationGroup, shapes.CacheCluster or "
        f"shapes.ServerlessCache, got {type(given).__name__}"
    )


def _address(endpoint: shapes.Endpoint | None) -> tuple[str, int] | None:
    if endpoint is None or not endpoint.address or endpoint.port is None:
        return None
    return endpoint.address, endpoint.port


def _settings(
    endpoint: tuple[str, int],
    *,
    tls: bool,
    cluster_mode: bool,
    cache_name: str | None,
    engine: str | None,
    serverless: bool = False,
    reader: tuple[str, int] | None = None,
) -> ConnectionSettings:
    host, port = endpoint
    engine = engine.lower() if engine else None
    scheme = "memcached" if engine == "memcached" else "rediss" if tls else "redis"
    return ConnectionSettings(
        cache_name=cache_name or "",
        serverless=serverless,
        engine=engine,
        host=host,
        port=port,
        tls=tls,
        cluster_mode=cluster_mode,
        url=f"{scheme}://{host}:{port}",
        reader_host=reader[0] if reader else None,
        reader_port=reader[1] if reader else None,
    )


def _no_endpoint(kind: str, name: str | None, status: str | None, waiter: str) -> ValidationError:
    return ValidationError(
        f"{kind} {name!r} has no endpoint yet (status: {status}): wait until it is available "
        f"({waiter}) and describe it again"
    )


def _replication_group(group: shapes.ReplicationGroup) -> ConnectionSettings:
    tls = bool(group.transit_encryption_enabled)
    configuration = _address(group.configuration_endpoint)
    node_group = group.node_groups[0] if group.node_groups else None
    primary = _address(node_group.primary_endpoint) if node_group else None
    name, engine = group.replication_group_id, group.engine
    if configuration is not None:
        return _settings(configuration, tls=tls, cluster_mode=True, cache_name=name, engine=engine)
    if primary is not None and node_group is not None and not group.cluster_enabled:
        reader = _address(node_group.reader_endpoint)
        return _settings(
            primary, tls=tls, cluster_mode=False, reader=reader, cache_name=name, engine=engine
        )
    raise _no_endpoint(
        "replication group",
        group.replication_group_id,
        group.status,
        "wait_until_replication_group_available",
    )


def _cache_cluster(cluster: shapes.CacheCluster, *, nodes_asked: bool) -> ConnectionSettings:
    found = _address(cluster.configuration_endpoint)
    if found is None and cluster.replication_group_id:
        raise ValidationError(
            f"cache cluster {cluster.cache_cluster_id!r} is a node of replication group "
            f"{cluster.replication_group_id!r}: take the connection settings of the "
            "replication group"
        )
    if found is None and cluster.cache_nodes:
        found = _address(cluster.cache_nodes[0].endpoint)
    if (
        found is None
        and not nodes_asked
        and cluster.cache_nodes is None
        and cluster.cache_cluster_status == "available"
    ):
        raise ValidationError(
            f"cache cluster {cluster.cache_cluster_id!r} was described without its nodes: "
            "describe it with show_cache_node_info=True"
        )
    if found is None and nodes_asked and cluster.cache_cluster_status == "available":
        raise ValidationError(
            f"cache cluster {cluster.cache_cluster_id!r} is available, but its description "
            "has no node endpoint (described with show_cache_node_info=True): the endpoint "
            "answering does not report cache nodes"
        )
    if found is None:
        raise _no_endpoint(
            "cache cluster",
            cluster.cache_cluster_id,
            cluster.cache_cluster_status,
            "wait_until_cache_cluster_available",
        )
    return _settings(
        found,
        tls=bool(cluster.transit_encryption_enabled),
        cluster_mode=False,
        cache_name=cluster.cache_cluster_id,
        engine=cluster.engine,
    )


def _serverless_cache(cache: shapes.ServerlessCache) -> ConnectionSettings:
    found = _address(cache.endpoint)
    if found is None:
        raise _no_endpoint(
            "serverless cache",
            cache.serverless_cache_name,
            cache.status,
            "wait_until_serverless_cache_available",
        )
    memcached = (cache.engine or "").lower() == "memcached"
    return _settings(
        found,
        tls=True,  # a serverless cache takes only TLS connections
        cluster_mode=not memcached,
        reader=_address(cache.reader_endpoint),
        cache_name=cache.serverless_cache_name,
        engine=cache.engine,
        serverless=True,
    )
