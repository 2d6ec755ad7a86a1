"""What sits outside the facade sees what it sees with a plain boto3 client, on every kind of
facade it applies to (tests/support/facade_kinds.py), over a scripted HTTP server on 127.0.0.1:

- OpenTelemetry's botocore instrumentation (`BotocoreInstrumentor`; `AiobotocoreInstrumentor`
  for the asyncio facades, the same package) with an in-memory exporter and a `response_hook`
  reading the result;
- AWS X-Ray's `patch(["botocore"])` (`"aiobotocore"` for the asyncio facades), its recorder
  collecting segments in memory instead of sending them;
- a user's own `before-parse`, `after-call` and `after-call-error` handlers;
- a `before-send` handler making a nested `.client` call of the same operation.

Instrumentation patches process-wide: each fixture undoes its patch afterwards.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable, Iterator
from typing import Any

import aiobotocore.client
import aiobotocore.endpoint
import botocore.client
import botocore.endpoint
import pytest
from aws_xray_sdk.core.async_context import AsyncContext
from botocore.exceptions import ClientError
from botocore.parsers import ResponseParserError

from elasticache_typed import errors, shapes
from tests.support.facade_kinds import KINDS, call
from tests.support.scripted_server import ScriptedServer

pytestmark = pytest.mark.usefixtures("local_only")

CLUSTERS = {"CacheClusters": [{"CacheClusterId": "c-1", "NumCacheNodes": 2}]}
EXPECTED = shapes.CacheClusterMessage(
    cache_clusters=[shapes.CacheCluster(cache_cluster_id="c-1", num_cache_nodes=2)]
)


def _on_client(register: Callable[[Any], None], then: Callable[[Any], Any]) -> Any:
    """An action that registers handlers on the facade's client, then runs `then`."""

    def action(cache: Any) -> Any:
        register(cache.client)
        return then(cache)

    return action


def describe(cache: Any) -> Any:
    return cache.describe_cache_clusters()


# --- OpenTelemetry -----------------------------------------------------------------------------


@pytest.fixture
def otel(kind: str) -> Iterator[tuple[Any, list[Any]]]:
    """The instrumentor for the kind's client, instrumented with an in-memory exporter and a
    response hook that reads the result; yields the exporter and what the hook read."""
    from opentelemetry.instrumentation.botocore import (
        AiobotocoreInstrumentor,
        BotocoreInstrumentor,
    )
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    seen: list[Any] = []

    def response_hook(span: Any, service: str, operation: str, result: Any) -> None:
        found = result["CacheClusters"][0]["CacheClusterId"] if "CacheClusters" in result else None
        seen.append((service, operation, type(result), found or result["Error"]["Code"]))

    instrumentor = AiobotocoreInstrumentor() if kind.startswith("async") else BotocoreInstrumentor()
    instrumentor.instrument(tracer_provider=provider, response_hook=response_hook)
    try:
        yield exporter, seen
    finally:
        instrumentor.uninstrument()


@pytest.mark.parametrize("kind", KINDS)
def test_opentelemetry_sees_botocores_dict_and_the_facade_its_typed_result(
    kind: str, otel: tuple[Any, list[Any]], server: ScriptedServer
) -> None:
    exporter, seen = otel
    server.add_result("DescribeCacheClusters", CLUSTERS)

    assert call(kind, server.url, describe) == EXPECTED

    assert seen == [("elasticache", "DescribeCacheClusters", dict, "c-1")]
    spans = exporter.get_finished_spans()
    assert [span.name for span in spans] == ["ElastiCache.DescribeCacheClusters"]
    assert spans[0].attributes["rpc.method"] == "DescribeCacheClusters"
    assert spans[0].attributes["http.status_code"] == 200


