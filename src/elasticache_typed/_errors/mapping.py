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

from elasticache_typed._errors.categories import (
    AccessDeniedError,
    ElastiCacheError,
    NetworkError,
    ServiceUnavailableError,
    ValidationError,
    WaiterError,
)
from elasticache_typed._errors.solutions import solution_for
from elasticache_typed._errors.unmodelled_codes import UNMODELLED_CODES
from elasticache_typed._generated.errors import MODELLED_ERRORS_BY_CODE

_QUOTED_VALUE = re.compile(r"value: .*?, (?=type:|valid )")
_CREDENTIAL_ERRORS = (NoCredentialsError, PartialCredentialsError, CredentialRetrievalError)
_PARSER_MODULES = frozenset({"botocore.parsers", "aiobotocore.parsers"})
"""Where botocore (and aiobotocore) read answers; a plain exception from there is a bad answer."""
_BAD_VALUE_ERRORS = (ValueError, TypeError, KeyError, IndexError, AttributeError)


def error_class(code: str, http_status_code: int | None = None) -> type[ElastiCacheError]:
    """The class raised for an error code: modelled, common unmodelled, else the base.

    A 5xx answer with no error code at all (an empty or HTML body, which botocore reports
    with the HTTP status as its code) is a ServiceUnavailableError.
    """
    found = MODELLED_ERRORS_BY_CODE.get(code) or UNMODELLED_CODES.get(code)
    if found is not None:
        return found
    if http_status_code is not None and http_status_code >= 500 and code == str(http_status_code):
        return ServiceUnavailableError
    return ElastiCacheError


def from_response(response: Any, operation_name: str) -> ElastiCacheError:
    """The typed error for a parsed error response (botocore's ClientError.response)."""
    error = response.get("Error", {})
    metadata = response.get("ResponseMetadata", {})
    code = str(error.get("Code") or "Unknown")
    message = str(error.get("Message") or "")
    status = metadata.get("HTTPStatusCode")
    return error_class(code, status)(
        message,
        code=code,
        request_id=metadata.get("RequestId"),
        http_status_code=status,
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
    own failure and pass through unchanged. A plain ValueError, TypeError, ... raised while
    botocore parsed the answer (a member of the wrong type, a timestamp it cannot read) is an
    answer that does not fit the model: `InvalidResponse`, naming the operation. Other such
    exceptions (from an event handler of the caller's, say) pass through unchanged.
    """
    try:
        yield
    except AssertionError:
        raise
    except (ClientError, BotoCoreError, ResponseParserError) as exc:
        raise from_botocore(exc, operation_name) from exc
    except _BAD_VALUE_ERRORS as exc:
        if not _raised_while_parsing(exc):
            raise
        why = f"it does not fit the model ({type(exc).__name__})"
        raise invalid_response(operation_name, why) from exc


def _raised_while_parsing(exc: BaseException) -> bool:
    """Whether botocore's response parser is on the exception's traceback."""
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_globals.get("__name__") in _PARSER_MODULES:
            return True
        tb = tb.tb_next
    return False
