"""Faults over real sockets, for ElastiCache and AsyncElastiCache alike: a scripted HTTP server
on 127.0.0.1 (tests/support/scripted_server.py) answers 5xx then succeeds, keeps failing,
holds its answer past the read timeout, or sends a body that is not valid XML or has a member
of the wrong type; a closed port refuses the connection.

botocore (aiobotocore) retries 5xx answers itself; its back-off sleeps are recorded instead of
slept. What reaches the caller is always the typed result or a library error naming the
operation, never a bare ValueError/KeyError/TypeError from inside botocore's parser.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import Any

import pytest
from botocore.exceptions import ClientError, EndpointConnectionError, ReadTimeoutError
from botocore.parsers import ResponseParserError

from elasticache_typed import ElastiCache, errors, shapes
from tests.support.error_classes import public_class
from tests.support.facade_kinds import CREATED, call
from tests.support.query_xml import error_xml, result_xml
from tests.support.scripted_server import ScriptedServer

REGION = "us-east-1"
KINDS = CREATED
CLUSTERS = {"CacheClusters": [{"CacheClusterId": "c-1", "NumCacheNodes": 2}]}


pytestmark = pytest.mark.usefixtures("local_only")


def describe(cache: Any) -> Any:
    return cache.describe_cache_clusters()


async def _collect(items: Any) -> list[Any]:
    return [item async for item in items]


def paginate(cache: Any) -> Any:
    items = cache.paginate_describe_cache_clusters(page_size=20)
    return list(items) if isinstance(cache, ElastiCache) else _collect(items)


def wait(cache: Any) -> Any:
    return cache.wait_until_cache_cluster_available(cache_cluster_id="c-1", delay=1)


# --- 5xx answers: retried by botocore, then the typed result or ServiceUnavailableError -------


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("retry_mode", ["legacy", "standard", "adaptive"])
def test_5xx_then_success_gives_the_typed_result(
    kind: str, retry_mode: str, server: ScriptedServer, sleeps: list[float]
) -> None:
    server.add(500, error_xml("InternalFailure", "try again", error_type="Receiver"))
    server.add(503)  # no body at all
    server.add(502, b"<html><body>Bad Gateway</body></html>", content_type="text/html")
    server.add_result("DescribeCacheClusters", CLUSTERS)

    result = call(kind, server.url, describe, retry_mode=retry_mode, max_attempts=4)

    assert result == shapes.CacheClusterMessage(
        cache_clusters=[shapes.CacheCluster(cache_cluster_id="c-1", num_cache_nodes=2)]
    )
    assert server.requests == ["DescribeCacheClusters"] * 4
    assert len(sleeps) == 3
    assert server.pending == 0


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    ("status", "body", "code"),
    [
        (503, b"", "503"),
        (500, b"<html><body>Internal Server Error</body></html>", "500"),
        (503, error_xml("ServiceUnavailable", "down", error_type="Receiver").encode(), None),
        (500, error_xml("InternalFailure", "oops", error_type="Receiver").encode(), None),
    ],
    ids=["503-empty", "500-html", "503-xml", "500-xml"],
)
def test_a_server_that_keeps_failing_gives_service_unavailable(
    kind: str,
    status: int,
    body: bytes,
    code: str | None,
    server: ScriptedServer,
    sleeps: list[float],
) -> None:
    for _ in range(3):
        server.add(status, body)

    with pytest.raises(errors.ServiceUnavailableError) as caught:
        call(kind, server.url, describe, retry_mode="standard", max_attempts=3)

    exc = caught.value
    assert exc.retryable is True
    assert exc.http_status_code == status
    assert exc.operation_name == "DescribeCacheClusters"
    if code is not None:
        assert exc.code == code
    assert isinstance(exc.__cause__, ClientError)
    assert server.requests == ["DescribeCacheClusters"] * 3
    assert len(sleeps) == 2


@pytest.mark.parametrize("kind", KINDS)
def test_max_attempts_one_means_no_retry(
    kind: str, server: ScriptedServer, sleeps: list[float]
) -> None:
    server.add(503)
    with pytest.raises(errors.ServiceUnavailableError):
        call(kind, server.url, describe, max_attempts=1)
    assert server.requests == ["DescribeCacheClusters"]
    assert sleeps == []


# --- the network: refused connections and read timeouts are NetworkError ----------------------


def _closed_port() -> int:
    """A local port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize("kind", KINDS)
def test_connection_refused_is_a_network_error(kind: str, sleeps: list[float]) -> None:
    url = f"http://127.0.0.1:{_closed_port()}"
    with pytest.raises(errors.NetworkError) as caught:
        call(kind, url, describe, max_attempts=2, connect_timeout=2)
    exc = caught.value
    assert exc.retryable is True
    assert exc.operation_name == "DescribeCacheClusters"
    assert isinstance(exc.__cause__, EndpointConnectionError)
    assert len(sleeps) == 1  # botocore retried the connection once


