"""The MTA detectors' line loops rewritten to visit fewer lines or call less per line answer as the
loops they replace, on texts built from the lines their formats print and the lines around them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.mta import postfix


def _old_postfix_entries(body: str) -> list[list[str]]:
    """Postfix's recipient paragraphs as the loop in postfix._inquire read them before."""
    entries: list[list[str]] = []
    for line in body.split("\n"):
        if line.startswith("<") and postfix._RECIPIENT.match(line.strip()) is None and "(expanded" in line:
            entries.append([line.strip()])
        elif line.startswith("<") and postfix._RECIPIENT.match(line.strip()):
            entries.append([line.strip()])
        elif entries and line[:1] in (" ", "\t") and line.strip():
            entries[-1].append(line.strip())
        elif entries and not line.strip():
            entries.append([])
    return entries


_POSTFIX_LINES = [
    "<jane@example.org>: host mx.example.org[192.0.2.1] said: 550 5.1.1 unknown",
    "<jane@example.org> (expanded from <list@example.org>): mailbox full",
    "<jane@example.org> (expanded",
    "    from <list@example.org>): mailbox full",
    "<jane@example.org>",
    "<jane@example.org> :",
    "< jane@example.org>: x",
    "<jane",
    "<",
    "    (in reply to RCPT TO command)",
    "\tcontinued",
    " ",
    "\t",
    "",
    "                   The mail system",
    "This is the mail system at host example.org.",
    "Reporting-MTA: dns; example.org",
    "\u3000x",
]


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_POSTFIX_LINES), max_size=14), st.sampled_from(["", "\n"]))
def test_postfix_reads_the_recipient_paragraphs_the_old_loop_read(lines: list[str], end: str) -> None:
    body = "\n".join(lines) + end
    assert postfix._entries(body) == _old_postfix_entries(body)
