"""Each private botocore name `_botocore_private` relies on still exists and behaves as assumed."""

from __future__ import annotations

import asyncio
import copy
from typing import Any

import boto3
import botocore.client
import botocore.session
import pytest
import wrapt
from aiobotocore.config import AioConfig
from aiobotocore.session import get_session
from botocore.hooks import HierarchicalEmitter, NodeList
from botocore.loaders import create_loader
from botocore.parsers import ResponseParserError

from elasticache_typed import _botocore_private as private
from elasticache_typed._botocore_private import share_loader_cache
from tests.support.fake_endpoint import FakeEndpoint
from tests.support.query_xml import result_xml
from tests.support.scripted_server import ScriptedServer

# The response path


REGION = "us-east-1"


def _client() -> Any:
    return boto3.client(
        "elasticache", region_name="us-east-1", aws_access_key_id="a", aws_secret_access_key="b"
    )


def test_the_endpoint_holds_its_parser_factory() -> None:
    client = _client()
    factory = object()
    private.install_parser_factory(client, factory)
    assert client._endpoint._response_parser_factory is factory


def test_a_plain_client_is_not_wrapped_and_a_wrapper_is_seen() -> None:
    client = _client()
    assert not private.api_call_wrapped(client)
    real = client._make_api_call
    client._make_api_call = lambda *a: real(*a)
    assert private.api_call_wrapped(client)


def test_a_wrapt_wrapper_on_the_class_is_seen(monkeypatch: pytest.MonkeyPatch) -> None:
    # OpenTelemetry's and X-Ray's instrumentation: wrapt proxies claim the wrapped's class.
    original = botocore.client.BaseClient.__dict__["_make_api_call"]
    monkeypatch.setattr(
        botocore.client.BaseClient,
        "_make_api_call",
        wrapt.FunctionWrapper(original, lambda wrapped, _i, args, kwargs: wrapped(*args, **kwargs)),
    )
    assert private.api_call_wrapped(_client())


def test_the_api_call_watch_sees_a_wrapper_put_on_after_it_first_looked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client = _client()
    watch = private.ApiCallWatch(client)
    assert not watch.wrapped()
    assert not watch.wrapped()  # asked again: the same objects, the same answer
    original = botocore.client.BaseClient.__dict__["_make_api_call"]
    wrapper = wrapt.FunctionWrapper(original, lambda wrapped, _i, a, kw: wrapped(*a, **kw))
    monkeypatch.setattr(botocore.client.BaseClient, "_make_api_call", wrapper)
    assert watch.wrapped()  # on a base class (OpenTelemetry, X-Ray)
    monkeypatch.undo()
    assert not watch.wrapped()
    real = client._make_api_call
    client._make_api_call = lambda *a: real(*a)
    assert watch.wrapped()  # on the instance
    del client._make_api_call
    assert not watch.wrapped()


def test_handlers_are_found_and_the_lookup_cache_is_replaced_on_register() -> None:
    client = _client()
    watch = private.HandlerWatch(client)
    assert not watch.foreign_handlers("DescribeCacheClusters")
    before = client.meta.events._emitter._lookup_cache
    client.meta.events.register("after-call.elasticache", lambda **_: None)
    assert client.meta.events._emitter._lookup_cache is not before
    assert watch.foreign_handlers("DescribeCacheClusters")


def _failed_parse(client: Any, body: bytes, status: int = 200) -> BaseException:
    """What botocore's parser raised reading `body` (answered by a before-send handler)."""
    endpoint = FakeEndpoint.attach(client)
    endpoint.add_response(body, status=status)
    try:
        client.describe_cache_clusters()
    except Exception as exc:  # noqa: BLE001 - whatever botocore raised is the subject
        return exc
    raise AssertionError("the answer was read")


def test_the_answer_botocore_was_reading_is_found_behind_its_error() -> None:
    exc = _failed_parse(_client(), b"not xml", status=502)
    assert isinstance(exc, ResponseParserError)
    found = private.answer_behind(exc)
    assert found is not None
    answer, url = found
    assert answer["status_code"] == 502
    assert answer["body"] == b"not xml"
    assert url.startswith("https://elasticache.us-east-1.amazonaws.com")
    assert private.raised_while_parsing(exc)


