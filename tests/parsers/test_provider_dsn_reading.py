"""The provider detectors' reading of RFC 3464 text (parsers.mta._providers.dsn_blocks) splits each
field line with string methods, _common.dsn_fields matches only the lines that hold a colon (its
pattern matches no other), and the reply-code searches of _providers and _common skip a text with
no 2, 4 or 5: each gives what the form it replaced gave."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.mta import _common, _providers
from parsers.mta._common import _DSN_FIELD, fold
from parsers.mta._providers import _value, address_in, dsn_blocks

# (the field-line pattern dsn_blocks matched each line with)
_FIELD = re.compile(r"^([A-Za-z][A-Za-z0-9\-]*):[ \t]*(.*)$")


def _reference_fields(text: str) -> tuple[dict[str, str], list[dict[str, str]]]:
    """The fields dsn_blocks read when it matched each line with _FIELD (per message, and of each
    block whose Final-Recipient names an address: the blocks it keeps)."""
    permessage: dict[str, str] = {}
    blocks: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    last: str | None = None
    for line in text.split("\n"):
        line = line.rstrip("\r")
        if line[:1] in (" ", "\t") and last is not None:
            target = current if current is not None else permessage
            if last in target:
                target[last] += " " + line.strip()
            continue
        m = _FIELD.match(line)
        if not m:
            last = None
            continue
        name, value = m.group(1).lower(), m.group(2)
        last = name
        if name == "final-recipient":
            current = {}
            blocks.append(current)
        target = permessage if current is None else current
        if name in target:
            last = None
        else:
            target[name] = value
    return permessage, [f for f in blocks if address_in(_value(f.get("final-recipient", "")))]


def _fields(text: str) -> tuple[dict[str, str], list[dict[str, str]]]:
    permessage, blocks = dsn_blocks(text)
    return permessage, [b.fields for b in blocks]


_NAMES = st.sampled_from(
    ["Final-Recipient", "final-recipient", "Status", "X-Actual-Recipient", "Action", "Diagnostic-Code",
     "9bad", "-x", "a b", "a_b", "", " ", "\t", "X-\u0130d", "\u212aey", "x\u00b2", "\u0663", "\u00c4"]
)  # fmt: skip
_GAPS = st.sampled_from(["", " ", "\t", " \t ", "\u00a0", "\x0c", "\r", ":"])
_VALUES = st.sampled_from(
    ["rfc822; a@b.example", "rfc822;c@d.example", "5.1.1", "4.0.0 (x)", "smtp; 550 no", "failed",
     "delayed", "", " ", "\r", ": x", "\u00a0"]
)  # fmt: skip
# (a line: a name, a separator, blanks and a value; or a continuation of the field before)
_LINES = st.one_of(
    st.tuples(_NAMES, st.sampled_from([":", "", " :", "::"]), _GAPS, _VALUES).map("".join),
    st.tuples(st.sampled_from([" ", "\t"]), _VALUES).map("".join),
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_LINES, max_size=12).map("\n".join))
def test_blocks_as_the_field_pattern_read_them(text: str) -> None:
    assert _fields(text) == _reference_fields(text)


def test_field_lines() -> None:
    text = (
        "Reporting-MTA: dns; mx.example\n\nFinal-Recipient: rfc822; a@b.example\nAction:\tfailed\n"
        "Status: 5.1.1\nX-\u0130d: no\nDiagnostic-Code: smtp; 550 5.1.1\n  no such user\n"
        "9x: no\n"
    )
    assert _fields(text) == _reference_fields(text)
    permessage, blocks = dsn_blocks(text)
    assert permessage == {"reporting-mta": "dns; mx.example"}
    assert [(b.recipient, b.action, b.status, b.diagnostic) for b in blocks] == [
        ("a@b.example", "failed", "5.1.1", "550 5.1.1 no such user")
    ]


_CODE_TEXT = st.text(alphabet="0124579.-#:;,] x\n\u0663", max_size=30)


@settings(max_examples=400, deadline=None)
@given(_CODE_TEXT)
def test_reply_codes_as_the_searches_found_them(text: str) -> None:
    found = _providers._SMTP_CODE.search(text)
    assert _providers.smtp_code_in(text) == (found.group(1) if found else None)
    found = _common.SMTP_CODE_RE.search(text)
    assert _common.find_smtp_code(text) == (found.group(1) if found else None)


def test_reply_codes() -> None:
    for text, code in (("250 ok", "250"), ("x 421-busy", "421"), ("550 no", "550"), ("no code", None)):
        assert _providers.smtp_code_in(text) == code
        assert _common.find_smtp_code(text) == code


_TEXT_LINES = st.one_of(
    st.tuples(
        _NAMES | st.sampled_from(["Original-Recipient", "Remote-MTA", "\u017ftatus"]), _GAPS, _GAPS, _VALUES
    ).map("".join),
    st.tuples(st.sampled_from([" ", "\t", ""]), _VALUES).map("".join),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_TEXT_LINES, max_size=12).map("\n".join))
def test_text_fields_match_no_line_without_a_colon(text: str) -> None:
    # (what dsn_fields no longer matches: the lines its pattern never matched)
    for line in fold(text.split("\n")):
        if ":" not in line:
            assert _DSN_FIELD.match(line.strip()) is None


def test_text_fields() -> None:
    text = "Final-Recipient:rfc822;a@b.example\nAction:failed\nStatus:5.1.1\nDiagnostic-Code:smtp;550 no\n"
    found = _common.dsn_fields(text)
    assert [(d.recipient, d.action, d.status, d.diagnostic) for d in found] == [
        ("a@b.example", "failed", "5.1.1", "550 no")
    ]
