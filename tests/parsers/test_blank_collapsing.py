"""Whitespace collapsing without regular expressions gives what the expressions gave."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.mail import collapse_blanks
from parsers.mta import _common, _providers

# Every character str.isspace() or \s knows, among letters, so that runs and ends occur often.
_SPACES = "".join(chr(i) for i in range(0x3001) if chr(i).isspace() or re.match(r"\s", chr(i)))
TEXT = st.text(alphabet=st.sampled_from(_SPACES + "ab\u0130\u212a"), max_size=40)


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_blanks_collapse_as_the_spaces_and_tabs_pattern_did(text: str) -> None:
    assert collapse_blanks(text) == re.sub(r"[ \t]+", " ", text).strip()


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_sweep_collapses_as_the_whitespace_pattern_did(text: str) -> None:
    expected = re.sub(r"\s+", " ", text).strip()
    assert _common.sweep(text) == expected
    assert _providers.sweep(text) == expected
