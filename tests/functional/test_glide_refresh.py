"""valkey-glide clients (sync and asyncio) keep reconnecting with a valid IAM token through
`IAMPasswordRefresher`, node-based and serverless, against a real server behind a proxy that
checks each AUTH's SigV4 signature and takes tokens no older than 3 s (ElastiCache's 15-minute
token lifetime, scaled down; tests/support/reauth_proxy.py).

Each round waits past that lifetime, kills the client's connections on the server (CLIENT KILL
USER) and checks that glide reconnects with no refused AUTH. Without the refresher, the same
reconnect is refused: the check can fail.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from typing import Any

import pytest
from glide import GlideClient as AsyncGlideClient
from glide import GlideClientConfiguration as AsyncConfiguration
from glide import NodeAddress as AsyncNodeAddress
from glide import ServerCredentials as AsyncCredentials
from glide_sync import GlideClient, GlideClientConfiguration, NodeAddress, ServerCredentials

from elasticache_typed.integrations.glide import IAMPasswordRefresher
from tests.support import iam_proxy_fixture as setup
from tests.support.reauth_proxy import ReauthProxy
from tests.support.redis_server import RedisServer

LIFETIME = 3.0
ROUNDS = 2


@pytest.fixture(params=[False, True], ids=["node-based", "serverless"])
def proxy(
    request: pytest.FixtureRequest, redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch
) -> Iterator[ReauthProxy]:
    setup.fast_renewal(monkeypatch)
    yield from setup.proxy(redis_server, serverless=request.param, token_lifetime=LIFETIME)


def _refresher(proxy: ReauthProxy) -> IAMPasswordRefresher:
    cache, _endpoint = setup.facade()
    return IAMPasswordRefresher(
        cache, user_id=setup.USER, cache_name=setup.CACHE_NAME, serverless=proxy.serverless
    )


def _kill_connections(proxy: ReauthProxy) -> None:
    admin: Any
    with proxy.server.admin() as admin:
        admin.execute_command("CLIENT", "KILL", "USER", setup.USER)


def _sync_client(proxy: ReauthProxy, password: str) -> Any:
    credentials = ServerCredentials(password=password, username=setup.USER)
    config = GlideClientConfiguration(
        [NodeAddress("127.0.0.1", proxy.port)], credentials=credentials, request_timeout=2000
    )
    return GlideClient.create(config)


def _until_ping(ping: Any) -> None:
    deadline = time.monotonic() + 10
    while True:
        try:
            assert ping() in (b"PONG", "PONG")
            return
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_a_sync_client_reconnects_with_fresh_tokens(proxy: ReauthProxy) -> None:
    refresher = _refresher(proxy)
    client = _sync_client(proxy, refresher.password())
    refresher.attach(client)
    assert client.ping() == b"PONG"
    for _ in range(ROUNDS):
        time.sleep(LIFETIME + 1)
        _kill_connections(proxy)
        _until_ping(client.ping)
    refresher.detach(client)
    client.close()
    assert proxy.bad_auths == 0
    assert proxy.good_auths >= ROUNDS + 1


def test_without_the_refresher_the_reconnect_is_refused(proxy: ReauthProxy) -> None:
    client = _sync_client(proxy, _refresher(proxy).password())
    assert client.ping() == b"PONG"
    time.sleep(LIFETIME + 1)
    _kill_connections(proxy)
    with pytest.raises(Exception):  # noqa: B017, PT011 - glide's error class varies by version
        _until_ping(client.ping)
    client.close()
    assert proxy.bad_auths >= 1


def test_an_asyncio_client_reconnects_with_fresh_tokens(proxy: ReauthProxy) -> None:
    async def run() -> None:
        refresher = _refresher(proxy)
        credentials = AsyncCredentials(
            password=await refresher.password_async(), username=setup.USER
        )
        config = AsyncConfiguration(
            [AsyncNodeAddress("127.0.0.1", proxy.port)],
            credentials=credentials,
            request_timeout=2000,
        )
        client = await AsyncGlideClient.create(config)
        await refresher.attach_async(client)
        assert await client.ping() == b"PONG"
        for _ in range(ROUNDS):
            await asyncio.sleep(LIFETIME + 1)
            await asyncio.to_thread(_kill_connections, proxy)
            deadline = time.monotonic() + 10
            while True:
                try:
                    assert await client.ping() == b"PONG"
                    break
                except Exception:
                    if time.monotonic() > deadline:
                        raise
                    await asyncio.sleep(0.2)
        refresher.detach(client)
        await client.close()

    asyncio.run(run())
    assert proxy.bad_auths == 0
    assert proxy.good_auths >= ROUNDS + 1
