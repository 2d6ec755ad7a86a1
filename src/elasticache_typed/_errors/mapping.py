"""Turn botocore's exceptions into the library's typed errors (answers that are not a
result: `failed_answers`, the classifier).

Every error of a call is classified the way botocore's retry policy sees the failure
(`retry_policy.would_retry`), carries no secret of the request (the service may quote one
back: it is shown as `***`, in the chained botocore exception's text too), and names the
operation.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Sequence
from contextlib import contextmanager

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

from elasticache_typed._botocore_private import raised_while_parsing
from elasticache_typed._errors.categories import (
    AccessDeniedError,
    ElastiCacheError,
    NetworkError,
    ValidationError,
    WaiterError,
)
from elasticache_typed._errors.failed_answers import (
    Operation,
    from_error_answer,
    from_unread_answer,
    parts,
)
from elasticache_typed._errors.retry_policy import would_retry
from elasticache_typed._secrets.values import mentions, redact, spelled

_QUOTED_VALUE = re.compile(r"value: .*?, (?=type:|valid )")
_CREDENTIAL_ERRORS = (NoCredentialsError, PartialCredentialsError, CredentialRetrievalError)
_BAD_VALUE_ERRORS = (ValueError, TypeError, KeyError, IndexError, AttributeError)


def from_botocore(
    exc: Exception, operation: Operation, secrets: Sequence[str] = ()
) -> ElastiCacheError:
    """The typed error for any exception botocore raised for a call."""
    name, model = parts(operation)
    if isinstance(exc, ClientError):
        return from_error_answer(exc.response, operation, secrets)
    if isinstance(exc, BotocoreWaiterError):
        last = exc.last_response or {}
        if "Error" in last:
            return from_error_answer(last, operation, secrets)
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
        return from_unread_answer(exc, operation, "the answer is not valid XML")
    if isinstance(exc, _CREDENTIAL_ERRORS):
        return AccessDeniedError(str(exc), code=type(exc).__name__, operation_name=name)
    return ElastiCacheError(str(exc), code=type(exc).__name__, operation_name=name)


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
        raise from_unread_answer(exc, operation, why) from exc


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
