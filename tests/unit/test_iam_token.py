"""`generate_iam_auth_token` on both facades: known answers from an independent presigner.

The clock is frozen and the credentials fixed; each token must be exactly what
tests/support/sigv4_reference.py (AWS's published SigV4 steps, checked against AWS's own
example) makes, for a replication group and a serverless cache, with and without a session
token, and what botocore's own query presigner makes too. Nothing is sent: the blocking
facade's client has a fake endpoint that fails on any request, the asyncio one a scripted
server with nothing to answer.
"""

from __future__ import annotations

import asyncio
import hashlib
import inspect
import logging
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import boto3
import pytest
import time_machine
from botocore.credentials import Credentials, RefreshableCredentials
from botocore.signers import RequestSigner

from elasticache_typed import AsyncElastiCache, ElastiCache, errors
from tests.support import sigv4_reference as reference
from tests.support.fake_endpoint import FakeEndpoint, make_client
from tests.support.scripted_server import ScriptedServer

NOW = datetime(2026, 11, 29, 14, 30, 15, tzinfo=UTC)
REGION = "eu-west-1"
ACCESS_KEY = "AKIDEXAMPLE"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
SESSION_TOKEN = "IQoJb3JpZ2luX2VjEOr//////////wEaCWV1LXdlc3QtMSJH+session/token=="
KINDS = [("my-redis-rg", False), ("sessions-cache", True)]


def _query(token: str) -> tuple[str, dict[str, str]]:
    """The host of a token and its query parameters (each key once)."""
    assert "://" not in token
    parts = urlsplit(f"//{token}")
    pairs = parse_qsl(parts.query, keep_blank_values=True, strict_parsing=True)
    assert len({name for name, _ in pairs}) == len(pairs), "a parameter appears twice"
    assert parts.path == "/"
    return str(parts.hostname), dict(pairs)


def _expected(
    cache_name: str,
    serverless: bool,
    session_token: str | None,
    expires: int,
    user_id: str = "app-user",
) -> str:
    return reference.elasticache_iam_token(
        user_id=user_id,
        cache_name=cache_name,
        serverless=serverless,
        access_key=ACCESS_KEY,
        secret_key=SECRET_KEY,
        session_token=session_token,
        region=REGION,
        when=NOW,
        expires=expires,
    )


def test_the_reference_presigner_reproduces_aws_published_example() -> None:
    example = reference.AWS_EXAMPLE
    request_hash = hashlib.sha256(example["canonical_request"].encode()).hexdigest()
    assert request_hash == example["canonical_request_hash"]
    key = reference.signing_key(
        example["secret_key"], example["amz_date"][:8], example["region"], example["service"]
    )
    assert key.hex() == example["signing_key"]
    assert (
        reference.signature(
            example["secret_key"],
            example["amz_date"],
            example["region"],
            example["service"],
            example["canonical_request"],
        )
        == example["signature"]
    )
    assert reference.uri_encode("a b/c~d_e.f-g+h=") == "a%20b%2Fc~d_e.f-g%2Bh%3D"


def _sync_token(session_token: str | None, **arguments: Any) -> str:
    client = make_client(
        region_name=REGION,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        aws_session_token=session_token,
    )
    endpoint = FakeEndpoint.attach(client)  # nothing queued: any request fails the test
    token = ElastiCache(client).generate_iam_auth_token(**arguments)
    assert endpoint.requests == []
    return token


def _async_token(session_token: str | None, **arguments: Any) -> str:
    async def main(url: str) -> str:
        async with AsyncElastiCache.create(
            endpoint_url=url,
            region_name=REGION,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            aws_session_token=session_token,
        ) as cache:
            return await cache.generate_iam_auth_token(**arguments)

    with ScriptedServer() as server:  # nothing queued: any request would be answered 400
        token = asyncio.run(main(server.url))
        assert server.requests == []
    return token


MAKERS = {"sync": _sync_token, "async": _async_token}


@pytest.mark.parametrize("facade", sorted(MAKERS))
@pytest.mark.parametrize("session_token", [None, SESSION_TOKEN], ids=["keys", "session"])
@pytest.mark.parametrize(("cache_name", "serverless"), KINDS, ids=["group", "serverless"])
def test_token_is_the_presigned_connect_request(
    facade: str, session_token: str | None, cache_name: str, serverless: bool
) -> None:
    with time_machine.travel(NOW, tick=False):
        token = MAKERS[facade](
            session_token, user_id="app-user", cache_name=cache_name, serverless=serverless
        )
    assert token == _expected(cache_name, serverless, session_token, 900)

    host, query = _query(token)
    assert host == cache_name
    assert query["Action"] == "connect"
    assert query["User"] == "app-user"
    assert query.get("ResourceType") == ("ServerlessCache" if serverless else None)
    assert query["X-Amz-Credential"] == f"{ACCESS_KEY}/20261129/{REGION}/elasticache/aws4_request"
    assert query["X-Amz-Date"] == "20261129T143015Z"
    assert query["X-Amz-Expires"] == "900"
    assert query.get("X-Amz-Security-Token") == session_token


