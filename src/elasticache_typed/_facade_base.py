"""What every generated facade method relies on: checking input, calling boto3 through the
wrapped client, mapping errors, and structuring the answer into shape classes.

`FacadeCore` holds everything that does no I/O (input checks, reading answers, paging and
waiting settings, the client settings of the `create` constructors); `FacadeBase` adds the
blocking calls of a boto3 client, and `_async_facade_base.AsyncFacadeBase` the awaited calls
of an aiobotocore client. The generated `ElastiCache` and `AsyncElastiCache` subclass them.
"""

from __future__ import annotations

import gc
import logging
import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, Self, TypeAlias, TypeVar, get_args

import boto3
from botocore import xform_name
from botocore.config import Config
from botocore.parsers import ResponseParserFactory

from elasticache_typed._error_categories import ValidationError
from elasticache_typed._error_mapping import invalid_response, translated_errors
from elasticache_typed._generated import shapes
from elasticache_typed._hook_lookup import prepare as prepare_conversions
from elasticache_typed._hook_lookup import structure_hook
from elasticache_typed._params import request_params
from elasticache_typed._timestamps import parse_iso_timestamp

if TYPE_CHECKING:
    from mypy_boto3_elasticache.client import ElastiCacheClient

logger = logging.getLogger("elasticache_typed")

T = TypeVar("T")

# "shapes.Tag" quoted: naming the class here would build it, and import attrs, at import.
TagsInput: TypeAlias = Sequence["shapes.Tag"] | Mapping[str, str | None]
"""Tags as Tag objects, or a mapping of key to value (None: a tag with no value)."""

RetryMode: TypeAlias = Literal["legacy", "standard", "adaptive"]
"""botocore's retry modes (see docs/errors.md, Retries)."""


class FacadeCore:
    """The part of both facades that does no I/O: input checks and reading answers."""

    def __init__(self, client: Any) -> None:
        self._raw: Any = client  # called by operation name, which static types cannot follow
        prepare_conversions()

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
        retry_mode: RetryMode | None = None,
        max_attempts: int | None = None,
        connect_timeout: float | None = None,
        read_timeout: float | None = None,
        **client_kwargs: Any,
    ) -> Self:
        """A facade over a new client of `session` (or of a new boto3 Session).

        `client_kwargs` (region_name, endpoint_url, config, credentials, ...) go to
        `session.client("elasticache", ...)`. The client reads timestamps with a fast ISO-8601
        parser; the values are the same as boto3's.

        Args:
            session: The boto3 Session to make the client from (default: a new one).
            retry_mode: botocore's retry mode: "legacy", "standard" or "adaptive".
            max_attempts: Attempts in all for one call, the first included (1: no retry).
            connect_timeout: Seconds to wait for a connection.
            read_timeout: Seconds to wait for an answer on an open connection.
            **client_kwargs: Passed on to `session.client`; a `config=` is merged with the
                settings above, which take precedence.
        """
        client_kwargs = with_client_settings(
            client_kwargs,
            Config,
            retry_mode=retry_mode,
            max_attempts=max_attempts,
            connect_timeout=connect_timeout,
            read_timeout=read_timeout,
        )
        session = session or boto3.Session()
        client: ElastiCacheClient = session.client("elasticache", **client_kwargs)
        cls._install_fast_parser(client, ResponseParserFactory())
        return cls(client)

    def _send(self, operation: str, params: dict[str, Any]) -> Any:
        logger.debug("calling %s", operation)
        with translated_errors(operation):
            return getattr(self._raw, xform_name(operation))(**params)

    def _call(self, operation: str, output: type[T], values: Mapping[str, Any]) -> T:
        response = self._send(operation, self._request(operation, values))
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
        pages = self._pages(operation, values, page_size, max_items)
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


def with_client_settings(
    client_kwargs: dict[str, Any],
    config_class: type[Config],
    *,
    retry_mode: RetryMode | None,
    max_attempts: int | None,
    connect_timeout: float | None,
    read_timeout: float | None,
) -> dict[str, Any]:
    """`client_kwargs` with the `create` settings merged into its `config`.

    The settings take precedence over the same ones in the caller's `config`; its other retry
    settings are kept. Nothing given: `client_kwargs` unchanged. Bad settings raise
    ValidationError.
    """
    if retry_mode is not None and retry_mode not in get_args(RetryMode):
        raise ValidationError("retry_mode: expected one of " + ", ".join(get_args(RetryMode)))
    attempts = positive_ints(max_attempts=max_attempts).get("max_attempts")
    timeouts = {
        name: value
        for name, value in (("connect_timeout", connect_timeout), ("read_timeout", read_timeout))
        if value is not None
    }
    for name, value in timeouts.items():
        if not _is_positive_seconds(value):
            raise ValidationError(f"{name}: expected a positive number of seconds")
    if retry_mode is None and attempts is None and not timeouts:
        return client_kwargs
    config: Config | None = client_kwargs.get("config")
    options: dict[str, Any] = dict(timeouts)
    if retry_mode is not None or attempts is not None:
        retries: dict[str, Any] = dict(getattr(config, "retries", None) or {})
        if retry_mode is not None:
            retries["mode"] = retry_mode
        if attempts is not None:
            retries.pop("max_attempts", None)  # botocore's count of RETRIES; ours is of all
            retries["total_max_attempts"] = attempts
        options["retries"] = retries
    ours = config_class(**options)
    return {**client_kwargs, "config": ours if config is None else config.merge(ours)}


def _is_positive_seconds(value: object) -> bool:
    # Typed float, but a caller may pass anything.
    if not isinstance(value, int | float) or isinstance(value, bool):
        return False
    return value > 0 and math.isfinite(value)


def positive_ints(**values: object) -> dict[str, int]:
    """The given paging or waiting settings, each checked to be a positive int."""
    checked: dict[str, int] = {}
    for name, value in values.items():
        if value is None:
            continue
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ValidationError(f"{xform_name(name)}: expected a positive int")
        checked[name] = value
    return checked


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
            for item in dig(page, result_key):
                yield read_answer(item, read, operation)


def dig(page: Any, dotted_key: str) -> list[Any]:
    """The list at a paginator's result key, such as "EngineDefaults.Parameters"."""
    found = page
    for part in dotted_key.split("."):
        try:
            found = found[part]
        except (KeyError, TypeError):
            return []
    return found or []