def test_a_bad_member_is_raised_from_botocores_parser_module() -> None:
    body = result_xml(
        "DescribeCacheClusters", {"CacheClusters": [{"CacheClusterId": "c", "NumCacheNodes": 1}]}
    ).replace("<NumCacheNodes>1</NumCacheNodes>", "<NumCacheNodes>x</NumCacheNodes>")
    exc = _failed_parse(_client(), body.encode())
    assert isinstance(exc, ValueError)
    assert private.raised_while_parsing(exc)
    assert private.answer_behind(exc) is not None
    assert not private.raised_while_parsing(_raised(ValueError("the caller's own")))


def _raised(exc: BaseException) -> BaseException:
    try:
        raise exc
    except BaseException as caught:  # noqa: BLE001
        return caught


def test_aiobotocores_endpoint_holds_the_answer_too(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)

    async def main() -> BaseException:
        async with get_session().create_client(
            "elasticache",
            region_name="us-east-1",
            aws_access_key_id="a",
            aws_secret_access_key="b",
            endpoint_url=server.url,
            config=AioConfig(retries={"total_max_attempts": 1}),
        ) as client:
            try:
                await client.describe_cache_clusters()
            except ResponseParserError as exc:
                return exc
        raise AssertionError("the answer was read")

    with ScriptedServer() as server:
        server.add(502, b"not xml")
        exc = asyncio.run(main())
    found = private.answer_behind(exc)
    assert found is not None
    assert found[0]["status_code"] == 502
    assert found[0]["body"] == b"not xml"
    assert found[1].startswith(server.url)
    assert private.raised_while_parsing(exc)


# Client creation


def _handler(**kwargs: object) -> None:
    """A handler botocore accepts (it takes **kwargs)."""


def _emitter() -> HierarchicalEmitter:
    emitter = HierarchicalEmitter()
    botocore.session.Session(event_hooks=emitter)
    emitter.register("custom.event", _handler, unique_id="counted", unique_id_uses_count=True)
    return emitter


def test_an_emitter_keeps_its_handlers_in_a_prefix_trie_of_dict_nodes() -> None:
    emitter = _emitter()
    trie = emitter._handlers  # type: ignore[attr-defined]
    assert type(trie).__name__ == "_PrefixTrie"
    assert set(trie.__dict__) == {"_root"}
    assert set(trie._root) == {"chunk", "children", "values"}
    assert "counted" in emitter._unique_id_handlers  # type: ignore[attr-defined]
    values = [node["values"] for node in trie._root["children"].values() if node["values"]]
    assert values and all(isinstance(value, NodeList) for value in values)


def _handlers_of(emitter: HierarchicalEmitter, *names: str) -> list[list[object]]:
    trie: Any = emitter._handlers  # type: ignore[attr-defined]
    return [list(trie.prefix_search(name)) for name in names]


def _second(**_: object) -> None:
    return None


def _third(**_: object) -> None:
    return None


def test_a_sharing_trie_keeps_the_handlers_botocore_keeps() -> None:
    # The same registrations and removals on a plain emitter and on a sharing one (and its
    # copies) leave the same handlers, in the same order, for every event.
    plain, shared = _emitter(), private.share_handlers(_emitter())
    events = ("before-call.elasticache.CreateSnapshot", "custom.event", "custom", "x.y.z")
    assert _handlers_of(shared, *events) == _handlers_of(plain, *events)
    for emitter in (plain, shared):
        emitter.register_first("custom.event", _second)
        emitter.register_last("custom", _third)
        emitter.register("x.y.z", _second)
        emitter.register("x.*.z", _third)
        emitter.unregister("before-call.elasticache", _second)  # not registered: no change
        emitter.unregister("x.y.z", _second)
        emitter.register("custom.event", _second, unique_id="counted", unique_id_uses_count=True)
        emitter.unregister("custom.event", unique_id="counted", unique_id_uses_count=True)
    assert _handlers_of(shared, *events) == _handlers_of(plain, *events)
    assert type(shared._handlers) is private.SharingTrie  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="not in trie"):
        shared._handlers.remove_item("no.such.key", _second)  # type: ignore[attr-defined]


