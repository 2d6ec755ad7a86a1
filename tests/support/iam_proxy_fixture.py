"""What the proxy tests share: static credentials, a facade that never calls AWS, the proxy,
and a scaled-down renewal (tokens renewed every half second, the renewer looking every 0.1 s)."""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import pytest

from elasticache_typed import ElastiCache
from elasticache_typed._connect import token_reuse
from tests.support.fake_endpoint import FakeEndpoint, make_client
from tests.support.reauth_proxy import ReauthProxy
from tests.support.redis_server import RedisServer

REGION = "eu-west-1"
ACCESS_KEY, SECRET_KEY = "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
SESSION_TOKEN = "IQoJb3JpZ2luX2VjEOr//////////wEaCWV1LXdlc3QtMSJH+session/token=="
USER = "iam-proxy-app"
CACHE_NAME = "my-redis-rg"


def facade() -> tuple[ElastiCache, FakeEndpoint]:
    """An `ElastiCache` with static credentials; its endpoint has nothing queued."""
    client = make_client(
        region_name=REGION,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        aws_session_token=SESSION_TOKEN,
    )
    return ElastiCache(client), FakeEndpoint.attach(client)


def fast_renewal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(token_reuse, "REFRESH_AFTER", 0.5)
    monkeypatch.setattr(token_reuse, "RENEWER_POLL", 0.1)


def proxy(
    server: RedisServer,
    *,
    serverless: bool = False,
    reauth_limit: float = 1e9,
    token_lifetime: float = 900.0,
) -> Iterator[ReauthProxy]:
    running = ReauthProxy(
        server=server,
        user=USER,
        cache_name=CACHE_NAME,
        serverless=serverless,
        access_key=ACCESS_KEY,
        secret_key=SECRET_KEY,
        region=REGION,
        backend_password=secrets.token_urlsafe(16),
        reauth_limit=reauth_limit,
        token_lifetime=token_lifetime,
    ).start()
    try:
        yield running
    finally:
        running.stop()
