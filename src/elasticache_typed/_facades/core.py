"""Everything the two facades share: all of a call but the line that sends it.

A call is prepared here (the input checked and turned into boto3's params), sent by the
blocking half (`base.FacadeBase`) or the awaiting one (`async_base.AsyncFacadeBase`) inside
`FacadeCore._sending` (the error mapping, the secrets it redacts and the typed-answer box),
and finished here (the typed result and its metadata). Paginators, waiters, the IAM token and
the `create` constructors are split the same way, so the two halves differ only where one
awaits what the other calls.
"""

from __future__ import annotations

import contextvars
import functools
import logging
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from contextlib import contextmanager
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, TypeVar

from botocore import xform_name
from botocore.config import Config
from botocore.model import OperationModel

from elasticache_typed._answers import handover
from elasticache_typed._answers.handover import Box, Page
from elasticache_typed._answers.parsers import CarefulParserFactory
from elasticache_typed._answers.wire_parser import TypedAnswerParserFactory
from elasticache_typed._answers.wire_parser import operations as typed_answer_operations
from elasticache_typed._botocore_private import (
    ApiCallWatch,
    HandlerWatch,
    install_parser_factory,
)
from elasticache_typed._connect import described_nodes
from elasticache_typed._conversion.hook_lookup import prepare as prepare_conversions
from elasticache_typed._conversion.hook_lookup import structure_hook
from elasticache_typed._errors.failed_answers import invalid_response
from elasticache_typed._errors.mapping import translated_errors
from elasticache_typed._facades.result_metadata import with_response_metadata
from elasticache_typed._generated.secrets import OPERATIONS_WITH_SECRETS
from elasticache_typed._input.availability import available_operation, check_members
from elasticache_typed._input.params import prepare as prepare_input_checks
from elasticache_typed._input.params import request_params
from elasticache_typed._input.settings import merged_config, positive_ints
from elasticache_typed._secrets import log_filter
from elasticache_typed._secrets.values import request_secrets

if TYPE_CHECKING:
    from botocore.credentials import ReadOnlyCredentials

    from elasticache_typed._connect.iam_token import TokenRequest
    from elasticache_typed._facades.extra_waiters import CreateWaiter

logger = logging.getLogger("elasticache_typed")

T = TypeVar("T")
CoreT = TypeVar("CoreT", bound="FacadeCore")
_reads_typed: contextvars.ContextVar[bool] = contextvars.ContextVar("_reads_typed", default=False)
"""True while `_over_new_client` makes a facade that reads its answers typed: its first call
reads with the generated reader, and the converter hooks (about 3 ms to load) are loaded only
if a call gives way to botocore's dicts."""

_LIBRARY_SETTINGS = frozenset(
    {"cls", "session", "retry_mode", "max_attempts", "connect_timeout", "read_timeout"}
    | {"fast_reader"}
)
"""`create`'s parameters that are not keywords of boto3's `Session.client`."""


