"""Typed test support: a Stubber over botocore's for an ElastiCache facade.

Expected requests are written as the facade method's own keyword arguments (or as the
operation's input shape), answers as output shape instances or typed error classes, so a
wrong field in a test is a type error. Answers go through botocore's validation of the
response shape, as with botocore's own Stubber.

    with Stubber(cache) as stub:
        stub.on(cache.create_user_group).respond(
            shapes.UserGroup(user_group_id="g"), user_group_id="g", engine="redis", tags={"a": "b"}
        )
        cache.create_user_group(user_group_id="g", engine="redis", tags={"a": "b"})
        stub.assert_no_pending_responses()
"""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, TypeVar

from botocore import xform_name
from botocore.model import ServiceModel
from botocore.stub import Stubber as BotocoreStubber

from elasticache_typed._conversion.converter import converter
from elasticache_typed._errors.categories import ElastiCacheError
from elasticache_typed._generated.request_answers import RequestAnswers
from elasticache_typed._input.params import request_params

if TYPE_CHECKING:
    from elasticache_typed import ElastiCache

P = ParamSpec("P")
R = TypeVar("R")

__all__ = ["Expectation", "Stubber"]


class Stubber(RequestAnswers):
    """Queue typed answers for a facade's calls; use as a context manager."""

    def __init__(self, cache: ElastiCache) -> None:
        """A stubber over the client of `cache`; nothing is stubbed until it is activated.

        Args:
            cache: The facade whose calls the test answers.
        """
        self._cache = cache
        self._stubber = BotocoreStubber(cache.client)
        self._model = cache.client.meta.service_model
        self._operations: dict[str, str] = dict(cache.client.meta.method_to_api_mapping)

    def __enter__(self) -> Stubber:
        self.activate()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.deactivate()

    def activate(self) -> None:
        """Answer the facade's calls from the queue (done by `with Stubber(cache)`)."""
        self._stubber.activate()

    def deactivate(self) -> None:
        """Let the facade's calls through again (done when the `with` block ends)."""
        self._stubber.deactivate()

    def on(self, method: Callable[P, R]) -> Expectation[P, R]:
        """What to answer to the next call of `method`, a method of the stubbed facade."""
        name = getattr(method, "__name__", "")
        if getattr(method, "__self__", None) is not self._cache or name not in self._operations:
            raise TypeError("pass a method of the stubbed facade, e.g. cache.copy_snapshot")
        return Expectation(self._stubber, self._model, name, self._operations[name])

    def _add_response_for_request(self, request: object, answer: object) -> None:
        for name, operation in self._operations.items():
            operation_model = self._model.operation_model(operation)
            input_shape = operation_model.input_shape
            if input_shape is not None and input_shape.name == type(request).__name__:
                output = operation_model.output_shape
                expected = output.name if output is not None else "NoneType"
                if type(answer).__name__ != expected:
                    raise TypeError(f"{operation} answers {expected}, not {type(answer).__name__}")
                self._stubber.add_response(name, _wire(answer), converter.unstructure(request))
                return
        raise TypeError(f"{type(request).__name__} is not the input shape of any operation")

    def assert_no_pending_responses(self) -> None:
        """Fail if a queued answer was not used."""
        self._stubber.assert_no_pending_responses()


class Expectation(Generic[P, R]):
    """The answers for one facade method; made by `Stubber.on(method)`."""

    def __init__(
        self, stubber: BotocoreStubber, model: ServiceModel, method_name: str, operation: str
    ) -> None:
        self._stubber = stubber
        self._model = model
        self._name = method_name
        self._operation = operation

    def respond(self, answer: R, /, *args: P.args, **expected: P.kwargs) -> None:
        """Answer with `answer` (the method's own return type; None for operations without
        output) when called with exactly these arguments."""
        self._respond(answer, self._expected(args, expected))

    def respond_to_any_call(self, answer: R) -> None:
        """Answer with `answer`, whatever the call's arguments."""
        self._respond(answer, None)

    def fail(
        self, error: type[ElastiCacheError], message: str, /, *args: P.args, **expected: P.kwargs
    ) -> None:
        """Answer with the service error `error` (a modelled error class: its error code and
        HTTP status are sent) when called with exactly these arguments."""
        self._fail(error, message, self._expected(args, expected))

    def fail_on_any_call(self, error: type[ElastiCacheError], message: str) -> None:
        """Answer with the service error `error`, whatever the call's arguments."""
        self._fail(error, message, None)

    def _respond(self, answer: object, expected: dict[str, Any] | None) -> None:
        self._stubber.add_response(self._name, _wire(answer), expected)

    def _fail(
        self, error: type[ElastiCacheError], message: str, expected: dict[str, Any] | None
    ) -> None:
        code: str | None = getattr(error, "error_code", None)
        if code is None:
            raise TypeError(f"{error.__name__} has no error_code: use a modelled error class")
        self._stubber.add_client_error(
            self._name,
            service_error_code=code,
            service_message=message,
            http_status_code=self._http_status(code),
            expected_params=expected,
        )

    def _expected(self, args: tuple[object, ...], expected: dict[str, Any]) -> dict[str, Any]:
        if args:
            raise TypeError("facade methods take keyword arguments only")
        input_shape = self._model.operation_model(self._operation).input_shape
        if input_shape is None:
            return {}
        names = {xform_name(member): member for member in input_shape.members}
        wire = {names[key]: value for key, value in expected.items()}
        return request_params(self._operation, wire)

    def _http_status(self, code: str) -> int:
        for shape in self._model.operation_model(self._operation).error_shapes:
            error = shape.metadata.get("error", {})
            if error.get("code") == code:
                return int(error.get("httpStatusCode", 400))
        return 400


def _wire(answer: object) -> dict[str, Any]:
    return {} if answer is None else converter.unstructure(answer)
