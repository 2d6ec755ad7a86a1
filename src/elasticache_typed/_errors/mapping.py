"""Turn botocore's exceptions into the library's typed errors.

Every error of a call is classified the way botocore's retry policy sees the failure
(`retry_policy.would_retry`), carries no secret of the request (the service may quote one
back: it is shown as `***`, in the chained botocore exception's text too), and names the
operation.
"""

from __future__ import annotations

import http.client
import re
from collections.abc import Generator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    ConnectionClosedError,
    CredentialRetrievalError,
    HTTPClientError,
    NoCredentialsError,
    ParamValidationError,
    PartialCredentialsError,
)
from botocore.exceptions import ConnectionError as BotocoreConnectionError
from botocore.exceptions import WaiterError as BotocoreWaiterError
from botocore.model import OperationModel
from botocore.parsers import ResponseParserError

from elasticache_typed._botocore_private import answer_behind, raised_while_parsing
from elasticache_typed._errors.categories import (
    AccessDeniedError,
    ElastiCacheError,
    NetworkError,
    ServiceUnavailableError,
    ValidationError,
    WaiterError,
)
from elasticache_typed._errors.raw_answers import is_cut_short, is_foreign_server_error
from elasticache_typed._errors.retry_policy import would_retry
from elasticache_typed._errors.solutions import solution_for
from elasticache_typed._errors.unmodelled_codes import UNMODELLED_CODES
from elasticache_typed._generated.errors import MODELLED_ERRORS_BY_CODE
from elasticache_typed._secrets.values import mentions, redact, spelled

_QUOTED_VALUE = re.compile(r"value: .*?, (?=type:|valid )")
_CREDENTIAL_ERRORS = (NoCredentialsError, PartialCredentialsError, CredentialRetrievalError)
_BAD_VALUE_ERRORS = (ValueError, TypeError, KeyError, IndexError, AttributeError)


def error_class(code: str, http_status_code: int | None = None) -> type[ElastiCacheError]:
    """The class raised for an error code: modelled, common unmodelled, else the base.

    A 5xx answer without the service's error code (botocore reports an empty or HTML body
    with the HTTP status as its code) is a ServiceUnavailableError.
    """
    found = MODELLED_ERRORS_BY_CODE.get(code) or UNMODELLED_CODES.get(code)
    if found is not None:
        return found
    if http_status_code is not None and http_status_code >= 500 and code == str(http_status_code):
        return ServiceUnavailableError
    return ElastiCacheError


Operation = OperationModel | str
"""What failed: an operation's model, or the name of something that is not an operation of
the model (making an IAM token)."""


def _parts(operation: Operation) -> tuple[str, OperationModel | None]:
    if isinstance(operation, str):
        return operation, None
    return operation.name, operation


def from_response(
    response: Mapping[str, Any], operation: Operation, secrets: Sequence[str] = ()
) -> ElastiCacheError:
    """The typed error for a parsed error response (botocore's ClientError.response)."""
    name, model = _parts(operation)
    error: Mapping[str, Any] = response.get("Error") or {}
    metadata: Mapping[str, Any] = response.get("ResponseMetadata") or {}
    status = metadata.get("HTTPStatusCode")
    code = str(error.get("Code") or "")
    message = str(error.get("Message") or "")
    if not code and isinstance(status, int) and status >= 500:
        # XML, but not the service's error (a proxy's page): botocore's generic 5xx error.
        code, message = str(status), message or http.client.responses.get(status, "")
    message = redact(message, spelled(secrets)) if secrets else message
    answer = {**response, "Error": {**error, "Code": code or "Unknown", "Message": message}}
    return error_class(code or "Unknown", status).answered(
        answer,
        message,
        code=code or "Unknown",
        request_id=metadata.get("RequestId"),
        http_status_code=status,
        operation_name=name,
        solution=solution_for(message),
        retryable=would_retry(model, response=response),
    )


