"""The redis-py and valkey-py IAM credential providers without a server: the reuse window,
threads, and the ImportError that names the extra when the client library is missing.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
import redis.credentials
import time_machine
import valkey.credentials

from elasticache_typed import ElastiCache, errors
from elasticache_typed._connect.token_reuse import REUSE_SECONDS, TOKEN_LIFETIME
from elasticache_typed.integrations import redis as redis_integration
from elasticache_typed.integrations import valkey as valkey_integration
from tests.support.fake_endpoint import make_client

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 29, 9, 0, 0, tzinfo=UTC)
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
        self._delay = delay

    def generate_iam_auth_token(self, **arguments: Any) -> str:
        time.sleep(self._delay)
        token = super().generate_iam_auth_token(**arguments)
        self.made.append(token)
        return token


def _signed_at(token: str) -> datetime:
    query = dict(parse_qsl(urlsplit(f"//{token}").query))
    assert query["X-Amz-Expires"] == str(TOKEN_LIFETIME)
    return datetime.strptime(query["X-Amz-Date"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)


@pytest.mark.parametrize("library", sorted(PROVIDERS))
def test_is_the_librarys_credential_provider(library: str) -> None:
    provider_class, base = PROVIDERS[library]
    provider = provider_class(CountingCache(), user_id="app", cache_name="my-redis-rg")
    assert isinstance(provider, base)
    assert repr(provider) == (
        "IAMCredentialProvider(user_id='app', cache_name='my-redis-rg', serverless=False)"
    )


@pytest.mark.parametrize("library", sorted(PROVIDERS))
def test_one_token_for_five_minutes_then_a_new_one(library: str) -> None:
    assert (REUSE_SECONDS, TOKEN_LIFETIME) == (300, 900)
    cache = CountingCache()
    provider = PROVIDERS[library][0](cache, user_id="app", cache_name="sessions", serverless=True)
    with time_machine.travel(NOW, tick=False) as clock:
        user, first = provider.get_credentials()
        assert user == "app"
        assert "ResourceType=ServerlessCache" in first
        clock.shift(REUSE_SECONDS - 1)
        assert provider.get_credentials() == ("app", first)
        clock.shift(1)
        _, second = provider.get_credentials()
    assert cache.made == [first, second]
    assert _signed_at(first) == NOW
    assert _signed_at(second) == NOW + timedelta(seconds=REUSE_SECONDS)
    # Handed out at most REUSE_SECONDS after signing: always 10 minutes or more from expiry.
    assert TOKEN_LIFETIME - REUSE_SECONDS == 600


def test_a_clock_set_back_gets_a_new_token() -> None:
    cache = CountingCache()
    provider = redis_integration.IAMCredentialProvider(cache, user_id="app", cache_name="c")
    with time_machine.travel(NOW, tick=False) as clock:
        provider.get_credentials()
        clock.shift(-60)
        provider.get_credentials()
    assert len(cache.made) == 2


@pytest.mark.parametrize("library", sorted(PROVIDERS))
def test_threads_share_one_token(library: str) -> None:
    cache = CountingCache(delay=0.05)
    provider = PROVIDERS[library][0](cache, user_id="app", cache_name="my-redis-rg")
    start = threading.Barrier(16)
    results: list[tuple[str, str]] = []

    def connect() -> None:
        start.wait()
        for _ in range(20):
            results.append(provider.get_credentials())

    threads = [threading.Thread(target=connect) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(results) == 16 * 20
    assert len(cache.made) == 1
    assert set(results) == {("app", cache.made[0])}


@pytest.mark.asyncio
async def test_redis_asyncio_clients_get_the_same_credentials() -> None:
    provider = redis_integration.IAMCredentialProvider(
        CountingCache(), user_id="app", cache_name="c"
    )
    assert await provider.get_credentials_async() == provider.get_credentials()


@pytest.mark.parametrize("library", sorted(PROVIDERS))
def test_bad_arguments_fail_when_the_provider_is_made(library: str) -> None:
    provider_class = PROVIDERS[library][0]
    with pytest.raises(errors.ValidationError, match="cache_name"):
        provider_class(CountingCache(), user_id="app", cache_name="")
    with pytest.raises(errors.ValidationError, match="user_id"):
        provider_class(CountingCache(), user_id="", cache_name="c")


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
