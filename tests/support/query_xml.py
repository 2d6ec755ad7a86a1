"""Serialize boto3-form data as the query protocol's XML responses, as ElastiCache sends them.

`result_xml(operation, data)` gives the success body of an operation:

    <{Op}Response xmlns="http://elasticache.amazonaws.com/doc/2015-02-02/">
      <{Op}Result>...members...</{Op}Result>           (when the output has a resultWrapper)
      <ResponseMetadata><RequestId>...</RequestId></ResponseMetadata>
    </{Op}Response>

Lists are not flattened: each item is an element named by the list member's locationName (else
`member`); structure members are elements named by their locationName (else the member name);
timestamps are ISO-8601 in UTC with a `Z`; booleans `true` / `false`.

`error_xml(code, message)` gives an `ErrorResponse` body.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from xml.sax.saxutils import escape

from botocore.model import ListShape, MapShape, Shape, StructureShape

from tests.support.sample_data import operation_model, service_model


def result_xml(operation: str, data: Mapping[str, Any] | None, request_id: str = "req-ok") -> str:
    """The XML body of a successful `operation` answer carrying `data` (boto3 form)."""
    model = operation_model(operation)
    namespace = service_model().metadata.get("xmlNamespace", "")
    parts = [f'<{operation}Response xmlns="{namespace}">']
    output = model.output_shape
    if output is not None:
        wrapper = output.serialization.get("resultWrapper")
        inner = _members(output, data or {})
        parts.append(f"<{wrapper}>{inner}</{wrapper}>" if wrapper else inner)
    parts.append(
        f"<ResponseMetadata><RequestId>{escape(request_id)}</RequestId></ResponseMetadata>"
    )
    parts.append(f"</{operation}Response>")
    return "".join(parts)


def error_xml(
    code: str, message: str, request_id: str = "req-err", error_type: str = "Sender"
) -> str:
    """The XML body of an error answer."""
    return (
        "<ErrorResponse><Error>"
        f"<Type>{escape(error_type)}</Type>"
        f"<Code>{escape(code)}</Code>"
        f"<Message>{escape(message)}</Message>"
        f"</Error><RequestId>{escape(request_id)}</RequestId></ErrorResponse>"
    )


def error_status(shape: StructureShape) -> int:
    """The HTTP status the model gives for an error shape (400 when it says nothing)."""
    return int(shape.metadata.get("error", {}).get("httpStatusCode", 400))


def error_code(shape: StructureShape) -> str:
    """The error code the service sends for an error shape (the shape name when unset)."""
    return str(shape.metadata.get("error", {}).get("code", shape.name))


def _members(shape: StructureShape, data: Mapping[str, Any]) -> str:
    unknown = set(data) - set(shape.members)
    if unknown:
        raise KeyError(f"{shape.name} has no member(s) {sorted(unknown)}")
    parts = []
    for name, member in shape.members.items():
        if name in data and data[name] is not None:
            tag = member.serialization.get("name", name)
            parts.append(_element(tag, member, data[name]))
    return "".join(parts)


def _element(tag: str, shape: Shape, value: Any) -> str:
    if isinstance(shape, ListShape) and shape.serialization.get("flattened"):
        item_tag = shape.member.serialization.get("name", tag)
        return "".join(_element(item_tag, shape.member, item) for item in value)
    return f"<{tag}>{_content(shape, value)}</{tag}>"


def _content(shape: Shape, value: Any) -> str:
    if isinstance(shape, StructureShape):
        return _members(shape, value)
    if isinstance(shape, ListShape):
        item_tag = shape.member.serialization.get("name", "member")
        return "".join(_element(item_tag, shape.member, item) for item in value)
    if isinstance(shape, MapShape):
        key_tag = shape.key.serialization.get("name", "key")
        value_tag = shape.value.serialization.get("name", "value")
        return "".join(
            f"<entry>{_element(key_tag, shape.key, k)}{_element(value_tag, shape.value, v)}</entry>"
            for k, v in value.items()
        )
    return escape(_scalar(shape, value))


def _scalar(shape: Shape, value: Any) -> str:
    kind = shape.type_name
    if kind == "boolean":
        if not isinstance(value, bool):
            raise TypeError(f"{shape.name}: expected bool, got {value!r}")
        return "true" if value else "false"
    if kind == "timestamp":
        if not isinstance(value, datetime):
            return str(value)
        moment = value.astimezone(UTC) if value.tzinfo else value
        text = moment.strftime("%Y-%m-%dT%H:%M:%S")
        if moment.microsecond:
            text += f".{moment.microsecond // 1000:03d}"
        return text + "Z"
    if kind in ("double", "float"):
        return repr(float(value))
    if kind == "blob":
        return base64.b64encode(value).decode("ascii")
    return str(value)
