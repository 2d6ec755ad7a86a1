"""What every generated facade method relies on: checking input, calling boto3 through the
wrapped client, mapping errors, and structuring the answer into shape classes.

`FacadeCore` holds everything that does no I/O (input checks, reading answers, paging and
waiting settings, the client settings of the `create` constructors); `FacadeBase` adds the
blocking calls of a boto3 client, and `async_base.AsyncFacadeBase` the awaited calls
of an aiobotocore client. The generated `ElastiCache` and `AsyncElastiCache` subclass them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import boto3
from botocore import xform_name
from botocore.config import Config
from botocore.model import OperationModel
from botocore.waiter import create_waiter_with_client

from elasticache_typed._answers.handover import Page, expecting, pages_of
from elasticache_typed._answers.parsers import CarefulParserFactory
from elasticache_typed._answers.wire_parser import TypedAnswerParserFactory
from elasticache_typed._answers.wire_parser import operations as typed_answer_operations
from elasticache_typed._botocore_private import (
    HandlerWatch,
    api_call_wrapped,
    install_parser_factory,
)
from elasticache_typed._connect.iam_token import (
    TOKEN_OPERATION,
    client_credentials,
    sign_token,
    token_request,
)
from elasticache_typed._conversion.hook_lookup import prepare as prepare_conversions
from elasticache_typed._conversion.hook_lookup import structure_hook
from elasticache_typed._errors.failed_answers import invalid_response
from elasticache_typed._errors.mapping import translated_errors
from elasticache_typed._facades.clients import new_client
from elasticache_typed._facades.extra_waiters import CreateWaiter, botocore_waiter, fixed_input
from elasticache_typed._facades.result_metadata import with_response_metadata
from elasticache_typed._generated.secrets import OPERATIONS_WITH_SECRETS
from elasticache_typed._input.availability import available_operation, check_members
from elasticache_typed._input.params import request_params
from elasticache_typed._input.settings import RetryMode, merged_config, positive_ints
from elasticache_typed._secrets import log_filter
from elasticache_typed._secrets.values import request_secrets

if TYPE_CHECKING:
    from mypy_boto3_elasticache.client import ElastiCacheClient

logger = logging.getLogger("elasticache_typed")

T = TypeVar("T")
# `create` returns the class it is called on. A TypeVar rather than Self: jedi (the completion
# engine of many editors) follows it, and infers ElastiCache.create(...) as an ElastiCache.
FacadeT = TypeVar("FacadeT", bound="FacadeBase")
CoreT = TypeVar("CoreT", bound="FacadeCore")


class FacadeCore:
    """The part of both facades that does no I/O: input checks and reading answers."""

    def __init__(self, client: Any) -> None:
        self._raw: Any = client  # called by operation name, which static types cannot follow
        self._log_filter = log_filter.install()
        self._typed_answers: object | None = None  # answers are botocore's dicts
        self._handlers: HandlerWatch | None = None  # watched only when answers can be typed
        prepare_conversions()

    @classmethod
    def _over_new_client(cls: type[CoreT], client: Any, factory: CarefulParserFactory) -> CoreT:
        """A facade over a client `create()` made: the client gets the library's parser
        factory (and, with a typed one, the facade reads its unobserved answers typed)."""
        install_parser_factory(client, factory)
        facade = cls(client)
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
        if factory is None or handlers is None or api_call_wrapped(self._raw):
            return None
        return None if handlers.foreign_handlers(operation) else factory

    def _operation(self, operation: str) -> OperationModel:
        return available_operation(self._raw.meta.service_model, operation)

    def _request(self, operation: OperationModel, values: Mapping[str, Any]) -> dict[str, Any]:
        check_members(operation, values)
        return request_params(operation.input_shape, values, xform_name(operation.name))

    def _secrets(self, operation: OperationModel, params: Mapping[str, Any]) -> list[str]:
        """The secret values a call sends; botocore's log filter looks out for them too."""
        if operation.name not in OPERATIONS_WITH_SECRETS:
            return []
        secrets = request_secrets(params)
        self._log_filter.remember(secrets)
        return secrets

    def _pages(
        self,
        operation: OperationModel,
        values: Mapping[str, Any],
        page_size: int | None,
        max_items: int | None,
    ) -> Any:
        """botocore's (or aiobotocore's) page iterator, the input checked; nothing sent yet."""
        params = self._request(operation, values)
        config = positive_ints(PageSize=page_size, MaxItems=max_items)
        paginator = self._raw.get_paginator(xform_name(operation.name))
        return paginator.paginate(**params, PaginationConfig=config)

    def _waiter(
        self,
        waiter: str,
        operation: OperationModel,
        values: Mapping[str, Any],
        delay: int | None,
        max_attempts: int | None,
        create_waiter: CreateWaiter,
    ) -> tuple[Any, dict[str, Any]]:
        """The botocore waiter and its checked arguments (WaiterConfig included)."""
        params = self._request(operation, {**fixed_input(waiter), **values})
        params["WaiterConfig"] = positive_ints(Delay=delay, MaxAttempts=max_attempts)
        logger.debug("waiting for %s", waiter)
        return botocore_waiter(self._raw, waiter, create_waiter), params


