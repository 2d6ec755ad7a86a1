"""Timestamps: a fast ISO-8601 parser for botocore's response parsers, and the aware-UTC
normalisation the converter applies."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from botocore.utils import parse_timestamp


def parse_iso_timestamp(value: str) -> datetime:
    """The aware UTC datetime botocore's own parser gives, without dateutil's cost."""
    try:
        parsed = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        parsed = parse_timestamp(value)
    return to_utc(parsed)


def to_utc(value: Any) -> datetime:
    """An aware UTC datetime from a datetime (naive ones are taken as UTC) or ISO-8601 text."""
    if not isinstance(value, datetime):
        return parse_iso_timestamp(value)
    zone = value.tzinfo
    if zone is UTC:
        return value
    if zone is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)