def from_botocore(
    exc: Exception, operation: Operation, secrets: Sequence[str] = ()
) -> ElastiCacheError:
    """The typed error for any exception botocore raised for a call."""
    name, model = _parts(operation)
    if isinstance(exc, ClientError):
        return from_response(exc.response, operation, secrets)
    if isinstance(exc, BotocoreWaiterError):
        last = exc.last_response or {}
        if "Error" in last:
            return from_response(last, operation, secrets)
        return WaiterError(
            str(exc.kwargs.get("reason", "")), code="WaiterError", operation_name=name
        )
    if isinstance(exc, (HTTPClientError, BotocoreConnectionError)):
        return NetworkError(
            str(exc),
            code=type(exc).__name__,
            operation_name=name,
            retryable=would_retry(model, exception=exc),
        )
    if isinstance(exc, ParamValidationError):
        # botocore's report quotes some values; a value may be a secret.
        return ValidationError(f"{name}: {_QUOTED_VALUE.sub('value: <hidden>, ', str(exc))}")
    if isinstance(exc, ResponseParserError):
        return unreadable_answer(exc, operation, "the answer is not valid XML")
    if isinstance(exc, _CREDENTIAL_ERRORS):
        return AccessDeniedError(str(exc), code=type(exc).__name__, operation_name=name)
    return ElastiCacheError(str(exc), code=type(exc).__name__, operation_name=name)


def unreadable_answer(exc: Exception, operation: Operation, why: str) -> ElastiCacheError:
    """The error for an answer botocore could not read: a NetworkError when it was cut short,
    a ServiceUnavailableError for a 5xx that is not the service's XML error, else
    InvalidResponse (an answer that does not fit the model)."""
    found = answer_behind(exc)
    if found is not None:
        answer, url = found
        if is_cut_short(answer):
            return from_botocore(ConnectionClosedError(endpoint_url=url), operation)
        if is_foreign_server_error(answer):
            status = int(answer["status_code"])
            return from_response(
                {
                    "Error": {
                        "Code": str(status),
                        "Message": http.client.responses.get(status, ""),
                    },
                    "ResponseMetadata": {"HTTPStatusCode": status},
                },
                operation,
            )
    return invalid_response(_parts(operation)[0], why)


def invalid_response(operation_name: str, why: str) -> ElastiCacheError:
    """The error for an answer that botocore cannot parse or that does not fit the model."""
    return ElastiCacheError(
        f"the {operation_name} response could not be read: {why}",
        code="InvalidResponse",
        operation_name=operation_name,
    )


@contextmanager
def translated_errors(operation: Operation, secrets: Sequence[str] = ()) -> Generator[None]:
    """Raise botocore's exceptions from the block as the library's typed errors.

    `secrets` are the secret values the call sent; the service may quote them back in a
    message. Assertion failures (botocore's Stubber reporting an unexpected request) are a
    test's own failure and pass through unchanged. A plain ValueError, TypeError, ... raised
    while botocore parsed the answer (a member of the wrong type, a timestamp it cannot read)
    is an answer that does not fit the model: `InvalidResponse`, naming the operation. Other
    such exceptions (from an event handler of the caller's, say) pass through unchanged.
    """
    try:
        yield
    except AssertionError:
        raise
    except (ClientError, BotoCoreError, ResponseParserError) as exc:
        _redact_exception(exc, secrets)
        raise from_botocore(exc, operation, secrets) from exc
    except _BAD_VALUE_ERRORS as exc:
        if not raised_while_parsing(exc):
            raise
        why = f"it does not fit the model ({type(exc).__name__})"
        raise unreadable_answer(exc, operation, why) from exc


def _redact_exception(exc: BaseException, secrets: Sequence[str]) -> None:
    """Take the request's secrets out of botocore's exception text, which the library's
    error chains to (`__cause__`)."""
    if not secrets:
        return
    forms = spelled(secrets)
    if any(isinstance(a, str) and mentions(a, forms) for a in exc.args):
        exc.args = tuple(redact(a, forms) if isinstance(a, str) else a for a in exc.args)
    if isinstance(exc, ClientError):
        error = exc.response.get("Error") or {}
        message = error.get("Message")
        if isinstance(message, str):
            error["Message"] = redact(message, forms)
