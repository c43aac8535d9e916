"""A prefilter marker's inner words are whole words of every text that holds the marker."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.mta import DETECTORS, _inner_words

MARKERS = sorted({m for d in DETECTORS for m in getattr(d, "MARKERS", ())})
AROUND = st.text(alphabet=st.sampled_from(list("ab -\n\t\u00a0.:")), max_size=8)


def test_inner_words() -> None:
    assert _inner_words("following addresses had") == {"addresses"}
    assert _inner_words("mail system") == set()
    assert _inner_words("the postfix ") == {"postfix"}
    assert _inner_words("has been frozen on arrival") == {"been", "frozen", "on"}
    assert _inner_words("postmaster@") == set()


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(MARKERS), AROUND, AROUND)
def test_inner_words_are_words_of_any_text_with_the_marker(marker: str, before: str, after: str) -> None:
    text = before + marker + after
    assert _inner_words(marker) <= set(text.split())
