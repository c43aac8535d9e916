"""The text index of the families' keywords finds exactly the keywords a text holds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.reasons import families

FIXTURES = Path(__file__).parent / "fixtures"
KEYWORDS = sorted(families.keyword_index_to_store()[1])


def _index() -> families._KeywordIndex:
    index = families._KeywordIndex()
    index.build(set(KEYWORDS), 7)
    return index


def _held(low: str) -> frozenset[str]:
    """The rule the index stands for: every keyword that occurs in the text."""
    return frozenset(word for word in KEYWORDS if word in low)


# (keywords, pieces of them, and the characters that bound words or join them)
_PIECES = st.one_of(
    st.sampled_from(KEYWORDS),
    st.sampled_from(KEYWORDS).map(lambda word: word[1:]),
    st.sampled_from(KEYWORDS).map(lambda word: word[:-1]),
    st.text(alphabet=" -._:/@<>x1éß\u0301\u00a0'\"", max_size=4),
    st.text(max_size=6),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=8))
def test_the_index_finds_the_keywords_a_random_text_holds(pieces: list[str]) -> None:
    low = "".join(pieces)
    assert _index().keywords_in(low) == _held(low)


def test_the_index_finds_the_keywords_each_fixture_line_holds() -> None:
    index = _index()
    texts = [path.read_bytes().decode("utf-8", "replace").lower() for path in sorted(FIXTURES.rglob("*.eml"))]
    assert len(texts) > 100
    for text in texts:
        for low in (text, *text.splitlines()):
            assert index.keywords_in(low) == _held(low), low


def test_a_word_met_before_is_not_cut_again(monkeypatch: pytest.MonkeyPatch) -> None:
    index = _index()
    calls: list[str] = []
    anchored = families._anchored
    monkeypatch.setattr(
        families, "_anchored", lambda word, *table: calls.append(word) or anchored(word, *table)
    )
    assert index.keywords_in("550 5.1.1 mailbox unavailable") == _held("550 5.1.1 mailbox unavailable")
    assert sorted(calls) == ["5.1.1", "550", "mailbox", "unavailable"]
    calls.clear()
    assert index.keywords_in("mailbox unavailable 550 5.1.1") == _held("mailbox unavailable 550 5.1.1")
    assert calls == []


def _families_by_place(low: str) -> frozenset[families.Family]:
    """families_in as it was: each keyword's families by their places, gathered in a loop."""
    found = families._TEXT_INDEX.keywords_in(low)
    _, by_place, always = families._TEXT_INDEX.holders
    possible = set(always)
    for word in found:
        possible.update(by_place[word])
    return frozenset([families._FAMILIES[place] for place in possible])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=8))
def test_the_families_of_a_random_text_are_those_its_keywords_name(pieces: list[str]) -> None:
    import parsers.reasons.phrases  # noqa: F401  (every family made, the index restored)

    low = "".join(pieces)
    answer, found = families.families_in(low)
    assert found == families._TEXT_INDEX.keywords_in(low)
    assert answer == _families_by_place(low)
    assert answer == frozenset(
        f for f in families._FAMILIES if f.has_unkeyed_phrase() or any(k in low for k in f.keywords())
    )
