"""Accent folding looks up only the characters the fold table holds
(parsers.reasons.families.fold): it must give what translating every character does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.reasons import families
from parsers.reasons.families import _FOLD, _class_of, fold

# Every character that can stand in a str (surrogates aside).
_EVERY_CHARACTER = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)


def test_every_character_folds_as_the_table_says() -> None:
    assert fold(_EVERY_CHARACTER) == _EVERY_CHARACTER.translate(_FOLD)


def test_the_fold_table_is_the_one_made_from_unicode() -> None:
    assert families._fold_table() == _FOLD


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aé ßÆłð\u0301\u06cc\u06a9\u2013\u00a0日ש" + "ñ" + "\u1ec7")))
def test_mixed_texts_fold_as_translated(text: str) -> None:
    assert fold(text) == text.translate(_FOLD)
    assert families.normalise(text) == text.lower().translate(_FOLD)


def test_the_class_joins_consecutive_characters_into_ranges() -> None:
    assert _class_of([0xC0, 0xC1, 0xC2, 0xC4]) == r"[\U000000c0-\U000000c2\U000000c4]"
    assert _class_of([0x300]) == r"[\U00000300]"
