"""The part of the redis-py and valkey-py credential providers that does not depend on either:
one IAM token reused for a few minutes, shared by every connection and thread.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

from elasticache_typed._connect.iam_token import MAX_EXPIRES_IN, token_request

if TYPE_CHECKING:
    from elasticache_typed import ElastiCache

TOKEN_LIFETIME = MAX_EXPIRES_IN
"""Seconds each token is valid (15 minutes, the longest ElastiCache accepts)."""

REUSE_SECONDS = 300
"""Seconds one token is handed out; a token is never handed out with less than
TOKEN_LIFETIME - REUSE_SECONDS (10 minutes) of validity left."""


class IAMTokenProvider:
    """Gives `(user_id, token)` for each new connection, making a new token when the last one
    is `REUSE_SECONDS` old. Safe to share between threads and connection pools."""

    def __init__(
        self, cache: ElastiCache, *, user_id: str, cache_name: str, serverless: bool = False
    ) -> None:
        """Make a provider that signs tokens with `cache`'s credentials and region.

        Args:
            cache: The facade whose client's credentials and region sign the tokens.
            user_id: The ElastiCache user to authenticate as (IAM authentication mode).
            cache_name: The replication group id, or the serverless cache's name.
            serverless: True for a serverless cache.

        Raises:
            ValidationError: A bad argument.
        """
        token_request(
            cache.client,
            user_id=user_id,
            cache_name=cache_name,
            serverless=serverless,
            expires_in=TOKEN_LIFETIME,
        )
        self._cache = cache
        self._user_id = user_id
        self._cache_name = cache_name
        self._serverless = serverless
        self._lock = threading.Lock()
        self._token: str | None = None
        self._made_at = 0.0

    def get_credentials(self) -> tuple[str, str]:
        """The user id and a token at least 10 minutes from its expiry (its password).

        Raises:
            AccessDeniedError: The facade's client has no credentials to sign with.
        """
        with self._lock:
            now = time.time()
            # A clock set back makes the token look younger than it is: make a new one too.
            if self._token is None or not self._made_at <= now < self._made_at + REUSE_SECONDS:
                self._token = self._cache.generate_iam_auth_token(
                    user_id=self._user_id,
                    cache_name=self._cache_name,
                    serverless=self._serverless,
                    expires_in=TOKEN_LIFETIME,
                )
                self._made_at = now
            return self._user_id, self._token

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(user_id={self._user_id!r}, "
            f"cache_name={self._cache_name!r}, serverless={self._serverless!r})"
        )
