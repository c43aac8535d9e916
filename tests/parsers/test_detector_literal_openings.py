"""Detector patterns rewritten to open on a literal (re skips ahead to it instead of trying every
position) find what the patterns they replace found, on random texts built from their own words with
the Unicode case traps (İ ı ſ K match i, i, s, k case-blind)."""

from __future__ import annotations

import re
from email.message import Message

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers import casefold
from parsers.mail import Mail
from parsers.mta import _common, dragonfly, exim, googlegroups, gsuite, listmanager, qmail, sendmail

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


def _span(found: re.Match[str] | None) -> tuple[tuple[int, int], tuple[str | None, ...]] | None:
    return found and (found.span(), found.groups())


# Case-blind patterns opening on \b (or on alternations), now lower-case with the boundary as a
# look-behind after the opening literal, searched in the text folded by casefold.fold_case.
_FOLDED = (
    (
        re.compile(r"\bgroup\b[^.\n]{0,160}?\b(?:does not|doesn'?t|no longer) exists?\b", re.I),
        googlegroups._NO_SUCH_GROUP,
    ),
    (re.compile(r"smtp error from remote|\bhost \S+ \[|\bsaid:|\b[245]\d\d[ -]", re.I), exim._REMOTE_REPLY),
    (
        re.compile(
            r"you are not allowed to post to this mailing list|your message to the \S+ mailing-list was rejected",
            re.I,
        ),
        listmanager._AUTO_REJECT,
    ),
    (
        re.compile(
            r"posting of your message titled.{0,400}?has been rejected by the list moderator", re.I | re.S
        ),
        listmanager._MODERATOR_POST,
    ),
)
_FOLDED_WORDS = ["group", "Groups", "the group", "does not", "doesn't", "doesnt", "no longer", " exist"]
_FOLDED_WORDS += ["exists", "xgroup", "_group", "group_", ".", "smtp error from remote", "host", "mx"]
_FOLDED_WORDS += [" [", "said:", "550", "421-", "4.2", "x5", "_250 ", "You are not allowed to post to"]
_FOLDED_WORDS += [
    " this mailing list",
    "your message to the",
    " list@example.org",
    " mailing-list was rejected",
]
_FOLDED_WORDS += [
    "posting of your message titled",
    "has been rejected by the list moderator",
    "\u0663\u0663\u0663",
]


@settings(max_examples=3000)
@given(_texts(_FOLDED_WORDS))
def test_folded_patterns_find_the_case_blind_spans(text: str) -> None:
    folded = casefold.fold_case(text)
    for old, new in _FOLDED:
        assert _span(old.search(text)) == _span(new.search(folded))


def test_folded_pattern_examples() -> None:
    fold = casefold.fold_case
    assert googlegroups._NO_SUCH_GROUP.search(fold("The GROUP you wrote to doesn't exist."))
    assert not googlegroups._NO_SUCH_GROUP.search(fold("subgroup does not exist"))
    assert exim._REMOTE_REPLY.search(fold("SMTP error from remote mail server after RCPT"))
    assert not exim._REMOTE_REPLY.search(fold("x550 Unrouteable address"))


_BULLET = re.compile(r"^ ?\* ?", re.M)


@settings(max_examples=3000)
@given(_texts(["*", " *", "* ", "  *", "**", "\n", "\r\n", "\n ", "x", " ", "\u2028*"]))
def test_bullets_are_the_multiline_pattern_matches(text: str) -> None:
    assert googlegroups.bullets(text) == len(_BULLET.findall(text))


# Report-ending markers searched in the report before the original instead of the whole body.
_EXIM_END = re.compile(
    r"^-+ This is a copy of (?:the|your) message|^-+ The header of the original message is following"
    r"|^Content-Type:\s*message/delivery-status",
    re.I | re.M,
)
_DRAGONFLY_END = re.compile(r"^Message headers follow\.|^Original message follows\.", re.M)
_END_WORDS = ["--- ", "-", "------ ", "This is a copy of ", "the", "your", " message", "The header of the "]
_END_WORDS += ["original message is following", "Content-Type:", "content-type: ", "message/delivery-status"]
_END_WORDS += ["Message headers follow.", "Original message follows.", "message/rfc822", "Content-Type: "]
_END_WORDS += [_common.ORIGINAL_MARKER, "\n" + _common.ORIGINAL_MARKER + "\n", "\n", "\n\n", "x"]


def _mail(subject: str, text: str) -> Mail:
    return Mail(Message(), subject=subject, from_="MAILER-DAEMON", text=text)


