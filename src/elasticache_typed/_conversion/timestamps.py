"""Timestamps: a fast ISO-8601 parser for the response parsers of `create()` clients, and the
aware-UTC normalisation the converter applies."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timezone
from typing import Any

from botocore.utils import parse_timestamp
from dateutil.tz import tzlocal, tzutc

_common_form = re.compile(
    r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,6})?(?:Z|[+-]\d\d:\d\d)?", re.ASCII
).fullmatch
"""Whether a text has the form the service sends (`2026-11-25T03:12:45.123Z`), which
`datetime.fromisoformat` reads to the same instant as botocore's parser. Anything else goes
to botocore's parser, so exactly the forms botocore accepts are accepted (no ISO week dates,
say). ASCII digits only (quicker to match; other digits go to botocore's parser too)."""


def parse_iso_timestamp(value: str) -> datetime:
    """The aware UTC datetime botocore's own parser gives, without dateutil's cost."""
    if _common_form(value):
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            pass  # out of range (a 13th month): botocore's parser says how
        else:
            return parsed if parsed.tzinfo is UTC else to_utc(parsed)
    return to_utc(parse_timestamp(value))


_ALWAYS_AWARE = (tzlocal, tzutc, timezone)
"""Zones whose `utcoffset` is never None for a datetime (dateutil's tzlocal and tzutc are what
botocore's parser gives); for others, None means naive, which `astimezone` takes as local."""

_combine = datetime.combine


def to_utc(value: Any) -> datetime:
    """An aware UTC datetime from a datetime (naive ones are taken as UTC) or ISO-8601 text."""
    if not isinstance(value, datetime):
        return parse_iso_timestamp(value)
    zone = value.tzinfo
    if zone is UTC:
        return value
    if zone is not None and type(zone) in _ALWAYS_AWARE:
        if type(value) is datetime and not value.fold:
            # What `astimezone(UTC)` gives, at about half its cost (botocore's values are
            # tzlocal, whose offset `astimezone` asks through `datetime.utcoffset`).
            offset = zone.utcoffset(value)
            try:
                moved = _combine(value, value.time(), UTC)
                return moved - offset if offset else moved
            except OverflowError:
                pass
        try:
            return value.astimezone(UTC)  # one C call: a third of replacing the zone by hand
        except (ValueError, OverflowError):
            pass
    if zone is None:
        return value.replace(tzinfo=UTC)
    # The offset by hand: botocore reads offsets of a day or more ("0001T000000-30"), which
    # datetime's own offset checks refuse.
    offset = zone.utcoffset(value)
    if offset is None:
        return value.replace(tzinfo=UTC)
    return (value.replace(tzinfo=None) - offset).replace(tzinfo=UTC)
