"""`ResponseMetadata`: the HTTP answer a facade call's result came in.

botocore puts it in every answer's dict as `ResponseMetadata` (RequestId, HTTPStatusCode,
HTTPHeaders, RetryAttempts), whether the facade reads the answer from botocore's dict or
straight from the XML; the facade copies it onto the typed result.

Written out as `attrs.frozen(kw_only=True)` builds it, as the shape classes are (see
`_conversion/written_classes.py`), so that a first call does not import attrs; its types
and documentation for type checkers are in response_metadata.pyi.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Any

from elasticache_typed._conversion.written_classes import (
    frozen_slots,
    made_by_attrs_on_first_use,
    shape_replace,
)

_FIELDS = ("request_id", "http_status_code", "http_headers", "retry_attempts")


class ResponseMetadata:
    """The HTTP answer of a call: what logs and AWS Support tickets ask for."""

    __slots__ = (*_FIELDS, "__weakref__")
    __setattr__, __delattr__, __getstate__, __setstate__ = frozen_slots(__slots__)
    __match_args__ = ()
    if sys.version_info >= (3, 13):  # copy.replace, as attrs gives it there
        __replace__ = shape_replace
    __attrs_attrs__, __attrs_props__ = made_by_attrs_on_first_use(required=_FIELDS)

    request_id: str | None  # documented in response_metadata.pyi
    http_status_code: int
    http_headers: Mapping[str, str]
    retry_attempts: int

    def __init__(
        self,
        *,
        request_id: str | None,
        http_status_code: int,
        http_headers: Mapping[str, str],
        retry_attempts: int,
    ) -> None:
        _set_request_id(self, request_id)
        _set_http_status_code(self, http_status_code)
        _set_http_headers(self, http_headers)
        _set_retry_attempts(self, retry_attempts)

    def __repr__(self) -> str:
        return (
            f"{type(self).__qualname__}(request_id={self.request_id!r}, "
            f"http_status_code={self.http_status_code!r}, "
            f"http_headers={self.http_headers!r}, retry_attempts={self.retry_attempts!r})"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return _values(self) == _values(other)

    def __hash__(self) -> int:  # a TypeError, as attrs' is: the headers are a dict
        return hash(("ResponseMetadata", *_values(self)))


def _values(metadata: Any) -> tuple[Any, ...]:
    return (
        metadata.request_id,
        metadata.http_status_code,
        metadata.http_headers,
        metadata.retry_attempts,
    )


_set_request_id = ResponseMetadata.__dict__["request_id"].__set__
_set_http_status_code = ResponseMetadata.__dict__["http_status_code"].__set__
_set_http_headers = ResponseMetadata.__dict__["http_headers"].__set__
_set_retry_attempts = ResponseMetadata.__dict__["retry_attempts"].__set__
