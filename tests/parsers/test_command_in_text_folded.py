"""dsn.command_in_text searches its pattern case-sensitively in the text folded by fold_case: it
answers as the case-blind pattern it replaces (kept here), on random texts built from the pattern's
own words with the Unicode case traps (İ ı ſ K) and mixed case."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers import dsn

_OLD_COMMAND = re.compile(
    r"in reply to (?:the )?(rcpt to|mail from|end of data|data|helo|ehlo|connect)"
    r"|>>> ?(rcpt|mail|data|helo|ehlo)\b"
    r"|after (rcpt to|mail from|end of data|data|helo|ehlo|initial connection|rcpt|mail)\b"
    r"|\[(rcpt_to|mail_from|data)\]"
    r"|out: {0,4}(rcpt to|mail from|data|helo|ehlo)\b",
    re.IGNORECASE,
)


def _old_command_in_text(text: str | None) -> str | None:
    if not text:
        return None
    found = None
    for m in _OLD_COMMAND.finditer(text):
        word = next(g for g in m.groups() if g).lower()
        found = dsn._COMMAND_NAMES.get(word, found)
    return found


_WORDS = [
    "in reply to ", "In Reply To ", "the ", "THE ", "rcpt to", "RCPT TO", "mail from", "MAIL FROM",
    "end of data", "End of DATA", "data", "DATA", "helo", "EHLO", "connect", "CONNECT", ">>>", ">>> ",
    "after ", "AFTER ", "initial connection", "rcpt", "Rcpt", "mail", "MAIL", "[", "]", "_to", "_from",
    "rcpt_to", "MAIL_FROM", "[Data]", "[rcpt_TO]", "550 ", "5.1.1 ", "x", ":", ".", "Out: ", "OUT:", "out:  ",
]  # fmt: skip
_TRAPS = [" ", "\n", "\t", "İ", "ı", "ſ", "K", "é", "\xa0", "MAİL", "maıl", "ehlſ", "Konnect"]
_TEXTS = st.lists(st.sampled_from(_WORDS + _TRAPS), max_size=20).map("".join)


@settings(max_examples=1000)
@given(_TEXTS)
def test_the_folded_search_answers_as_the_case_blind_pattern(text: str) -> None:
    assert dsn.command_in_text(text) == _old_command_in_text(text)


def test_the_command_is_read_as_the_text_writes_it() -> None:
    assert dsn.command_in_text("550 5.1.1 unknown user (in reply to RCPT TO command)") == "RCPT"
    assert dsn.command_in_text("after end of DATA: 554 rejected; then >>> mail from") == "MAIL"
    # (a dotted capital I is no "i" of "mail" as the text writes it: lower() makes it two characters)
    assert dsn.command_in_text(">>> MAİL FROM:<a@b>") is None
    assert dsn.command_in_text(None) is None


def test_a_session_transcript_names_the_last_command_sent() -> None:
    # (GroupWise's and NTMail's "Transcript of session follows": "Out:" lines over "In:" replies)
    transcript = "Out: MAIL FROM:<b@s.example>\nIn:  250 Ok\nOut: RCPT TO:<a@d.example>\nIn:  550 User a@d.example not found"
    assert dsn.command_in_text(transcript) == "RCPT"
    assert dsn.command_in_text("Out: MAIL FROM:<b@s.example>\nIn:  550 User b@s.example not found") == "MAIL"
    assert dsn.command_in_text("time out: connection closed") is None
