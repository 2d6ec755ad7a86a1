"""The clients `create()` makes: cheap to make, yet each its own, as boto3.Session().client.

Each facade made by `create()` without a session gets a client of a new botocore Session:
handlers, credentials and configuration never pass from one to another, the handlers are
those plain boto3 registers, and botocore's JSON is read once per process.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.loaders import JSONFileLoader

from elasticache_typed import AsyncElastiCache, ElastiCache
from elasticache_typed._answers import handover
from tests.support.fake_endpoint import FakeEndpoint, no_retry_config
from tests.support.spies import recorded_calls

REGION = "us-east-1"
EVENTS = [
    f"{stage}.elasticache.CreateSnapshot"
    for stage in (
        "provide-client-params",
        "before-parameter-build",
        "before-call",
        "request-created",
        "choose-signer",
        "before-sign",
        "before-send",
        "needs-retry",
        "before-parse",
        "after-call",
    )
] + ["creating-client-class.elasticache", "before-endpoint-resolution.elasticache"]


@pytest.fixture(autouse=True)
def _no_profile(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("AWS_CONFIG_FILE", "/nonexistent/aws-config")
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials")
    monkeypatch.setenv("AWS_DEFAULT_REGION", REGION)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDFROMENV")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "secret-from-env")
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    # Without a default session (any earlier boto3.client() call sets one up), create() makes
    # its own sessions, which these tests are about.
    monkeypatch.setattr(boto3, "DEFAULT_SESSION", None)
    yield


def _handler_names(events: Any, event_name: str) -> list[str]:
    """The handlers botocore lists for an event, but the handover's (`_counting`)."""
    found = events._emitter._handlers.prefix_search(event_name)
    return [getattr(h, "__qualname__", type(h).__qualname__) for h in found if not _counting(h)]


def _counting(handler: Any) -> bool:
    """Whether a handler is the handover's count of calls in flight (it observes nothing)."""
    return getattr(getattr(handler, "func", None), "__module__", "") == handover.__name__


def _signed_key_id(cache: ElastiCache) -> str:
    endpoint = FakeEndpoint.attach(cache.client)
    endpoint.add_result("DeleteCacheCluster", {"CacheCluster": {"CacheClusterId": "c1"}})
    cache.delete_cache_cluster(cache_cluster_id="c1")
    authorization = endpoint.requests[-1].headers["Authorization"]
    return authorization.split("Credential=")[1].split("/")[0]


def test_handlers_registered_on_one_client_do_not_reach_another() -> None:
    first = ElastiCache.create(config=no_retry_config())
    second = ElastiCache.create(config=no_retry_config())
    seen: list[str] = []
    first.client.meta.events.register(
        "before-call.elasticache", lambda **kwargs: seen.append("first")
    )
    assert _signed_key_id(second) == "AKIDFROMENV"
    assert seen == []
    _signed_key_id(first)
    assert seen == ["first"]


def test_handlers_registered_on_a_session_do_not_reach_create_without_it() -> None:
    session = boto3.Session()
    seen: list[str] = []
    session.events.register("before-call.elasticache", lambda **kwargs: seen.append("session"))
    _signed_key_id(ElastiCache.create(config=no_retry_config()))
    assert seen == []
    _signed_key_id(ElastiCache.create(session=session, config=no_retry_config()))
    assert seen == ["session"]


def test_each_client_reads_its_own_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    before = ElastiCache.create(config=no_retry_config())
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDCHANGED")
    after = ElastiCache.create(config=no_retry_config())
    explicit = ElastiCache.create(
        config=no_retry_config(), aws_access_key_id="AKIDEXPLICIT", aws_secret_access_key="s"
    )
    assert _signed_key_id(before) == "AKIDFROMENV"
    assert _signed_key_id(after) == "AKIDCHANGED"
    assert _signed_key_id(explicit) == "AKIDEXPLICIT"