@pytest.mark.parametrize("session_token", [None, SESSION_TOKEN], ids=["keys", "session"])
@pytest.mark.parametrize(("cache_name", "serverless"), KINDS, ids=["group", "serverless"])
def test_token_agrees_with_botocores_own_presigner(
    session_token: str | None, cache_name: str, serverless: bool
) -> None:
    params = {"Action": "connect", "User": "app-user"}
    if serverless:
        params["ResourceType"] = "ServerlessCache"
    signer = RequestSigner(
        boto3.client("elasticache", region_name=REGION).meta.service_model.service_id,
        REGION,
        "elasticache",
        "v4",
        Credentials(ACCESS_KEY, SECRET_KEY, session_token),
        boto3.Session().events,
    )
    request = {
        "method": "GET",
        "url": f"http://{cache_name}/?" + "&".join(f"{k}={v}" for k, v in params.items()),
        "body": {},
        "headers": {},
        "context": {},
    }
    with time_machine.travel(NOW, tick=False):
        botocore_url = signer.generate_presigned_url(
            request, operation_name="connect", expires_in=300
        )
        token = _sync_token(
            session_token,
            user_id="app-user",
            cache_name=cache_name,
            serverless=serverless,
            expires_in=300,
        )
    assert botocore_url.startswith("http://")
    assert _query(token) == _query(botocore_url.removeprefix("http://"))


def test_expiry_is_signed_and_ids_are_signed_in_lower_case() -> None:
    with time_machine.travel(NOW, tick=False):
        token = _sync_token(None, user_id="App-IAM", cache_name="My-Redis-RG", expires_in=1)
    # The service keeps replication group ids, serverless cache names and user ids in lower
    # case, and checks the signature against those.
    assert token == _expected("my-redis-rg", False, None, 1, user_id="app-iam")
    assert _query(token)[1]["User"] == "app-iam"


@pytest.mark.parametrize(
    ("region", "scope"),
    [("us-east-1", "us-east-1"), ("fips", "us-west-1"), ("us-east-1-fips", "us-east-1")],
)
@pytest.mark.parametrize("facade", sorted(MAKERS))
def test_a_given_region_is_signed_for_with_pseudo_regions_resolved(
    facade: str, region: str, scope: str
) -> None:
    with time_machine.travel(NOW, tick=False):
        token = MAKERS[facade](None, user_id="app", cache_name="rg", region=region)
    credential = _query(token)[1]["X-Amz-Credential"]
    assert credential == f"{ACCESS_KEY}/{NOW:%Y%m%d}/{scope}/elasticache/aws4_request"


def test_a_client_made_for_a_pseudo_region_signs_for_its_real_region() -> None:
    client = make_client(
        region_name="fips", aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY
    )
    FakeEndpoint.attach(client)
    token = ElastiCache(client).generate_iam_auth_token(user_id="app", cache_name="rg")
    assert "/us-west-1/elasticache/aws4_request" in _query(token)[1]["X-Amz-Credential"]


BAD_ARGUMENTS = [
    ("user_id", {"user_id": ""}),
    ("user_id", {"user_id": 42}),
    ("user_id", {"user_id": "   "}),
    ("user_id", {"user_id": "app user"}),
    ("user_id", {"user_id": "1app"}),
    ("user_id", {"user_id": "team/app"}),
    ("user_id", {"user_id": "app\n"}),
    ("cache_name", {"cache_name": "my--rg"}),
    ("cache_name", {"cache_name": "rg-"}),
    ("cache_name", {"cache_name": " "}),
    ("region", {"region": ""}),
    ("region", {"region": "eu west 1"}),
    ("region", {"region": 7}),
    ("cache_name", {"cache_name": ""}),
    ("cache_name", {"cache_name": "cache/../other"}),
    ("cache_name", {"cache_name": "cache:6379"}),
    ("cache_name", {"cache_name": None}),
    ("serverless", {"serverless": "yes"}),
    ("expires_in", {"expires_in": 0}),
    ("expires_in", {"expires_in": 901}),
    ("expires_in", {"expires_in": -5}),
    ("expires_in", {"expires_in": True}),
    ("expires_in", {"expires_in": 60.0}),
    ("expires_in", {"expires_in": "900"}),
]


_NO_CREDENTIALS_ENV = {
    "AWS_CONFIG_FILE": "/nonexistent/aws-config",
    "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/aws-credentials",
    "AWS_EC2_METADATA_DISABLED": "true",
}
_CREDENTIAL_VARIABLES = (
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_PROFILE",
    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
    "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    "AWS_WEB_IDENTITY_TOKEN_FILE",
)


