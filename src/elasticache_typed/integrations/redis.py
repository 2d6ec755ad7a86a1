"""A redis-py credential provider that authenticates with ElastiCache IAM tokens.

Needs redis-py: `pip install "elasticache-typed[redis]"`; without it, importing this module
raises an ImportError that says so.
"""

from __future__ import annotations

from elasticache_typed._connect.token_reuse import IAMTokenProvider

INSTALL_HINT = (
    "elasticache_typed.integrations.redis needs redis-py: pip install 'elasticache-typed[redis]'"
)

try:
    from redis.credentials import CredentialProvider
except ImportError as _missing:
    raise ImportError(f"{INSTALL_HINT} ({_missing})", name=_missing.name) from _missing

__all__ = ["IAMCredentialProvider"]


class IAMCredentialProvider(IAMTokenProvider, CredentialProvider):
    """redis-py's `credential_provider` for an ElastiCache user that authenticates with IAM.

    Each new connection authenticates as `user_id` with an IAM token that
    `ElastiCache.generate_iam_auth_token` signs with the facade's credentials. One token
    (valid 15 minutes) serves every connection for 5 minutes; then a new one is made. One
    provider can be shared by clients, connection pools and threads, and by `redis.asyncio`
    clients (making a token does no I/O, unless the credentials need refreshing).

    Example:
        ```python
        provider = IAMCredentialProvider(cache, user_id="app", cache_name="sessions")
        client = redis.Redis(host=..., port=6379, ssl=True, credential_provider=provider)
        ```
    """

    async def get_credentials_async(self) -> tuple[str, str]:
        """The same as `get_credentials`, for `redis.asyncio` clients."""
        return self.get_credentials()