def test_each_client_has_its_own_configuration(monkeypatch: pytest.MonkeyPatch) -> None:
    west = ElastiCache.create(region_name="eu-west-1", max_attempts=2)
    monkeypatch.setenv("AWS_DEFAULT_REGION", "ap-south-1")
    default = ElastiCache.create()
    assert west.client.meta.region_name == "eu-west-1"
    assert default.client.meta.region_name == "ap-south-1"
    assert west.client.meta.config.retries["total_max_attempts"] == 2
    assert default.client.meta.config.retries.get("total_max_attempts") != 2
    assert west.client.meta.config is not default.client.meta.config


def test_the_client_has_the_handlers_of_a_plain_boto3_client() -> None:
    plain = boto3.Session().client("elasticache")
    typed = ElastiCache.create().client
    assert type(typed).__mro__[1:] == type(plain).__mro__[1:]
    assert typed.meta.events is not plain.meta.events
    for event_name in EVENTS:
        assert _handler_names(typed.meta.events, event_name) == _handler_names(
            plain.meta.events, event_name
        ), event_name
    stages = ("before-call", "after-call", "after-call-error", "before-parse", "before-send")
    counting = {
        stage
        for stage in stages
        for h in typed.meta.events._emitter._handlers.prefix_search(f"{stage}.elasticache.X")
        if _counting(h)
    }
    assert counting == {"before-call", "after-call", "after-call-error"}


def test_the_json_is_read_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    ElastiCache.create()
    reads = recorded_calls(monkeypatch, JSONFileLoader, "load_file")
    for _ in range(3):
        ElastiCache.create()
    assert reads == []
    boto3.Session().client("elasticache")
    assert reads  # a plain new Session reads them again; the spy would have seen ours


def test_async_clients_are_their_own_and_read_the_json_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reads: list[list[tuple[Any, ...]]] = []

    async def main() -> None:
        async with AsyncElastiCache.create():
            pass
        reads.append(recorded_calls(monkeypatch, JSONFileLoader, "load_file"))
        async with AsyncElastiCache.create() as first, AsyncElastiCache.create() as second:
            seen: list[str] = []
            first.client.meta.events.register("custom-event.x", lambda **_: seen.append("1"))
            await second.client.meta.events.emit("custom-event.x")
            assert seen == []
            await first.client.meta.events.emit("custom-event.x")
            assert seen == ["1"]
            assert first.client.meta.config is not second.client.meta.config

    asyncio.run(main())
    assert reads == [[]]


