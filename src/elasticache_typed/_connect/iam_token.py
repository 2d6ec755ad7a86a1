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

from elasticache_typed import _botocore_private
from elasticache_typed._errors.categories import ValidationError

TOKEN_OPERATION = "GenerateIamAuthToken"
"""The `operation_name` of the errors raised while making a token (missing credentials)."""

MAX_EXPIRES_IN = 900
"""The longest validity ElastiCache accepts, in seconds (15 minutes)."""

_SERVICE = "elasticache"
_ALGORITHM = "AWS4-HMAC-SHA256"
_EMPTY_PAYLOAD_HASH = hashlib.sha256(b"").hexdigest()
# The ids the service can have, after lower-casing (as AWS's developer-toolkit-elasticache
# checks them): a cache name starts with a letter, has no double or trailing hyphen; a user
# id starts with a letter, optionally after `default.` for service-managed users.
_CACHE_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_USER_ID = re.compile(r"(?:default\.)?[a-z][a-z0-9-]*")
_REGION = re.compile(r"[a-z0-9-]+")


@dataclass(frozen=True)
class TokenRequest:
    """The checked arguments of one token."""

    user_id: str
    cache_name: str
    serverless: bool
    expires_in: int
    region: str


def token_request(
    client: Any,
    *,
    user_id: object,
    cache_name: object,
    serverless: object,
    expires_in: object,
    region: object = None,
) -> TokenRequest:
    """The token's arguments, checked; a bad one raises ValidationError naming it.

    The ids are lower-cased: ElastiCache keeps replication group ids, serverless cache names
    and user ids in lower case, and checks the signature against those. `region` None is
    the region `client` signs for; a given one resolves pseudo-regions (`fips`) as botocore
    does for a client made for it.
    """
    if not isinstance(user_id, str) or not _USER_ID.fullmatch(user_id.lower()):
        raise ValidationError(
            "user_id: expected the ElastiCache user's id (a letter, then letters, digits "
            "and hyphens; `default.` may come first)"
        )
    if not isinstance(cache_name, str) or not _CACHE_NAME.fullmatch(cache_name.lower()):
        raise ValidationError(
            "cache_name: expected the replication group id or serverless cache name "
            "(a letter, then letters, digits and single hyphens, not ending with one)"
        )
    if not isinstance(serverless, bool):
        raise ValidationError("serverless: expected a bool")
    if (
        not isinstance(expires_in, int)
        or isinstance(expires_in, bool)
        or not 1 <= expires_in <= MAX_EXPIRES_IN
    ):
        raise ValidationError(f"expires_in: expected an int of seconds from 1 to {MAX_EXPIRES_IN}")
    return TokenRequest(
        user_id.lower(), cache_name.lower(), serverless, expires_in, _region(client, region)
    )


def _region(client: Any, region: object) -> str:
    if region is None:
        return _botocore_private.client_signing_region(client)
    if not isinstance(region, str) or not _REGION.fullmatch(region):
        raise ValidationError("region: expected an AWS Region name such as 'eu-west-1'")
    return _botocore_private.signing_region(region)


def client_credentials(client: Any) -> Any:
    """The credentials a boto3 or aiobotocore client signs its requests with.

    Raises:
        NoCredentialsError: The client has none (botocore found none, or it signs nothing).
    """
    credentials = _botocore_private.client_credentials(client)
    if credentials is None:
        raise NoCredentialsError()
    return credentials


def sign_token(request: TokenRequest, credentials: ReadOnlyCredentials) -> str:
    """The token for `request`, signed now with `credentials`."""
    region = request.region
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
    encoded = [(quote(name, safe=""), quote(value, safe="")) for name, value in query.items()]
    canonical_query = "&".join(f"{name}={value}" for name, value in sorted(encoded))
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
    # Written in the order the parameters were added, as botocore's presigner (and so AWS's
    # developer-toolkit-elasticache) writes them; the signature covers them sorted.
    written = "&".join(f"{name}={value}" for name, value in encoded)
    return f"{host}/?{written}&X-Amz-Signature={signature}"
