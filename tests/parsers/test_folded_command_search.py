"""The SMTP command read from a reply, searched case-sensitively in the case-folded text, is what
the case-insensitive patterns find in the text as written (parsers.casefold.fold_case)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from parsers import casefold
from parsers.mta import _common, _providers

# The patterns as the formats phrase them, case-insensitive, searched in the text as written: what
# the folded search stands for.
_PROVIDERS_COMMAND = re.compile(
    r"(?:\bin reply to |\bafter |\bfor |\[|>>> ?)(?:end of )?"
    r"(RCPT(?:[ _]TO)?|MAIL(?:[ _]FROM)?|DATA|EHLO|HELO|AUTH|STARTTLS|TEXT)\b",
    re.IGNORECASE,
)
_COMMON_COMMANDS = (
    re.compile(r"in reply to (?:end of )?(RCPT|MAIL|DATA|HELO|EHLO|RSET|QUIT)\b", re.I),
    re.compile(r"after (?:end of |pipelined )?(RCPT|MAIL|DATA|HELO|EHLO)\b", re.I),
    re.compile(r"did not like our (?:final )?(RCPT|MAIL|DATA|HELO|EHLO)\b", re.I),
    re.compile(r"\bSMTP:(RCPT|MAIL|DATA|HELO|EHLO)\b", re.I),
    re.compile(r">>> (RCPT|MAIL|DATA|HELO|EHLO)\b", re.I),
    re.compile(r"most progress was (RCPT|MAIL|DATA) ", re.I),
)


def _providers_expected(text: str) -> str | None:
    m = _PROVIDERS_COMMAND.search(text)
    if not m:
        return None
    word = m.group(1).upper()
    if word.startswith("RCPT"):
        return "RCPT"
    if word.startswith("MAIL"):
        return "MAIL"
    return "DATA" if word == "TEXT" else word


def _common_expected(text: str) -> str | None:
    text = text[:8000]
    for pattern in _COMMON_COMMANDS:
        found = pattern.search(text)
        if found:
            command = found.group(1).upper()
            return "HELO" if command == "EHLO" else command
    return None


PHRASES = [
    "550 5.1.1 user unknown (in reply to RCPT TO command)",
    "in reply to end of DATA command",
    "after RCPT TO:<a@example.org>",
    "Xafter RCPT",  # (no word boundary before "after")
    "_for DATA",  # (nor before "for": "_" is a word character)
    "éfor DATA",  # (a letter that is not ASCII is one too)
    "[Rcpt_To]",
    ">>>MAIL FROM:<a@b>",
    ">>> ehlo mx.example.org",
    "aFTER END OF data",
    "after \u017ftarttls",  # the long s: a case-blind 's'
    "in reply to ma\u0131l from",  # the dotless i: a case-blind 'i'
    "in reply to MA\u0130L FROM",  # the dotted capital I: a case-blind 'i' that upper() keeps
    "\u0130n reply to RCPT",
    "did not like our final DATA",
    "SMTP:EHLO",
    "xSMTP:RCPT",
    "most progress was RCPT ",
    "for text",
    "for AUTH\u212a",  # (the Kelvin sign after the word: a word character, no boundary)
    "after pipelined MAIL",
]


@given(
    before=st.text(max_size=200) | st.text(alphabet="afinorstx _[>:\u0130\u0131\u017f\u212a", max_size=30),
    phrase=st.sampled_from(PHRASES)
    | st.text(alphabet="adefhilmnoprstxyADFHIMRST_ []>:\u0130\u0131\u017f\u212a", max_size=40),
    after=st.text(max_size=200),
)
def test_the_folded_search_finds_what_the_case_insensitive_one_finds(
    before: str, phrase: str, after: str
) -> None:
    text = f"{before}{phrase}{after}"
    assert _providers.command_in(text) == _providers_expected(text)
    assert _common.smtp_command(text) == _common_expected(text)


def test_the_command_is_read_as_written() -> None:
    # (folded, the dotted capital I is an i; the command is upper-cased as the text writes it)
    assert _providers.command_in("in reply to MA\u0130L FROM") == "MA\u0130L FROM"
    assert _providers.command_in("550 rejected (in reply to rcpt to command)") == "RCPT"
    assert _common.smtp_command("... while talking to mx: >>> Rcpt To:<a@b>") == "RCPT"
    assert _common.smtp_command("xsmtp:rcpt") is None


def test_folding_keeps_each_character_in_its_place() -> None:
    text = "\u0130\u0131\u017f\u212a\u03a3A\u00c9x"
    folded = casefold.fold_case(text)
    assert len(folded) == len(text)
    assert folded == "iisk\u03c3a\u00e9x"
