"""Detector patterns rewritten to open on a literal (re skips ahead to it instead of trying every
position) find what the patterns they replace found, on random texts built from their own words with
the Unicode case traps (İ ı ſ K match i, i, s, k case-blind)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers import casefold
from parsers.mta import _common, dragonfly, gsuite, listmanager, qmail, sendmail

# The patterns as they were written before: what the rewritten ones stand for.
_ORIGINAL_LINE = re.compile(
    r"^[^\S\n]*-----\s*(?:Original message follows|Message header follows|Returned message)", re.I | re.M
)
_RHOST = re.compile(r"\b(?:host|[Ss]erver)\s+([A-Za-z0-9][A-Za-z0-9.\-]*)\s*\[[0-9A-Fa-f.:]+\]")
_QMAIL_COMMANDS = (
    re.compile(r"(?<!\S)\S+ does not like recipient\."),
    re.compile(r"(?<!\S)\S+ failed (?:on DATA command|after I sent the message)"),
)

_TRAPS = ["İ", "ı", "ſ", "K", "é", "_", "x", "-", " ", "\t", "\n", "\u2028", "\x1c", "\xa0", "\r"]


def _texts(words: list[str]) -> st.SearchStrategy[str]:
    """Texts glued from the pattern's own words (in random case), blanks, dashes and the traps."""
    word = st.sampled_from(words).flatmap(
        lambda w: st.sampled_from(
            [w, w.upper(), w.lower(), w.title(), w.replace("s", "ſ"), w.replace("i", "İ")]
        )
    )
    return st.lists(st.one_of(word, st.sampled_from(_TRAPS)), max_size=30).map("".join)


_ORIGINAL_WORDS = [
    "-----",
    "------",
    "----- ",
    "-----\n",
    "Original message follows",
    "Message header follows",
    "Returned message",
    "Original ",
    "message follows",
    "  ",
    "\n  ",
    "x-----",
]


def _old_original_line(text: str) -> int:
    found = _ORIGINAL_LINE.search(text)
    return found.start() if found else -1


@settings(max_examples=3000)
@given(_texts(_ORIGINAL_WORDS))
def test_original_line_is_where_the_multiline_pattern_starts(text: str) -> None:
    assert sendmail.original_line(text) == _old_original_line(text)


def test_original_line_examples() -> None:
    assert sendmail.original_line("a\n  ----- Original message follows -----\n") == 2
    assert sendmail.original_line("a ----- Original message follows\n") == -1  # (not at a line start)
    assert sendmail.original_line("x----- Returned message\n\t-----RETURNED MESSAGE") == 24
    assert sendmail.original_line("\u2028----- Returned message") == 0  # (a blank, not a line break, to re)


_RHOST_WORDS = [
    "host",
    "Host",
    "server",
    "Server",
    "SERVER",
    "mx.example.org",
    "a-b",
    " ",
    "[192.0.2.1]",
    "[",
    "]",
]
_RHOST_WORDS += ["1.2", ":", "ehost", "_server", "éhost", "xserver", "\n"]
_RHOST_WORDS += ["server mx.example.org [192.0.2.1]", "Server a-b[1.2]", "host x\n[::1]", "hoſt a [1.2]"]


@settings(max_examples=3000)
@given(_texts(_RHOST_WORDS))
def test_remote_host_pattern_finds_the_same_match(text: str) -> None:
    old = _RHOST.search(text)
    new = _common._RHOST_PATTERNS[0].search(text)
    assert (old and (old.span(), old.groups())) == (new and (new.span(), new.groups()))


_QMAIL_WORDS = [
    " does not like recipient.",
    "does not like recipient.",
    " failed ",
    "failed",
    "on DATA command",
]
_QMAIL_WORDS += ["after I sent the message", "mx.example.org", "192.0.2.1", " ", "\n", "\xa0"]


@settings(max_examples=3000)
@given(_texts(_QMAIL_WORDS))
def test_qmail_command_patterns_agree(text: str) -> None:
    # (qmail asks only whether they are found: _command reads no span)
    news = [pattern for command, pattern in qmail._COMMANDS if command in ("RCPT", "DATA")]
    for old, new in zip(_QMAIL_COMMANDS, news, strict=True):
        assert bool(old.search(text)) == bool(new.search(text))


# Case-blind patterns now searched case-sensitively in the text folded by casefold.fold_case.
_CASE_BLIND = (
    (re.compile(r"Could not deliver for the last \d+ seconds", re.I), dragonfly._FORMAT_REASONS[0][1]),
    (re.compile(r"DNS lookup failure: host \S+ not found", re.I), dragonfly._FORMAT_REASONS[1][1]),
    (
        re.compile(r"can not connect to|unable to establish connection|connect to .* failed", re.I),
        dragonfly._FORMAT_REASONS[2][1],
    ),
    (
        re.compile(r"awaits moderator approval|is being held until the list moderator can review it", re.I),
        listmanager._HELD,
    ),
)
_CASE_BLIND_WORDS = [
    "Could not deliver for the last ",
    "12",
    " seconds",
    "DNS lookup failure: host ",
    "mx",
    " not found",
]
_CASE_BLIND_WORDS += ["can not connect to", "unable to establish connection", "connect to ", " failed", "x"]
_CASE_BLIND_WORDS += ["awaits moderator approval", "is being held until the list moderator can review it"]
_CASE_BLIND_WORDS += ["DİSK", "unable to eſtablish", "KONNECT", "\u0131s being held"]


@settings(max_examples=3000)
@given(_texts(_CASE_BLIND_WORDS))
def test_folded_search_finds_the_case_blind_spans(text: str) -> None:
    folded = casefold.fold_case(text)
    for old, new in _CASE_BLIND:
        was, now = old.search(text), new.search(folded)
        assert (was and was.span()) == (now and now.span())


# "^" (re.M) before a literal opening, moved after it as a look-behind.
_LINE_STARTS = (
    (
        re.compile(
            r"^--- (?:Below this line is a copy of the message|Enclosed are the original headers of the "
            r"message|Original message follows|Below the next line is a copy of the message)",
            re.M,
        ),
        qmail._END,
    ),
    (re.compile(r"^\*\* .+ \*\*\s*$", re.M), gsuite._HEADLINE),
)
_LINE_START_WORDS = [
    "--- ",
    "---",
    "----",
    "Below this line is a copy of the message",
    "Original message follows",
]
_LINE_START_WORDS += [
    "Enclosed are the original headers of the message",
    "Below the next line is a copy of the message",
]
_LINE_START_WORDS += ["** ", "**", "***", " **", "Address not found", "\n", "\n\n", "x", " ", "\r\n"]


@settings(max_examples=3000)
@given(_texts(_LINE_START_WORDS))
def test_line_start_look_behind_is_the_multiline_caret(text: str) -> None:
    for old, new in _LINE_STARTS:
        was, now = old.search(text), new.search(text)
        assert (was and was.span()) == (now and now.span())
