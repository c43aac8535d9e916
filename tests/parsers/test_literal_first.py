"""A phrase opening with a word boundary is searched as the same expression opening with its
literal (parsers.reasons.families.literal_first): it must match exactly where the phrase does."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import parsers.reasons.derive  # noqa: F401  (makes every family)
from parsers.reasons import families
from parsers.reasons.families import literal_first

# Every phrase the rewrite changes, as shipped.
REWRITTEN = sorted({p for family in families._FAMILIES for p in family._phrases if literal_first(p) != p})


def test_the_shipped_leading_boundaries_are_rewritten() -> None:
    assert r"(?:\buce\b|\bube\b)" in REWRITTEN
    assert literal_first(r"(?:\buce\b|\bube\b)") == r"(?:u(?<!\wu)(?:ce\b|be\b))"
    assert any(p.startswith(r"(?:\bspf\b") for p in REWRITTEN)


@pytest.mark.parametrize(
    "phrase",
    [
        r"(?:\b(?:sua|tua) conta)",  # (no literal after the boundary)
        r"(?:\bdin konto|kontoen din)",  # (an alternative without the boundary)
        r"(?:\buce|\bspf)",  # (no common literal)
        r"(?:\b-x)",  # (not a word character after the boundary)
        r"(?:\bu?ce)",  # (the only letter is repeated)
        r"(?:uce\b)",
        r"(?:\buce",
    ],
)
def test_other_phrases_are_left_as_they_are(phrase: str) -> None:
    assert literal_first(phrase) == phrase


def test_a_quantified_last_letter_stays_with_the_rest() -> None:
    assert literal_first(r"(?:\bspfs?\b)") == r"(?:spf(?<!\wspf)(?:s?\b))"
    assert literal_first(r"(?:\bab{2}|\babc)") == r"(?:a(?<!\wa)(?:b{2}|bc))"


def test_alternatives_are_split_outside_groups_and_classes() -> None:
    assert literal_first(r"(?:\bab(?:c|d)|\bab[|]e)") == r"(?:ab(?<!\wab)(?:(?:c|d)|[|]e))"
    assert literal_first(r"(?:\bab[]|]|\babe)") == r"(?:ab(?<!\wab)(?:[]|]|e))"


# Texts made of the phrases' letters, word and non-word characters around them.
_ALPHABET = "ucebspfdkimarnoiphes_ \t.-5éваш(ıà"
_SHAPES = [
    r"(?:\buce\b|\bube\b)",
    r"(?:\bspf\b.{0,4}(?:fail|check))",
    r"(?:\bno \S{1,3} in)",
    r"(?:\bab(?:c|d)|\bab[|]e)",
    r"(?:\bspfs?\b)",
    r"(?:\bваш[аеи]? а)",
]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from([*_ALPHABET, "uce", "ube", "spf", "no ", "ab", "ваш"]), max_size=14), st.data()
)
def test_the_rewrite_matches_where_the_phrase_does(pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    phrase = data.draw(st.sampled_from(REWRITTEN + _SHAPES))
    old, new = re.compile(phrase), re.compile(literal_first(phrase))
    assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)]


@pytest.mark.parametrize("phrase", REWRITTEN)
def test_every_rewritten_phrase_matches_its_own_text_alike(phrase: str) -> None:
    old, new = re.compile(phrase), re.compile(literal_first(phrase))
    word = literal_first(phrase)[3:].split("(?<!")[0]
    for text in (word, f" {word}", f"x{word}", f"_{word}", f"é{word}", f"{word}{word}", f"-{word}ce fail"):
        assert bool(new.search(text)) == bool(old.search(text)), text
