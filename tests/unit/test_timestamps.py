"""The fast ISO-8601 parser gives the values botocore's own parser gives, always aware UTC."""

from __future__ import annotations

import datetime as dt

import pytest
from botocore.utils import parse_timestamp
from dateutil.tz import tzlocal, tzutc
from hypothesis import example, given, settings
from hypothesis import strategies as st

from elasticache_typed._conversion.timestamps import parse_iso_timestamp, to_utc

UTC_OFFSET = dt.timedelta(0)


def botocore_value(text: str) -> dt.datetime:
    """botocore's value, with a naive result read as UTC (as botocore's parsers treat it)."""
    value = parse_timestamp(text)
    offset = value.utcoffset() if value.tzinfo is None else value.tzinfo.utcoffset(value)
    # The instant by hand: botocore reads offsets of a day or more, which `==` cannot compare.
    return (value.replace(tzinfo=None) - (offset or dt.timedelta())).replace(tzinfo=dt.UTC)


def assert_same_as_botocore(text: str) -> None:
    parsed = parse_iso_timestamp(text)
    expected = botocore_value(text)
    assert parsed.tzinfo is not None
    assert parsed.utcoffset() == UTC_OFFSET
    assert parsed == expected
    assert parsed.replace(tzinfo=None) == expected.astimezone(dt.UTC).replace(tzinfo=None)


@pytest.mark.parametrize(
    "text",
    [
        # Z
        "2024-01-02T03:04:05Z",
        "2024-01-02T03:04:05z",
        "1970-01-01T00:00:00Z",
        "2099-12-31T23:59:59Z",
        "2024-02-29T12:00:00Z",
        # fractions of 1, 3, 6, 7 and 9 digits
        "2024-01-02T03:04:05.1Z",
        "2024-01-02T03:04:05.123Z",
        "2024-01-02T03:04:05.000Z",
        "2024-01-02T03:04:05.999Z",
        "2024-01-02T03:04:05.123456Z",
        "2024-01-02T03:04:05.000001Z",
        "2024-01-02T03:04:05.1234567Z",
        "2024-01-02T03:04:05.9999999Z",
        "2024-01-02T03:04:05.123456789Z",
        # offsets
        "2024-01-02T03:04:05+00:00",
        "2024-01-02T03:04:05-00:00",
        "2024-01-02T03:04:05+02:00",
        "2024-01-02T03:04:05-05:30",
        "2024-01-02T03:04:05+14:00",
        "2024-01-02T03:04:05-12:00",
        "2024-01-02T03:04:05+0530",
        "2024-01-02T23:30:00-02:00",
        "2024-01-01T00:30:00+01:00",
        "2024-01-02T03:04:05.123+02:00",
        "2024-01-02T03:04:05.123456-07:00",
        "2024-01-02T03:04:05.1234567+09:30",
        # no offset: UTC
        "2024-01-02T03:04:05",
        "2024-01-02T03:04:05.123",
        # other forms botocore reads
        "2024-01-02 03:04:05Z",
        "2024-01-02T03:04Z",
        "Tue, 02 Jan 2024 03:04:05 GMT",
        "1704164645",
    ],
)
def test_same_as_botocore(text: str) -> None:
    assert_same_as_botocore(text)


def test_known_values() -> None:
    assert parse_iso_timestamp("2024-01-02T03:04:05.123Z") == dt.datetime(
        2024, 1, 2, 3, 4, 5, 123000, tzinfo=dt.UTC
    )
    shifted = parse_iso_timestamp("2024-01-02T00:30:00+02:00")
    assert (shifted.year, shifted.month, shifted.day, shifted.hour, shifted.minute) == (
        2024,
        1,
        1,
        22,
        30,
    )
    assert shifted.utcoffset() == UTC_OFFSET


@pytest.mark.parametrize("text", ["", "not a date", "2024-13-45T99:99:99Z"])
def test_invalid_text_raises(text: str) -> None:
    with pytest.raises((ValueError, OverflowError)):
        parse_iso_timestamp(text)


offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda minutes: dt.timezone(dt.timedelta(minutes=minutes))
)


def _render(value: dt.datetime, digits: int, zulu: bool) -> str:
    text = value.strftime("%Y-%m-%dT%H:%M:%S")
    if digits:
        fraction = f"{value.microsecond:06d}" + "0" * max(0, digits - 6)
        text += "." + fraction[:digits]
    if zulu and value.utcoffset() == UTC_OFFSET:
        return text + "Z"
    return text + value.strftime("%z")[:3] + ":" + value.strftime("%z")[3:]


@settings(max_examples=200, deadline=None)
@given(
    value=st.datetimes(
        min_value=dt.datetime(1971, 1, 1),
        max_value=dt.datetime(2099, 12, 31),
        timezones=st.one_of(st.just(dt.UTC), offsets),
    ),
    digits=st.sampled_from([0, 3, 6, 7]),
    zulu=st.booleans(),
)
def test_same_as_botocore_for_generated_forms(value: dt.datetime, digits: int, zulu: bool) -> None:
    text = _render(value, digits, zulu)
    assert_same_as_botocore(text)
    if digits in (6, 7):
        # Microseconds survive exactly.
        assert parse_iso_timestamp(text) == value


@settings(max_examples=100, deadline=None)
@given(
    value=st.datetimes(
        min_value=dt.datetime(1971, 1, 1),
        max_value=dt.datetime(2099, 12, 31),
        timezones=st.one_of(st.just(dt.UTC), offsets),
    )
)
def test_isoformat_round_trips(value: dt.datetime) -> None:
    parsed = parse_iso_timestamp(value.isoformat())
    assert parsed == value
    assert parsed.utcoffset() == UTC_OFFSET
    assert_same_as_botocore(value.isoformat())


