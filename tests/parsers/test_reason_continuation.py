"""derive's test for a multi-line reply (parsers.reasons.derive._continued) against the count it replaced."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.reasons.derive import _continued
from parsers.reasons.status import CONTINUATION

# (pieces of reply-code line openings, each of the three first digits alone in some, and characters
# that end or precede one)
_OPENINGS = ["550", "421", "221", "250-", "400 ", "5.7.1", "4.2.0 "]
_PIECES = st.sampled_from([*_OPENINGS, "2", "4", "5", "0", "-", " ", ".", "x", "_", "\n"])
_TEXT = st.lists(_PIECES, max_size=16).map("".join)


def _reference(low: str) -> bool:
    """The test as derive made it before: a list of every opening, counted."""
    return len(CONTINUATION.findall(low)) > 1


@settings(max_examples=1000, deadline=None)
@given(_TEXT)
def test_a_second_opening_is_found_where_the_count_found_more_than_one(low: str) -> None:
    assert _continued(low) == _reference(low)


def test_multi_line_replies_are_told_from_single_ones() -> None:
    assert _continued("550-5.7.1 first line 550-5.7.1 second line")
    assert not _continued("550 5.1.1 <a@b>: user unknown")
    assert not _continued("")
    # (a second opening whose first digit is the only 2, 4 or 5 after the first)
    assert _continued("550 first 221 second")
    assert _continued("550 first 400 second")
    assert _continued("no code here 221 x 221 y")
    assert _continued("no code here 400 x 400 y")
    assert not _continued("user unknown")
