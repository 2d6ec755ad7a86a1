"""`ResponseMetadata` for type checkers and IDEs: the attrs class that
response_metadata.py writes out."""

from collections.abc import Mapping
from typing import Any, ClassVar

import attrs

@attrs.frozen(kw_only=True, order=False)
class ResponseMetadata:
    """The HTTP answer of a call: what logs and AWS Support tickets ask for."""

    __attrs_attrs__: ClassVar[tuple[attrs.Attribute[Any], ...]]
    request_id: str | None
    """The service's id of the request (`x-amzn-RequestId`); None when the answer had none."""
    http_status_code: int
    """The HTTP status of the answer (200)."""
    http_headers: Mapping[str, str]
    """The answer's HTTP headers, names in lower case."""
    retry_attempts: int
    """How many times botocore retried the call before this answer (0: the first try)."""
