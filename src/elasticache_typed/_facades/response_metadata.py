"""`ResponseMetadata`: the HTTP answer a facade call's result came in.

botocore puts it in every answer's dict as `ResponseMetadata` (RequestId, HTTPStatusCode,
HTTPHeaders, RetryAttempts), whether the facade reads the answer from botocore's dict or
straight from the XML; the facade copies it onto the typed result.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs


@attrs.frozen(kw_only=True, order=False)
class ResponseMetadata:
    """The HTTP answer of a call: what logs and AWS Support tickets ask for."""

    request_id: str | None
    """The service's id of the request (`x-amzn-RequestId`); None when the answer had none."""
    http_status_code: int
    """The HTTP status of the answer (200)."""
    http_headers: Mapping[str, str]
    """The answer's HTTP headers, names in lower case."""
    retry_attempts: int
    """How many times botocore retried the call before this answer (0: the first try)."""


def response_metadata(response: Mapping[str, Any]) -> ResponseMetadata | None:
    """The metadata of a botocore answer dict, or None when it has none (a Stubber's answer
    without `ResponseMetadata`, say)."""
    found: Mapping[str, Any] | None = response.get("ResponseMetadata")
    if not found:
        return None
    raw_headers: Mapping[Any, Any] = found.get("HTTPHeaders") or {}
    headers = {str(k): str(v) for k, v in raw_headers.items()}
    return ResponseMetadata(
        request_id=found.get("RequestId") or None,
        http_status_code=int(found.get("HTTPStatusCode") or 0),
        http_headers=headers,
        retry_attempts=int(found.get("RetryAttempts") or 0),
    )
