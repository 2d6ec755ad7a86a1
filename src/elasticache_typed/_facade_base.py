"""What every generated facade method relies on: checking input, calling boto3 through the
wrapped client, mapping errors, and structuring the answer into shape classes."""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Self, TypeAlias, TypeVar

import boto3
from botocore import xform_name
from botocore.parsers import ResponseParserFactory

from elasticache_typed._error_categories import ValidationError
from elasticache_typed._error_mapping import invalid_response, translated_errors
from elasticache_typed._generated import shapes
from elasticache_typed._params import request_params
from elasticache_typed._timestamps import parse_iso_timestamp

if TYPE_CHECKING:
    from mypy_boto3_elasticache.client import ElastiCacheClient

logger = logging.getLogger("elasticache_typed")

T = TypeVar("T")

# "shapes.Tag" quoted: naming the class here would build it, and import attrs, at import.
TagsInput: TypeAlias = Sequence["shapes.Tag"] | Mapping[str, str | None]
"""Tags as Tag objects, or a mapping of key to value (None: a tag with no value)."""


class FacadeBase:
    """The handwritten half of the ElastiCache facade; the generated half adds the methods."""

    client: ElastiCacheClient
    """The wrapped boto3 client; its settings are never changed."""

    def __init__(self, client: ElastiCacheClient) -> None:
        self.client = client
        self._raw: Any = client  # called by operation name, which static types cannot follow

    @classmethod
    def create(cls, *, session: boto3.Session | None = None, **client_kwargs: Any) -> Self:
        """A facade over a new client of `session` (or of a new boto3 Session).

        `client_kwargs` (region_name, endpoint_url, config, credentials, ...) go to
        `session.client("elasticache", ...)`. The client reads timestamps with a fast ISO-8601
        parser; the values are the same as boto3's.
        """
        session = session or boto3.Session()
        client: ElastiCacheClient = session.client("elasticache", **client_kwargs)
        factory = ResponseParserFactory()
        factory.set_parser_defaults(timestamp_parser=parse_iso_timestamp)
        # Only this new client's endpoint gets the fast parser, never the session's other clients.
        client._endpoint._response_parser_factory = factory  # type: ignore[attr-defined]
        return cls(client)

    def _request(self, operation: str, values: Mapping[str, Any]) -> dict[str, Any]:
        input_shape = self.client.meta.service_model.operation_model(operation).input_shape
        return request_params(input_shape, values)

    def _send(self, operation: str, params: dict[str, Any]) -> Any:
        logger.debug("calling %s", operation)
        with translated_errors(operation):
            return getattr(self._raw, xform_name(operation))(**params)

    def _call(self, operation: str, read: Callable[[Any], T], values: Mapping[str, Any]) -> T:
        response = self._send(operation, self._request(operation, values))
        return _read(response, read, operation)

    def _call_without_output(self, operation: str, values: Mapping[str, Any]) -> None:
        self._send(operation, self._request(operation, values))

    def _paginate(
        self,
        operation: str,
        result_key: str,
        read_item: Callable[[Any], T],
        values: Mapping[str, Any],
        page_size: int | None,
        max_items: int | None,
    ) -> Iterator[T]:
        params = self._request(operation, values)
        config = _positive_ints(PageSize=page_size, MaxItems=max_items)
        paginator = self._raw.get_paginator(xform_name(operation))
        pages = paginator.paginate(**params, PaginationConfig=config)
        return _items(pages, result_key, read_item, operation)

    def _wait(
        self,
        waiter: str,
        operation: str,
        values: Mapping[str, Any],
        delay: int | None,
        max_attempts: int | None,
    ) -> None:
        params = self._request(operation, values)
        config = _positive_ints(Delay=delay, MaxAttempts=max_attempts)
        logger.debug("waiting for %s", waiter)
        with translated_errors(operation):
            self._raw.get_waiter(xform_name(waiter)).wait(**params, WaiterConfig=config)


def _positive_ints(**values: object) -> dict[str, int]:
    """The given paging or waiting settings, each checked to be a positive int."""
    checked: dict[str, int] = {}
    for name, value in values.items():
        if value is None:
            continue
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ValidationError(f"{xform_name(name)}: expected a positive int")
        checked[name] = value
    return checked


def _read(response: Any, read: Callable[[Any], T], operation: str) -> T:
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
            for item in _dig(page, result_key):
                yield _read(item, read, operation)


def _dig(page: Any, dotted_key: str) -> list[Any]:
    """The list at a paginator's result key, such as "EngineDefaults.Parameters"."""
    found = page
    for part in dotted_key.split("."):
        try:
            found = found[part]
        except (KeyError, TypeError):
            return []
    return found or []
