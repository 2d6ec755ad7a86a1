"""The blocking facade's handwritten half: the I/O of a boto3 client, around `FacadeCore`.

Everything but the lines that send is in `core.py`, shared with the asyncio half
(`async_base.py`); the generated `ElastiCache` subclasses `FacadeBase`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import boto3
from botocore.config import Config
from botocore.waiter import WaiterModel, create_waiter_with_client

from elasticache_typed._answers.handover import pages_of
from elasticache_typed._answers.parsers import CarefulParserFactory
from elasticache_typed._answers.wire_parser import TypedAnswerParserFactory
from elasticache_typed._errors.mapping import translated_errors
from elasticache_typed._facades.clients import new_client
from elasticache_typed._facades.core import (
    FacadeCore,
    Paging,
    Waiting,
    client_arguments,
    each_item,
)
from elasticache_typed._input.settings import RetryMode

if TYPE_CHECKING:
    from mypy_boto3_elasticache.client import ElastiCacheClient

T = TypeVar("T")
# `create` returns the class it is called on. A TypeVar rather than Self: jedi (the completion
# engine of many editors) follows it, and infers ElastiCache.create(...) as an ElastiCache.
FacadeT = TypeVar("FacadeT", bound="FacadeBase")


class FacadeBase(FacadeCore):
    """The handwritten half of the ElastiCache facade; the generated half adds the methods."""

    client: ElastiCacheClient
    """The wrapped boto3 client; its settings are never changed."""

    @staticmethod
    def _create_waiter(name: str, model: WaiterModel, client: Any) -> Any:
        return create_waiter_with_client(name, model, client)  # botocore's

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
        arguments = client_arguments(locals(), Config)  # first: the arguments alone
        client = new_client(session or boto3.DEFAULT_SESSION, **arguments)  # as boto3.client
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
        token = self._token(user_id, cache_name, serverless, expires_in, region)
        with token.credentials() as frozen_credentials:
            credentials = frozen_credentials()
        return token.signed(credentials)

    def _call(self, operation: str, output: type[T], values: Mapping[str, Any]) -> T:
        call = self._prepared(operation, values)
        with self._sending(call) as box:
            response = call.send(**call.params)
        return call.result(response, box, output)

    def _call_without_output(self, operation: str, values: Mapping[str, Any]) -> None:
        call = self._prepared(operation, values)
        with self._sending(call):
            call.send(**call.params)

    def _paginate(self, paging: Paging[T]) -> Iterator[T]:
        return each_item(paging, pages_of(paging.pages, paging.reader))

    def _wait(self, waiting: Waiting) -> None:
        with translated_errors(waiting.operation):
            waiting.waiter.wait(**waiting.params)
