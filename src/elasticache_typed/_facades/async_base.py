"""The asyncio facade's handwritten half: the I/O of an aiobotocore client, awaited, around
`FacadeCore` (`core.py`, shared with the blocking half: only the awaited lines differ).

Importing this module needs aiobotocore (the `async` extra); without it the ImportError says
what to install.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator, Mapping
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from botocore.waiter import WaiterModel

from elasticache_typed._answers.handover import Page, pages_of_async
from elasticache_typed._errors.closed_client import closed_client
from elasticache_typed._errors.mapping import translated_errors
from elasticache_typed._facades.clients import new_async_client
from elasticache_typed._facades.core import FacadeCore, Paging, Waiting, client_arguments
from elasticache_typed._input.settings import RetryMode

INSTALL_HINT = "AsyncElastiCache needs aiobotocore: pip install 'elasticache-typed[async]'"

try:
    from aiobotocore.config import AioConfig
    from aiobotocore.session import AioSession
    from aiobotocore.waiter import create_waiter_with_client

    from elasticache_typed._answers.aio import (
        AioCarefulParserFactory,
        AioTypedAnswerParserFactory,
    )
except ImportError as _missing:  # pragma: no cover - exercised in a subprocess without aiobotocore
    # Private names: they exist only when this branch runs (stubtest checks the public ones).
    _detail = str(_missing) or f"No module named {_missing.name!r}"
    raise ImportError(f"{INSTALL_HINT} ({_detail})", name=_missing.name) from _missing

if TYPE_CHECKING:
    from types_aiobotocore_elasticache.client import ElastiCacheClient

T = TypeVar("T")
# `create` returns a context manager of the class it is called on; a TypeVar rather than Self
# so that jedi (the completion engine of many editors) follows it, as in base.py.
AsyncFacadeT = TypeVar("AsyncFacadeT", bound="AsyncFacadeBase")


class AsyncFacadeBase(FacadeCore):
    """The handwritten half of the asyncio facade; the generated half adds the methods."""

    client: ElastiCacheClient
    """The wrapped aiobotocore client (already entered); its settings are never changed."""

    @staticmethod
    def _create_waiter(name: str, model: WaiterModel, client: Any) -> Any:
        return create_waiter_with_client(name, model, client)  # aiobotocore's

    def __init__(self, client: ElastiCacheClient) -> None:
        """Wrap an aiobotocore `elasticache` client that is already open (entered with
        `async with`); you keep closing it, and its settings are never changed.

        Args:
            client: The open client.
        """
        super().__init__(client)
        self.client = client
        self._closed = False  # set when create()'s block ends: older aiobotocore reopens silently

    @classmethod
    def create(
        cls: type[AsyncFacadeT],
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
    ) -> AbstractAsyncContextManager[AsyncFacadeT]:
        """A facade over a new aiobotocore client of `session` (or of a new AioSession), as
        an async context manager: `async with AsyncElastiCache.create(...) as cache:`.

        The client is closed when the block ends. The arguments from `region_name` to
        `aws_account_id` are those of `session.create_client`, with the same defaults and
        meaning. The facade reads its answers straight from the XML into the typed shapes
        (see `fast_reader`), with a fast ISO-8601 timestamp parser; the values are the same as
        botocore's.

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

        Returns:
            An async context manager that opens the client and gives the facade over it.

        Raises:
            errors.ValidationError: `retry_mode`, `max_attempts` or a timeout is not valid;
                no client was made.
        """
        arguments = client_arguments(locals(), AioConfig)  # first: the arguments alone

        @asynccontextmanager
        async def facade() -> AsyncGenerator[AsyncFacadeT]:
            async with new_async_client(session, **arguments) as created:
                factory = AioTypedAnswerParserFactory if fast_reader else AioCarefulParserFactory
                cache = cls._over_new_client(created, factory())
                try:
                    yield cache
                finally:
                    cache._closed = True

        return facade()

    async def generate_iam_auth_token(
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
        token = self._token(user_id, cache_name, serverless, expires_in, region)
        with token.credentials() as frozen_credentials:
            credentials = await frozen_credentials()
        return token.signed(credentials)

    async def _call(self, operation: str, output: type[T], values: Mapping[str, Any]) -> T:
        call = self._prepared(operation, values)
        with self._sending(call) as box, closed_client(self._closed):
            response = await call.send(**call.params)
        return call.result(response, box, output)

    async def _call_without_output(self, operation: str, values: Mapping[str, Any]) -> None:
        call = self._prepared(operation, values)
        with self._sending(call), closed_client(self._closed):
            await call.send(**call.params)

    def _paginate(self, paging: Paging[T]) -> AsyncIterator[T]:
        # Not a coroutine: the input is checked when the method is called, before any page.
        return _each_item(paging, pages_of_async(paging.pages, paging.reader))

    async def _wait(self, waiting: Waiting) -> None:
        with translated_errors(waiting.operation):
            await waiting.waiter.wait(**waiting.params)


async def _each_item(paging: Paging[T], pages: AsyncIterator[Page[Any]]) -> AsyncIterator[T]:
    """The typed items of `pages`, page by page (`core.each_item`, awaited)."""
    with translated_errors(paging.operation):
        async for page in pages:
            for item in paging.items(page):
                yield item
