"""The fake transport: answers at botocore's HTTP layer, after the real serializer and signer,
before botocore's real XML parser.

`FakeWire.attach(client)` registers a `before-send` handler on one client. Each request gets a
NEW `botocore.awsrequest.AWSResponse` over the prepared answer bytes (`wire.body`, or for a
paginator's later pages the body in `wire.pages` of the Marker the request sends), so botocore
reads, checks and parses the answer exactly as it would a real one, on every call. The handler
keeps the count of requests and the last request (cheaply: a reference, nothing decoded), so a
test can check what was serialized.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator
from typing import Any

from botocore.awsrequest import AWSPreparedRequest, AWSResponse

REGION = "us-east-1"
CLIENT_KWARGS: dict[str, Any] = {
    "region_name": REGION,
    "aws_access_key_id": "AKIDBENCHMARKFAKE",
    "aws_secret_access_key": "benchmark-fake-secret",
}
"""What every benchmarked client is made with: a fixed region and static fake credentials,
botocore's defaults otherwise."""

REQUEST_ID = "5b2c1c7e-8f0e-4d4a-9a8e-0c1d2e3f4a5b"


class _RawBody:
    """What urllib3's response offers botocore: `stream()` over the body."""

    __slots__ = ("_body",)

    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, **_: Any) -> Iterator[bytes]:
        yield self._body

    def read(self, *_: Any, **__: Any) -> bytes:
        return self._body


class FakeWire:
    """A before-send handler answering every request of one client with `body`, or, for a
    request that asks for a later page, with that page's body from `pages`."""

    def __init__(self, body: bytes = b"") -> None:
        self.body = body
        self.pages: dict[str, bytes] = {}
        """A paginator's later pages, by the Marker their request sends."""
        self.requests = 0
        self.last_request: AWSPreparedRequest | None = None

    @classmethod
    def attach(cls, client: Any, body: bytes = b"") -> FakeWire:
        wire = cls(body)
        client.meta.events.register("before-send.elasticache", wire.handler)
        return wire

    def handler(self, request: AWSPreparedRequest, **_: Any) -> AWSResponse:
        self.requests += 1
        self.last_request = request
        body = self.body
        if self.pages:
            marker = dict(_form_pairs(request.body)).get("Marker")
            if marker is not None:
                body = self.pages[marker]
        headers: Any = {  # AWSResponse makes its own HeadersDict of it
            "Content-Type": "text/xml",
            "Content-Length": str(len(body)),
            "x-amzn-RequestId": REQUEST_ID,
        }
        return AWSResponse(request.url, 200, headers, _RawBody(body))

    def sent_pairs(self) -> list[tuple[str, str]]:
        """The last request's form parameters, sorted (empty when nothing was sent)."""
        if self.last_request is None:
            return []
        return sorted(_form_pairs(self.last_request.body))


def _form_pairs(body: object) -> list[tuple[str, str]]:
    text = body_bytes(body).decode("utf-8")
    return urllib.parse.parse_qsl(text, keep_blank_values=True, strict_parsing=bool(text))


def body_bytes(body: object) -> bytes:
    """A request body (str, bytes or None, as botocore prepared it) as bytes."""
    if body is None:
        return b""
    if isinstance(body, str):
        return body.encode("utf-8")
    if isinstance(body, bytes | bytearray):
        return bytes(body)
    raise TypeError(f"unexpected request body {type(body).__name__}")


class _UnreadAnswers:
    """A query parser that reads nothing: every answer is an empty one."""

    def parse(self, response: Any, shape: Any) -> dict[str, Any]:
        return {"ResponseMetadata": {"HTTPStatusCode": response["status_code"]}}


class UnreadAnswersFactory:
    """A parser factory whose parsers read nothing, for botocore's request path alone."""

    def create_parser(self, protocol_name: str) -> _UnreadAnswers:
        return _UnreadAnswers()


def without_parsing(client: Any) -> Any:
    """`client`, whose answers are no longer parsed: what is left of its call is botocore's
    request path (validation, serializer, endpoint, User-Agent, signer, events, retry
    handler), the floor of any call through botocore, whoever reads the answer."""
    from elasticache_typed._botocore_private import install_parser_factory

    install_parser_factory(client, UnreadAnswersFactory())
    return client
