"""parse_header_block reads a header block exactly as the email package's headers-only parse."""

from __future__ import annotations

import email.feedparser
import email.parser
import email.policy
from email.message import Message

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers import mail

PIECES = [
    "From ",
    "From: a",
    "To: b",
    "X-Y:z",
    ":",
    " ",
    "\t",
    "cont",
    "\r\n",
    "\n",
    "\r",
    "é",
    "a:b",
    "\x0b",
    "\n\n",
]
BLOCK = st.lists(st.sampled_from(PIECES), max_size=25).map("".join)


def _facts(msg: Message) -> object:
    return (msg._headers, msg.get_unixfrom(), msg.get_payload(), [(type(d), str(d)) for d in msg.defects])  # type: ignore[attr-defined]


def _stdlib(data: str) -> Message:
    return email.parser.Parser(policy=email.policy.compat32).parsestr(data, headersonly=True)


@settings(max_examples=1500, deadline=None)
@given(BLOCK)
def test_same_message_as_the_headers_only_parser(data: str) -> None:
    assert _facts(mail.parse_header_block(data)) == _facts(_stdlib(data))


def test_a_typical_block_and_the_parser_patterns() -> None:
    data = "From sender  Mon\r\nReceived: from a\r\n\tby b\r\nSubject: hi\r\nFrom x\r\n\r\nbody\r\n"
    assert _facts(mail.parse_header_block(data)) == _facts(_stdlib(data))
    assert mail._HEADER_LINE.pattern == email.feedparser.headerRE.pattern  # type: ignore[attr-defined]
    assert mail._LINE_END.pattern == email.feedparser.NLCRE.pattern  # type: ignore[attr-defined]
    assert mail._LINE_END_AT_END.pattern == email.feedparser.NLCRE_eol.pattern  # type: ignore[attr-defined]