class FacadeCore:
    """The part of both facades that does no I/O: input checks and reading answers."""

    _create_waiter: CreateWaiter  # botocore's create_waiter_with_client, or aiobotocore's

    def __init__(self, client: Any) -> None:
        self._raw: Any = client  # called by operation name, which static types cannot follow
        self._log_filter = log_filter.install()
        self._typed_answers: object | None = None  # answers are botocore's dicts
        self._handlers: HandlerWatch | None = None  # watched only when answers can be typed
        self._api_call = ApiCallWatch(client)
        if not _reads_typed.get():  # a typed reader needs the hooks only when it gives way
            prepare_conversions()
        prepare_input_checks()

    @classmethod
    def _over_new_client(cls: type[CoreT], client: Any, factory: CarefulParserFactory) -> CoreT:
        """A facade over a client `create()` made: the client gets the library's parser
        factory (and, with a typed one, the facade reads its unobserved answers typed)."""
        install_parser_factory(client, factory)
        typed = isinstance(factory, TypedAnswerParserFactory)
        token = _reads_typed.set(typed)
        try:
            facade = cls(client)
        finally:
            _reads_typed.reset(token)
        if isinstance(factory, TypedAnswerParserFactory):
            facade._typed_answers = factory
            factory.follow_calls(client)
            facade._handlers = HandlerWatch(client)
            typed_answer_operations()  # loaded now, not in the first call
        return facade

    def _reader(self, operation: str) -> object | None:
        """The parser factory that may read this call's answer typed: None when the client
        has none, or when anyone but the facade could observe the answer (instrumentation
        wrapping the client's API call, or an event handler of someone else's)."""
        factory, handlers = self._typed_answers, self._handlers
        if factory is None or handlers is None or self._api_call.wrapped():
            return None
        return None if handlers.foreign_handlers(operation) else factory

    def _operation(self, operation: str) -> OperationModel:
        return available_operation(self._raw.meta.service_model, operation)

    def _request(self, operation: OperationModel, values: Mapping[str, Any]) -> dict[str, Any]:
        check_members(operation, values)
        return request_params(operation.name, values)

    def _prepared(self, operation: str, values: Mapping[str, Any]) -> Call:
        """A call of `operation` with the caller's wire-named values, checked; nothing sent."""
        model = self._operation(operation)
        params = self._request(model, values)
        return Call(model, params, getattr(self._raw, xform_name(operation)))

    def _secrets(self, operation: OperationModel, params: Mapping[str, Any]) -> list[str]:
        """The secret values a call sends; botocore's log filter looks out for them too."""
        if operation.name not in OPERATIONS_WITH_SECRETS:
            return []
        secrets = request_secrets(params)
        self._log_filter.remember(secrets)
        return secrets

    def _sending(self, call: Call) -> Sending:
        """Around the line that sends `call`: its errors become the library's (its secrets
        redacted), and its answer may be handed over typed (the box; None: it is not)."""
        operation = call.operation
        logger.debug("calling %s", operation.name)
        secrets = self._secrets(operation, call.params)
        return Sending(operation, secrets, self._reader(operation.name))

    def _paging(
        self,
        operation: str,
        result_key: str,
        item_type: type[T],
        values: Mapping[str, Any],
        page_size: int | None,
        max_items: int | None,
    ) -> Paging[T]:
        """botocore's (or aiobotocore's) page iterator, the input checked; nothing sent yet."""
        model = self._operation(operation)
        params = self._request(model, values)
        config = positive_ints(PageSize=page_size, MaxItems=max_items)
        paginator = self._raw.get_paginator(xform_name(operation))
        pages = paginator.paginate(**params, PaginationConfig=config)
        reader, read = self._reader(operation), structure_hook(item_type)
        nodes_asked = described_nodes.nodes_asked(operation, params)
        return Paging(model, pages, reader, result_key, read, nodes_asked=nodes_asked)

    def _waiting(
        self,
        waiter: str,
        operation: str,
        values: Mapping[str, Any],
        delay: int | None,
        max_attempts: int | None,
    ) -> Waiting:
        """The botocore waiter and its checked arguments (WaiterConfig included)."""
        # Imported by the first waiter, not with the facades (nor the IAM token's below).
        from elasticache_typed._facades.extra_waiters import botocore_waiter, fixed_input

        model = self._operation(operation)
        params = self._request(model, {**fixed_input(waiter), **values})
        params["WaiterConfig"] = positive_ints(Delay=delay, MaxAttempts=max_attempts)
        logger.debug("waiting for %s", waiter)
        return Waiting(model, botocore_waiter(self._raw, waiter, self._create_waiter), params)

    def _token(
        self, user_id: str, cache_name: str, serverless: bool, expires_in: int, region: str | None
    ) -> Token:
        """The IAM token's request, its arguments checked (nothing signed yet)."""
        from elasticache_typed._connect.iam_token import token_request

        request = token_request(
            self._raw,
            user_id=user_id,
            cache_name=cache_name,
            serverless=serverless,
            expires_in=expires_in,
            region=region,
        )
        return Token(request, self._raw)


class Sending:
    """The block around a call's sending line (`FacadeCore._sending`): a class, not a
    generator, as it runs on every call; its `with` gives the box, or None."""

    __slots__ = ("_operation", "_reader", "_secrets", "_token")

    def __init__(
        self, operation: OperationModel, secrets: list[str], reader: object | None
    ) -> None:
        self._operation = operation
        self._secrets = secrets
        self._reader = reader
        self._token: contextvars.Token[Box | None] | None = None

    def __enter__(self) -> Box | None:
        if self._reader is None:
            return None
        box, self._token = handover.opened(self._reader)
        return box

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._token is not None:
            handover.close(self._token)
        if exc is not None:
            # The one error mapping: it raises the library's error (or lets `exc` through).
            with translated_errors(self._operation, self._secrets):
                raise exc


class Call:
    """An operation's call, checked and ready to send: `send(**params)`."""

    __slots__ = ("operation", "params", "send")

    def __init__(self, operation: OperationModel, params: dict[str, Any], send: Any) -> None:
        self.operation = operation
        self.params = params
        self.send: Any = send  # the client's method (awaitable for aiobotocore)

    def result(self, response: Any, box: Box | None, output: type[T]) -> T:
        """The typed output of the call's `response` (the one handed over in `box`, else
        botocore's dict converted), with its answer's metadata."""
        typed = box.output if box is not None else None
        result: T = typed_result(response, typed, output, self.operation.name)
        if described_nodes.nodes_asked(self.operation.name, self.params):
            described_nodes.remember_answer(result)
        return with_response_metadata(result, response)