def test_a_builtin_handler_added_after_the_first_create_reaches_later_clients(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from botocore import handlers

    ElastiCache.create(region_name=REGION)
    seen: list[str] = []

    def added(**_: Any) -> None:  # as moto adds its handler to botocore's list on import
        seen.append("added")

    monkeypatch.setattr(
        handlers, "BUILTIN_HANDLERS", [*handlers.BUILTIN_HANDLERS, ("before-call", added)]
    )
    cache = ElastiCache.create(region_name=REGION)
    names = _handler_names(cache.client.meta.events, "before-call.elasticache.DeleteCacheCluster")
    assert any(name.endswith("<locals>.added") for name in names)


def _sent_user_agent(client: Any) -> str:
    endpoint = FakeEndpoint.attach(client)
    endpoint.add_result("DeleteCacheCluster", {"CacheCluster": {"CacheClusterId": "c1"}})
    client.delete_cache_cluster(CacheClusterId="c1")
    agent = endpoint.requests[-1].headers["User-Agent"]
    return agent.decode() if isinstance(agent, bytes) else str(agent)


def test_the_client_says_what_a_boto3_client_says() -> None:
    # create() makes its client from a botocore session directly, with what boto3.Session
    # would set on it: the same user agent, configuration and loader search paths.
    plain: Any = boto3.Session().client("elasticache")
    typed: Any = ElastiCache.create().client
    assert typed.meta.config.user_agent == plain.meta.config.user_agent
    assert typed.meta.config.user_agent_extra == plain.meta.config.user_agent_extra
    # The request's User-Agent, but for the per-request attempt markers.
    assert _sent_user_agent(typed).split(" m/")[0] == _sent_user_agent(plain).split(" m/")[0]
    assert typed._loader.search_paths == plain._loader.search_paths


def _ignore(**_: object) -> None:
    return None


def test_each_client_has_an_emitter_of_its_own() -> None:
    # The session's emitter goes to its one client; no two clients ever share one, and a
    # copy of a client's emitter (botocore copies, e.g. for a waiter) is a copy.
    import copy

    clients: list[Any] = [ElastiCache.create().client for _ in range(3)]
    emitters: list[Any] = [client.meta.events._emitter for client in clients]
    assert len({id(emitter) for emitter in emitters}) == 3
    copied: Any = copy.copy(clients[0].meta.events)
    assert copied._emitter is not emitters[0]
    copied.register("before-call.elasticache", _ignore)
    assert _handler_names(clients[0].meta.events, "before-call.elasticache.X") != (
        _handler_names(copied, "before-call.elasticache.X")
    )


def _assert_one_class_like_plain(first: Any, second: Any, plain: Any) -> None:
    """Two clients of one class, which is not the plain client's but is built as it is."""
    assert type(first) is type(second)
    assert type(first) is not type(plain)
    assert type(first).__name__ == type(plain).__name__
    assert type(first).__mro__[1:] == type(plain).__mro__[1:]
    assert sorted(vars(type(first))) == sorted(vars(type(plain)))
    assert type(first)._PY_TO_OP_NAME == type(plain)._PY_TO_OP_NAME


def test_clients_share_the_class_botocore_makes_when_only_botocore_handles_its_making() -> None:
    first, second = ElastiCache.create().client, ElastiCache.create().client
    _assert_one_class_like_plain(first, second, boto3.Session().client("elasticache"))


def _class_made(seen: list[str]) -> Any:
    def handler(class_attributes: dict[str, Any], **_: Any) -> None:
        seen.append("made")
        class_attributes["made_by_the_handler"] = True

    return handler


def test_a_creating_client_class_handler_on_the_given_session_runs() -> None:
    session = boto3.Session()
    seen: list[str] = []
    session.events.register("creating-client-class.elasticache", _class_made(seen))
    first = ElastiCache.create(session=session).client
    second = ElastiCache.create(session=session).client
    assert seen == ["made", "made"]
    assert first.made_by_the_handler and second.made_by_the_handler
    assert type(first) is not type(second)


def test_a_creating_client_class_handler_among_the_builtin_ones_runs_for_each_client(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from botocore import handlers

    reused = type(ElastiCache.create().client)
    seen: list[str] = []
    monkeypatch.setattr(
        handlers,
        "BUILTIN_HANDLERS",
        [*handlers.BUILTIN_HANDLERS, ("creating-client-class.elasticache", _class_made(seen))],
    )
    first, second = ElastiCache.create().client, ElastiCache.create().client
    assert seen == ["made", "made"]
    assert first.made_by_the_handler
    assert len({reused, type(first), type(second)}) == 3


def test_without_the_mirrored_create_client_botocores_session_makes_the_client(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import botocore.session

    from elasticache_typed import _botocore_private
    from elasticache_typed._facades import clients

    monkeypatch.setattr(_botocore_private, "_CREATE_CLIENT_NAMES", ("changed",))
    assert not _botocore_private.mirrors_create_client()
    monkeypatch.setattr(clients, "_SYNC_SESSION", botocore.session.Session)
    first, second = ElastiCache.create(), ElastiCache.create()
    assert type(first.client) is not type(second.client)
    assert _signed_key_id(first) == "AKIDFROMENV"


# The asyncio facade's clients: the same sharing, over aiobotocore's client creation.


def _async_clients(count: int, **kwargs: Any) -> list[Any]:
    """The clients of `count` AsyncElastiCache.create() facades (opened and closed)."""

    async def main() -> list[Any]:
        made = []
        for _ in range(count):
            async with AsyncElastiCache.create(**kwargs) as cache:
                made.append(cache.client)
        return made

    return asyncio.run(main())


def _plain_async_client(session: Any = None) -> Any:
    from aiobotocore.session import AioSession

    async def main() -> Any:
        async with (session or AioSession()).create_client("elasticache") as client:
            return client

    return asyncio.run(main())


def test_async_clients_share_the_class_aiobotocore_makes() -> None:
    first, second = _async_clients(2)
    _assert_one_class_like_plain(first, second, _plain_async_client())
    assert type(first) is not type(ElastiCache.create().client)  # AioBaseClient's, not boto3's


def test_async_clients_have_the_handlers_of_a_plain_aiobotocore_client() -> None:
    (typed,) = _async_clients(1)
    plain = _plain_async_client()
    for event_name in EVENTS:
        assert _handler_names(typed.meta.events, event_name) == _handler_names(
            plain.meta.events, event_name
        ), event_name


def test_a_creating_client_class_handler_on_a_given_aio_session_runs() -> None:
    from aiobotocore.session import AioSession

    session = AioSession()
    seen: list[str] = []
    session.register("creating-client-class.elasticache", _class_made(seen))
    first, second = _async_clients(2, session=session)
    assert seen == ["made", "made"]
    assert first.made_by_the_handler and second.made_by_the_handler
    assert type(first) is not type(second)
    assert not hasattr(_async_clients(1)[0], "made_by_the_handler")


def test_a_creating_client_class_handler_among_the_builtin_ones_runs_for_each_async_client(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from botocore import handlers

    (reused,) = _async_clients(1)
    seen: list[str] = []
    monkeypatch.setattr(
        handlers,
        "BUILTIN_HANDLERS",
        [*handlers.BUILTIN_HANDLERS, ("creating-client-class.elasticache", _class_made(seen))],
    )
    first, second = _async_clients(2)
    assert seen == ["made", "made"]
    assert first.made_by_the_handler
    assert len({type(reused), type(first), type(second)}) == 3


async def _async_signing_key_id(cache: AsyncElastiCache) -> str:
    token = await cache.generate_iam_auth_token(user_id="u", cache_name="c")
    return token.split("X-Amz-Credential=")[1].split("%2F")[0]


def test_each_async_client_has_its_own_credentials_config_and_handlers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def main() -> None:
        async with AsyncElastiCache.create(region_name="eu-west-1", max_attempts=2) as before:
            monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDCHANGED")
            async with (
                AsyncElastiCache.create() as after,
                AsyncElastiCache.create(
                    aws_access_key_id="AKIDEXPLICIT", aws_secret_access_key="s"
                ) as explicit,
            ):
                assert type(before.client) is type(after.client) is type(explicit.client)
                assert await _async_signing_key_id(before) == "AKIDFROMENV"
                assert await _async_signing_key_id(after) == "AKIDCHANGED"
                assert await _async_signing_key_id(explicit) == "AKIDEXPLICIT"
                assert before.client.meta.region_name == "eu-west-1"
                assert after.client.meta.region_name == REGION
                assert before.client.meta.config.retries["total_max_attempts"] == 2
                assert after.client.meta.config.retries.get("total_max_attempts") != 2
                seen: list[str] = []
                before.client.meta.events.register("custom-event.x", lambda **_: seen.append("1"))
                await after.client.meta.events.emit("custom-event.x")
                assert seen == []

    asyncio.run(main())


def test_without_aiobotocores_expected_create_client_its_own_makes_the_async_client(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from aiobotocore.session import AioSession

    from elasticache_typed import _botocore_private

    original = vars(AioSession)["_create_client"]

    async def changed(self: Any, *args: Any, **kwargs: Any) -> Any:  # another wrapper
        return await original(self, *args, **kwargs)

    monkeypatch.setattr(AioSession, "_create_client", changed)
    assert _botocore_private.aio_create_client_with(object) is None
    first, second = _async_clients(2)
    assert type(first) is not type(second)

    async def main() -> str:
        async with AsyncElastiCache.create() as cache:
            return await _async_signing_key_id(cache)

    assert asyncio.run(main()) == "AKIDFROMENV"
