"""A call on an aiobotocore client that was already closed (after its `async with` block).

aiobotocore reports it as an `HTTPClientError` around the failure of its closed HTTP session
(an `AttributeError` from `aiobotocore.httpsession`, whose sessions are gone, in aiobotocore
3; aiohttp's `RuntimeError("Session is closed")` in older releases). Retrying cannot help, so
it is a `RuntimeError` that says so, not a retryable `NetworkError`.
"""

from __future__ import annotations

from collections.abc import Generator
from contextlib import contextmanager

from botocore.exceptions import HTTPClientError

from elasticache_typed._botocore_private import frames_of

CLOSED_MESSAGE = (
    "the AsyncElastiCache client is closed (its `async with` block has ended): "
    "make calls inside the block, or open a new client"
)
_HTTP_SESSION_MODULE = "aiobotocore.httpsession"


def is_closed_client(exc: BaseException) -> bool:
    """Whether `exc` is aiobotocore's report of a call on a closed client."""
    if not isinstance(exc, HTTPClientError):
        return False
    cause = exc.kwargs.get("error")
    if isinstance(cause, RuntimeError):
        return "closed" in str(cause).lower()
    return isinstance(cause, AttributeError) and any(
        frame.f_globals.get("__name__") == _HTTP_SESSION_MODULE for frame in frames_of(cause)
    )


@contextmanager
def closed_client(closed: bool = False) -> Generator[None]:
    """Raise a call on a closed aiobotocore client from the block as a `RuntimeError`.

    `closed`: the facade knows the client is closed (its `create()` block has ended); older
    aiobotocore releases reopen their HTTP session silently, so nothing is sent then.
    """
    if closed:
        raise RuntimeError(CLOSED_MESSAGE)
    try:
        yield
    except HTTPClientError as exc:
        if is_closed_client(exc):
            raise RuntimeError(CLOSED_MESSAGE) from exc
        raise