@pytest.mark.parametrize("kind", KINDS)
def test_read_timeout_is_a_network_error(kind: str, server: ScriptedServer) -> None:
    server.add_result("DescribeCacheClusters", CLUSTERS)
    server.add(200, result_xml("DescribeCacheClusters", CLUSTERS), delay=10)
    assert call(kind, server.url, describe, read_timeout=0.5).cache_clusters is not None

    with pytest.raises(errors.NetworkError) as caught:
        call(kind, server.url, describe, read_timeout=0.5, max_attempts=1)
    exc = caught.value
    assert exc.retryable is True
    assert exc.operation_name == "DescribeCacheClusters"
    assert isinstance(exc.__cause__, ReadTimeoutError)


# --- answers that are not valid XML or do not fit the model ------------------------------------


def _cluster_answer(member: str, value: str) -> str:
    """A DescribeCacheClusters answer whose one cluster has `<member>value</member>`."""
    return result_xml(
        "DescribeCacheClusters", {"CacheClusters": [{"CacheClusterId": "c-1"}]}
    ).replace(
        "<CacheClusterId>c-1</CacheClusterId>",
        f"<CacheClusterId>c-1</CacheClusterId><{member}>{value}</{member}>",
    )


BAD_BODIES = [
    pytest.param(b"<DescribeCacheClustersResponse><oops", "not valid XML", id="truncated-xml"),
    pytest.param(b"\x00\xff not xml at all", "not valid XML", id="binary"),
    pytest.param(b"{}", "not valid XML", id="json"),
    pytest.param(_cluster_answer("NumCacheNodes", "abc"), "does not fit", id="int-member"),
    pytest.param(
        _cluster_answer("CacheClusterCreateTime", "yesterday"), "does not fit", id="timestamp"
    ),
    pytest.param(
        _cluster_answer("SnapshotRetentionLimit", "1.5"), "does not fit", id="float-for-int"
    ),
    pytest.param(
        _cluster_answer(
            "CacheNodes", "<CacheNode><CacheNodeCreateTime>-</CacheNodeCreateTime></CacheNode>"
        ),
        "does not fit",
        id="nested-timestamp",
    ),
]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("action", [describe, paginate, wait], ids=lambda f: f.__name__)
@pytest.mark.parametrize(("body", "why"), BAD_BODIES)
def test_a_bad_answer_is_a_library_error_naming_the_operation(
    kind: str,
    action: Callable[[Any], Any],
    body: str | bytes,
    why: str,
    server: ScriptedServer,
) -> None:
    server.add(200, body)
    with pytest.raises(errors.ElastiCacheError) as caught:
        call(kind, server.url, action, max_attempts=1)
    exc = caught.value
    assert public_class(exc) is errors.ElastiCacheError
    assert exc.code == "InvalidResponse"
    assert exc.operation_name == "DescribeCacheClusters"
    assert "DescribeCacheClusters" in str(exc)
    assert why in exc.message
    assert exc.retryable is False
    assert isinstance(exc.__cause__, ResponseParserError | ValueError)
    assert server.requests == ["DescribeCacheClusters"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_wrong_typed_decimal_member_is_a_library_error(kind: str, server: ScriptedServer) -> None:
    body = result_xml(
        "DescribeReservedCacheNodes",
        {"ReservedCacheNodes": [{"ReservedCacheNodeId": "r", "FixedPrice": 1.5}]},
    ).replace("<FixedPrice>1.5</FixedPrice>", "<FixedPrice>cheap</FixedPrice>")
    server.add(200, body)
    with pytest.raises(errors.ElastiCacheError) as caught:
        call(kind, server.url, lambda cache: cache.describe_reserved_cache_nodes())
    assert caught.value.code == "InvalidResponse"
    assert caught.value.operation_name == "DescribeReservedCacheNodes"


@pytest.mark.parametrize("kind", KINDS)
def test_a_well_formed_answer_still_reads(kind: str, server: ScriptedServer) -> None:
    # The same server and client path as above, with a body that fits: the typed value.
    server.add(200, _cluster_answer("NumCacheNodes", "3"))
    result = call(kind, server.url, describe)
    assert result.cache_clusters == [shapes.CacheCluster(cache_cluster_id="c-1", num_cache_nodes=3)]


def test_an_event_handler_error_of_the_callers_passes_through(server: ScriptedServer) -> None:
    # Only exceptions raised while botocore parses the answer become InvalidResponse.
    cache = ElastiCache.create(
        endpoint_url=server.url,
        region_name=REGION,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )

    def broken_handler(**_: Any) -> None:
        raise KeyError("the caller's own bug")

    cache.client.meta.events.register("before-call.elasticache", broken_handler)
    with pytest.raises(KeyError, match="the caller's own bug"):
        cache.describe_cache_clusters()
    assert server.requests == []