def test_copies_of_a_sharing_emitter_share_nodes_and_never_each_others_handlers() -> None:
    emitter = private.share_handlers(_emitter())
    copied = copy.copy(emitter)
    assert type(copied._handlers) is private.SharingTrie  # type: ignore[attr-defined]
    assert copied._handlers._root is emitter._handlers._root  # type: ignore[attr-defined]
    seen: list[str] = []
    copied.register("custom", lambda **_: seen.append("copy"))
    emitter.register("custom.event", lambda **_: seen.append("original"))
    emitter.emit("custom.event")
    assert seen == ["original"]
    seen.clear()
    copied.emit("custom.event")
    assert seen == ["copy"]
    untouched = copied._handlers._root["children"]["before-call"]  # type: ignore[attr-defined]
    assert emitter._handlers._root["children"]["before-call"] is untouched  # type: ignore[attr-defined]
    call = "before-call.elasticache.CreateSnapshot"
    before = _handlers_of(emitter, call)
    builtin = before[0][0]
    copied.unregister("before-call", builtin)
    copied.unregister("before-call.elasticache", builtin)
    assert builtin not in _handlers_of(copied, call)[0]
    assert _handlers_of(emitter, call) == before


def test_a_loader_caches_what_it_reads_in_its_cache_dict() -> None:
    shared: dict[object, object] = {}
    first = share_loader_cache(create_loader(None), shared)
    model = first.load_service_model("elasticache", "service-2")
    assert shared
    second = share_loader_cache(create_loader(None), shared)
    assert second.load_service_model("elasticache", "service-2") is model
    assert create_loader(None).load_service_model("elasticache", "service-2") is not model


def _handler_names(client: Any, event: str) -> list[str]:
    found = client.meta.events._emitter._handlers.prefix_search(event)
    return [getattr(h, "__qualname__", type(h).__qualname__) for h in found]


def test_the_class_reusing_session_makes_the_client_botocores_session_makes() -> None:
    from botocore.config import Config
    from botocore.exceptions import PartialCredentialsError

    assert private.mirrors_create_client()  # else create() falls back to botocore's Session
    kwargs: dict[str, Any] = {
        "region_name": "fips-us-west-1",
        "aws_access_key_id": "a",
        "aws_secret_access_key": "b",
        "config": Config(retries={"mode": "standard"}, user_agent_extra="x/1"),
    }
    ours: Any = private.ClassReusingSession().create_client("elasticache", **kwargs)
    plain: Any = botocore.session.Session().create_client("elasticache", **kwargs)
    assert type(ours).__mro__[1:] == type(plain).__mro__[1:]
    for read in (
        lambda c: c.meta.region_name,
        lambda c: c.meta.endpoint_url,
        lambda c: c.meta.config.retries,
        lambda c: c.meta.config.user_agent_extra,
        lambda c: c.meta.config.use_fips_endpoint,
        lambda c: c._request_signer.region_name,
        lambda c: c._get_credentials().access_key,
        lambda c: _handler_names(c, "needs-retry.elasticache.CreateSnapshot"),
        lambda c: _handler_names(c, "before-call.elasticache.CreateSnapshot"),
    ):
        assert read(ours) == read(plain)
    for session in (private.ClassReusingSession(), botocore.session.Session()):
        with pytest.raises(PartialCredentialsError):
            session.create_client("elasticache", region_name="us-east-1", aws_access_key_id="a")


