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
    metadata = _new(ResponseMetadata)  # as attrs' __init__ would, a call's worth quicker
    _set_request_id(metadata, found.get("RequestId") or None)
    _set_http_status_code(metadata, int(found.get("HTTPStatusCode") or 0))
    _set_http_headers(metadata, {str(k): str(v) for k, v in raw_headers.items()})
    _set_retry_attempts(metadata, int(found.get("RetryAttempts") or 0))
    return metadata


_new = object.__new__
_set_request_id = ResponseMetadata.__dict__["request_id"].__set__
_set_http_status_code = ResponseMetadata.__dict__["http_status_code"].__set__
_set_http_headers = ResponseMetadata.__dict__["http_headers"].__set__
_set_retry_attempts = ResponseMetadata.__dict__["retry_attempts"].__set__
