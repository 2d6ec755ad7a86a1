"""Keeps a valkey-glide client's password a fresh ElastiCache IAM token.

Works with `valkey-glide` (asyncio) and `valkey-glide-sync` clients, standalone or cluster:
`pip install "elasticache-typed[glide]"`. This module imports neither package; it calls the
client's `update_connection_password`.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

from elasticache_typed._connect.token_reuse import IAMTokenProvider

__all__ = ["IAMPasswordRefresher"]

_logger = logging.getLogger("elasticache_typed")


class GlideClient(Protocol):
    """What the refresher needs of a glide client (sync or asyncio, standalone or cluster)."""

    def update_connection_password(self, password: str | None, immediate_auth: bool) -> Any:
        """Glide's own method; the asyncio clients' returns an awaitable."""
        ...


class IAMPasswordRefresher(IAMTokenProvider):
    """Pushes a new IAM token into glide clients ahead of each token's expiry.

    The token in hand is renewed in the background after 5 minutes (valid 15) and given to
    each attached client with `update_connection_password(token, immediate_auth=True)`: glide
    reconnects with a valid password, and its open connections re-authenticate, well before
    ElastiCache's 12-hour limit. Built like the redis-py provider: a facade (`ElastiCache` or
    `AsyncElastiCache`), `user_id`, `cache_name`, `serverless=False`, `region=None`.

    Example:
        ```python
        refresher = IAMPasswordRefresher(cache, user_id="app", cache_name="sessions")
        credentials = ServerCredentials(password=refresher.password(), username="app")
        client = GlideClient.create(GlideClientConfiguration(addresses, use_tls=True,
                                                             credentials=credentials))
        refresher.attach(client)
        ```
    """

    @property
    def user_id(self) -> str:
        """The user to give glide as `username` (lower case, as the service stores it)."""
        return self.get_user_id()

    def password(self) -> str:
        """A token with at least a minute of validity left, for building the glide config.

        Raises:
            ValidationError: The refresher signs with an `AsyncElastiCache` (use
                `password_async`).
        """
        return self.get_credentials()[1]

    async def password_async(self) -> str:
        """The same as `password`; never blocks the event loop."""
        return (await self.get_credentials_async())[1]

    def attach(self, client: GlideClient) -> None:
        """Push each new token into the sync glide `client` from now on."""
        self.add_listener(_Push(client))

    async def attach_async(self, client: GlideClient) -> None:
        """Push each new token into the asyncio glide `client`, on the running loop."""
        self.add_listener(_PushAwaited(client))
        await self.get_credentials_async()  # binds the loop; starts the renewer

    def detach(self, client: GlideClient) -> None:
        """Stop pushing tokens into `client` (the renewal stops with the last client)."""
        self.remove_listener(_Push(client))


class _Push:
    """The listener giving each new token to one glide client; equal for the same client,
    so `detach` finds it."""

    __slots__ = ("client",)

    def __init__(self, client: Any) -> None:
        self.client: Any = client  # a sync or asyncio glide client

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Push) and other.client is self.client

    def __hash__(self) -> int:
        return id(self.client)

    def __call__(self, _user_id: str, token: str) -> Any:
        return self.client.update_connection_password(token, immediate_auth=True)


class _PushAwaited(_Push):
    """`_Push` for an asyncio glide client: a failed push is logged (glide retries with the
    password it has)."""

    __slots__ = ()

    def __call__(self, _user_id: str, token: str) -> Any:
        return self._update(token)

    async def _update(self, token: str) -> None:
        try:
            await self.client.update_connection_password(token, immediate_auth=True)
        except Exception as error:  # noqa: BLE001 - glide retries with the stored password
            _logger.warning(
                "pushing a new IAM token into a glide client failed: %s", type(error).__name__
            )