def test_a_client_creator_holds_its_emitter_and_a_model_its_loaded_dict() -> None:
    # What ReusedClass reads: the creator's emitter (an EventAliaser over the handler trie)
    # and the service model's description, the loader's dict.
    session = botocore.session.Session()
    creator: Any = private.ClassReusingCreator(
        session.get_component("data_loader"), None, "ua", session.get_component("event_emitter"),
        None, None,
    )  # fmt: skip
    model = session.get_service_model("elasticache")
    assert creator._event_emitter is session.get_component("event_emitter")
    assert creator._event_emitter._emitter._handlers.prefix_search(
        "creating-client-class.elasticache"
    )
    assert model._service_description is session.get_component("data_loader").load_service_model(
        "elasticache", "service-2"
    )
    wanted = private.ReusedClass(creator, "elasticache", model)
    assert wanted.known is None
    made = type("ElastiCache", (), {})
    assert wanted.keep(made) is made
    assert private.ReusedClass(creator, "elasticache", model).known is made


def test_aiobotocores_create_client_is_the_one_the_asyncio_session_runs() -> None:
    from aiobotocore.client import AioClientCreator
    from aiobotocore.session import AioSession

    wrapper = vars(AioSession)["_create_client"]
    inner = private._aio_create_client(wrapper)  # 2.25 and 3.x alike
    assert inner is not None and inner is wrapper.__wrapped__
    made: list[str] = []

    class Recording(AioClientCreator):
        async def create_client(self, *args: Any, **kwargs: Any) -> Any:
            made.append("ours")
            return await super().create_client(*args, **kwargs)

    create = private.aio_create_client_with(Recording)
    assert create is not None
    kwargs: dict[str, Any] = {
        "region_name": "fips-us-west-1",
        "aws_access_key_id": "a",
        "aws_secret_access_key": "b",
        "config": AioConfig(retries={"mode": "standard"}, user_agent_extra="x/1"),
    }

    async def main() -> tuple[Any, Any]:
        ours = await create(AioSession(), "elasticache", **kwargs)
        plain = await AioSession()._create_client("elasticache", **kwargs)
        return ours, plain

    ours, plain = asyncio.run(main())
    assert made == ["ours"]
    for read in (
        lambda c: type(c).__mro__[1:],
        lambda c: c.meta.region_name,
        lambda c: c.meta.endpoint_url,
        lambda c: c.meta.config.retries,
        lambda c: c.meta.config.user_agent_extra,
        lambda c: c._request_signer.region_name,
        lambda c: c._request_signer._credentials.access_key,
        lambda c: _handler_names(c, "needs-retry.elasticache.CreateSnapshot"),
        lambda c: _handler_names(c, "before-call.elasticache.CreateSnapshot"),
    ):
        assert read(ours) == read(plain)
    with pytest.raises(botocore.exceptions.PartialCredentialsError):
        asyncio.run(
            create(AioSession(), "elasticache", region_name="us-east-1", aws_access_key_id="a")
        )


async def _create_client(self: Any, service_name: str, **kwargs: Any) -> Any:
    return AioClientCreator  # noqa: F821 - names the global, as aiobotocore's does


def test_the_asyncio_session_runs_aiobotocores_own_when_its_function_differs() -> None:
    from aiobotocore.context import with_current_context

    assert private._aio_create_client(_create_client) is None  # no wrapper
    assert private._aio_create_client(with_current_context()(_create_client)) is not None

    async def hook() -> None:
        return None

    assert private._aio_create_client(with_current_context(hook)(_create_client)) is None

    async def other(self: Any, service_name: str, **kwargs: Any) -> Any:
        return service_name  # builds no AioClientCreator by that name

    assert private._aio_create_client(with_current_context()(other)) is None
    assert private._aio_create_client(with_current_context()(lambda: None)) is None


def test_a_handler_registered_unaliased_is_checked_and_emitted_as_botocore_does() -> None:
    client = _client()
    seen: list[str] = []
    private.register_unaliased(
        client.meta.events, "custom-event.elasticache", lambda **_: seen.append("seen")
    )
    client.meta.events.emit("custom-event.elasticache.CreateSnapshot")
    assert seen == ["seen"]
    with pytest.raises(ValueError, match="keyword arguments"):
        private.register_unaliased(client.meta.events, "before-call.elasticache", lambda: None)