@settings(max_examples=2000)
@given(_texts(["Subject", "\n"]), _texts(_END_WORDS))
def test_report_ends_are_where_the_body_was_cut(subject: str, text: str) -> None:
    # (what exim and dragonfly read before: before_original(mail, _END), the whole body cut)
    old = _common.before_original(_mail(subject, text), _EXIM_END)
    assert _common.report_cut_at(_mail(subject, text), *exim._ENDS) == old
    old = _common.before_original(_mail(subject, text), _DRAGONFLY_END)
    assert _common.cut_at(_common.before_original(_mail(subject, text)), *dragonfly._ENDS) == old


def test_report_end_examples() -> None:
    text = "Sorry\n------ This is a copy of the message, including all the headers.\nTo: x"
    assert _common.report_cut_at(_mail("İİ Mail delivery failed", text), *exim._ENDS) == "Sorry\n"
    text = "a\nCONTENT-TYPE: message/delivery-status\n"
    assert _common.report_cut_at(_mail("s", text), *exim._ENDS) == "a\n"
    assert _common.report_cut_at(_mail("s", "a --- This is a copy of the message"), *exim._ENDS).endswith(
        "message"
    )


# Case-sensitive patterns opening on \b, now on their first word with the boundary a look-behind.
_BOUNDARY_FIRST = (
    (re.compile(r"\bhost\s+([A-Za-z0-9][A-Za-z0-9.\-]*)\s+said:"), _common._RHOST_PATTERNS[1]),
    (re.compile(r"\bwhile talking to\s+([A-Za-z0-9][A-Za-z0-9.\-]*?)\.?:"), _common._RHOST_PATTERNS[2]),
    (re.compile(r"\bremote host\s+([0-9A-Za-z][0-9A-Za-z.\-:]*)\s+said\b"), _common._RHOST_PATTERNS[4]),
    (
        re.compile(r"\bConnected to\s+([0-9A-Za-z][0-9A-Za-z.\-:]*[0-9A-Za-z])\s+but\b"),
        _common._RHOST_PATTERNS[5],
    ),
    (
        re.compile(
            r"^(?:The response was:|The response from the remote server was:)\s*\n?(.*?)(?:\n\s*\n|\Z)",
            re.M | re.S,
        ),
        gsuite._RESPONSE,
    ),
)
_BOUNDARY_WORDS = ["host", "xhost", "_host", "éhost", " ", "mx.example.org", "a-b", "said:", "said", ":"]
_BOUNDARY_WORDS += ["while talking to", "xwhile talking to", "remote host", "Connected to", " but", "but"]
_BOUNDARY_WORDS += ["The response was:", "The response from the remote server was:", "550 no", "\n\n", "."]
# (whole matches after a word character or not: the boundary decides)
_BOUNDARY_WORDS += ["host a said:", "xhost a said:", "while talking to mx:", "_while talking to mx:"]
_BOUNDARY_WORDS += ["remote host a said", "éremote host a said", "Connected to a but", "xConnected to a but"]
_BOUNDARY_WORDS += ["xThe response was:", "\nThe response was: no"]


@settings(max_examples=3000)
@given(_texts(_BOUNDARY_WORDS))
def test_boundary_after_the_first_word_finds_the_same_match(text: str) -> None:
    for old, new in _BOUNDARY_FIRST:
        assert _span(old.search(text)) == _span(new.search(text))


_QMAIL_RHOST = re.compile(
    r"(?:Giving up on|Connected to|remote host)\s+([0-9A-Za-z][0-9A-Za-z.:\-]*[0-9A-Za-z])"
    r"|^([0-9A-Za-z][0-9A-Za-z.:\-]*[0-9A-Za-z]) (?:does not like recipient|failed (?:on DATA|after I sent))"
)
_QMAIL_RHOST_WORDS = ["Giving up on", "Connected to", "remote host", " ", "\n", "mx.example.org", "192.0.2.1"]
_QMAIL_RHOST_WORDS += [" does not like recipient", " failed on DATA", " failed after I sent", "a:b", "-", "."]


@settings(max_examples=3000)
@given(_texts(_QMAIL_RHOST_WORDS))
def test_qmail_remote_host_is_the_one_search_s(text: str) -> None:
    found = _QMAIL_RHOST.search(text)
    assert qmail._remote(text) == (found and (found.group(1) or found.group(2)).lower())


@settings(max_examples=1000)
@given(_texts(["<a@example.org>", "a@example.org", "...", "..", ".", " ", "550 ", "5.1.1 ", "User unknown"]))
def test_sendmail_recipient_line_needs_the_dots(text: str) -> None:
    # (sendmail skips the match on a line without "...")
    assert sendmail._RCPT_LINE.match(text) is None or "..." in text
