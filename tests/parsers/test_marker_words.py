"""A prefilter marker's inner word is a whole word of every text that holds the marker."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.mta import DETECTORS, _inner_word

MARKERS = sorted({m for d in DETECTORS for m in getattr(d, "MARKERS", ())})
AROUND = st.text(alphabet=st.sampled_from(list("ab -\n\t\u00a0.:")), max_size=8)


def test_inner_words() -> None:
    assert _inner_word("following addresses had") == "addresses"
    assert _inner_word("mail system") is None
    assert _inner_word("the postfix ") == "postfix"
    assert _inner_word("postmaster@") is None


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(MARKERS), AROUND, AROUND)
def test_inner_word_is_a_word_of_any_text_with_the_marker(marker: str, before: str, after: str) -> None:
    word = _inner_word(marker)
    text = before + marker + after
    if word is not None:
        assert word in set(text.split())
