"""Setting a facade call's `ResponseMetadata` on its typed result."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from elasticache_typed._facades.response_metadata import ResponseMetadata

T = TypeVar("T")


def with_response_metadata(result: T, response: Mapping[str, Any]) -> T:
    """`result`, a facade call's typed output, with the metadata of its answer set on it."""
    object.__setattr__(result, "response_metadata", response_metadata(response))
    return result


def response_metadata(response: Mapping[str, Any]) -> ResponseMetadata | None:
    """The metadata of a botocore answer dict, or None when it has none (a Stubber's answer
    without `ResponseMetadata`, say)."""
    found: Mapping[str, Any] | None = response.get("ResponseMetadata")
    if not found:
        return None
    raw_headers: Mapping[Any, Any] = found.get("HTTPHeaders") or {}
    return ResponseMetadata(
        request_id=found.get("RequestId") or None,
        http_status_code=int(found.get("HTTPStatusCode") or 0),
        http_headers={str(k): str(v) for k, v in raw_headers.items()},
        retry_attempts=int(found.get("RetryAttempts") or 0),
    )
