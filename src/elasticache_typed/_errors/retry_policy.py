"""`retryable`: whether botocore's standard retry policy would try a failed call again.

The answer is botocore's own: its standard retry conditions (transient codes and HTTP 500,
502, 503 and 504, throttling codes, errors the model marks retryable, transient network
failures) asked about the failure as a first attempt. One addition: ElastiCache's own
throttling fault, which botocore does not retry. Without an operation (making an IAM token
calls none), the conditions that need one are left out: they are about STS and DynamoDB.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from botocore.awsrequest import AWSResponse, HTTPHeaders
from botocore.model import OperationModel
from botocore.retries.standard import (
    ModeledRetryableChecker,
    OrRetryChecker,
    RetryContext,
    StandardRetryConditions,
    ThrottledRetryableChecker,
    TransientRetryableChecker,
)

ALSO_RETRYABLE_CODES = frozenset({"APICallRateForCustomerExceeded"})
"""Codes botocore does not retry that are throttling all the same."""

_POLICY = StandardRetryConditions(max_attempts=2)
_WITHOUT_OPERATION = OrRetryChecker(
    [TransientRetryableChecker(), ThrottledRetryableChecker(), ModeledRetryableChecker()]
)


def would_retry(
    operation_model: OperationModel | None,
    *,
    response: Mapping[str, Any] | None = None,
    exception: Exception | None = None,
) -> bool:
    """Whether the failure of a call of `operation_model` (a parsed error `response`, or an
    `exception` raised instead of an answer) would be retried."""
    status = None
    if response is not None:
        if response.get("Error", {}).get("Code") in ALSO_RETRYABLE_CODES:
            return True
        status = response.get("ResponseMetadata", {}).get("HTTPStatusCode")
    context = RetryContext(
        attempt_number=1,
        operation_model=operation_model,
        parsed_response=response,
        http_response=None if status is None else AWSResponse("", status, HTTPHeaders(), None),
        caught_exception=exception,
    )
    policy = _WITHOUT_OPERATION if operation_model is None else _POLICY
    return bool(policy.is_retryable(context))
