"""A fake ElastiCache endpoint at botocore's HTTP layer.

`FakeEndpoint.attach(client)` registers a handler on the client's `before-send` event. The
handler records every outgoing request (method, URL, headers and the form body decoded with
`parse_qsl`, so a repeated key is caught) and answers with the next queued response, as a real
`botocore.awsrequest.AWSResponse`, so botocore parses it exactly as it would a real answer.
Nothing leaves the process.

Queue answers with `add_result` (an operation's XML result), `add_error` (an error body),
`add_response` (raw status/body) or `add_exception` (an exception the HTTP layer would raise,
such as `botocore.exceptions.ReadTimeoutError`). An unexpected request (nothing queued) fails
the test with an AssertionError raised from the handler.
"""

from __future__ import annotations

import urllib.parse
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import boto3
from botocore.awsrequest import AWSResponse
from botocore.config import Config

from tests.support.query_xml import error_xml, result_xml

REGION = "us-east-1"
FAKE_CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
# botocore's `max_attempts` counts RETRIES (max_attempts=1 still allows a second attempt);
# `total_max_attempts` counts all attempts, so 1 means: no retry at all.
NO_RETRIES = {"total_max_attempts": 1, "mode": "standard"}


def no_retry_config(**kwargs: Any) -> Config:
    """A client Config with botocore's retries off (one attempt only)."""
    return Config(retries=dict(NO_RETRIES), **kwargs)


def client_kwargs(**overrides: Any) -> dict[str, Any]:
    """Keyword arguments for boto3.client / ElastiCache.create: fake credentials, fixed region,
    no retries."""
    kwargs: dict[str, Any] = {"region_name": REGION, **FAKE_CREDENTIALS}
    kwargs["config"] = no_retry_config()
    kwargs.update(overrides)
    return kwargs


def make_client(**overrides: Any) -> Any:
    """A boto3 ElastiCache client with fake credentials and no retries."""
    return boto3.client("elasticache", **client_kwargs(**overrides))


class RawBody:
    """The `raw` of an AWSResponse: what urllib3's response offers botocore (`stream()`)."""

    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, **_: Any) -> Iterator[bytes]:
        if self._body:
            yield self._body

    def read(self, *_: Any, **__: Any) -> bytes:
        return self._body


@dataclass
class RecordedRequest:
    """One request the client tried to send."""

    method: str
    url: str
    headers: dict[str, str]
    body: str
    pairs: list[tuple[str, str]]
    operation: str | None
    duplicate_keys: list[str] = field(default_factory=list)

    @property
    def params(self) -> dict[str, str]:
        """The form body as a dict (duplicate keys are listed in `duplicate_keys`)."""
        return dict(self.pairs)

    @property
    def action(self) -> str | None:
        return self.params.get("Action")


@dataclass
class _Queued:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    exception: BaseException | None = None


class FakeEndpoint:
    """Records requests and answers them from a queue; see the module docstring."""

    def __init__(self) -> None:
        self.requests: list[RecordedRequest] = []
        self._queue: deque[_Queued] = deque()

    @classmethod
    def attach(cls, client: Any) -> FakeEndpoint:
        endpoint = cls()
        client.meta.events.register("before-send.elasticache", endpoint._handler)
        return endpoint

    # -- queueing answers -------------------------------------------------------------------

    def add_response(
        self, body: bytes | str, status: int = 200, headers: Mapping[str, str] | None = None
    ) -> None:
        raw = body.encode("utf-8") if isinstance(body, str) else body
        all_headers = {"Content-Type": "text/xml", "x-amzn-RequestId": "fake-request-id"}
        all_headers.update(headers or {})
        self._queue.append(_Queued(status=status, body=raw, headers=all_headers))

    def add_result(
        self, operation: str, data: Mapping[str, Any] | None, request_id: str = "req-ok"
    ) -> None:
        """Queue the XML answer of `operation` carrying `data` (boto3 form, or None)."""
        self.add_response(result_xml(operation, data, request_id=request_id))

    def add_error(
        self,
        code: str,
        message: str = "",
        status: int = 400,
        request_id: str = "req-err",
        error_type: str = "Sender",
    ) -> None:
        """Queue an ErrorResponse with this code, message and HTTP status."""
        self.add_response(
            error_xml(code, message, request_id=request_id, error_type=error_type), status=status
        )

    def add_exception(self, exception: BaseException) -> None:
        """Queue an exception the HTTP layer raises instead of answering."""
        self._queue.append(_Queued(exception=exception))

    @property
    def pending(self) -> int:
        """How many queued answers are still unused."""
        return len(self._queue)

    def reset(self) -> None:
        self.requests.clear()
        self._queue.clear()

    # -- the before-send handler ------------------------------------------------------------

    def _handler(self, request: Any, **_: Any) -> AWSResponse:
        body = request.body
        if body is None:
            text = ""
        elif isinstance(body, bytes | bytearray):
            text = bytes(body).decode("utf-8")
        elif isinstance(body, str):
            text = body
        else:  # a file-like body
            text = body.read().decode("utf-8")
        pairs = urllib.parse.parse_qsl(text, keep_blank_values=True, strict_parsing=bool(text))
        seen: set[str] = set()
        duplicates = []
        for key, _value in pairs:
            if key in seen:
                duplicates.append(key)
            seen.add(key)
        recorded = RecordedRequest(
            method=request.method,
            url=request.url,
            headers={str(k): str(v) for k, v in request.headers.items()},
            body=text,
            pairs=pairs,
            operation=dict(pairs).get("Action"),
            duplicate_keys=duplicates,
        )
        self.requests.append(recorded)
        if not self._queue:
            raise AssertionError(f"unexpected request, nothing queued: {recorded.operation}")
        answer = self._queue.popleft()
        if answer.exception is not None:
            raise answer.exception
        return AWSResponse(request.url, answer.status, answer.headers, RawBody(answer.body))
