"""The Date header's fast path reads every date exactly as email.utils does."""

from __future__ import annotations

import datetime as dt
import email.utils

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.core import _PLAIN_DATE, _iso_date, _parse_date

DATES = st.builds(
    "{}{} {} {} {:02d}:{:02d}:{:02d} {}{:04d}{}".format,
    st.sampled_from(["", "Mon, ", "Sun, ", "Xyz, "]),
    st.integers(0, 40),
    st.sampled_from(["Jan", "Feb", "Jun", "Dec", "Foo"]),
    st.one_of(st.integers(1000, 9999), st.integers(0, 99)),
    st.integers(0, 30),
    st.integers(0, 70),
    st.integers(0, 70),
    st.sampled_from("+-"),
    st.integers(0, 2600),
    st.sampled_from(["", " (UTC)", " x y", "  (A)", "\u00a0(B)"]),
)


def _read(reader: object, text: str) -> tuple[str, object]:
    try:
        when = reader(text)  # type: ignore[operator]
    except Exception as exc:
        return ("error", type(exc).__name__)
    assert isinstance(when, dt.datetime)
    return ("date", (when, when.tzinfo))


@settings(max_examples=400, deadline=None)
@given(DATES)
def test_fast_path_agrees_with_email_utils(text: str) -> None:
    assert _read(_parse_date, text) == _read(email.utils.parsedate_to_datetime, text)


def test_fast_path_takes_the_common_shape() -> None:
    assert _PLAIN_DATE.fullmatch("Mon, 23 Nov 2026 02:17:37 +0000 (UTC)")
    assert _parse_date("23 Nov 2026 02:17:37 -0530") == dt.datetime(
        2026, 11, 23, 2, 17, 37, tzinfo=dt.timezone(dt.timedelta(hours=-5, minutes=-30))
    )
    assert _parse_date("Mon, 23 Nov 2026 02:17:37 -0000").tzinfo is None


def _iso_by_zones(text: str) -> str | None:
    """The ISO date the slow way: a datetime in its own zone, converted to UTC."""
    try:
        when = _parse_date(text)
    except (ValueError, TypeError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    try:
        return when.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    except (OverflowError, ValueError):
        return None


EDGE_DATES = st.builds(
    "{}{} {} {:04d} {:02d}:{:02d}:{:02d} {}{:02d}{:02d}".format,
    st.sampled_from(["", "Mon, "]),
    st.sampled_from([1, 28, 29, 30, 31, 32]),
    st.sampled_from(["Jan", "Feb", "Dec"]),
    st.sampled_from([1000, 1001, 2024, 2026, 9999]),
    st.sampled_from([0, 1, 23, 24]),
    st.sampled_from([0, 59, 60]),
    st.sampled_from([0, 59]),
    st.sampled_from("+-"),
    st.sampled_from([0, 1, 14, 23, 24, 99]),
    st.sampled_from([0, 30, 59, 99]),
)


@settings(max_examples=600, deadline=None)
@given(st.one_of(DATES, EDGE_DATES))
def test_the_iso_date_is_the_one_a_conversion_between_zones_gives(text: str) -> None:
    assert _iso_date(text) == _iso_by_zones(text)