@pytest.mark.parametrize("kind", KINDS)
def test_opentelemetry_records_an_error_answer_and_the_facade_raises_the_library_error(
    kind: str, otel: tuple[Any, list[Any]], server: ScriptedServer
) -> None:
    exporter, seen = otel
    server.add_error("CacheClusterNotFound", "no such cluster")

    with pytest.raises(errors.CacheClusterNotFoundFault):
        call(kind, server.url, describe)

    assert seen == [("elasticache", "DescribeCacheClusters", dict, "CacheClusterNotFound")]
    (span,) = exporter.get_finished_spans()
    assert span.attributes["http.status_code"] == 400
    assert span.status.status_code.name == "ERROR"


# --- AWS X-Ray ---------------------------------------------------------------------------------


class _Collected:
    """An X-Ray emitter that keeps the entities it is given (nothing leaves the process)."""

    def __init__(self) -> None:
        self.entities: list[Any] = []

    def send_entity(self, entity: Any) -> None:
        self.entities.append(entity)

    def set_daemon_address(self, address: str) -> None:
        """Unused: nothing is sent."""


@pytest.fixture
def xray(kind: str) -> Iterator[tuple[Any, _Collected]]:
    """X-Ray's patch for the kind's client and a recorder collecting in memory; the patch and
    the recorder's settings are undone afterwards (X-Ray has no unpatch)."""
    from aws_xray_sdk.core import patch, patcher, xray_recorder
    from aws_xray_sdk.core.context import Context

    asyncio_kind = kind.startswith("async")
    module = "aiobotocore" if asyncio_kind else "botocore"
    patched = (
        [(aiobotocore.client.AioBaseClient, "_make_api_call")]
        + [(aiobotocore.endpoint.AioEndpoint, "prepare_request")]
        if asyncio_kind
        else [
            (botocore.client.BaseClient, "_make_api_call"),
            (botocore.endpoint.Endpoint, "prepare_request"),
        ]
    )
    originals = [(owner, name, owner.__dict__.get(name)) for owner, name in patched]
    settings = (xray_recorder.emitter, xray_recorder.sampling, xray_recorder.context)
    emitter = _Collected()
    xray_recorder.configure(sampling=False, context_missing="LOG_ERROR", context=Context())
    xray_recorder.emitter = emitter
    patch([module])
    try:
        yield xray_recorder, emitter
    finally:
        for owner, name, original in originals:
            if original is None:
                delattr(owner, name)  # inherited before the patch
            else:
                setattr(owner, name, original)
        target = aiobotocore.client if asyncio_kind else botocore.client
        delattr(target, "_xray_enabled")
        patcher._PATCHED_MODULES.discard(module)
        xray_recorder.emitter, xray_recorder.sampling, xray_recorder.context = settings


@pytest.mark.parametrize("kind", KINDS)
def test_xray_records_a_subsegment_and_the_facade_its_typed_result(
    kind: str, xray: tuple[Any, _Collected], server: ScriptedServer
) -> None:
    recorder, emitter = xray
    server.add_result("DescribeCacheClusters", CLUSTERS)

    def in_segment(cache: Any) -> Any:
        if kind.startswith("async"):  # X-Ray's context for asyncio is bound to the loop
            loop = asyncio.get_running_loop()
            recorder.context = AsyncContext(loop=loop, use_task_factory=False)
        recorder.begin_segment("test")
        result = describe(cache)
        if not inspect.isawaitable(result):
            recorder.end_segment()
            return result

        async def settled() -> Any:
            try:
                return await result
            finally:
                recorder.end_segment()

        return settled()

    assert call(kind, server.url, in_segment) == EXPECTED

    (segment,) = emitter.entities
    (subsegment,) = segment.subsegments
    assert subsegment.name == "elasticache"
    assert subsegment.aws["operation"] == "DescribeCacheClusters"
    assert subsegment.aws["request_id"]  # read from botocore's ResponseMetadata
    assert subsegment.http["response"]["status"] == 200


