"""The asyncio half of `AsyncElastiCache`: the same checks and answers as the blocking facade
(shared through `FacadeCore`), with the calls awaited on an aiobotocore client.

Importing this module needs aiobotocore (the `async` extra); without it the ImportError says
what to install.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from botocore import xform_name

from elasticache_typed._answers.calls import (
    is_typed_page,
    read_pages_async,
    reading,
    typed_output,
)
from elasticache_typed._conversion.hook_lookup import structure_hook
from elasticache_typed._errors.mapping import translated_errors
from elasticache_typed._facades.base import FacadeCore, dig, logger, read_answer
from elasticache_typed._input.settings import RetryMode, merged_config

INSTALL_HINT = "AsyncElastiCache needs aiobotocore: pip install 'elasticache-typed[async]'"

try:
    from aiobotocore.config import AioConfig
    from aiobotocore.parsers import AioResponseParserFactory
    from aiobotocore.session import AioSession, get_session

    from elasticache_typed._answers.aio import AioTypedAnswerParserFactory
except ImportError as exc:  # pragma: no cover - exercised in a subprocess without aiobotocore
    detail = str(exc) or f"No module named {exc.name!r}"
    raise ImportError(f"{INSTALL_HINT} ({detail})", name=exc.name) from exc

if TYPE_CHECKING:
    from types_aiobotocore_elasticache.client import ElastiCacheClient

T = TypeVar("T")


class AsyncFacadeBase(FacadeCore):
    """The handwritten half of the asyncio facade; the generated half adds the methods."""

    client: ElastiCacheClient
    """The wrapped aiobotocore client (already entered); its settings are never changed."""

    def __init__(self, client: ElastiCacheClient) -> None:
        super().__init__(client)
        self.client = client

    @classmethod
    @asynccontextmanager
    async def create(
        cls,
        *,
        session: AioSession | None = None,
        region_name: str | None = None,
        api_version: str | None = None,
        use_ssl: bool = True,
        verify: bool | str | None = None,
        endpoint_url: str | None = None,
        aws_access_key_id: str | None = None,
        aws_secret_access_key: str | None = None,
        aws_session_token: str | None = None,
        config: AioConfig | None = None,
        aws_account_id: str | None = None,
        retry_mode: RetryMode | None = None,
        max_attempts: int | None = None,
        connect_timeout: float | None = None,
        read_timeout: float | None = None,
        fast_reader: bool = True,
    ) -> AsyncGenerator[Self]:
        """A facade over a new aiobotocore client of `session` (or of a new AioSession), as
        an async context manager: `async with AsyncElastiCache.create(...) as cache:`.

        The client is closed when the block ends. The arguments from `region_name` to
        `aws_account_id` are those of `session.create_client`, with the same defaults and
        meaning. The facade's answers are read straight from the XML into the typed shapes
        (`fast_reader`); the client reads timestamps with a fast ISO-8601 parser. The values
        are the same as botocore's.

        Args:
            session: The aiobotocore session to make the client from (default: a new one).
            region_name: The AWS Region, e.g. "eu-west-1" (default: the session's).
            api_version: The API version to use (default: the latest, 2015-02-02).
            use_ssl: Whether to use HTTPS.
            verify: Whether to verify TLS certificates, or the path of a CA bundle.
            endpoint_url: The endpoint to call instead of the Region's (a local one, say).
            aws_access_key_id: An access key id, instead of the session's credentials.
            aws_secret_access_key: The secret key that goes with `aws_access_key_id`.
            aws_session_token: The session token of temporary credentials.
            config: An aiobotocore `AioConfig`; merged with the settings below, which take
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
        merged = merged_config(
            config,
            AioConfig,
            retry_mode=retry_mode,
            max_attempts=max_attempts,
            connect_timeout=connect_timeout,
            read_timeout=read_timeout,
        )
        session = session or get_session()
        async with session.create_client(
            "elasticache",
            region_name=region_name,
            api_version=api_version,
            use_ssl=use_ssl,
            verify=verify,
            endpoint_url=endpoint_url,
            aws_access_key_id=aws_access_key_id,
            aws_secret_access_key=aws_secret_access_key,
            aws_session_token=aws_session_token,
            config=merged,
            # Taken by aiobotocore, missing from its type stubs.
            **cast("dict[str, Any]", {"aws_account_id": aws_account_id}),
        ) as created:
            client: ElastiCacheClient = created
            factory = AioTypedAnswerParserFactory() if fast_reader else AioResponseParserFactory()
            cls._install_fast_parser(client, factory)
            yield cls(client)

    async def _send(self, operation: str, params: dict[str, Any]) -> Any:
        logger.debug("calling %s", operation)
        with translated_errors(operation), reading(self._typed_answers):
            return await getattr(self._raw, xform_name(operation))(**params)

    async def _call(self, operation: str, output: type[T], values: Mapping[str, Any]) -> T:
        response = await self._send(operation, self._request(operation, values))
        typed: T | None = typed_output(response)
        if typed is not None:
            return typed
        return read_answer(response, structure_hook(output), operation)

    async def _call_without_output(self, operation: str, values: Mapping[str, Any]) -> None:
        await self._send(operation, self._request(operation, values))

    def _paginate(
        self,
        operation: str,
        result_key: str,
        item_type: type[T],
        values: Mapping[str, Any],
        page_size: int | None,
        max_items: int | None,
    ) -> AsyncIterator[T]:
        # Not a coroutine: the input is checked when the method is called, before any page.
        pages = read_pages_async(
            self._pages(operation, values, page_size, max_items), self._typed_answers
        )
        return _items(pages, result_key, structure_hook(item_type), operation)

    async def _wait(
        self,
        waiter: str,
        operation: str,
        values: Mapping[str, Any],
        delay: int | None,
        max_attempts: int | None,
    ) -> None:
        botocore_waiter, params = self._waiter(waiter, operation, values, delay, max_attempts)
        with translated_errors(operation):
            await botocore_waiter.wait(**params)


async def _items(
    pages: Any, result_key: str, read: Callable[[Any], T], operation: str
) -> AsyncIterator[T]:
    with translated_errors(operation):
        async for page in pages:
            typed = is_typed_page(page)
            for item in dig(page, result_key):
                yield item if typed else read_answer(item, read, operation)
