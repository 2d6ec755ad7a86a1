"""The one classifier of failed answers: the library error for an answer that is not a result.

- The service's XML error (botocore's parsed error response): the class of its code.
- A 5xx answer whose body is not the service's XML error (a load balancer's HTML page in any
  letter case, plain text, JSON, XML without an error code, nothing at all): botocore's
  generic error for its status, a `ServiceUnavailableError`. A web server's page saying it
  failed on the request (moto's server answers so for an operation it does not implement)
  says so in the message.
- An answer cut short (fewer bytes than its Content-Length: the connection closed mid-body):
  a `NetworkError`.
- Any other answer botocore could not read, or that does not fit the model: `InvalidResponse`.

An answer botocore has not read yet is its response dict: `status_code`, `headers`, `body`.
"""

from __future__ import annotations

import http.client
import importlib
import re
from collections.abc import Mapping, Sequence
from typing import Any
from xml.etree import ElementTree

from botocore.model import OperationModel

from elasticache_typed._botocore_private import answer_behind
from elasticache_typed._errors.categories import (
    ElastiCacheError,
    NetworkError,
    ServiceUnavailableError,
)
from elasticache_typed._errors.retry_policy import would_retry
from elasticache_typed._secrets.values import redact, spelled

Operation = OperationModel | str
"""What failed: an operation's model, or the name of something that is not an operation of
the model (making an IAM token)."""

_CRASH_PAGE = re.compile(
    rb"<title>500 Internal Server Error</title>.*The server encountered an internal error",
    re.DOTALL,
)
"""Werkzeug's page for an exception the application did not handle: what moto's server sends
for an operation it does not implement (and for its own bugs)."""


def parts(operation: Operation) -> tuple[str, OperationModel | None]:
    """The operation's name, and its model when it is one."""
    if isinstance(operation, str):
        return operation, None
    return operation.name, operation


def error_class(code: str) -> type[ElastiCacheError]:
    """The class raised for an error code: modelled, common unmodelled, else the base."""
    # The error classes load with the first failed answer, not with the facades; through the
    # public module, which names them (their __module__) before any is raised.
    importlib.import_module("elasticache_typed.errors")
    from elasticache_typed._errors.unmodelled_codes import UNMODELLED_CODES
    from elasticache_typed._generated.errors import MODELLED_ERRORS_BY_CODE

    return MODELLED_ERRORS_BY_CODE.get(code) or UNMODELLED_CODES.get(code) or ElastiCacheError


# Answers botocore has not read ----------------------------------------------------------------


def is_cut_short(answer: Mapping[str, Any]) -> bool:
    """Whether fewer bytes arrived than the answer's Content-Length announced."""
    announced = _content_length(answer)
    body = answer.get("body")
    return announced is not None and isinstance(body, bytes | bytearray) and len(body) < announced


def generic_error(answer: Mapping[str, Any]) -> dict[str, Any] | None:
    """botocore's generic error for a 5xx answer that is not the service's XML error (as
    botocore itself reads an empty or `<html>` body), so that its retry policy judges it by its
    status; None for any other answer, and for a page saying the server failed on the request
    (retrying cannot help, and botocore does not retry it either: it cannot read it)."""
    status = int(answer.get("status_code") or 0)
    body = answer.get("body")
    if status < 500 or _is_service_error(body) or _is_crash_page(body):
        return None
    headers: Mapping[str, Any] = answer.get("headers") or {}
    return _generic(status, {"HTTPHeaders": {str(k).lower(): v for k, v in headers.items()}})


def from_unread_answer(exc: BaseException, operation: Operation, why: str) -> ElastiCacheError:
    """The error for an answer botocore could not read (`exc` is what its parser raised)."""
    name, model = parts(operation)
    found = answer_behind(exc)
    if found is None:
        return invalid_response(name, why)
    answer, url = found
    if is_cut_short(answer):
        received, announced = len(answer["body"]), _content_length(answer)
        return NetworkError(
            f"the connection closed after {received} of {announced} bytes of the answer "
            f'from endpoint URL "{url}"',
            code="ConnectionClosedError",
            operation_name=name,
        )
    status = int(answer.get("status_code") or 0)
    if status >= 500 and not _is_service_error(answer.get("body")):
        crashed = _is_crash_page(answer.get("body"))
        return _server_trouble(_generic(status), model, name, crashed=crashed)
    return invalid_response(name, why)


