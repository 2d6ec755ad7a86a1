"""The error base class and the categories callers `except` by meaning.

Errors are plain data: every attribute is a str, int, bool, None or (`response`) a dict of
them, so an error pickles and copies with its class and attributes (it crosses process pools
and task queues); only the chained `__cause__` is left behind.

An error the service answered with is built with `cls.answered(response, ...)`: it is then
also a `botocore.exceptions.ClientError` (an instance of a subclass of `cls` and ClientError,
with the same name), so `except ClientError` and `e.response["Error"]["Code"]` keep working
around a facade call. Errors raised without an answer (bad input, network failures, missing
credentials) are built with the plain constructor and are not ClientErrors.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Self, cast

from botocore.exceptions import ClientError

_answered_classes: dict[type[ElastiCacheError], type[ElastiCacheError]] = {}
_lock = threading.Lock()


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
        # Exception's own __init__: ClientError's (in the MRO of answered errors) takes a dict.
        Exception.__init__(self, message)
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

    @classmethod
    def answered(
        cls,
        response: Mapping[str, Any],
        message: str,
        *,
        code: str,
        request_id: str | None = None,
        http_status_code: int | None = None,
        operation_name: str | None = None,
        solution: str | None = None,
        retryable: bool | None = None,
    ) -> Self:
        """The error of a service answer: also a `botocore.exceptions.ClientError`, whose
        `response` is botocore's dict of the answer (`Error`, `ResponseMetadata`).

        Args:
            response: botocore's parsed error response, its secrets already redacted.
            message: The service's message, secrets redacted.
            code: The service's error code.
            request_id: The id of the failed request.
            http_status_code: The HTTP status of the answer.
            operation_name: The operation that failed.
            solution: What the service documents to do about the error.
            retryable: Whether botocore's standard retry policy would retry it.

        Returns:
            The error, an instance of `cls` and of ClientError.
        """
        error = _answered_class(cls).__new__(_answered_class(cls), message)
        ElastiCacheError.__init__(
            error,
            message,
            code=code,
            request_id=request_id,
            http_status_code=http_status_code,
            operation_name=operation_name,
            solution=solution,
            retryable=retryable,
        )
        error.response = _plain(response)  # type: ignore[attr-defined]
        return error  # type: ignore[return-value]

    def __str__(self) -> str:
        where = f"{self.operation_name}: " if self.operation_name else ""
        text = f"{where}{self.code}: {self.message}"
        return f"{text} Solution: {self.solution}" if self.solution else text

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, message={self.message!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        # The keyword-only constructor cannot be called with `args` alone, as
        # BaseException.__reduce__ would: rebuild from the class, args and attributes. An
        # answered error's class is made at run time: it is rebuilt from the public class.
        public = getattr(type(self), "_public_class", type(self))
        return (_rebuild, (public, self.args, public is not type(self)), self.__dict__)


def _rebuild(
    cls: type[ElastiCacheError], args: tuple[Any, ...], answered: bool = False
) -> ElastiCacheError:
    """An error of `cls` (its ClientError twin when `answered`) with `args`, its attributes
    set afterwards from the pickled state."""
    made = _answered_class(cls) if answered else cls
    return made.__new__(made, *args)


def _answered_class(cls: type[ElastiCacheError]) -> type[ElastiCacheError]:
    """`cls` and ClientError in one class, named as `cls` (made once per class)."""
    found = _answered_classes.get(cls)
    if found is None:
        with _lock:
            found = _answered_classes.get(cls)
            if found is None:
                namespace = {
                    "__module__": cls.__module__,
                    "__qualname__": cls.__qualname__,
                    "__doc__": cls.__doc__,
                    "_public_class": cls,
                }
                found = type(cls.__name__, (cls, ClientError), namespace)
                _answered_classes[cls] = found
    return found


def _plain(value: Any) -> Any:
    """A copy of botocore's response of plain dicts, lists and scalars (headers included)."""
    if isinstance(value, Mapping):
        entries = cast("Mapping[Any, Any]", value)  # type: ignore[redundant-cast]  # pyright needs it
        return {str(k): _plain(v) for k, v in entries.items()}
    if isinstance(value, list | tuple):
        items = cast("Sequence[Any]", value)
        return [_plain(v) for v in items]
    return value


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


def _publish() -> None:
    # The public module's name (repr, tracebacks, what pickle records) from the start: these
    # are raised (bad input, say) before anything imports `elasticache_typed.errors`.
    for value in list(globals().values()):
        if isinstance(value, type) and issubclass(value, ElastiCacheError):
            value.__module__ = "elasticache_typed.errors"


_publish()
