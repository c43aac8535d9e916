"""The provider detectors' reading of RFC 3464 text (parsers.mta._providers.dsn_blocks) splits each
field line with string methods, _common.dsn_fields matches only the lines that hold a colon, and
the reply-code searches of _providers and _common skip a text with no 2, 4 or 5: each gives what
the form it replaced gave."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.delivery import Delivery
from parsers.mta import _common, _providers
from parsers.mta._common import _DSN_FIELD, clean_address, find_status, fold, make
from parsers.mta._providers import DsnBlock, _value, address_in, dsn_blocks, status_in, sweep

# (the field-line pattern dsn_blocks matched each line with)
_FIELD = re.compile(r"^([A-Za-z][A-Za-z0-9\-]*):[ \t]*(.*)$")


def _reference_blocks(text: str) -> tuple[dict[str, str], list[DsnBlock]]:
    """dsn_blocks as it read each line with _FIELD."""
    permessage: dict[str, str] = {}
    blocks: list[DsnBlock] = []
    current: DsnBlock | None = None
    last: str | None = None
    for line in text.split("\n"):
        line = line.rstrip("\r")
        if line[:1] in (" ", "\t") and last is not None:
            target = current.fields if current is not None else permessage
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
            current = DsnBlock()
            blocks.append(current)
        target = permessage if current is None else current.fields
        if name in target:
            last = None
        else:
            target[name] = value
    for b in blocks:
        f = b.fields
        b.recipient = address_in(_value(f.get("final-recipient", ""))) or ""
        for name in ("original-recipient", "x-actual-recipient"):
            alias = address_in(_value(f.get(name, "")))
            if alias and alias != b.recipient:
                b.alias = alias
                break
        b.action = f.get("action", "").strip().split(" ")[0].split("(")[0].lower()
        b.status = (status_in(f.get("status", "")) or "") if f.get("status") else ""
        b.diagnostic = sweep(_value(f.get("diagnostic-code", "")))
        b.remote_mta = _value(f.get("remote-mta", "")).split(" ")[0]
    return permessage, [b for b in blocks if b.recipient]


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
    assert dsn_blocks(text) == _reference_blocks(text)


def test_field_lines() -> None:
    text = (
        "Reporting-MTA: dns; mx.example\n\nFinal-Recipient: rfc822; a@b.example\nAction:\tfailed\n"
        "Status: 5.1.1\nX-\u0130d: no\nDiagnostic-Code: smtp; 550 5.1.1\n  no such user\n"
        "9x: no\n"
    )
    assert dsn_blocks(text) == _reference_blocks(text)
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


def _reference_dsn_fields(text: str) -> list[Delivery]:
    """_common.dsn_fields as it matched every line (a line without a colon too)."""
    found: list[Delivery] = []
    current: dict[str, str] = {}

    def flush() -> None:
        address = clean_address(current.get("final-recipient", "")) or clean_address(
            current.get("original-recipient", "")
        )
        if not address:
            return
        diagnostic = current.get("diagnostic-code", "")
        if ";" in diagnostic[:12]:
            diagnostic = diagnostic.split(";", 1)[1]
        remote = current.get("remote-mta", "")
        if ";" in remote:
            remote = remote.split(";", 1)[1]
        action = current.get("action", "failed").split()[0].lower() if current.get("action") else "failed"
        found.append(
            make(
                address,
                diagnostic,
                action=action,
                status=find_status(current.get("status", "")),
                remote_mta=remote.strip().lower() or None,
                alias=clean_address(current.get("original-recipient", "")),
            )
        )

    for line in fold(text.split("\n")):
        field = _DSN_FIELD.match(line.strip())
        if not field:
            continue
        name, value = field.group(1).lower(), field.group(2).strip()
        if (name == "final-recipient" and "final-recipient" in current) or (
            name == "original-recipient"
            and ("original-recipient" in current or ("final-recipient" in current and "action" in current))
        ):
            flush()
            current = {}
        current[name] = value
    flush()
    return found


_TEXT_LINES = st.one_of(
    st.tuples(
        _NAMES | st.sampled_from(["Original-Recipient", "Remote-MTA", "\u017ftatus"]), _GAPS, _GAPS, _VALUES
    ).map("".join),
    st.tuples(st.sampled_from([" ", "\t", ""]), _VALUES).map("".join),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_TEXT_LINES, max_size=12).map("\n".join))
def test_text_fields_as_every_line_matched_gave_them(text: str) -> None:
    assert _common.dsn_fields(text) == _reference_dsn_fields(text)
