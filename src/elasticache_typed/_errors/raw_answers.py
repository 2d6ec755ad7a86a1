"""Answers that botocore cannot read as the service's: one cut short (fewer bytes than its
Content-Length: the connection closed mid-body), or a 5xx whose body is not the service's
XML error (an HTML page from a load balancer, plain text, JSON, nothing at all).

An answer is botocore's response dict: `status_code`, `headers` and `body` (bytes).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from xml.etree import ElementTree


def is_cut_short(answer: Mapping[str, Any]) -> bool:
    """Whether fewer bytes arrived than the answer's Content-Length announced."""
    body = answer.get("body")
    if not isinstance(body, bytes | bytearray):
        return False
    headers: Mapping[str, Any] = answer.get("headers") or {}
    announced = next((v for k, v in headers.items() if str(k).lower() == "content-length"), None)
    try:
        return announced is not None and len(body) < int(announced)
    except (TypeError, ValueError):
        return False


def is_foreign_server_error(answer: Mapping[str, Any]) -> bool:
    """Whether a 5xx answer's body is anything but the service's XML error."""
    if int(answer.get("status_code") or 0) < 500:
        return False
    return not _is_service_error(answer.get("body"))


def _is_service_error(body: object) -> bool:
    """An XML document with an `Error` element that has a `Code` (namespaces aside)."""
    if not isinstance(body, bytes | bytearray) or not body.strip():
        return False
    try:
        root = ElementTree.fromstring(bytes(body))
    except ElementTree.ParseError:
        return False
    for element in root.iter():
        if _local(element.tag) == "Error" and any(_local(c.tag) == "Code" for c in element):
            return True
    return False


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1]