# --- a user's own handlers ---------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_before_parse_sees_botocores_answer(kind: str, server: ScriptedServer) -> None:
    server.add_result("DescribeCacheClusters", CLUSTERS)
    seen: list[Any] = []

    def before_parse(response_dict: dict[str, Any], **_: Any) -> None:
        seen.append(
            (response_dict["status_code"], b"<CacheClusterId>c-1<" in response_dict["body"])
        )

    register = _on_client(
        lambda client: client.meta.events.register("before-parse.elasticache", before_parse),
        describe,
    )
    assert call(kind, server.url, register) == EXPECTED
    assert seen == [(200, True)]


@pytest.mark.parametrize("kind", KINDS)
def test_after_call_edits_the_typed_result(kind: str, server: ScriptedServer) -> None:
    server.add_result("DescribeCacheClusters", CLUSTERS)

    def edit(parsed: dict[str, Any], **_: Any) -> None:
        cluster = parsed["CacheClusters"][0]
        assert type(cluster) is dict
        cluster["CacheClusterId"] = "edited"

    register = _on_client(
        lambda client: client.meta.events.register("after-call.elasticache", edit), describe
    )
    result = call(kind, server.url, register)
    assert result.cache_clusters[0].cache_cluster_id == "edited"


@pytest.mark.parametrize("kind", KINDS)
def test_after_call_sees_botocores_error_dict(kind: str, server: ScriptedServer) -> None:
    server.add_error("CacheClusterNotFound", "no such cluster")
    seen: list[Any] = []

    def after_call(parsed: dict[str, Any], **_: Any) -> None:
        seen.append((parsed["Error"]["Code"], parsed["ResponseMetadata"]["HTTPStatusCode"]))

    register = _on_client(
        lambda client: client.meta.events.register("after-call.elasticache", after_call),
        describe,
    )
    with pytest.raises(errors.CacheClusterNotFoundFault) as caught:
        call(kind, server.url, register)
    assert seen == [("CacheClusterNotFound", 400)]
    assert isinstance(caught.value, ClientError)


@pytest.mark.parametrize("kind", KINDS)
def test_after_call_error_sees_botocores_exception(kind: str, server: ScriptedServer) -> None:
    server.add(200, b"<DescribeCacheClustersResponse><oops")
    seen: list[Any] = []

    def after_call_error(exception: BaseException, **_: Any) -> None:
        seen.append(type(exception))

    register = _on_client(
        lambda client: client.meta.events.register(
            "after-call-error.elasticache", after_call_error
        ),
        describe,
    )
    with pytest.raises(errors.ElastiCacheError) as caught:
        call(kind, server.url, register)
    assert caught.value.code == "InvalidResponse"
    assert seen == [ResponseParserError]


@pytest.mark.parametrize("kind", KINDS)
def test_a_nested_call_of_the_same_operation_from_before_send_gets_a_dict(
    kind: str, server: ScriptedServer
) -> None:
    # before-send: the nested call goes out (and is answered) before the outer one.
    server.add_result("DescribeCacheClusters", {"CacheClusters": [{"CacheClusterId": "inner"}]})
    server.add_result("DescribeCacheClusters", {"CacheClusters": [{"CacheClusterId": "outer"}]})
    nested: list[Any] = []

    def register(client: Any) -> None:
        def before_send(**_: Any) -> Any:
            if nested:
                return None
            nested.append(None)
            answer = client.describe_cache_clusters()
            if inspect.isawaitable(answer):
                return _kept(answer, nested)
            nested[0] = answer
            return None

        client.meta.events.register("before-send.elasticache", before_send)

    result = call(kind, server.url, _on_client(register, describe))

    assert [c.cache_cluster_id for c in result.cache_clusters] == ["outer"]
    assert type(nested[0]["CacheClusters"][0]) is dict
    assert nested[0]["CacheClusters"][0]["CacheClusterId"] == "inner"
    assert server.requests == ["DescribeCacheClusters"] * 2


async def _kept(answer: Any, into: list[Any]) -> None:
    """aiobotocore awaits a before-send handler's coroutine: the nested answer is kept."""
    into[0] = await answer
