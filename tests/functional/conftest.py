"""Fixtures of the wire-level tests: a real boto3 client behind a fake HTTP endpoint, and for
tests over real sockets a scripted HTTP server, no proxy, and botocore's back-off recorded
instead of slept."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import aiobotocore.endpoint
import botocore.endpoint
import pytest

from tests.support.async_sleeps import record_async_sleeps
from tests.support.fake_endpoint import FakeEndpoint, make_client
from tests.support.scripted_server import ScriptedServer


@pytest.fixture(scope="module")
def _module_wire() -> tuple[Any, FakeEndpoint]:
    client = make_client()
    return client, FakeEndpoint.attach(client)


@pytest.fixture
def wire(_module_wire: tuple[Any, FakeEndpoint]) -> tuple[Any, FakeEndpoint]:
    """One client for the module (making one is slow); a clean fake endpoint for each test."""
    _module_wire[1].reset()
    return _module_wire


@pytest.fixture
def local_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fake credentials, and no proxy between the client and 127.0.0.1."""
    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("AWS_CONFIG_FILE", "/nonexistent/aws-config")
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials")
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """botocore's retry back-off, recorded instead of slept (blocking and asyncio)."""
    slept: list[float] = []
    monkeypatch.setattr(botocore.endpoint.time, "sleep", slept.append)
    record_async_sleeps(monkeypatch, aiobotocore.endpoint, aiobotocore.endpoint.AioEndpoint, slept)
    return slept


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    with ScriptedServer() as scripted:
        yield scripted
