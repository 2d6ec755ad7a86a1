"""redis-py and valkey-py authenticate through the IAM credential providers against a real
Redis-protocol server on 127.0.0.1, over TLS (tests/support/redis_server.py).

The server plays ElastiCache's part: with the clock frozen, the token the independent
presigner (tests/support/sigv4_reference.py) makes for that instant is set as the ACL user's
only password. A client built with the provider must authenticate as that user and run
commands. Within the reuse window a new connection still authenticates with the same token;
once the clock moves past it, the server takes only the next instant's token, and the
provider's new token authenticates.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import redis
import time_machine
import valkey
from redis.backoff import NoBackoff
from redis.retry import Retry

from elasticache_typed import ElastiCache
from elasticache_typed._connect.token_reuse import REFRESH_AFTER
from elasticache_typed.integrations import redis as redis_integration
from elasticache_typed.integrations import valkey as valkey_integration
from tests.support import sigv4_reference as reference
from tests.support.fake_endpoint import FakeEndpoint, make_client
from tests.support.redis_server import RedisServer

REGION = "eu-west-1"
ACCESS_KEY, SECRET_KEY = "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
SESSION_TOKEN = "IQoJb3JpZ2luX2VjEOr//////////wEaCWV1LXdlc3QtMSJH+session/token=="
USER = "iam-app"
CACHE_NAME = "my-redis-rg"

LIBRARIES: dict[str, Any] = {
    "redis": (redis.Redis, redis_integration.IAMCredentialProvider),
    "valkey": (valkey.Valkey, valkey_integration.IAMCredentialProvider),
}


def _expected_token(when: datetime) -> str:
    return reference.elasticache_iam_token(
        user_id=USER,
        cache_name=CACHE_NAME,
        serverless=False,
        access_key=ACCESS_KEY,
        secret_key=SECRET_KEY,
        session_token=SESSION_TOKEN,
        region=REGION,
        when=when,
        expires=900,
    )


def wait_for(condition: Any, timeout: float = 10.0) -> None:
    """Waits (in real time) until `condition()` is true."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def _client(library: str, server: RedisServer, provider: Any) -> Any:
    """A client of `library` for the local server over TLS, authenticating with `provider`."""
    client_class = LIBRARIES[library][0]
    # redis-py would retry a refused AUTH, with back-off; valkey-py does not by default.
    no_retry = {"retry": Retry(NoBackoff(), 0)} if library == "redis" else {}
    return client_class(
        host="127.0.0.1",
        port=server.port,
        ssl=True,
        ssl_ca_certs=str(server.ca_file),
        credential_provider=provider,
        socket_timeout=10,
        **no_retry,
    )


@pytest.mark.parametrize("library", sorted(LIBRARIES))
def test_clients_authenticate_with_the_providers_token_and_its_successor(
    library: str, redis_server: RedisServer
) -> None:
    provider_class = LIBRARIES[library][1]
    aws_client = make_client(
        region_name=REGION,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        aws_session_token=SESSION_TOKEN,
    )
    endpoint = FakeEndpoint.attach(aws_client)  # nothing queued: no AWS request may be sent
    provider = provider_class(ElastiCache(aws_client), user_id=USER, cache_name=CACHE_NAME)
    # The certificate is checked against the real clock: freeze it at (about) now.
    start = datetime.now(UTC).replace(microsecond=0)

    with time_machine.travel(start, tick=False) as clock:
        redis_server.set_only_password(USER, _expected_token(start))
        client = _client(library, redis_server, provider)
        assert client.acl_whoami() in (USER, USER.encode())
        client.set(f"{library}:greeting", "hello")
        assert client.get(f"{library}:greeting") == b"hello"

        clock.shift(REFRESH_AFTER - 1)  # not due for renewal: a new connection, the same token
        client.connection_pool.disconnect()
        assert client.ping() is True

        clock.shift(1)  # due: the next caller starts a renewal in the background
        later = start + timedelta(seconds=REFRESH_AFTER)
        assert provider.get_credentials() == (USER, _expected_token(start))
        wait_for(lambda: provider.get_credentials()[1] == _expected_token(later))
        redis_server.set_only_password(USER, _expected_token(later))
        client.connection_pool.disconnect()
        assert client.acl_whoami() in (USER, USER.encode())
        assert client.get(f"{library}:greeting") == b"hello"
        client.close()

    assert endpoint.requests == []


@pytest.mark.parametrize("library", sorted(LIBRARIES))
def test_a_wrong_token_is_refused(library: str, redis_server: RedisServer) -> None:
    """The check above can fail: a server expecting another token refuses the connection."""
    provider_class = LIBRARIES[library][1]
    aws_client = make_client(region_name=REGION)
    provider = provider_class(ElastiCache(aws_client), user_id=USER, cache_name=CACHE_NAME)
    redis_server.set_only_password(USER, _expected_token(datetime(2026, 1, 1, tzinfo=UTC)))
    client = _client(library, redis_server, provider)
    errors = (redis.exceptions.AuthenticationError, valkey.exceptions.AuthenticationError)
    with pytest.raises(errors):
        client.ping()
    client.close()