class FacadeBase(FacadeCore):
    """The handwritten half of the ElastiCache facade; the generated half adds the methods."""

    client: ElastiCacheClient
    """The wrapped boto3 client; its settings are never changed."""

    def __init__(self, client: ElastiCacheClient) -> None:
        """Wrap a boto3 `elasticache` client you already have; its settings are never changed.

        Args:
            client: The client, e.g. `boto3.client("elasticache")`.
        """
        super().__init__(client)
        self.client = client

    @classmethod
    def create(
        cls: type[FacadeT],
        *,
        session: boto3.Session | None = None,
        region_name: str | None = None,
        api_version: str | None = None,
        use_ssl: bool = True,
        verify: bool | str | None = None,
        endpoint_url: str | None = None,
        aws_access_key_id: str | None = None,
        aws_secret_access_key: str | None = None,
        aws_session_token: str | None = None,
        config: Config | None = None,
        aws_account_id: str | None = None,
        retry_mode: RetryMode | None = None,
        max_attempts: int | None = None,
        connect_timeout: float | None = None,
        read_timeout: float | None = None,
        fast_reader: bool = True,
    ) -> FacadeT:
        """A facade over a new client of `session` (or of a new boto3 Session).

        The arguments from `region_name` to `aws_account_id` are those of boto3's
        `Session.client`, with the same defaults and meaning. The facade reads its answers
        straight from the XML into the typed shapes (see `fast_reader`), with a fast ISO-8601
        timestamp parser; the values are the same as boto3's.

        Args:
            session: The boto3 Session to make the client from (default: boto3's default
                session when `boto3.setup_default_session` set one up, else a new one).
            region_name: The AWS Region, e.g. "eu-west-1" (default: the session's).
            api_version: The API version to use (default: the latest, 2015-02-02).
            use_ssl: Whether to use HTTPS.
            verify: Whether to verify TLS certificates, or the path of a CA bundle.
            endpoint_url: The endpoint to call instead of the Region's (a local one, say).
            aws_access_key_id: An access key id, instead of the session's credentials.
            aws_secret_access_key: The secret key that goes with `aws_access_key_id`.
            aws_session_token: The session token of temporary credentials.
            config: A botocore `Config`; merged with the settings below, which take
                precedence.
            aws_account_id: The account id, for endpoints that use it.
            retry_mode: botocore's retry mode: "legacy", "standard" or "adaptive".
            max_attempts: Attempts in all for one call, the first included (1: no retry).
            connect_timeout: Seconds to wait for a connection.
            read_timeout: Seconds to wait for an answer on an open connection.
            fast_reader: Read the facade's answers straight from the XML into the typed
                shapes (default); False reads them through botocore's dicts, as a wrapped
                client does. The client's own calls (`.client`) always return botocore's dicts.

        Returns:
            The facade over the new client.

        Raises:
            errors.ValidationError: `retry_mode`, `max_attempts` or a timeout is not valid;
                no client was made.
        """
        config = merged_config(
            config,
            Config,
            retry_mode=retry_mode,
            max_attempts=max_attempts,
            connect_timeout=connect_timeout,
            read_timeout=read_timeout,
        )
        client = new_client(
            session or boto3.DEFAULT_SESSION,  # as boto3.client does
            region_name=region_name,
            api_version=api_version,
            use_ssl=use_ssl,
            verify=verify,
            endpoint_url=endpoint_url,
            aws_access_key_id=aws_access_key_id,
            aws_secret_access_key=aws_secret_access_key,
            aws_session_token=aws_session_token,
            config=config,
            aws_account_id=aws_account_id,
        )
        factory = TypedAnswerParserFactory() if fast_reader else CarefulParserFactory()
        return cls._over_new_client(client, factory)

    def generate_iam_auth_token(
        self,
        *,
        user_id: str,
        cache_name: str,
        serverless: bool = False,
        expires_in: int = 900,
        region: str | None = None,
    ) -> str:
        """The IAM authentication token of an ElastiCache user, for a Valkey or Redis OSS cache.

        Use it as the password of `user_id` (AUTH or HELLO) when connecting to a cache whose
        user authenticates with IAM. It is a SigV4-presigned `connect` request, as AWS's
        ElastiCache IAM authentication documents, made with this client's credentials
        (session token included); equal to what AWS's `developer-toolkit-elasticache` makes.
        Signing is local: nothing is sent.

        Args:
            user_id: The ElastiCache user's id (for an IAM user, equal to its name); signed
                in lower case, as the service stores it.
            cache_name: The replication group id, or the serverless cache's name; signed in
                lower case, as the service stores it.
            serverless: True for a serverless cache (the token then names its resource type).
            expires_in: Seconds the token stays valid, 1 to 900 (15 minutes, the longest).
            region: The cache's region; None for the region this client signs for.
                Pseudo-regions such as `fips` resolve as botocore resolves them.

        Returns:
            The token, without a scheme: `<cache_name>/?Action=connect&User=...`.

        Raises:
            ValidationError: A bad argument, found before signing.
            AccessDeniedError: The client has no credentials to sign with.
        """
        request = token_request(
            self._raw,
            user_id=user_id,
            cache_name=cache_name,
            serverless=serverless,
            expires_in=expires_in,
            region=region,
        )
        with translated_errors(TOKEN_OPERATION):
            credentials = client_credentials(self._raw).get_frozen_credentials()
        return sign_token(request, credentials)

    def _send(self, operation: OperationModel, params: dict[str, Any]) -> tuple[Any, Any]:
        """botocore's response and the typed output handed over (None: convert the former)."""
        logger.debug("calling %s", operation.name)
        with translated_errors(operation, self._secrets(operation, params)):
            with expecting(self._reader(operation.name)) as box:
                response = getattr(self._raw, xform_name(operation.name))(**params)
        return response, box.output if box is not None else None

    def _call(self, operation: str, output: type[T], values: Mapping[str, Any]) -> T:
        model = self._operation(operation)
        response, typed = self._send(model, self._request(model, values))
        result: T = typed_result(response, typed, output, operation)
        return with_response_metadata(result, response)

    def _call_without_output(self, operation: str, values: Mapping[str, Any]) -> None:
        model = self._operation(operation)
        self._send(model, self._request(model, values))

    def _paginate(
        self,
        operation: str,
        result_key: str,
        item_type: type[T],
        values: Mapping[str, Any],
        page_size: int | None,
        max_items: int | None,
    ) -> Iterator[T]:
        model = self._operation(operation)
        pages = pages_of(self._pages(model, values, page_size, max_items), self._reader(operation))
        return _items(pages, result_key, structure_hook(item_type), model)

    def _wait(
        self,
        waiter: str,
        operation: str,
        values: Mapping[str, Any],
        delay: int | None,
        max_attempts: int | None,
    ) -> None:
        model = self._operation(operation)
        waiting, params = self._waiter(
            waiter, model, values, delay, max_attempts, create_waiter_with_client
        )
        with translated_errors(model):
            waiting.wait(**params)


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


def _items(
    pages: Iterator[Page[Any]], result_key: str, read: Callable[[Any], T], operation: OperationModel
) -> Iterator[T]:
    with translated_errors(operation):
        for page in pages:
            yield from page_items(page, result_key, read, operation)


def page_items(
    page: Page[Any], result_key: str, read: Callable[[Any], T], operation: OperationModel
) -> list[T]:
    """The typed items of a page: its shapes when read typed, else converted."""
    items: list[Any] = dig(page.page, result_key)
    if page.typed:
        return items
    return [read_answer(item, read, operation.name) for item in items]


def dig(page: Any, dotted_key: str) -> list[Any]:
    """The list at a paginator's result key, such as "EngineDefaults.Parameters"."""
    found = page
    for part in dotted_key.split("."):
        try:
            found = found[part]
        except (KeyError, TypeError):
            return []
    return found or []
