"""`IAMPasswordRefresher` without a server: what it pushes into glide clients, and when it
stops (the end-to-end runs with real glide clients are tests/functional/test_glide_refresh.py)."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import pytest

from elasticache_typed.integrations.glide import IAMPasswordRefresher
from tests.support import iam_proxy_fixture as setup


class _SyncGlide:
    def __init__(self) -> None:
        self.pushed: list[tuple[str | None, bool]] = []

    def update_connection_password(self, password: str | None, immediate_auth: bool) -> str:
        self.pushed.append((password, immediate_auth))
        return "OK"


class _AsyncGlide:
    def __init__(self) -> None:
        self.pushed: list[str | None] = []
        self.loops: list[asyncio.AbstractEventLoop] = []

    async def update_connection_password(self, password: str | None, immediate_auth: bool) -> str:
        assert immediate_auth
        self.loops.append(asyncio.get_running_loop())
        self.pushed.append(password)
        return "OK"


def _wait_for(condition: Any, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def _renewers() -> int:
    return sum(t.name == "elasticache-typed-renewer" for t in threading.enumerate())


def test_renewals_are_pushed_with_immediate_auth_until_detached(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    setup.fast_renewal(monkeypatch)
    cache, endpoint = setup.facade()
    refresher = IAMPasswordRefresher(cache, user_id="App-IAM", cache_name=setup.CACHE_NAME)
    first = refresher.password()
    assert refresher.user_id == "app-iam"
    before = _renewers()
    client = _SyncGlide()
    refresher.attach(client)
    _wait_for(lambda: len(client.pushed) >= 2)
    assert all(immediate for _, immediate in client.pushed)
    assert client.pushed[-1][0] == refresher.password()
    assert first not in repr(refresher)
    refresher.detach(client)
    _wait_for(lambda: _renewers() <= before)
    count = len(client.pushed)
    time.sleep(0.8)
    assert len(client.pushed) <= count + 1  # at most one renewal that was under way
    assert endpoint.requests == []


def test_an_asyncio_client_gets_its_pushes_on_its_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    setup.fast_renewal(monkeypatch)
    cache, _endpoint = setup.facade()
    refresher = IAMPasswordRefresher(cache, user_id="app", cache_name=setup.CACHE_NAME)
    client = _AsyncGlide()

    async def run() -> asyncio.AbstractEventLoop:
        await refresher.password_async()
        await refresher.attach_async(client)
        deadline = time.monotonic() + 5
        while len(client.pushed) < 2:
            assert time.monotonic() < deadline, "no push"
            await asyncio.sleep(0.05)
        refresher.detach(client)
        return asyncio.get_running_loop()

    loop = asyncio.run(run())
    assert set(client.loops) == {loop}
    assert client.pushed[-1] == refresher.password()
