"""Shared fixtures: moto's real HTTP server, started in-process on 127.0.0.1.

`moto_endpoint` (session) starts the server once on a free port, with fake AWS credentials and
region in the environment, and yields its URL. `moto_url` (per test) resets moto's state first,
so tests never see each other's resources; functional tests take that one. `redis_server`
(session) is a real Redis-protocol server for the connection tests.

Hypothesis runs with a fixed seed under CI (CI=true: the same examples on every run, so a
property test cannot fail on a run other than the one that was checked) and a random one
locally (to find new failures; each one found is kept as an `@example`).
"""

from __future__ import annotations

import logging
import os
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import settings

settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("local", print_blob=True)
settings.load_profile("ci" if os.environ.get("CI", "").lower() in {"1", "true"} else "local")

REGION = "us-east-1"

_FAKE_AWS_ENV = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": REGION,
    "AWS_REGION": REGION,
    # Never read a developer's real profile, config or instance credentials.
    "AWS_CONFIG_FILE": "/nonexistent/aws-config",
    "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/aws-credentials",
    "AWS_EC2_METADATA_DISABLED": "true",
}
_UNSET_AWS_ENV = ("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN")


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    """The URL of moto's server, running in this process on 127.0.0.1 for the whole session."""
    from moto.server import ThreadedMotoServer

    werkzeug_logger = logging.getLogger("werkzeug")
    previous_level = werkzeug_logger.level
    werkzeug_logger.setLevel(logging.ERROR)  # no line per request
    with pytest.MonkeyPatch.context() as env:
        for name, value in _FAKE_AWS_ENV.items():
            env.setenv(name, value)
        for name in _UNSET_AWS_ENV:
            env.delenv(name, raising=False)
        env.setenv("NO_PROXY", "127.0.0.1,localhost")
        env.setenv("no_proxy", "127.0.0.1,localhost")
        server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        server.start()
        try:
            host, port = server.get_host_and_port()
            yield f"http://{host}:{port}"
        finally:
            server.stop()
            werkzeug_logger.setLevel(previous_level)


def reset_moto(url: str) -> None:
    """Drop every resource moto holds (all services, accounts and regions)."""
    request = urllib.request.Request(f"{url}/moto-api/reset", method="POST")
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200


@pytest.fixture
def moto_url(moto_endpoint: str) -> str:
    """The moto server's URL, with its state reset before this test."""
    reset_moto(moto_endpoint)
    return moto_endpoint


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A real Redis-protocol server on 127.0.0.1 taking only TLS connections (see
    tests/support/redis_server.py), started once for the session and stopped after."""
    from tests.support import redis_server as server_module

    server = server_module.start(tmp_path_factory.mktemp("redis-server"))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def redis_cluster_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The same server in cluster mode: one node holding every slot, for cluster clients."""
    from tests.support import redis_server as server_module

    server = server_module.start(tmp_path_factory.mktemp("redis-cluster"), cluster=True)
    try:
        yield server
    finally:
        server.stop()