# --- exactly the forms botocore accepts -------------------------------------------------------

_REFUSALS = (ValueError, OverflowError, OSError)


def _botocore_or_refusal(text: str) -> dt.datetime | None:
    try:
        return botocore_value(text)
    except _REFUSALS:
        return None


def assert_accepts_what_botocore_accepts(text: str) -> None:
    expected = _botocore_or_refusal(text)
    if expected is None:
        with pytest.raises(_REFUSALS):
            parse_iso_timestamp(text)
    else:
        assert parse_iso_timestamp(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # ISO week and ordinal dates: datetime.fromisoformat reads them, botocore does not.
        "2024-W01-2",
        "2024W012",
        "2024-W01-2T03:04:05Z",
        "2024-W53",
        "2024-001",
        "2024001",
        # basic formats and numbers: botocore reads digits as seconds since the epoch
        "20240102",
        "20240102T030405Z",
        "20240102T030405.123Z",
        "1704164645",
        "1704164645.25",
        # other edges
        "2024-01-02",
        "2024-01-02T03",
        "2024-01-02T03:04:05,123Z",
        "2024-01-02T24:00:00Z",
        "2024-01-02T03:04:60Z",
        "2024-02-30T03:04:05Z",
        "2024-01-02T03:04:05+05",
        "2024-01-02T03:04:05+05:30:15",
        "2024-01-02T03:04:05 +05:30",
        "2024-01-02T03:04:05.Z",
    ],
)
def test_accepts_exactly_what_botocore_accepts(text: str) -> None:
    assert_accepts_what_botocore_accepts(text)


def test_iso_week_dates_are_refused_as_botocore_refuses_them() -> None:
    with pytest.raises(ValueError):
        parse_iso_timestamp("2024-W01-2")


_ISO_LIKE = (
    r"\d{4}(-?(W\d\d(-?\d)?|\d{3}|\d\d(-?\d\d)?))?"
    r"([T ]\d\d(:?\d\d(:?\d\d([.,]\d{1,9})?)?)?)?"
    r"(Z|[+-]\d\d(:?\d\d)?)?"
)


@settings(max_examples=300, deadline=None)
@given(text=st.from_regex(_ISO_LIKE, fullmatch=True))
@example(text="0001T000000-30")  # an offset of -30 h, found by hypothesis
@example(text="9999-12-31T23:59:59-99:00")
@example(text="0001-01-01T00:00:00+99:00")
@example(text="0001-01-01T00:00:00Z")  # year 1 and 9999: the ends of datetime's range
@example(text="0001-01-01T00:00:00-99:59")
@example(text="9999-12-31T23:59:59.999999Z")
@example(text="9999-12-31T23:59:59+99:59")
@example(text="99991231T235959-99")
def test_accepts_exactly_what_botocore_accepts_for_generated_forms(text: str) -> None:
    assert_accepts_what_botocore_accepts(text)


# --- to_utc: botocore's values (tzlocal, tzutc) and datetime's own zones -----------------------

_AWARE_ZONES = st.one_of(
    st.just(tzlocal()),
    st.just(tzutc()),
    st.just(dt.UTC),
    st.integers(min_value=-23 * 60, max_value=23 * 60).map(
        lambda minutes: dt.timezone(dt.timedelta(minutes=minutes))
    ),
)


def _reference_utc(value: dt.datetime) -> dt.datetime | type[Exception]:
    """What `astimezone(UTC)` gives (or raises), the value to_utc has always given."""
    try:
        return value.astimezone(dt.UTC)
    except (ValueError, OverflowError) as exc:
        return type(exc)


@settings(max_examples=300, deadline=None)
@given(
    value=st.datetimes(timezones=_AWARE_ZONES),
    fold=st.sampled_from([0, 1]),
)
@example(value=dt.datetime(1, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=5))), fold=0)
@example(
    value=dt.datetime(9999, 12, 31, 23, 59, tzinfo=dt.timezone(dt.timedelta(hours=-5))), fold=0
)
@example(value=dt.datetime(2026, 11, 25, 3, 12, 45, 123000, tzinfo=tzlocal()), fold=0)
def test_to_utc_gives_what_astimezone_gives(value: dt.datetime, fold: int) -> None:
    value = value.replace(fold=fold)
    expected = _reference_utc(value)
    if isinstance(expected, dt.datetime):
        converted = to_utc(value)
        assert converted == expected
        assert converted.tzinfo is dt.UTC
        assert (converted.replace(tzinfo=None), converted.fold) == (
            expected.replace(tzinfo=None),
            expected.fold,
        )
        assert type(converted) is type(expected)
    else:
        # Out of datetime's range in UTC: converted by hand as before (or refused alike).
        try:
            converted = to_utc(value)
        except (ValueError, OverflowError):
            return
        offset = value.utcoffset()
        assert offset is not None
        assert converted.replace(tzinfo=None) == value.replace(tzinfo=None) - offset


class _MyDatetime(dt.datetime):
    """A datetime subclass (as freezegun's or pendulum's): kept on astimezone's path."""


def test_to_utc_of_a_datetime_subclass_is_astimezone_s() -> None:
    value = _MyDatetime(2026, 11, 25, 3, 12, 45, 123000, tzinfo=tzutc())
    converted = to_utc(value)
    expected = value.astimezone(dt.UTC)
    assert type(converted) is type(expected)
    assert converted == expected
