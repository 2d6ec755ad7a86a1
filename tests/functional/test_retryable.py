"""`retryable` tells what botocore's standard retry policy does: for a matrix of error codes
and HTTP statuses, and for the HTTP layer's failures, a client in standard mode with two
attempts gets the same failure twice from a fake endpoint (botocore's real path). botocore
retried it exactly when the server saw two requests; the library's error must then say
`retryable=True`, and `False` when botocore gave up after one. The one exception DESIGN.md
names: ElastiCache's own throttling fault, which botocore does not retry, is retryable.
"""

from __future__ import annotations

from typing import Any

import pytest
from botocore.config import Config
from botocore.exceptions import (
    ConnectionClosedError,
    ConnectTimeoutError,
    EndpointConnectionError,
    HTTPClientError,
    NoCredentialsError,
    ReadTimeoutError,
)

from elasticache_typed import ElastiCache, errors
from tests.support.fake_endpoint import FakeEndpoint, make_client

CODES = [
    # botocore's throttling codes
    "Throttling",
    "ThrottlingException",
    "TooManyRequestsException",
    "RequestLimitExceeded",
    "SlowDown",
    "RequestThrottled",
    # botocore's transient codes
    "RequestTimeout",
    "RequestTimeoutException",
    "PriorRequestNotComplete",
    # the service's and AWS's common ones
    "InternalFailure",
    "ServiceUnavailable",
    "CacheClusterNotFound",
    "InvalidParameterValue",
    "AccessDenied",
    "ExpiredToken",
    "BrandNewFault",
    "APICallRateForCustomerExceeded",
]
STATUSES = [400, 403, 404, 409, 429, 500, 502, 503, 504]
ALSO_RETRYABLE = {"APICallRateForCustomerExceeded"}


def _client() -> tuple[Any, FakeEndpoint]:
    """A client in standard retry mode with two attempts in all, behind a fake endpoint (a new
    one each time: the standard mode's retry quota is per client)."""
    client = make_client(config=Config(retries={"mode": "standard", "total_max_attempts": 2}))
    return client, FakeEndpoint.attach(client)


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("code", CODES)
def test_retryable_is_what_botocore_did(code: str, status: int, sleeps: list[float]) -> None:
    client, endpoint = _client()
    for _ in range(2):
        endpoint.add_error(code, "it failed", status=status)

    with pytest.raises(errors.ElastiCacheError) as caught:
        ElastiCache(client).describe_cache_clusters()

    botocore_retried = len(endpoint.requests) == 2
    exc = caught.value
    assert exc.retryable is (botocore_retried or code in ALSO_RETRYABLE)
    if code == "CacheClusterNotFound" and status == 404:
        assert not botocore_retried  # the matrix holds both answers
    if code == "Throttling" or status == 503:
        assert botocore_retried
    assert exc.code == code
    assert exc.http_status_code == status


@pytest.mark.parametrize(
    "failure",
    [
        EndpointConnectionError(endpoint_url="https://elasticache.example"),
        ConnectTimeoutError(endpoint_url="https://elasticache.example"),
        ReadTimeoutError(endpoint_url="https://elasticache.example"),
        ConnectionClosedError(endpoint_url="https://elasticache.example"),
        HTTPClientError(error="the socket broke"),
        NoCredentialsError(),
    ],
    ids=lambda e: type(e).__name__,
)
def test_retryable_is_what_botocore_did_for_http_layer_failures(
    failure: Exception, sleeps: list[float]
) -> None:
    client, endpoint = _client()
    for _ in range(2):
        endpoint.add_exception(failure)

    with pytest.raises(errors.ElastiCacheError) as caught:
        ElastiCache(client).describe_cache_clusters()

    botocore_retried = len(endpoint.requests) == 2
    assert caught.value.retryable is botocore_retried
    assert botocore_retried is not isinstance(failure, NoCredentialsError)
