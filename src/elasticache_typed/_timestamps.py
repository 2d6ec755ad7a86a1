"""A fast ISO-8601 timestamp parser for botocore's response parsers."""

from __future__ import annotations

from datetime import UTC, datetime

from botocore.utils import parse_timestamp


def parse_iso_timestamp(value: str) -> datetime:
    """The aware UTC datetime botocore's own parser gives, without dateutil's cost."""
    try:
        parsed = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        parsed = parse_timestamp(value)
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)
