"""What every generated facade method relies on: checking input, calling boto3 through the
wrapped client, mapping errors, and structuring the answer into shape classes.

`FacadeCore` holds everything that does no I/O (input checks, reading answers, paging and
waiting settings, the client settings of the `create` constructors); `FacadeBase` adds the
blocking calls of a boto3 client, and `async_base.AsyncFacadeBase` the awaited calls
of an aiobotocore client. The generated `ElastiCache` and `AsyncElastiCache` subclass them.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

import boto3
from botocore import xform_name
from botocore.config import Config
from botocore.parsers import ResponseParserFactory

from elasticache_typed._answers.calls import is_typed_page, read_pages, reading, typed_output
from elasticache_typed._answers.wire_parser import TypedAnswerParserFactory, typed_answer_factory
from elasticache_typed._answers.wire_parser import operations as typed_answer_operations
from elasticache_typed._conversion.hook_lookup import prepare as prepare_conversions
from elasticache_typed._conversion.hook_lookup import structure_hook
from elasticache_typed._conversion.timestamps import parse_iso_timestamp
from elasticache_typed._errors.mapping import invalid_response, translated_errors
from elasticache_typed._input.params import request_params
from elasticache_typed._input.settings import RetryMode, merged_config, positive_ints

if TYPE_CHECKING:
    from mypy_boto3_elasticache.client import ElastiCacheClient

logger = logging.getLogger("elasticache_typed")

T = TypeVar("T")


class FacadeCore:
    """The part of both facades that does no I/O: input checks and reading answers."""

    def __init__(self, client: Any) -> None:
        self._raw: Any = client  # called by operation name, which static types cannot follow
        self._typed_answers = typed_answer_factory(client)  # None: answers are botocore's dicts
        prepare_conversions()
        if self._typed_answers is not None:
            typed_answer_operations()  # loaded now, not in the first call

    def _request(self, operation: str, values: Mapping[str, Any]) -> dict[str, Any]:
        input_shape = self._raw.meta.service_model.operation_model(operation).input_shape
        return request_params(input_shape, values)

    def _pages(
        self,
        operation: str,
        values: Mapping[str, Any],
        page_size: int | None,
        max_items: int | None,
    ) -> Any:
        """botocore's (or aiobotocore's) page iterator, the input checked; nothing sent yet."""
        params = self._request(operation, values)
        config = positive_ints(PageSize=page_size, MaxItems=max_items)
        paginator = self._raw.get_paginator(xform_name(operation))
        return paginator.paginate(**params, PaginationConfig=config)

    def _waiter(
        self,
        waiter: str,
        operation: str,
        values: Mapping[str, Any],
        delay: int | None,
        max_attempts: int | None,
    ) -> tuple[Any, dict[str, Any]]:
        """The botocore waiter and its checked arguments (WaiterConfig included)."""
        params = self._request(operation, values)
        params["WaiterConfig"] = positive_ints(Delay=delay, MaxAttempts=max_attempts)
        logger.debug("waiting for %s", waiter)
        return self._raw.get_waiter(xform_name(waiter)), params

    @staticmethod
    def _install_fast_parser(client: Any, factory: ResponseParserFactory) -> None:
        """Give only this new client's endpoint the fast ISO-8601 timestamp parser."""
        factory.set_parser_defaults(timestamp_parser=parse_iso_timestamp)
        # Never the session's other clients: only this endpoint's factory is replaced.
        client._endpoint._response_parser_factory = factory


class FacadeBase(FacadeCore):
    """The handwritten half of the ElastiCache facade; the generated half adds the methods."""

    client: ElastiCacheClient
    """The wrapped boto3 client; its settings are never changed."""

    def __init__(self, client: ElastiCacheClient) -> None:
        super().__init__(client)
        self.client = client

    @classmethod
    def create(
        cls,
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
    ) -> Self:
        """A facade over a new client of `session` (or of a new boto3 Session).

        The arguments from `region_name` to `aws_account_id` are those of boto3's
        `Session.client`, with the same defaults and meaning. The facade's answers are read
        straight from the XML into the typed shapes (`fast_reader`); the client reads
        timestamps with a fast ISO-8601 parser. The values are the same as boto3's.

        Args:
            session: The boto3 Session to make the client from (default: a new one).
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
        """
        config = merged_config(
            config,
            Config,
            retry_mode=retry_mode,
            max_attempts=max_attempts,
            connect_timeout=connect_timeout,
            read_timeout=read_timeout,
        )
        session = session or boto3.Session()
        client: ElastiCacheClient = session.client(
            "elasticache",
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
        factory = TypedAnswerParserFactory() if fast_reader else ResponseParserFactory()
        cls._install_fast_parser(client, factory)
        return cls(client)

    def _send(self, operation: str, params: dict[str, Any]) -> Any:
        logger.debug("calling %s", operation)
        with translated_errors(operation), reading(self._typed_answers):
            return getattr(self._raw, xform_name(operation))(**params)

    def _call(self, operation: str, output: type[T], values: Mapping[str, Any]) -> T:
        response = self._send(operation, self._request(operation, values))
        typed: T | None = typed_output(response)
        if typed is not None:
            return typed
        return read_answer(response, structure_hook(output), operation)

    def _call_without_output(self, operation: str, values: Mapping[str, Any]) -> None:
        self._send(operation, self._request(operation, values))

    def _paginate(
        self,
        operation: str,
        result_key: str,
        item_type: type[T],
        values: Mapping[str, Any],
        page_size: int | None,
        max_items: int | None,
    ) -> Iterator[T]:
        pages = read_pages(
            self._pages(operation, values, page_size, max_items), self._typed_answers
        )
        return _items(pages, result_key, structure_hook(item_type), operation)

    def _wait(
        self,
        waiter: str,
        operation: str,
        values: Mapping[str, Any],
        delay: int | None,
        max_attempts: int | None,
    ) -> None:
        botocore_waiter, params = self._waiter(waiter, operation, values, delay, max_attempts)
        with translated_errors(operation):
            botocore_waiter.wait(**params)


def read_answer(response: Any, read: Callable[[Any], T], operation: str) -> T:
    """The typed value of an answer; an answer that does not fit the model is InvalidResponse."""
    # The collector is paused while an answer is converted: converting allocates many objects
    # that all survive, so collections then only re-walk them (a third of the time, measured).
    # Collection resumes right after; nothing is kept from one call to the next.
    collecting = gc.isenabled()
    if collecting:
        gc.disable()
    try:
        return read(response)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        why = f"it does not fit the model ({type(exc).__name__})"
        raise invalid_response(operation, why) from exc
    finally:
        if collecting:
            gc.enable()


def _items(pages: Any, result_key: str, read: Callable[[Any], T], operation: str) -> Iterator[T]:
    with translated_errors(operation):
        for page in pages:
            typed = is_typed_page(page)
            for item in dig(page, result_key):
                yield item if typed else read_answer(item, read, operation)


def dig(page: Any, dotted_key: str) -> list[Any]:
    """The list at a paginator's result key, such as "EngineDefaults.Parameters"."""
    found = page
    for part in dotted_key.split("."):
        try:
            found = found[part]
        except (KeyError, TypeError):
            return []
    return found or []