def _without_credentials(env: pytest.MonkeyPatch) -> None:
    """An environment where botocore finds no credentials at all."""
    for name in _CREDENTIAL_VARIABLES:
        env.delenv(name, raising=False)
    for name, value in _NO_CREDENTIALS_ENV.items():
        env.setenv(name, value)


@pytest.fixture
def no_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    _without_credentials(monkeypatch)


@pytest.fixture(scope="module")
def credentialless() -> ElastiCache:
    """A facade whose client found no credentials (made once: making clients is slow)."""
    with pytest.MonkeyPatch.context() as env:
        _without_credentials(env)
        return ElastiCache(boto3.Session(region_name=REGION).client("elasticache"))


@pytest.mark.parametrize(("name", "bad"), BAD_ARGUMENTS, ids=[f"{n}={b}" for n, b in BAD_ARGUMENTS])
def test_bad_arguments_are_rejected_before_signing(
    name: str, bad: dict[str, Any], credentialless: ElastiCache
) -> None:
    # Without credentials, signing would raise AccessDeniedError: the check comes first.
    cache = credentialless
    arguments: dict[str, Any] = {"user_id": "app-user", "cache_name": "my-redis-rg", **bad}
    with pytest.raises(errors.ValidationError) as caught:
        cache.generate_iam_auth_token(**arguments)
    assert caught.value.message.startswith(f"{name}: ")
    assert caught.value.code == "ValidationError"
    assert isinstance(caught.value, ValueError)


def test_bad_arguments_are_rejected_by_the_asyncio_facade_too(no_credentials: None) -> None:
    async def main() -> None:
        async with AsyncElastiCache.create(region_name=REGION) as cache:
            with pytest.raises(
                errors.ValidationError, match="expires_in: expected an int of seconds from 1 to 900"
            ):
                await cache.generate_iam_auth_token(
                    user_id="app-user", cache_name="my-redis-rg", expires_in=901
                )

    asyncio.run(main())


def test_without_credentials_it_is_access_denied(
    credentialless: ElastiCache, no_credentials: None
) -> None:
    cache = credentialless
    with pytest.raises(errors.AccessDeniedError) as caught:
        cache.generate_iam_auth_token(user_id="app-user", cache_name="my-redis-rg")
    assert caught.value.code == "NoCredentialsError"
    assert caught.value.operation_name == "GenerateIamAuthToken"

    async def main() -> None:
        async with AsyncElastiCache.create(region_name=REGION) as cache:
            await cache.generate_iam_auth_token(user_id="app-user", cache_name="my-redis-rg")

    with pytest.raises(errors.AccessDeniedError):
        asyncio.run(main())


def test_refreshable_credentials_are_refreshed_before_signing() -> None:
    refreshed = {
        "access_key": "AKIDREFRESHED",
        "secret_key": SECRET_KEY,
        "token": SESSION_TOKEN,
        "expiry_time": "2026-11-29T15:30:15Z",
    }
    calls: list[int] = []

    def refresh() -> dict[str, str]:
        calls.append(1)
        return refreshed

    session = boto3.Session(region_name=REGION)
    # About to expire: botocore refreshes such credentials before handing them out.
    session._session._credentials = RefreshableCredentials.create_from_metadata(  # type: ignore[attr-defined]
        {**refreshed, "access_key": "AKIDOLD", "expiry_time": "2026-11-29T14:31:00Z"},
        refresh,
        "test",
    )
    with time_machine.travel(NOW, tick=False):
        token = ElastiCache(session.client("elasticache")).generate_iam_auth_token(
            user_id="app-user", cache_name="my-redis-rg"
        )
    assert calls
    assert _query(token)[1]["X-Amz-Credential"].startswith("AKIDREFRESHED/")


def test_no_log_record_shows_the_token(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG), time_machine.travel(NOW, tick=False):
        token = _sync_token(SESSION_TOKEN, user_id="app-user", cache_name="my-redis-rg")
    signature = _query(token)[1]["X-Amz-Signature"]
    for record in caplog.records:
        text = record.getMessage()
        assert signature not in text
        assert SESSION_TOKEN not in text
        assert SECRET_KEY not in text


def test_both_facades_have_the_method_with_the_same_signature() -> None:
    sync_method = ElastiCache.generate_iam_auth_token
    async_method = AsyncElastiCache.generate_iam_auth_token
    assert inspect.iscoroutinefunction(async_method)
    assert not inspect.iscoroutinefunction(sync_method)
    assert inspect.signature(sync_method) == inspect.signature(async_method)
    assert sync_method.__doc__ == async_method.__doc__
