"""The marker before a pasted original, searched case-sensitively in the case-folded text
(parsers.attribution._copy_marker over parsers.casefold.fold_case), is found where the
case-insensitive pattern finds it in the text as written."""

from __future__ import annotations

import re
from email.message import Message

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parsers import attribution
from parsers.casefold import fold_case
from parsers.mail import Mail

# The marker as the formats phrase it, case-insensitive, searched in the text as written: what the
# folded search stands for.
_CASE_BLIND_MARKER = re.compile(
    r"(?i)\n[ \t]*(?:[-=_*][-=_* ]*)?(?:below this line is a copy of the message|this is a copy of (?:your|the) message"
    r"|original message follows|--- ?original message|returned message|the original message headers"
    r"|message headers follow|unsent message follows|undelivered message headers"
    r"|header of the (?:source|original) (?:mail|message))[^\n]*\n"
)
MARKERS = [
    "below this line is a copy of the message",
    "this is a copy of your message",
    "this is a copy of the message",
    "original message follows",
    "---original message",
    "--- original message",
    "returned message",
    "the original message headers",
    "message headers follow",
    "unsent message follows",
    "undelivered message headers",
    "header of the source mail",
    "header of the original message",
]
# Characters that re.IGNORECASE matches to ASCII letters of the markers (and the Kelvin sign, which
# it matches to k), with their ASCII forms in both cases.
_TRAPS = {"i": "iI\u0130\u0131", "s": "sS\u017f", "k": "kK\u212a"}


@st.composite
def _written(draw: st.DrawFn, marker: str) -> str:
    """`marker` as a report may write it: each letter in either case or as one of its Unicode
    case-blind stand-ins, now and then one character replaced by another."""
    chars = [draw(st.sampled_from(_TRAPS.get(char, char + char.upper()))) for char in marker]
    if draw(st.integers(0, 3)) == 0:
        chars[draw(st.integers(0, len(chars) - 1))] = draw(st.sampled_from("xI\u0131\u017f-"))
    return "".join(chars)


_LINE_TEXT = st.text(alphabet="abeghilmnorstuwxy -=_*\t\u0130\u0131\u017f\u212aK\u00e9", max_size=20)


@st.composite
def _report(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(0, 6))):
        if draw(st.booleans()):
            lead = draw(st.sampled_from(["", " ", "\t", "--- ", "==", "* ", "-=-", "x "]))
            lines.append(lead + draw(_written(draw(st.sampled_from(MARKERS)))) + draw(_LINE_TEXT))
        else:
            lines.append(draw(_LINE_TEXT | st.text(max_size=30)))
    return "\n".join(lines) + draw(st.sampled_from(["", "\n"]))


def _span(m: re.Match[str] | None) -> tuple[int, int] | None:
    return m.span() if m is not None else None


@given(text=_report())
def test_the_folded_marker_search_finds_what_the_case_blind_one_finds(text: str) -> None:
    text = "\n" + text
    assert _span(attribution._copy_marker(fold_case(text))) == _span(_CASE_BLIND_MARKER.search(text))


@pytest.mark.parametrize(
    ("marker", "found"),
    [
        ("----- Below this line is a copy of the message.", True),
        ("  ORIGINAL MESSAGE FOLLOWS", True),
        ("--- Or\u0130g\u0130nal message follows ---", True),  # (the dotted capital I: a case-blind i)
        ("Un\u017fent message follows", True),  # (the long s: a case-blind s)
        ("=== Header of the Original Message ===", True),
        ("Header of the source mail:", True),
        ("Undelivered message headers:", True),
        ("The original message was lost.", False),
        ("Please see the original message follows", False),  # (not at the start of the line)
    ],
)
def test_the_original_is_read_after_a_marker_in_any_case(marker: str, found: bool) -> None:
    text = (
        f"Your message was not delivered.\n\n{marker}\n\n"
        "Return-Path: <bounces+x=y@sender.example>\nMessage-ID: <m1@sender.example>\n\nHello\n"
    )
    original = attribution.returned_original(Mail(Message(), text=text))
    assert (original is not None and original.get("Message-ID") == "<m1@sender.example>") is found
