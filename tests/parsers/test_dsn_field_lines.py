"""parsers.dsn reads a report's lines with one findall (_LINES): the blocks must be what reading
line by line with the field pattern gave."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers import dsn

_FIELD = re.compile(r"([A-Za-z][A-Za-z0-9-]{0,60})[ \t]*:[ \t]*(.*)")


def _line_by_line(text: str, lenient: bool) -> list[list[tuple[str, str]]]:
    """The reading before the findall: each line matched on its own."""
    blocks: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    # (a CR alone ends a line, as an LF does: a part written with CRs alone)
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not line.strip():
            if current:
                blocks.append(current)
                current = []
                if len(blocks) >= dsn.MAX_BLOCKS:
                    break
            continue
        if line[0] in " \t":
            if current and len(current[-1][1]) < dsn.MAX_FIELD_CHARS:
                name, value = current[-1]
                current[-1] = (name, f"{value} {line.strip()}")
            continue
        m = _FIELD.match(line)
        if m is None:
            if not lenient and current:
                blocks.append(current)
                current = []
            continue
        current.append((m.group(1).lower(), m.group(2).strip()))
    if current:
        blocks.append(current)
    return blocks


_PIECES = st.sampled_from(
    ["Final-Recipient", "Status", "X-" + "a" * 61, "9bad", "a b", ":", " ", "\t", "\r", "\n", "\n\n",
     "\u00a0", "\x0c", "rfc822; a@b.example", "5.1.1", "-", "Ä", "smtp; 550 no"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join), st.booleans())
def test_blocks_as_line_by_line(text: str, lenient: bool) -> None:
    assert dsn._field_blocks(text, lenient) == _line_by_line(text, lenient)


def test_report_blocks() -> None:
    text = (
        "Reporting-MTA: dns; mx.example\r\n\r\nFinal-Recipient: rfc822; a@b.example\r\n"
        "Action: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1\r\n  user unknown\r\n"
        "not a field\r\nRemote-MTA : dns; mx.b.example\r\n"
    )
    assert dsn._field_blocks(text, False) == [
        [("reporting-mta", "dns; mx.example")],
        [
            ("final-recipient", "rfc822; a@b.example"),
            ("action", "failed"),
            ("status", "5.1.1"),
            ("diagnostic-code", "smtp; 550 5.1.1 user unknown"),
        ],
        [("remote-mta", "dns; mx.b.example")],
    ]
    lenient = dsn._field_blocks(text, True)
    assert lenient[1][-1] == ("remote-mta", "dns; mx.b.example")
