"""An independent SigV4 query presigner, written from AWS's published signing steps.

It shares no code with the library: the tests compare the library's IAM tokens with what this
makes for the same clock and credentials. Its steps are checked against AWS's own published
example (`AWS_EXAMPLE`, the IAM ListUsers request of the Signature Version 4 documentation).

The steps (AWS General Reference, "Create a signed AWS API request"):
1. Canonical request: method, URI, canonical query string, canonical headers, signed headers,
   hex SHA-256 of the payload, one per line.
2. String to sign: algorithm, request date-time, credential scope, hex SHA-256 of (1).
3. Signing key: HMAC-SHA256 chain over "AWS4" + secret key, date, region, service,
   "aws4_request".
4. Signature: hex HMAC-SHA256 of (2) with (3).
For a presigned URL the X-Amz-* authentication parameters go in the query string, which is
signed, and X-Amz-Signature is appended.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime

ALGORITHM = "AWS4-HMAC-SHA256"
_UNRESERVED = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~")

AWS_EXAMPLE = {
    # From AWS's Signature Version 4 documentation (an IAM ListUsers GET request).
    "secret_key": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
    "amz_date": "20150830T123600Z",
    "region": "us-east-1",
    "service": "iam",
    "canonical_request": "\n".join(
        [
            "GET",
            "/",
            "Action=ListUsers&Version=2010-05-08",
            "content-type:application/x-www-form-urlencoded; charset=utf-8",
            "host:iam.amazonaws.com",
            "x-amz-date:20150830T123600Z",
            "",
            "content-type;host;x-amz-date",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        ]
    ),
    "canonical_request_hash": "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59",
    "signing_key": "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9",
    "signature": "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
}


def uri_encode(text: str) -> str:
    """AWS's URI encoding: every byte but the unreserved characters as %XX (upper case)."""
    return "".join(chr(b) if b in _UNRESERVED else f"%{b:02X}" for b in text.encode("utf-8"))


def signing_key(secret_key: str, date: str, region: str, service: str) -> bytes:
    key = ("AWS4" + secret_key).encode("utf-8")
    for part in (date, region, service, "aws4_request"):
        key = hmac.new(key, part.encode("utf-8"), hashlib.sha256).digest()
    return key


def signature(
    secret_key: str, amz_date: str, region: str, service: str, canonical_request: str
) -> str:
    scope = f"{amz_date[:8]}/{region}/{service}/aws4_request"
    request_hash = hashlib.sha256(canonical_request.encode("utf-8")).hexdigest()
    string_to_sign = f"{ALGORITHM}\n{amz_date}\n{scope}\n{request_hash}"
    key = signing_key(secret_key, amz_date[:8], region, service)
    return hmac.new(key, string_to_sign.encode("utf-8"), hashlib.sha256).hexdigest()


def presigned_query(
    *,
    host: str,
    params: dict[str, str],
    access_key: str,
    secret_key: str,
    session_token: str | None,
    region: str,
    service: str,
    when: datetime,
    expires: int,
) -> dict[str, str]:
    """Every query parameter of the presigned `GET http://<host>/?<params>`, X-Amz-Signature
    included, as a dict."""
    amz_date = when.strftime("%Y%m%dT%H%M%SZ")
    query = dict(params)
    query["X-Amz-Algorithm"] = ALGORITHM
    query["X-Amz-Credential"] = f"{access_key}/{amz_date[:8]}/{region}/{service}/aws4_request"
    query["X-Amz-Date"] = amz_date
    query["X-Amz-Expires"] = str(expires)
    query["X-Amz-SignedHeaders"] = "host"
    if session_token is not None:
        query["X-Amz-Security-Token"] = session_token
    encoded = sorted((uri_encode(name), uri_encode(value)) for name, value in query.items())
    canonical_query = "&".join(f"{name}={value}" for name, value in encoded)
    empty_payload = hashlib.sha256(b"").hexdigest()
    canonical_request = f"GET\n/\n{canonical_query}\nhost:{host}\n\nhost\n{empty_payload}"
    query["X-Amz-Signature"] = signature(secret_key, amz_date, region, service, canonical_request)
    return query


def token_text(host: str, query: dict[str, str]) -> str:
    """`presigned_query`'s answer as a token: `<host>/?<query>&X-Amz-Signature=...`, its
    parameters in the order botocore's presigner writes them (the order they were added)."""
    signed = {name: value for name, value in query.items() if name != "X-Amz-Signature"}
    text = "&".join(f"{uri_encode(name)}={uri_encode(value)}" for name, value in signed.items())
    return f"{host}/?{text}&X-Amz-Signature={query['X-Amz-Signature']}"


def elasticache_iam_token(
    *,
    user_id: str,
    cache_name: str,
    serverless: bool,
    access_key: str,
    secret_key: str,
    session_token: str | None,
    region: str,
    when: datetime,
    expires: int,
) -> str:
    """The IAM token the ElastiCache user guide describes, made by the steps above."""
    params = {"Action": "connect", "User": user_id}
    if serverless:
        params["ResourceType"] = "ServerlessCache"
    query = presigned_query(
        host=cache_name,
        params=params,
        access_key=access_key,
        secret_key=secret_key,
        session_token=session_token,
        region=region,
        service="elasticache",
        when=when,
        expires=expires,
    )
    return token_text(cache_name, query)
