"""Open redis-py connections are re-authenticated as the provider renews its token, against a
proxy that closes connections not re-authenticated in time (tests/support/reauth_proxy.py:
ElastiCache's 12-hour limit scaled down to 2 s, each AUTH's SigV4 signature checked).

The provider renews every half second here (a scaled-down `REFRESH_AFTER`); redis-py re-AUTHs
its pooled, pub/sub and blocking connections on each renewal. The clients never retry, so a
dropped connection is an error; and a non-streaming provider shows the proxy does drop.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import redis
from redis.backoff import NoBackoff
from redis.credentials import CredentialProvider, UsernamePasswordCredentialProvider
from redis.retry import Retry

from elasticache_typed._connect.token_reuse import Listener
from elasticache_typed.integrations.redis import IAMCredentialProvider
from tests.support import iam_proxy_fixture as setup
from tests.support.reauth_proxy import ReauthProxy
from tests.support.redis_server import RedisServer

LIMIT = 2.0
RUN_FOR = 3 * LIMIT + 1


@pytest.fixture
def proxy(redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[ReauthProxy]:
    setup.fast_renewal(monkeypatch)
    yield from setup.proxy(redis_server, reauth_limit=LIMIT)


def _client(proxy: ReauthProxy, provider: CredentialProvider) -> Any:
    """A client of the proxy (typed Any: redis-py's own types are partly unknown)."""
    return redis.Redis(
        host="127.0.0.1",
        port=proxy.port,
        protocol=3,  # a subscribed RESP2 connection may not send AUTH
        credential_provider=provider,
        retry=Retry(NoBackoff(), 0),
        socket_timeout=5,
    )


def _provider() -> IAMCredentialProvider:
    cache, _endpoint = setup.facade()
    return IAMCredentialProvider(cache, user_id=setup.USER, cache_name=setup.CACHE_NAME)


def test_pooled_connections_outlive_several_limits(proxy: ReauthProxy) -> None:
    client = _client(proxy, _provider())
    deadline = time.monotonic() + RUN_FOR
    rounds = 0
    while time.monotonic() < deadline:
        client.set("reauth:key", rounds)
        assert client.get("reauth:key") == str(rounds).encode()
        rounds += 1
        time.sleep(0.3 if rounds % 5 else LIMIT * 0.75)  # idle spells too
    client.close()
    assert proxy.dropped == 0
    assert proxy.bad_auths == 0
    assert proxy.good_auths > RUN_FOR / LIMIT


class _DetachableProvider(IAMCredentialProvider):
    """Remembers the re-authentication callbacks redis-py gives it, to take them back: redis-py
    never does, and a closed PubSub's callback would re-AUTH (so reconnect) its released
    connection on each renewal, from the renewer's thread."""

    def __init__(self) -> None:
        cache, _endpoint = setup.facade()
        super().__init__(cache, user_id=setup.USER, cache_name=setup.CACHE_NAME)
        self.added: list[Listener] = []

    def add_listener(self, listener: Listener) -> None:
        self.added.append(listener)
        super().add_listener(listener)

    def detach_all(self) -> None:
        for listener in self.added:
            self.remove_listener(listener)


def _poll(pubsub: Any, until: float) -> None:
    """Reads the pub/sub connection until `until`, holding the PubSub's lock only for a read that
    does not wait. redis-py 8.1 re-AUTHs a pub/sub connection under that lock, from the renewer's
    thread, and `get_message` reads without it: reading under it keeps the two from taking each
    other's replies; a read that waits under it (`timeout=0.2`), taken again at once, starves the
    re-AUTH on a loaded machine until the proxy's limit closes the connection."""
    while time.monotonic() < until:
        with pubsub._lock:
            pubsub.get_message(timeout=0.0)  # the push handler takes what it reads
        time.sleep(0.01)  # the lock free: a re-AUTH waiting for it goes now


def test_a_pubsub_connection_keeps_receiving(proxy: ReauthProxy) -> None:
    provider = _DetachableProvider()
    client = _client(proxy, provider)
    pushed: list[list[bytes]] = []  # every push read, by `get_message` or by a re-AUTH's read
    pubsub = client.pubsub(push_handler_func=pushed.append)
    pubsub.subscribe("reauth:channel")
    publisher = _client(proxy, _provider())
    deadline = time.monotonic() + RUN_FOR
    published = 0

    def received() -> int:
        return sum(1 for push in pushed if push[0] == b"message")

    while time.monotonic() < deadline:
        publisher.publish("reauth:channel", "hello")
        published += 1
        wait_until = time.monotonic() + 1.0
        while received() < published and time.monotonic() < wait_until:
            _poll(pubsub, time.monotonic() + 0.05)
    _poll(pubsub, time.monotonic() + 0.2)
    provider.detach_all()
    with pubsub._lock:  # not while a renewal's re-AUTH uses the connection
        pubsub.close()
    publisher.close()
    client.close()
    assert pushed[0][0] == b"subscribe"
    # A message read by a re-AUTH goes to the push handler too: none is lost.
    assert received() == published
    assert proxy.dropped == 0
    assert proxy.bad_auths == 0
    assert proxy.good_auths > RUN_FOR / LIMIT


def test_a_blocking_call_in_a_loop_keeps_its_connection(proxy: ReauthProxy) -> None:
    client = _client(proxy, _provider())
    pusher = _client(proxy, _provider())
    stop = threading.Event()

    def push() -> None:
        while not stop.wait(0.7):
            pusher.rpush("reauth:queue", "job")

    thread = threading.Thread(target=push)
    thread.start()
    popped = 0
    deadline = time.monotonic() + RUN_FOR
    try:
        while time.monotonic() < deadline:
            if client.blpop(["reauth:queue"], timeout=1) is not None:
                popped += 1
    finally:
        stop.set()
        thread.join()
    client.close()
    pusher.close()
    assert popped >= 3
    assert proxy.dropped == 0
    assert proxy.bad_auths == 0


def test_without_re_authentication_the_proxy_drops_the_connection(proxy: ReauthProxy) -> None:
    """The checks above can fail: a token that is only sent on connecting is not enough."""
    token = _provider().get_credentials()[1]
    client = _client(proxy, UsernamePasswordCredentialProvider(setup.USER, token))
    assert client.ping() is True
    time.sleep(LIMIT + 0.5)
    assert proxy.dropped == 1  # the pool then reconnects the idle connection unseen
    client.ping()
    client.close()