class Paging(Generic[T]):
    """A paginator call, checked: its pages, and how to read each page's items."""

    __slots__ = ("nodes_asked", "operation", "pages", "read", "reader", "result_key")

    def __init__(
        self,
        operation: OperationModel,
        pages: Any,
        reader: object | None,
        result_key: str,
        read: Callable[[Any], T],
        *,
        nodes_asked: bool,
    ) -> None:
        self.operation = operation
        self.pages: Any = pages  # botocore's or aiobotocore's page iterator
        self.reader = reader  # the parser factory that may read pages typed (None: none)
        self.result_key = result_key
        self.read = read
        self.nodes_asked = nodes_asked  # cache clusters described with their nodes

    def items(self, page: Page[Any]) -> list[T]:
        """The typed items of a page: its shapes when read typed, else converted."""
        items: list[Any] = dig(page.page, self.result_key)
        if not page.typed:
            items = [read_answer(item, self.read, self.operation.name) for item in items]
        if self.nodes_asked:
            described_nodes.remember(items)
        return items


class Waiting:
    """A waiter call, checked: `waiter.wait(**params)`."""

    __slots__ = ("operation", "params", "waiter")

    def __init__(self, operation: OperationModel, waiter: Any, params: dict[str, Any]) -> None:
        self.operation = operation
        self.waiter: Any = waiter  # botocore's or aiobotocore's waiter
        self.params = params


class Token:
    """An IAM token to sign once the client's frozen credentials are in hand."""

    __slots__ = ("_client", "_request")

    def __init__(self, request: TokenRequest, client: Any) -> None:
        self._request = request
        self._client = client

    @contextmanager
    def credentials(self) -> Generator[Callable[[], Any]]:
        """The client's `get_frozen_credentials` (awaitable for aiobotocore), to call in the
        block: no credentials at all is AccessDeniedError."""
        from elasticache_typed._connect.iam_token import TOKEN_OPERATION, client_credentials

        with translated_errors(TOKEN_OPERATION):
            yield client_credentials(self._client).get_frozen_credentials

    def signed(self, credentials: ReadOnlyCredentials) -> str:
        """The token, signed now with the frozen credentials."""
        from elasticache_typed._connect.iam_token import sign_token

        return sign_token(self._request, credentials)


def client_arguments(given: Mapping[str, Any], config_class: type[Config]) -> dict[str, Any]:
    """boto3's `Session.client` keyword arguments (aiobotocore's `create_client`'s) from the
    arguments of a `create` constructor (its `locals()`, taken first): all but the library's
    own settings, which are merged into `config`."""
    arguments = {k: v for k, v in given.items() if k not in _LIBRARY_SETTINGS}
    arguments["config"] = merged_config(
        given["config"],
        config_class,
        retry_mode=given["retry_mode"],
        max_attempts=given["max_attempts"],
        connect_timeout=given["connect_timeout"],
        read_timeout=given["read_timeout"],
    )
    return arguments


def typed_result(response: Any, typed: T | None, output: type[T], operation: str) -> T:
    """The call's typed output: the one handed over, else botocore's response converted."""
    if typed is not None:
        return typed
    return read_answer(response, structure_hook(output), operation)


def read_answer(response: Any, read: Callable[[Any], T], operation: str) -> T:
    """The typed value of an answer; an answer that does not fit the model is InvalidResponse."""
    try:
        return read(response)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        why = f"it does not fit the model ({type(exc).__name__})"
        raise invalid_response(operation, why) from exc


def dig(page: Any, dotted_key: str) -> list[Any]:
    """The list at a paginator's result key, such as "EngineDefaults.Parameters"."""
    found = page
    for part in dotted_key.split("."):
        try:
            found = found[part]
        except (KeyError, TypeError):
            return []
    return found or []


def each_item(paging: Paging[T], pages: Iterable[Page[Any]]) -> Iterator[T]:
    """The typed items of `pages`, page by page (the blocking facade's paginators)."""
    with translated_errors(paging.operation):
        for page in pages:
            yield from paging.items(page)


P = ParamSpec("P")
R = TypeVar("R")
_PAGING_HINT = "; page size and total are set with page_size= and max_items="


def paginator_method(method: Callable[P, R]) -> Callable[P, R]:
    """`method`, a `paginate_*` method, whose unknown keyword argument (the operation's
    `max_records=`, say) is Python's TypeError with a word on `page_size` and `max_items`."""

    @functools.wraps(method)
    def paginate(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except TypeError as exc:
            traceback = exc.__traceback__
            binding = traceback is not None and traceback.tb_next is None  # not from inside
            if binding and "unexpected keyword argument" in str(exc):
                raise TypeError(f"{exc}{_PAGING_HINT}") from None
            raise

    return paginate
