"""The error base class and the categories callers `except` by meaning.

Errors are plain data: every attribute is a str, int, bool or None, so an error pickles and
copies with its class and attributes (it crosses process pools and task queues); only the
chained `__cause__` is left behind.
"""

from __future__ import annotations

from typing import Any, ClassVar


class ElastiCacheError(Exception):
    """Base of every error the library raises for a failed call."""

    default_retryable: ClassVar[bool] = False
    """`retryable` of an error of this class when the call that failed does not say."""

    def __init__(
        self,
        message: str,
        *,
        code: str,
        request_id: str | None = None,
        http_status_code: int | None = None,
        operation_name: str | None = None,
        solution: str | None = None,
        retryable: bool | None = None,
    ) -> None:
        super().__init__(message)
        self.code: str = code
        """The service's error code (`CacheClusterNotFound`), or what failed on our side
        (`ValidationError`, `InvalidResponse`, `ConnectionClosedError`, ...)."""
        self.message: str = message
        """The service's message (secrets sent in the request shown as `***`), or what was
        wrong with the input."""
        self.request_id: str | None = request_id
        """The id of the failed request, for AWS support; None when nothing was answered."""
        self.http_status_code: int | None = http_status_code
        """The HTTP status of the answer; None when nothing was answered."""
        self.operation_name: str | None = operation_name
        """The operation that failed (`DescribeCacheClusters`); None for bad input."""
        self.solution: str | None = solution
        """What the service documents to do about this error, for the errors that have it."""
        self.retryable: bool = self.default_retryable if retryable is None else retryable
        """Whether botocore's standard retry policy would try the same call again (see the
        Errors guide)."""

    def __str__(self) -> str:
        where = f"{self.operation_name}: " if self.operation_name else ""
        text = f"{where}{self.code}: {self.message}"
        return f"{text} Solution: {self.solution}" if self.solution else text

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, message={self.message!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        # The keyword-only constructor cannot be called with `args` alone, as
        # BaseException.__reduce__ would: rebuild from the class, args and attributes.
        return (_rebuild, (type(self), self.args), self.__dict__)


def _rebuild(cls: type[ElastiCacheError], args: tuple[Any, ...]) -> ElastiCacheError:
    """An error of `cls` with `args`, its attributes set afterwards from the pickled state."""
    return cls.__new__(cls, *args)


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

    default_retryable = True


class AccessDeniedError(ElastiCacheError):
    """The credentials are missing, wrong or lack permission."""


class ServiceUnavailableError(ElastiCacheError):
    """The service failed internally or is unavailable; retry later."""

    default_retryable = True


class NetworkError(ElastiCacheError):
    """The endpoint could not be reached, or the connection failed or timed out."""

    default_retryable = True


class WaiterError(ElastiCacheError):
    """A waiter reached a failure state or ran out of attempts."""


class ValidationError(ElastiCacheError, ValueError):
    """Bad input, found before anything was sent."""

    def __init__(self, message: str) -> None:
        super().__init__(message, code="ValidationError")
