"""Answers botocore cannot read as the service's, over real sockets (a scripted HTTP server on
127.0.0.1), for every kind of facade (tests/support/facade_kinds.py):

- a 5xx answer whose body is not the service's XML error (a load balancer's HTML page in any
  letter case, plain text, JSON, nothing) is a retryable ServiceUnavailableError with its
  HTTP status, botocore's generic code and the status's reason as message;
- an answer whose connection closed cleanly mid-body (Content-Length 5000, 132 bytes sent)
  is a retryable NetworkError.

Clients made by `create()` also let botocore retry a foreign 5xx (the server sees the second
attempt); a wrapped client is never changed, so botocore there gives up at once, and the
library still classifies the failure the same way. A cut answer is retried by aiobotocore,
which reads the body while sending; botocore 1.43 reads it after, where its retries do not
look, so the blocking facades raise at the first one (older botocore retries it: the
test expects what plain boto3 does at the installed botocore).
"""

from __future__ import annotations

import contextlib
import http.client
from typing import Any

import pytest

from elasticache_typed import errors, shapes
from tests.support.facade_kinds import CREATED, KINDS, call
from tests.support.query_xml import result_xml
from tests.support.scripted_server import ScriptedServer

pytestmark = pytest.mark.usefixtures("local_only")

FOREIGN_BODIES = {
    "doctype-lowercase": b"<!doctype html><html><head><title>502 Bad Gateway</title></head>"
    b"<body><h1>502 Bad Gateway</h1></body></html>",
    "doctype-html-public": b'<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" '
    b'"http://www.w3.org/TR/html4/loose.dtd">\n<HTML><HEAD><META HTTP-EQUIV="Content-Type" '
    b'CONTENT="text/html; charset=iso-8859-1">\n<TITLE>ERROR: The request could not be '
    b"satisfied</TITLE>\n</HEAD><BODY>\n<H1>504 Gateway Timeout ERROR</H1>\n</BODY></HTML>",
    "uppercase-html": b"<HTML><BODY>Service Unavailable</BODY></HTML>",
    "html-lang": b'<html lang="en"><head><meta charset="utf-8"><title>Error</title></head>'
    b"<body><p>Internal error</p></body></html>",
    "lowercase-html": b"<html><body><b>Http/1.1 Service Unavailable</b></body></html>",
    "nginx": b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center>"
    b"<h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
    "html-after-blank-lines": b"\n\n  <!DOCTYPE html>\n<html><body>oops</body></html>",
    "plain-text": b"Bad Gateway",
    "json": b'{"message": "Service Unavailable"}',
    "aws-json": b'{"__type": "InternalFailure", "message": "oops"}',
    "empty": b"",
    "whitespace": b"  \r\n",
    "other-xml": b'<?xml version="1.0"?><Status><Message>down for maintenance</Message></Status>',
}
STATUSES = (500, 502, 503, 504)

CLUSTERS = {"CacheClusters": [{"CacheClusterId": f"c-{i}", "NumCacheNodes": 2} for i in range(60)]}
FULL_ANSWER = result_xml("DescribeCacheClusters", CLUSTERS).encode()
CUT_AFTER = 132


def describe(cache: Any) -> Any:
    return cache.describe_cache_clusters()


def _cases() -> list[Any]:
    """Every body at every status on the blocking facades; the asyncio ones rotate the status."""
    cases = []
    for index, (name, body) in enumerate(FOREIGN_BODIES.items()):
        for kind in KINDS:
            statuses = STATUSES if kind in ("create", "wrapped") else (STATUSES[index % 4],)
            cases += [
                pytest.param(kind, status, body, id=f"{kind}-{status}-{name}")
                for status in statuses
            ]
    return cases