def invalid_response(operation_name: str, why: str) -> ElastiCacheError:
    """The error for an answer that botocore cannot parse or that does not fit the model."""
    return ElastiCacheError(
        f"the {operation_name} response could not be read: {why}",
        code="InvalidResponse",
        operation_name=operation_name,
    )


# Answers botocore read as an error ------------------------------------------------------------


def from_error_answer(
    response: Mapping[str, Any], operation: Operation, secrets: Sequence[str] = ()
) -> ElastiCacheError:
    """The typed error for a parsed error response (botocore's ClientError.response).

    `secrets` are the secret values the call sent: the service may quote them back.
    """
    from elasticache_typed._errors.solutions import solution_for

    name, model = parts(operation)
    error: Mapping[str, Any] = response.get("Error") or {}
    metadata: Mapping[str, Any] = response.get("ResponseMetadata") or {}
    status = metadata.get("HTTPStatusCode")
    code = str(error.get("Code") or "")
    message = str(error.get("Message") or "")
    message = redact(message, spelled(secrets)) if secrets else message
    if isinstance(status, int) and status >= 500 and code in ("", str(status)):
        # botocore's generic error, or XML that is not the service's error (a proxy's page).
        return _server_trouble({**response, **_generic(status, metadata, message)}, model, name)
    code = code or "Unknown"
    return error_class(code).answered(
        {**response, "Error": {**error, "Code": code, "Message": message}},
        message,
        code=code,
        request_id=metadata.get("RequestId"),
        http_status_code=status,
        operation_name=name,
        solution=solution_for(message),
        retryable=would_retry(model, response=response),
    )


# The rule, once -------------------------------------------------------------------------------


def _generic(
    status: int, metadata: Mapping[str, Any] | None = None, message: str = ""
) -> dict[str, Any]:
    """botocore's generic error for an HTTP status: the status as code, its reason as message."""
    return {
        "Error": {"Code": str(status), "Message": message or http.client.responses.get(status, "")},
        "ResponseMetadata": {**(metadata or {}), "HTTPStatusCode": status},
    }


def _server_trouble(
    response: dict[str, Any], model: OperationModel | None, name: str, *, crashed: bool = False
) -> ElastiCacheError:
    """The ServiceUnavailableError of a generic error `response` (from `_generic`)."""
    error, metadata = response["Error"], response["ResponseMetadata"]
    message = str(error["Message"])
    if crashed:
        message = (
            f"{message}: {name} is not implemented by this endpoint (its server failed on the "
            "request with a generic error page, as moto's server does for an operation it lacks)"
        )
        response = {**response, "Error": {**error, "Message": message}}
    return ServiceUnavailableError.answered(
        response,
        message,
        code=str(error["Code"]),
        request_id=metadata.get("RequestId"),
        http_status_code=int(metadata["HTTPStatusCode"]),
        operation_name=name,
        retryable=would_retry(model, response=response),
    )


def _content_length(answer: Mapping[str, Any]) -> int | None:
    headers: Mapping[str, Any] = answer.get("headers") or {}
    announced = next((v for k, v in headers.items() if str(k).lower() == "content-length"), None)
    try:
        return None if announced is None else int(announced)
    except (TypeError, ValueError):
        return None


def _is_crash_page(body: object) -> bool:
    return isinstance(body, bytes | bytearray) and _CRASH_PAGE.search(body) is not None


def _is_service_error(body: object) -> bool:
    """An XML document with an `Error` element that has a `Code` (namespaces aside)."""
    if not isinstance(body, bytes | bytearray) or not body.strip():
        return False
    try:
        root = ElementTree.fromstring(bytes(body))
    except ElementTree.ParseError:
        return False
    for element in root.iter():
        if _local(element.tag) == "Error" and any(_local(c.tag) == "Code" for c in element):
            return True
    return False


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1]
