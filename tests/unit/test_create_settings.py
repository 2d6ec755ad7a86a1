"""The convenience constructors' client settings: retry mode, attempts and timeouts, merged into
a caller's botocore Config, checked before any client is made."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable, Iterator
from typing import Any

import boto3
import pytest
from aiobotocore.config import AioConfig
from aiobotocore.session import AioSession
from botocore.config import Config

from elasticache_typed import AsyncElastiCache, ElastiCache, errors

CREDENTIALS: dict[str, Any] = {
    "region_name": "us-east-1",
    "aws_access_key_id": "testing",
    "aws_secret_access_key": "testing",
}


@pytest.fixture(autouse=True)
def _no_profile(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("AWS_CONFIG_FILE", "/nonexistent/aws-config")
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials")
    for name in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_RETRY_MODE", "AWS_MAX_ATTEMPTS"):
        monkeypatch.delenv(name, raising=False)
    yield


def sync_config(**settings: Any) -> Any:
    return ElastiCache.create(**CREDENTIALS, **settings).client.meta.config


def async_config(**settings: Any) -> Any:
    async def main() -> Any:
        async with AsyncElastiCache.create(**CREDENTIALS, **settings) as cache:
            return cache.client.meta.config

    return asyncio.run(main())


CONFIGS = {"sync": sync_config, "async": async_config}
KINDS = sorted(CONFIGS)


@pytest.mark.parametrize("kind", KINDS)
def test_settings_reach_the_client(kind: str) -> None:
    config = CONFIGS[kind](
        retry_mode="standard", max_attempts=7, connect_timeout=3, read_timeout=12.5
    )
    assert config.retries == {"mode": "standard", "total_max_attempts": 7}
    assert config.connect_timeout == 3
    assert config.read_timeout == 12.5


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("mode", ["legacy", "standard", "adaptive"])
def test_each_retry_mode(kind: str, mode: str) -> None:
    assert CONFIGS[kind](retry_mode=mode).retries == {"mode": mode}


@pytest.mark.parametrize("kind", KINDS)
def test_no_settings_leave_botocores_defaults(kind: str) -> None:
    config = CONFIGS[kind]()
    # botocore's own default, not a fixed one: "legacy" at the pins, "standard" at 1.44.18.
    plain = boto3.client("elasticache", **CREDENTIALS).meta.config
    assert config.retries == plain.retries
    assert config.retries["mode"] in ("legacy", "standard")
    assert (config.connect_timeout, config.read_timeout) == (60, 60)


@pytest.mark.parametrize("kind", KINDS)
def test_merged_into_the_callers_config(kind: str) -> None:
    make = AioConfig if kind == "async" else Config
    theirs = make(
        retries={"mode": "adaptive", "max_attempts": 9},
        read_timeout=40,
        max_pool_connections=33,
        user_agent_extra="my-app",
    )
    config = CONFIGS[kind](config=theirs, max_attempts=2, connect_timeout=4)
    # Their mode kept, their retry count (botocore's max_attempts counts retries) replaced.
    assert config.retries == {"mode": "adaptive", "total_max_attempts": 2}
    assert (config.connect_timeout, config.read_timeout) == (4, 40)
    assert config.max_pool_connections == 33
    assert config.user_agent_extra == "my-app"
    # The caller's object is not changed.
    assert theirs.retries == {"mode": "adaptive", "max_attempts": 9}
    assert theirs.connect_timeout == 60


def test_async_keeps_the_callers_aio_settings() -> None:
    theirs = AioConfig(connector_args={"keepalive_timeout": 3}, retries={"mode": "legacy"})
    config = async_config(config=theirs, read_timeout=9)
    assert isinstance(config, AioConfig)
    assert config.connector_args["keepalive_timeout"] == 3
    assert config.read_timeout == 9


def test_a_callers_config_alone_is_used_as_given() -> None:
    theirs = Config(retries={"mode": "standard", "total_max_attempts": 5}, read_timeout=11)
    config = sync_config(config=theirs)
    assert config.retries == {"mode": "standard", "total_max_attempts": 5}
    assert config.read_timeout == 11


BAD_SETTINGS = [
    pytest.param({"retry_mode": "sometimes"}, "retry_mode", id="unknown-mode"),
    pytest.param({"retry_mode": 3}, "retry_mode", id="int-mode"),
    pytest.param({"max_attempts": 0}, "max_attempts", id="zero-attempts"),
    pytest.param({"max_attempts": -2}, "max_attempts", id="negative-attempts"),
    pytest.param({"max_attempts": 2.0}, "max_attempts", id="float-attempts"),
    pytest.param({"max_attempts": True}, "max_attempts", id="bool-attempts"),
    pytest.param({"connect_timeout": 0}, "connect_timeout", id="zero-timeout"),
    pytest.param({"read_timeout": -1.5}, "read_timeout", id="negative-timeout"),
    pytest.param({"read_timeout": float("inf")}, "read_timeout", id="infinite-timeout"),
    pytest.param({"read_timeout": float("nan")}, "read_timeout", id="nan-timeout"),
    pytest.param({"connect_timeout": "5"}, "connect_timeout", id="str-timeout"),
    pytest.param({"connect_timeout": False}, "connect_timeout", id="bool-timeout"),
]


@pytest.mark.parametrize(("settings", "name"), BAD_SETTINGS)
def test_bad_settings_fail_before_a_client_is_made(
    settings: dict[str, Any], name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_client(*_: Any, **__: Any) -> Any:
        raise AssertionError("a client was made")

    monkeypatch.setattr(boto3.Session, "client", no_client)
    with pytest.raises(errors.ValidationError) as caught:
        ElastiCache.create(**CREDENTIALS, **settings)
    assert caught.value.message.startswith(name)
    with pytest.raises(errors.ValidationError, match=name):
        asyncio.run(_enter_async(settings))


async def _enter_async(settings: dict[str, Any]) -> None:
    async with AsyncElastiCache.create(**CREDENTIALS, **settings):
        raise AssertionError("a client was made")


# --- the client arguments: boto3's own, each explicit -----------------------------------------

LIBRARY_SETTINGS = {
    "session",
    "retry_mode",
    "max_attempts",
    "connect_timeout",
    "read_timeout",
    "fast_reader",
}
CLIENT_FUNCTIONS: list[tuple[Any, Callable[..., Any]]] = [
    (ElastiCache, boto3.Session.client),
    (AsyncElastiCache, AioSession._create_client),  # what AioSession.create_client passes to
]


def client_keywords(function: Callable[..., Any]) -> dict[str, inspect.Parameter]:
    parameters = inspect.signature(function).parameters
    return {name: p for name, p in parameters.items() if name not in ("self", "service_name")}


@pytest.mark.parametrize(("facade", "function"), CLIENT_FUNCTIONS, ids=["sync", "async"])
def test_create_takes_every_keyword_of_the_installed_client_function(
    facade: Any, function: Callable[..., Any]
) -> None:
    # A keyword a newer boto3 or aiobotocore adds fails this test until create() takes it.
    theirs = client_keywords(function)
    ours = inspect.signature(facade.create).parameters
    assert set(theirs) <= set(ours), f"create() lacks {sorted(set(theirs) - set(ours))}"
    assert set(ours) - set(theirs) == LIBRARY_SETTINGS
    for name, parameter in theirs.items():
        assert ours[name].kind is inspect.Parameter.KEYWORD_ONLY, name
        assert ours[name].default == parameter.default, name
    assert all(p.kind is not inspect.Parameter.VAR_KEYWORD for p in ours.values())


class _Made(Exception):
    """Raised in place of making the client, with the arguments it was given."""

    def __init__(self, kwargs: dict[str, Any]) -> None:
        super().__init__()
        self.kwargs = kwargs


BOTO3_CLIENT_KEYWORDS = list(client_keywords(boto3.Session.client))


def _every_client_argument(config: Config) -> dict[str, Any]:
    values: dict[str, Any] = {name: f"value-of-{name}" for name in BOTO3_CLIENT_KEYWORDS}
    return {**values, "use_ssl": False, "verify": False, "config": config}


def test_every_client_argument_reaches_boto3(monkeypatch: pytest.MonkeyPatch) -> None:
    def made(_: Any, service_name: str, **kwargs: Any) -> Any:
        assert service_name == "elasticache"
        raise _Made(kwargs)

    monkeypatch.setattr(boto3.Session, "client", made)
    given = _every_client_argument(Config(user_agent_extra="mine"))
    with pytest.raises(_Made) as caught:
        ElastiCache.create(**given)
    assert caught.value.kwargs == given


def test_every_client_argument_reaches_aiobotocore(monkeypatch: pytest.MonkeyPatch) -> None:
    def made(_: Any, service_name: str, **kwargs: Any) -> Any:
        assert service_name == "elasticache"
        raise _Made(kwargs)

    monkeypatch.setattr(AioSession, "create_client", made)
    given = _every_client_argument(AioConfig(user_agent_extra="mine"))

    async def enter() -> None:
        async with AsyncElastiCache.create(**given):
            raise AssertionError("a client was made")

    with pytest.raises(_Made) as caught:
        asyncio.run(enter())
    assert caught.value.kwargs == given
