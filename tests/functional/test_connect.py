"""`integrations.redis.connect` / `integrations.valkey.connect` (and the asyncio twins) go from a
described cache to a connected client, against a real Redis-protocol server over TLS
(tests/support/redis_server.py): a standalone one for a replication group without cluster
mode, a one-node Redis Cluster for a cluster-mode group or a serverless cache.

The described resources are typed shapes whose endpoint is the local server; the server plays
ElastiCache's part by taking, as the IAM user's only password, the token the independent
presigner (tests/support/sigv4_reference.py) makes for the frozen instant, for the cache name
and serverless flag the resource carries. A client that connected with another name, flag or
no provider would be refused.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import pytest
import redis
import redis.asyncio
import redis.asyncio.cluster
import redis.cluster
import time_machine
import valkey
import valkey.asyncio
import valkey.asyncio.cluster
import valkey.cluster

from elasticache_typed import AsyncElastiCache, ElastiCache, errors, shapes
from elasticache_typed.integrations import redis as redis_integration
from elasticache_typed.integrations import valkey as valkey_integration
from tests.support import sigv4_reference as reference
from tests.support.fake_endpoint import FakeEndpoint, make_client
from tests.support.redis_server import RedisServer

REGION = "eu-west-1"
ACCESS_KEY, SECRET_KEY = "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
USER = "iam-app"

INTEGRATIONS: dict[str, Any] = {"redis": redis_integration, "valkey": valkey_integration}
CLASSES: dict[tuple[str, bool, bool], type[Any]] = {  # (library, cluster mode, asyncio)
    ("redis", False, False): redis.Redis,
    ("redis", True, False): redis.cluster.RedisCluster,
    ("redis", False, True): redis.asyncio.Redis,
    ("redis", True, True): redis.asyncio.cluster.RedisCluster,
    ("valkey", False, False): valkey.Valkey,
    ("valkey", True, False): valkey.cluster.ValkeyCluster,
    ("valkey", False, True): valkey.asyncio.Valkey,
    ("valkey", True, True): valkey.asyncio.cluster.ValkeyCluster,
}
KINDS = ["replication group", "cluster-mode group", "serverless cache"]


def _resource(kind: str, port: int) -> tuple[Any, str, bool]:
    """A described resource whose endpoint is the local server; its cache name and whether
    it is serverless."""
    endpoint = shapes.Endpoint(address="127.0.0.1", port=port)
    if kind == "replication group":
        group = shapes.ReplicationGroup(
            replication_group_id="Sessions-RG",  # the token names it in lower case
            status="available",
            engine="valkey",
            transit_encryption_enabled=True,
            cluster_enabled=False,
            node_groups=[shapes.NodeGroup(node_group_id="0001", primary_endpoint=endpoint)],
        )
        return group, "sessions-rg", False
    if kind == "cluster-mode group":
        group = shapes.ReplicationGroup(
            replication_group_id="sharded",
            status="available",
            engine="redis",
            transit_encryption_enabled=True,
            cluster_enabled=True,
            configuration_endpoint=endpoint,
        )
        return group, "sharded", False
    cache = shapes.ServerlessCache(
        serverless_cache_name="my-serverless",
        status="available",
        engine="valkey",
        endpoint=endpoint,
    )
    return cache, "my-serverless", True


def _expected_token(cache_name: str, serverless: bool, when: datetime) -> str:
    return reference.elasticache_iam_token(
        user_id=USER,
        cache_name=cache_name,
        serverless=serverless,
        access_key=ACCESS_KEY,
        secret_key=SECRET_KEY,
        session_token=None,
        region=REGION,
        when=when,
        expires=900,
    )


def _aws_client() -> Any:
    return make_client(
        region_name=REGION, aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY
    )


def _server(kind: str, request: pytest.FixtureRequest) -> RedisServer:
    name = "redis_server" if kind == "replication group" else "redis_cluster_server"
    server: RedisServer = request.getfixturevalue(name)
    return server


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("library", sorted(INTEGRATIONS))
def test_connect_gives_a_connected_client_of_the_right_kind(
    library: str, kind: str, request: pytest.FixtureRequest
) -> None:
    server = _server(kind, request)
    resource, cache_name, serverless = _resource(kind, server.port)
    aws_client = _aws_client()
    endpoint = FakeEndpoint.attach(aws_client)  # nothing queued: no AWS request may be sent
    start = datetime.now(UTC).replace(microsecond=0)  # the certificate is checked against it

    with time_machine.travel(start, tick=False):
        server.set_only_password(USER, _expected_token(cache_name, serverless, start))
        client = INTEGRATIONS[library].connect(
            ElastiCache(aws_client), resource, user_id=USER, ssl_ca_certs=str(server.ca_file)
        )
        try:
            assert type(client) is CLASSES[library, kind != "replication group", False]
            assert client.acl_whoami() in (USER, USER.encode())
            client.set(f"{library}:{kind}", "hello")
            assert client.get(f"{library}:{kind}") == b"hello"
        finally:
            client.close()
    assert endpoint.requests == []


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("library", sorted(INTEGRATIONS))
def test_connect_async_gives_a_connected_asyncio_client(
    library: str, kind: str, request: pytest.FixtureRequest
) -> None:
    server = _server(kind, request)
    resource, cache_name, serverless = _resource(kind, server.port)
    start = datetime.now(UTC).replace(microsecond=0)

    async def scenario() -> None:
        async with AsyncElastiCache.create(
            region_name=REGION, aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY
        ) as cache:
            client = await INTEGRATIONS[library].connect_async(
                cache, resource, user_id=USER, ssl_ca_certs=str(server.ca_file)
            )
            try:
                assert type(client) is CLASSES[library, kind != "replication group", True]
                assert await client.acl_whoami() in (USER, USER.encode())
                await client.set(f"async:{library}:{kind}", "hello")
                assert await client.get(f"async:{library}:{kind}") == b"hello"
            finally:
                await client.aclose()

    with time_machine.travel(start, tick=False):
        server.set_only_password(USER, _expected_token(cache_name, serverless, start))
        asyncio.run(scenario())


@pytest.mark.parametrize("library", sorted(INTEGRATIONS))
def test_a_refused_token_fails_in_connect(library: str, redis_server: RedisServer) -> None:
    """The checks above can fail: a server that expects another token refuses connect()."""
    resource, cache_name, _ = _resource("replication group", redis_server.port)
    redis_server.set_only_password(
        USER, _expected_token(cache_name, True, datetime(2026, 1, 1, tzinfo=UTC))
    )
    refused = (redis.exceptions.AuthenticationError, valkey.exceptions.AuthenticationError)
    with pytest.raises(refused):
        INTEGRATIONS[library].connect(
            ElastiCache(_aws_client()),
            resource,
            user_id=USER,
            ssl_ca_certs=str(redis_server.ca_file),
            retry=None,
        )


@pytest.mark.parametrize("library", sorted(INTEGRATIONS))
def test_connect_refuses_what_it_cannot_connect_to(library: str) -> None:
    integration = INTEGRATIONS[library]
    creating = shapes.ReplicationGroup(replication_group_id="new", status="creating")
    with pytest.raises(errors.ValidationError, match="no endpoint yet"):
        integration.connect(ElastiCache(_aws_client()), creating, user_id=USER)
    memcached = shapes.CacheCluster(
        cache_cluster_id="mc",
        engine="memcached",
        configuration_endpoint=shapes.Endpoint(address="127.0.0.1", port=11211),
    )
    with pytest.raises(errors.ValidationError, match="Memcached"):
        integration.connect(ElastiCache(_aws_client()), memcached, user_id=USER)


def test_the_blocking_connect_refuses_an_asyncio_facade() -> None:
    resource, _, _ = _resource("replication group", 6379)

    async def scenario() -> None:
        async with AsyncElastiCache.create(region_name=REGION) as cache:
            with pytest.raises(errors.ValidationError, match="connect_async"):
                redis_integration.connect(cache, resource, user_id=USER)  # type: ignore[arg-type]

    asyncio.run(scenario())