@pytest.mark.parametrize(("kind", "status", "body"), _cases())
def test_a_5xx_that_is_not_the_service_error_is_service_unavailable(
    kind: str, status: int, body: bytes, server: ScriptedServer, sleeps: list[float]
) -> None:
    attempts = 2 if kind in CREATED else 1
    for _ in range(attempts):
        server.add(status, body, content_type="text/html")

    with pytest.raises(errors.ServiceUnavailableError) as caught:
        call(kind, server.url, describe, max_attempts=attempts)

    exc = caught.value
    assert exc.retryable is True
    assert exc.http_status_code == status
    assert exc.code == str(status)
    assert exc.message == http.client.responses[status]
    assert exc.operation_name == "DescribeCacheClusters"
    # create() clients: botocore itself retried the answer, as it does an empty 503.
    assert server.requests == ["DescribeCacheClusters"] * attempts
    assert server.pending == 0


@pytest.mark.parametrize("kind", KINDS)
def test_a_connection_closed_mid_body_is_a_network_error(
    kind: str, server: ScriptedServer, sleeps: list[float]
) -> None:
    assert len(FULL_ANSWER) > 5000
    for _ in range(2):
        server.add(200, FULL_ANSWER[:5000], cut_after=CUT_AFTER)

    with pytest.raises(errors.NetworkError) as caught:
        call(kind, server.url, describe, max_attempts=2)

    exc = caught.value
    assert exc.retryable is True
    assert exc.code == "ConnectionClosedError"
    assert exc.http_status_code is None
    assert exc.operation_name == "DescribeCacheClusters"
    assert "DescribeCacheClusters" in str(exc)
    assert server.requests == ["DescribeCacheClusters"] * plain_attempts_on_a_cut_answer(kind)
    if kind.startswith("async"):
        assert len(server.requests) == 2


def plain_describe(cache: Any) -> Any:
    return cache.client.describe_cache_clusters()


def plain_attempts_on_a_cut_answer(kind: str) -> int:
    """The requests plain boto3 (or aiobotocore, for the asyncio kinds) sends, at 2 attempts,
    for answers cut mid-body: older botocore (the floor) reads the body inside its retry loop."""
    plain_kind = "async-wrapped" if kind.startswith("async") else "wrapped"
    with ScriptedServer() as plain:
        for _ in range(2):
            plain.add(200, FULL_ANSWER[:5000], cut_after=CUT_AFTER)
        with contextlib.suppress(Exception):
            call(plain_kind, plain.url, plain_describe, max_attempts=2)
        return len(plain.requests)


@pytest.mark.parametrize("kind", ["async-create", "async-wrapped"])
def test_asyncio_facades_retry_a_cut_answer_and_read_the_next(
    kind: str, server: ScriptedServer, sleeps: list[float]
) -> None:
    server.add(200, FULL_ANSWER, cut_after=CUT_AFTER)
    server.add(200, FULL_ANSWER)

    result = call(kind, server.url, describe, max_attempts=2)

    assert isinstance(result, shapes.CacheClusterMessage)
    assert [c.cache_cluster_id for c in result.cache_clusters or []] == [
        f"c-{i}" for i in range(60)
    ]
    assert server.requests == ["DescribeCacheClusters"] * 2
    assert len(sleeps) == 1


@pytest.mark.parametrize("kind", CREATED)
def test_create_clients_retry_a_foreign_5xx_and_read_the_next(
    kind: str, server: ScriptedServer, sleeps: list[float]
) -> None:
    server.add(502, FOREIGN_BODIES["doctype-html-public"], content_type="text/html")
    server.add(200, FULL_ANSWER)

    result = call(kind, server.url, describe, max_attempts=2)

    assert len(result.cache_clusters or []) == 60
    assert server.requests == ["DescribeCacheClusters"] * 2


@pytest.mark.parametrize("kind", KINDS)
def test_html_in_a_200_answer_still_does_not_fit_the_model(
    kind: str, server: ScriptedServer
) -> None:
    # Only 5xx answers are the service's trouble; a 200 that is not the answer is a bad answer.
    server.add(200, FOREIGN_BODIES["doctype-html-public"], content_type="text/html")
    with pytest.raises(errors.ElastiCacheError) as caught:
        call(kind, server.url, describe)
    assert caught.value.code == "InvalidResponse"
    assert caught.value.retryable is False
