"""A valkey-py credential provider that authenticates with ElastiCache IAM tokens.

Needs valkey-py: `pip install "elasticache-typed[valkey]"`; without it, importing this module
raises an ImportError that says so.
"""

from __future__ import annotations

from elasticache_typed._connect.token_reuse import IAMTokenProvider

INSTALL_HINT = (
    "elasticache_typed.integrations.valkey needs valkey-py: pip install 'elasticache-typed[valkey]'"
)

try:
    from valkey.credentials import CredentialProvider
except ImportError as _missing:
    raise ImportError(f"{INSTALL_HINT} ({_missing})", name=_missing.name) from _missing

__all__ = ["IAMCredentialProvider"]


class IAMCredentialProvider(IAMTokenProvider, CredentialProvider):
    """valkey-py's `credential_provider` for an ElastiCache user that authenticates with IAM.

    Each new connection authenticates as `user_id` with the IAM token in hand (valid 15
    minutes), renewed in the background after 5 minutes; callers wait only when no token
    has a minute of validity left. Takes an `ElastiCache` or an `AsyncElastiCache`; one
    provider can be shared by clients, pools, threads and `valkey.asyncio` tasks. valkey-py
    has no streaming credential providers yet: open connections are not re-authenticated
    (see docs/connecting.md).

    Example:
        ```python
        provider = IAMCredentialProvider(cache, user_id="app", cache_name="sessions")
        client = valkey.Valkey(host=..., port=6379, ssl=True, credential_provider=provider)
        ```
    """
