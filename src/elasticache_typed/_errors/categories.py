"""The error base class and the categories callers `except` by meaning."""

from __future__ import annotations

from typing import ClassVar


class ElastiCacheError(Exception):
    """Base of every error the library raises for a failed call."""

    retryable: ClassVar[bool] = False
    """Whether trying the same call again later may succeed."""

    def __init__(
        self,
        message: str,
        *,
        code: str,
        request_id: str | None = None,
        http_status_code: int | None = None,
        operation_name: str | None = None,
        solution: str | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        """The service's error code (`CacheClusterNotFound`), or `ValidationError`."""
        self.message = message
        """The service's message, or what was wrong with the input."""
        self.request_id = request_id
        """The id of the failed request, for AWS support; None when nothing was answered."""
        self.http_status_code = http_status_code
        """The HTTP status of the answer; None when nothing was answered."""
        self.operation_name = operation_name
        """The operation that failed (`DescribeCacheClusters`); None for bad input."""
        self.solution = solution
        """What the service documents to do about this error, for the errors that have it."""

    def __str__(self) -> str:
        where = f"{self.operation_name}: " if self.operation_name else ""
        text = f"{where}{self.code}: {self.message}"
        return f"{text} Solution: {self.solution}" if self.solution else text

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, message={self.message!r})"


class NotFoundError(ElastiCacheError):
    """The resource named in the call does not exist."""


class AlreadyExistsError(ElastiCacheError):
    """A resource with that name or id already exists."""


class QuotaExceededError(ElastiCacheError):
    """An account, resource or capacity limit would be exceeded."""


class InvalidStateError(ElastiCacheError):
    """The resource is not in a state, or use, that allows the call."""


class InvalidParameterError(ElastiCacheError):
    """The service rejected a parameter value or combination."""


class ThrottlingError(ElastiCacheError):
    """The call was rate limited; retry later."""

    retryable = True


class AccessDeniedError(ElastiCacheError):
    """The credentials are missing, wrong or lack permission."""


class ServiceUnavailableError(ElastiCacheError):
    """The service failed internally or is unavailable; retry later."""

    retryable = True


class NetworkError(ElastiCacheError):
    """The endpoint could not be reached, or the connection failed or timed out."""

    retryable = True


class WaiterError(ElastiCacheError):
    """A waiter reached a failure state or ran out of attempts."""


class ValidationError(ElastiCacheError, ValueError):
    """Bad input, found before anything was sent."""

    def __init__(self, message: str) -> None:
        super().__init__(message, code="ValidationError")
