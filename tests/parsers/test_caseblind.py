"""A case-blind alternation searched branch by branch, each after a lower-case rule-out, finds
exactly what the whole expression finds (parsers.reasons.caseblind)."""

from __future__ import annotations

import re
import re._casefix as _casefix
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsers import fallback, listadmin
from parsers.reasons.caseblind import CaseBlind, branches

classify = sys.modules["parsers.reasons.classify"]
IN_USE = {
    "final": classify._FINAL,
    "still_trying": classify._STILL_TRYING,
    "still_trying_more": classify._STILL_TRYING_MORE,
    "gmail_still_trying": classify._GMAIL_STILL_TRYING,
    "daemon_from": fallback._DAEMON_FROM,
    "bounce_subject": fallback._BOUNCE_SUBJECT,
    "not_delivered": fallback._NOT_DELIVERED,
    "error_words": fallback._ERROR_WORDS,
    "member_removed": listadmin._MEMBER_REMOVED,
}


def _case_blind_matches(char: str) -> set[str]:
    """Every character re.IGNORECASE matches to `char`: its other cases and the variant forms."""
    low = char.lower() if len(char.lower()) == 1 else char
    found = {char, low, char.upper() if len(char.upper()) == 1 else char}
    for code in (ord(c) for c in list(found)):
        found.update(chr(x) for x in _casefix._EXTRA_CASES.get(code, ()))
    found.update(c for c in ("\u0130", "\u212a", "\u212b", "\u2126") if c.lower() == low)
    return {c for c in found if re.fullmatch(re.escape(char), c, re.IGNORECASE)}


def _recased(text: str, choices: list[int]) -> str:
    """`text` with each character replaced by one of its case-blind matches (by `choices`)."""
    out = []
    for ch, pick in zip(text, choices + [0] * len(text), strict=False):
        options = sorted(_case_blind_matches(ch))
        out.append(options[pick % len(options)])
    return "".join(out)


def _samples(pattern: str) -> list[st.SearchStrategy[str]]:
    made = []
    for part in branches(pattern):
        if any(mark in part for mark in ("(?<", "(?=", "(?!", "\\b", "^", "$")):
            continue  # (a generated match plus context may not match: look-arounds and anchors)
        made.append(st.from_regex(re.compile(part), fullmatch=True))
    return made


@pytest.mark.parametrize("name", sorted(IN_USE))
def test_the_branch_search_finds_what_the_whole_expression_finds(name: str) -> None:
    blind = IN_USE[name]
    whole = re.compile(blind.pattern, blind.flags)
    phrase = st.one_of(*_samples(blind.pattern))

    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
    @given(
        phrase,
        st.lists(st.integers(0, 5), max_size=80),
        st.text(max_size=20),
        st.text(max_size=20),
        st.booleans(),
    )
    def check(found: str, choices: list[int], before: str, after: str, cut: bool) -> None:
        text = before + _recased(found, choices) + after
        if cut:  # (a piece of the phrase only: mostly no match)
            text = text[: len(text) // 2]
        assert blind.occurs_in(text) is bool(whole.search(text))
        assert blind.may_occur_in(text) or not whole.search(text)
        got = [(m.span(), m.groups()) for m in blind.finditer(text)]
        assert got == [(m.span(), m.groups()) for m in whole.finditer(text)]

    check()


@pytest.mark.parametrize(
    "text",
    [
        "The server gave up",
        "GAVE UP",
        "Delivery has \u212aept failing; giving up",  # the Kelvin sign
        "G\u0130V\u0130NG UP",  # dotted capital I: lower() gives two characters
        "g\u0131v\u0131ng up",  # dotless i
        "will not be retr\u0131ed",
        "ΜΟΝΙΜΟ ΣΦΑΛΜΑ",  # Greek capitals (a final sigma when lower-cased)
        "μονιμο σφαλμα",
        "ΠΟΣΤІЙНА ПОМИЛКА",
        "постійна помилка",
        "ᲃпроби",
        "This is a warning message only",
        "delay reason: 452",
        "\ndelay reason: 452",
        "x delay reason: 452",
        "",
    ],
)
def test_case_traps_are_found_as_the_whole_expression_finds_them(text: str) -> None:
    for blind in IN_USE.values():
        assert blind.occurs_in(text) is bool(re.compile(blind.pattern, blind.flags).search(text)), text


def test_a_piece_holds_only_characters_lower_case_gives_for_every_case_blind_match() -> None:
    # (each character of every piece: what re.IGNORECASE matches to it, over all of Unicode)
    chars = set()
    for blind in IN_USE.values():
        blind.occurs_in("")  # (built on first use)
        for branch in blind._branches or ():
            chars.update("".join(branch.pieces or ()))
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for char in chars:
        for match in re.findall(re.escape(char), everything, re.IGNORECASE):
            assert match.lower() == char, (char, match)


def test_a_branch_that_needs_a_non_ascii_script_matches_no_ascii_text() -> None:
    ascii_chars = "".join(chr(c) for c in range(128))
    for blind in IN_USE.values():
        blind.occurs_in("")
        for branch in blind._branches or ():
            if branch.needs_script:
                assert branch.pieces is None or all(branch.pieces)
                assert not re.search(branch.pattern, ascii_chars * 3, blind.flags)


@pytest.mark.parametrize(
    ("pattern", "parts"),
    [
        ("a|b", ["a", "b"]),
        ("(?:a|b)|c", ["(?:a|b)", "c"]),
        (r"a\|b|c", [r"a\|b", "c"]),
        ("[|]|x", ["[|]", "x"]),
        ("[]|]|x", ["[]|]", "x"]),
        ("[^]|]|x", ["[^]|]", "x"]),
        (r"[\]|]|x", [r"[\]|]", "x"]),
        ("abc", ["abc"]),
    ],
)
def test_branches_splits_at_top_level_bars_only(pattern: str, parts: list[str]) -> None:
    assert branches(pattern) == parts


def test_an_alternation_with_flags_set_inside_it_is_searched_whole() -> None:
    # ((?m) holds for both branches: searched apart, the second would lose it)
    blind = CaseBlind(r"(?m)^x|^y")
    assert blind.occurs_in("a\nY") and not blind.occurs_in("a y")
