"""The redis-py and valkey-py IAM credential providers without a server: the reuse window,
threads, and the ImportError that names the extra when the client library is missing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import subprocess
import sys
import textwrap
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import aiobotocore.session
import pytest
import redis.credentials
import time_machine
import valkey.credentials

from elasticache_typed import AsyncElastiCache, ElastiCache, errors
from elasticache_typed._connect.token_reuse import (
    MIN_VALIDITY,
    REFRESH_AFTER,
    RETRY_BACKOFF,
    TOKEN_LIFETIME,
)
from elasticache_typed.integrations import redis as redis_integration
from elasticache_typed.integrations import valkey as valkey_integration
from tests.support.fake_endpoint import make_client

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 29, 9, 0, 0, tzinfo=UTC)
# A caller (or the event loop) that waited for a slow token waited that token's whole delay;
# half of it is the bound, so a loaded machine's scheduling delays do not fail the tests.
_WAITED_FOR_IT = 0.5
PROVIDERS = {
    "redis": (redis_integration.IAMCredentialProvider, redis.credentials.CredentialProvider),
    "valkey": (valkey_integration.IAMCredentialProvider, valkey.credentials.CredentialProvider),
}


class CountingCache(ElastiCache):
    """A facade that counts the tokens it makes (and is slow to make them, to invite races)."""

    _client: Any = None  # one boto3 client for all (making one is slow)

    def __init__(self, delay: float = 0.0) -> None:
        if CountingCache._client is None:
            CountingCache._client = make_client()
        super().__init__(CountingCache._client)
        self.made: list[str] = []
        self.delay = delay

    def generate_iam_auth_token(self, **arguments: Any) -> str:
        time.sleep(self.delay)
        token = super().generate_iam_auth_token(**arguments)
        self.made.append(token)
        return token


def _signed_at(token: str) -> datetime:
    query = dict(parse_qsl(urlsplit(f"//{token}").query))
    assert query["X-Amz-Expires"] == str(TOKEN_LIFETIME)
    return datetime.strptime(query["X-Amz-Date"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)


def _wait_for(condition: Any, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


@pytest.mark.parametrize("library", sorted(PROVIDERS))
def test_is_the_librarys_credential_provider(library: str) -> None:
    provider_class, base = PROVIDERS[library]
    provider = provider_class(CountingCache(), user_id="App", cache_name="My-Redis-RG")
    assert isinstance(provider, base)
    assert repr(provider) == (
        "IAMCredentialProvider(user_id='app', cache_name='my-redis-rg', serverless=False)"
    )


def test_the_redis_provider_streams_tokens() -> None:
    provider = redis_integration.IAMCredentialProvider(
        CountingCache(), user_id="app", cache_name="c"
    )
    assert isinstance(provider, redis.credentials.StreamingCredentialProvider)
    assert provider.is_streaming() is True


@pytest.mark.parametrize("library", sorted(PROVIDERS))
def test_a_due_token_is_renewed_in_the_background_while_the_old_one_is_served(
    library: str,
) -> None:
    assert (REFRESH_AFTER, MIN_VALIDITY, TOKEN_LIFETIME) == (300, 60, 900)
    cache = CountingCache()
    provider = PROVIDERS[library][0](cache, user_id="app", cache_name="sessions", serverless=True)
    with time_machine.travel(NOW, tick=False) as clock:
        user, first = provider.get_credentials()
        assert user == "app"
        assert "ResourceType=ServerlessCache" in first
        clock.shift(REFRESH_AFTER - 1)
        assert provider.get_credentials() == ("app", first)
        assert len(cache.made) == 1
        clock.shift(1)
        cache.delay = 0.3  # a slow renewal: the caller must not wait for it
        began = time.perf_counter()
        assert provider.get_credentials() == ("app", first)
        assert time.perf_counter() - began < _WAITED_FOR_IT * cache.delay
        _wait_for(lambda: len(cache.made) == 2)
        assert provider.get_credentials() == ("app", cache.made[1])
    assert _signed_at(cache.made[1]) == NOW + timedelta(seconds=REFRESH_AFTER)


def test_a_clock_set_back_gets_a_new_token() -> None:
    cache = CountingCache()
    provider = redis_integration.IAMCredentialProvider(cache, user_id="app", cache_name="c")
    with time_machine.travel(NOW, tick=False) as clock:
        provider.get_credentials()
        clock.shift(-60)
        provider.get_credentials()
    assert len(cache.made) == 2


def test_sixteen_threads_over_a_simulated_hour_never_wait_for_a_renewal() -> None:
    cache = CountingCache(delay=0.3)  # each token takes 0.3 s, like a credential refresh
    provider = redis_integration.IAMCredentialProvider(cache, user_id="app", cache_name="c")
    provider.get_credentials()  # the first token: nothing in hand yet, so this one waits
    worst: list[float] = []
    short: list[float] = []
    done = threading.Event()
    start = threading.Barrier(17)

    def connect() -> None:
        start.wait()
        while not done.is_set():
            began = time.perf_counter()
            _, token = provider.get_credentials()
            worst.append(time.perf_counter() - began)
            left = (_signed_at(token) - datetime.now(UTC)).total_seconds() + TOKEN_LIFETIME
            if left < MIN_VALIDITY:
                short.append(left)
            time.sleep(0.001)

    with time_machine.travel(datetime.now(UTC), tick=True) as clock:
        threads = [threading.Thread(target=connect) for _ in range(16)]
        for thread in threads:
            thread.start()
        start.wait()
        for _ in range(360):  # an hour, 10 s at a time
            clock.shift(10)
            time.sleep(0.01)
        done.set()
        for thread in threads:
            thread.join(timeout=30)
    assert len(worst) > 16 * 100
    assert max(worst) < _WAITED_FOR_IT * cache.delay, f"a caller waited {max(worst):.3f} s"
    assert short == []
    # One renewal every 5 minutes of token age; each 0.3 s renewal also spans simulated time
    # (the clock moves 10 s every 10 ms), so an hour holds 6 to 14 of them, never one a call.
    assert 6 <= len(cache.made) <= 14


class FailingCache(CountingCache):
    """Fails to make tokens while `failing` is set."""

    failing = False

    def generate_iam_auth_token(self, **arguments: Any) -> str:
        if self.failing:
            self.attempts += 1
            raise errors.AccessDeniedError(
                "the credentials could not be refreshed", code="ExpiredToken"
            )
        return super().generate_iam_auth_token(**arguments)

    attempts = 0


def test_a_failed_renewal_is_retried_logged_and_surfaces_only_once_no_token_is_valid(
    caplog: pytest.LogCaptureFixture,
) -> None:
    cache = FailingCache()
    provider = redis_integration.IAMCredentialProvider(cache, user_id="app", cache_name="c")
    with time_machine.travel(NOW, tick=False) as clock:
        _, first = provider.get_credentials()
        cache.failing = True
        clock.shift(REFRESH_AFTER)
        with caplog.at_level(logging.WARNING, logger="elasticache_typed"):
            assert provider.get_credentials() == ("app", first)
            _wait_for(lambda: cache.attempts == 1)
            assert provider.get_credentials() == ("app", first)  # backing off: no new attempt
            time.sleep(0.05)
            assert cache.attempts == 1
            clock.shift(RETRY_BACKOFF[0])
            assert provider.get_credentials() == ("app", first)
            _wait_for(lambda: cache.attempts == 2)
        assert [r.getMessage() for r in caplog.records if "renewing" in r.getMessage()]
        assert all(first not in r.getMessage() for r in caplog.records)
        clock.shift(TOKEN_LIFETIME - MIN_VALIDITY - REFRESH_AFTER - RETRY_BACKOFF[0])
        with pytest.raises(errors.AccessDeniedError):
            provider.get_credentials()  # no valid token left: the error surfaces
        cache.failing = False
        _, second = provider.get_credentials()
    assert second != first


class AsyncCountingCache(AsyncElastiCache):
    """An asyncio facade that counts the tokens it makes, slowly without blocking."""

    def __init__(self, client: Any, delay: float = 0.0) -> None:
        super().__init__(client)
        self.made: list[str] = []
        self.delay = delay

    async def generate_iam_auth_token(self, **arguments: Any) -> str:
        await asyncio.sleep(self.delay)
        token = await super().generate_iam_auth_token(**arguments)
        self.made.append(token)
        return token


@contextlib.asynccontextmanager
async def _async_cache(delay: float) -> Any:
    session = aiobotocore.session.get_session()
    async with session.create_client(
        "elasticache",
        region_name="us-east-1",
        endpoint_url="http://127.0.0.1:9",  # never called: signing is local
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="secret",
    ) as client:
        yield AsyncCountingCache(client, delay)


async def _worst_stall(work: Any) -> float:
    """The longest a 10 ms sleep overran on the loop while `work` ran."""
    worst = 0.0
    stop = asyncio.Event()

    async def ticker() -> None:
        nonlocal worst
        while not stop.is_set():
            began = time.perf_counter()
            await asyncio.sleep(0.01)
            worst = max(worst, time.perf_counter() - began - 0.01)

    tick = asyncio.create_task(ticker())
    await asyncio.sleep(0.02)
    await work
    stop.set()
    await tick
    return worst


@pytest.mark.asyncio
@pytest.mark.parametrize("library", sorted(PROVIDERS))
async def test_a_slow_refresh_with_the_blocking_facade_never_stalls_the_loop(library: str) -> None:
    cache = CountingCache(delay=1.5)  # blocks 1.5 s, like an STS or IMDS round trip
    provider = PROVIDERS[library][0](cache, user_id="app", cache_name="c")

    async def five_connections() -> None:
        answers = await asyncio.gather(*(provider.get_credentials_async() for _ in range(5)))
        assert len(set(answers)) == 1

    assert await _worst_stall(five_connections()) < _WAITED_FOR_IT * cache.delay
    assert len(cache.made) == 1


@pytest.mark.asyncio
@pytest.mark.parametrize("library", sorted(PROVIDERS))
async def test_the_asyncio_facade_is_awaited_natively(library: str) -> None:
    async with _async_cache(delay=1.5) as cache:
        provider = PROVIDERS[library][0](cache, user_id="app", cache_name="c")

        async def five_connections() -> None:
            answers = await asyncio.gather(*(provider.get_credentials_async() for _ in range(5)))
            assert {user for user, _ in answers} == {"app"}
            assert len({token for _, token in answers}) == 1
            assert all(isinstance(token, str) for _, token in answers)

        assert await _worst_stall(five_connections()) < _WAITED_FOR_IT * cache.delay
        assert len(cache.made) == 1


@pytest.mark.asyncio
async def test_two_hundred_tasks_over_a_simulated_hour_never_wait_for_a_renewal() -> None:
    async with _async_cache(delay=0.3) as cache:
        provider = redis_integration.IAMCredentialProvider(cache, user_id="app", cache_name="c")
        await provider.get_credentials_async()
        worst: list[float] = []
        short: list[float] = []
        done = False

        async def connect() -> None:
            while not done:
                began = time.perf_counter()
                _, token = await provider.get_credentials_async()
                worst.append(time.perf_counter() - began)
                left = (_signed_at(token) - datetime.now(UTC)).total_seconds() + TOKEN_LIFETIME
                if left < MIN_VALIDITY:
                    short.append(left)
                await asyncio.sleep(0.005)

        with time_machine.travel(datetime.now(UTC), tick=True) as clock:
            tasks = [asyncio.create_task(connect()) for _ in range(200)]
            for _ in range(360):
                clock.shift(10)
                await asyncio.sleep(0.01)
            done = True
            await asyncio.gather(*tasks)
        assert len(worst) > 200 * 100
        assert max(worst) < _WAITED_FOR_IT * cache.delay
        assert short == []
        assert 6 <= len(cache.made) <= 14  # as for the threads above


def test_the_asyncio_facade_needs_the_asyncio_method_once_no_token_is_in_hand() -> None:
    async def main() -> None:
        async with _async_cache(delay=0) as cache:
            provider = redis_integration.IAMCredentialProvider(cache, user_id="app", cache_name="c")
            with pytest.raises(errors.ValidationError, match="get_credentials_async"):
                provider.get_credentials()
            _, token = await provider.get_credentials_async()
            assert provider.get_credentials() == ("app", token)

    asyncio.run(main())


@pytest.mark.parametrize("library", sorted(PROVIDERS))
def test_bad_arguments_fail_when_the_provider_is_made(library: str) -> None:
    provider_class = PROVIDERS[library][0]
    with pytest.raises(errors.ValidationError, match="cache_name"):
        provider_class(CountingCache(), user_id="app", cache_name="")
    with pytest.raises(errors.ValidationError, match="user_id"):
        provider_class(CountingCache(), user_id="  ", cache_name="c")
    with pytest.raises(errors.ValidationError, match="region"):
        provider_class(CountingCache(), user_id="app", cache_name="c", region="not a region")


_WITHOUT_LIBRARY = textwrap.dedent(
    """
    import sys

    class Hide:
        def find_spec(self, name, path=None, target=None):
            if name == {library!r} or name.startswith({library!r} + "."):
                raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
            return None

    sys.meta_path.insert(0, Hide())
    import elasticache_typed, elasticache_typed.integrations
    try:
        import elasticache_typed.integrations.{library}
    except ImportError as exc:
        print(exc)
        print(exc.name)
    else:
        raise SystemExit("imported without the library")
    """
)


@pytest.mark.parametrize("library", sorted(PROVIDERS))
def test_without_the_library_the_import_error_names_the_extra(library: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _WITHOUT_LIBRARY.format(library=library)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    message, name = result.stdout.splitlines()
    assert f"pip install 'elasticache-typed[{library}]'" in message
    assert f"No module named '{library}" in message
    assert name.startswith(library)
