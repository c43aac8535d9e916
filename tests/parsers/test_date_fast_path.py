"""The Date header's fast path reads every date exactly as email.utils does."""

from __future__ import annotations

import datetime as dt
import email.utils

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.core import _PLAIN_DATE, _parse_date

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
