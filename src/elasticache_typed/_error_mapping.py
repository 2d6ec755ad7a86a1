"""Turn botocore's exceptions into the library's typed errors."""

from __future__ import annotations

import re
from collections.abc import Generator
from contextlib import contextmanager
from typing import Any

from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    CredentialRetrievalError,
    HTTPClientError,
    NoCredentialsError,
    ParamValidationError,
    PartialCredentialsError,
)
from botocore.exceptions import ConnectionError as BotocoreConnectionError
from botocore.exceptions import WaiterError as BotocoreWaiterError
from botocore.parsers import ResponseParserError

from elasticache_typed._error_categories import (
    AccessDeniedError,
    ElastiCacheError,
    NetworkError,
    ValidationError,
    WaiterError,
)
from elasticache_typed._generated.errors import MODELLED_ERRORS_BY_CODE
from elasticache_typed._solutions import solution_for
from elasticache_typed._unmodelled_codes import UNMODELLED_CODES

_QUOTED_VALUE = re.compile(r"value: .*?, (?=type:|valid )")
_CREDENTIAL_ERRORS = (NoCredentialsError, PartialCredentialsError, CredentialRetrievalError)


def error_class(code: str) -> type[ElastiCacheError]:
    """The class raised for an error code: modelled, common unmodelled, else the base."""
    return MODELLED_ERRORS_BY_CODE.get(code) or UNMODELLED_CODES.get(code) or ElastiCacheError


def from_response(response: Any, operation_name: str) -> ElastiCacheError:
    """The typed error for a parsed error response (botocore's ClientError.response)."""
    error = response.get("Error", {})
    metadata = response.get("ResponseMetadata", {})
    code = str(error.get("Code") or "Unknown")
    message = str(error.get("Message") or "")
    return error_class(code)(
        message,
        code=code,
        request_id=metadata.get("RequestId"),
        http_status_code=metadata.get("HTTPStatusCode"),
        operation_name=operation_name,
        solution=solution_for(message),
    )


def from_botocore(exc: Exception, operation_name: str) -> ElastiCacheError:
    """The typed error for any exception botocore raised for a call."""
    if isinstance(exc, ClientError):
        return from_response(exc.response, operation_name)
    if isinstance(exc, BotocoreWaiterError):
        last = exc.last_response or {}
        if "Error" in last:
            return from_response(last, operation_name)
        return WaiterError(
            str(exc.kwargs.get("reason", "")), code="WaiterError", operation_name=operation_name
        )
    if isinstance(exc, (HTTPClientError, BotocoreConnectionError)):
        return NetworkError(str(exc), code=type(exc).__name__, operation_name=operation_name)
    if isinstance(exc, ParamValidationError):
        # botocore's report quotes some values; a value may be a secret.
        return ValidationError(
            f"{operation_name}: {_QUOTED_VALUE.sub('value: <hidden>, ', str(exc))}"
        )
    if isinstance(exc, ResponseParserError):
        return invalid_response(operation_name, "the answer is not valid XML")
    if isinstance(exc, _CREDENTIAL_ERRORS):
        return AccessDeniedError(str(exc), code=type(exc).__name__, operation_name=operation_name)
    return ElastiCacheError(str(exc), code=type(exc).__name__, operation_name=operation_name)


def invalid_response(operation_name: str, why: str) -> ElastiCacheError:
    """The error for an answer that botocore cannot parse or that does not fit the model."""
    return ElastiCacheError(
        f"the {operation_name} response could not be read: {why}",
        code="InvalidResponse",
        operation_name=operation_name,
    )


@contextmanager
def translated_errors(operation_name: str) -> Generator[None]:
    """Raise botocore's exceptions from the block as the library's typed errors.

    Assertion failures (botocore's Stubber reporting an unexpected request) are a test's
    own failure and pass through unchanged.
    """
    try:
        yield
    except AssertionError:
        raise
    except (ClientError, BotoCoreError, ResponseParserError) as exc:
        raise from_botocore(exc, operation_name) from exc
