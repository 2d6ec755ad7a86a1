"""The IAM authentication token that ElastiCache for Valkey and Redis OSS takes as a password.

AWS's ElastiCache user guide ("Authenticating with IAM") defines it: the SigV4 query-presigned
request `GET http://<cache name>/?Action=connect&User=<user id>` (plus
`ResourceType=ServerlessCache` for a serverless cache), signed for the service `elasticache`
in the cache's region with the caller's credentials, valid for at most 15 minutes, written
without its `http://` scheme.

The signing follows AWS's published Signature Version 4 steps with hashlib and hmac, not
botocore's `SigV4QueryAuth.add_auth`: that one logs the canonical request and the signature
at DEBUG, which together are the token, a password. Signing is local: nothing is sent.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from botocore.credentials import ReadOnlyCredentials
from botocore.exceptions import NoCredentialsError

from elasticache_typed._errors.categories import ValidationError

TOKEN_OPERATION = "GenerateIamAuthToken"
"""The `operation_name` of the errors raised while making a token (missing credentials)."""

MAX_EXPIRES_IN = 900
"""The longest validity ElastiCache accepts, in seconds (15 minutes)."""

_SERVICE = "elasticache"
_ALGORITHM = "AWS4-HMAC-SHA256"
_EMPTY_PAYLOAD_HASH = hashlib.sha256(b"").hexdigest()
_CACHE_NAME = re.compile(r"[A-Za-z0-9-]+")


@dataclass(frozen=True)
class TokenRequest:
    """The checked arguments of one token."""

    user_id: str
    cache_name: str
    serverless: bool
    expires_in: int


def token_request(
    *, user_id: object, cache_name: object, serverless: object, expires_in: object
) -> TokenRequest:
    """The token's arguments, checked; a bad one raises ValidationError naming it.

    The cache name is lower-cased: ElastiCache keeps replication group ids and serverless
    cache names in lower case and takes them in any case.
    """
    if not isinstance(user_id, str) or not user_id:
        raise ValidationError("user_id: expected a non-empty str (the ElastiCache user's id)")
    if not isinstance(cache_name, str) or not _CACHE_NAME.fullmatch(cache_name):
        raise ValidationError(
            "cache_name: expected the replication group id or serverless cache name "
            "(letters, digits and hyphens)"
        )
    if not isinstance(serverless, bool):
        raise ValidationError("serverless: expected a bool")
    if (
        not isinstance(expires_in, int)
        or isinstance(expires_in, bool)
        or not 1 <= expires_in <= MAX_EXPIRES_IN
    ):
        raise ValidationError(f"expires_in: expected an int of seconds from 1 to {MAX_EXPIRES_IN}")
    return TokenRequest(user_id, cache_name.lower(), serverless, expires_in)


def client_credentials(client: Any) -> Any:
    """The credentials a boto3 or aiobotocore client signs its requests with.

    Raises:
        NoCredentialsError: The client has none (botocore found none, or it signs nothing).
    """
    # botocore has no public accessor for a client's credentials.
    credentials = client._get_credentials()
    if credentials is None:
        raise NoCredentialsError()
    return credentials


def sign_token(request: TokenRequest, credentials: ReadOnlyCredentials, region: str) -> str:
    """The token for `request`, signed now with `credentials` for `region`."""
    now = datetime.now(UTC)
    amz_date = now.strftime("%Y%m%dT%H%M%SZ")
    scope = f"{amz_date[:8]}/{region}/{_SERVICE}/aws4_request"
    query = {"Action": "connect", "User": request.user_id}
    if request.serverless:
        query["ResourceType"] = "ServerlessCache"
    query.update(
        {
            "X-Amz-Algorithm": _ALGORITHM,
            "X-Amz-Credential": f"{credentials.access_key}/{scope}",
            "X-Amz-Date": amz_date,
            "X-Amz-Expires": str(request.expires_in),
            "X-Amz-SignedHeaders": "host",
        }
    )
    if credentials.token:
        query["X-Amz-Security-Token"] = credentials.token
    canonical_query = "&".join(
        f"{name}={value}"
        for name, value in sorted((quote(k, safe=""), quote(v, safe="")) for k, v in query.items())
    )
    host = request.cache_name
    canonical_request = "\n".join(
        ["GET", "/", canonical_query, f"host:{host}", "", "host", _EMPTY_PAYLOAD_HASH]
    )
    string_to_sign = "\n".join(
        [_ALGORITHM, amz_date, scope, hashlib.sha256(canonical_request.encode()).hexdigest()]
    )
    key = f"AWS4{credentials.secret_key}".encode()
    for part in (amz_date[:8], region, _SERVICE, "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    signature = hmac.new(key, string_to_sign.encode(), hashlib.sha256).hexdigest()
    return f"{host}/?{canonical_query}&X-Amz-Signature={signature}"
