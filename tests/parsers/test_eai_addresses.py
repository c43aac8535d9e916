"""Internationalised addresses in delivery reports (RFC 6533): the `utf-8` address type writes a
non-ASCII character as \\x{HEX}, and the original's header block comes as message/global-headers."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parsers import dsn, parse

FIXTURE = Path(__file__).parent / "fixtures" / "dsn" / "utf8-address-type.eml"


@pytest.mark.parametrize(
    ("field", "address"),
    [
        ("utf-8; m\\x{00FC}ller@b.example", "müller@b.example"),
        ("utf-8; m\\x{FC}ller@b.example", "müller@b.example"),
        ("utf-8;\\x{5F20}\\x{4E09}@\\x{4F8B}\\x{3048}.jp", "张三@例え.jp"),
        ("utf-8; <j\\x{00F8}rgen@post.example>", "jørgen@post.example"),
        # written as UTF-8 directly (message/global-delivery-status allows it): as it is
        ("utf-8; jørgen@post.example", "jørgen@post.example"),
        ("rfc822; plain@b.example", "plain@b.example"),
        # no Unicode scalar value (a surrogate, past U+10FFFF): left as written
        ("utf-8; a\\x{D800}b@c.example", "a\\x{d800}b@c.example"),
        ("utf-8; a\\x{110000}b@c.example", "a\\x{110000}b@c.example"),
    ],
)
def test_utf8_address_type(field: str, address: str) -> None:
    assert dsn.address(field) == address


@given(st.emails())
def test_an_address_without_escapes_reads_as_before(address: str) -> None:
    assert dsn.address("utf-8; " + address) == dsn.address("rfc822; " + address)


def test_report_names_the_recipient_and_reads_the_global_headers() -> None:
    result = parse(FIXTURE.read_bytes())
    assert [e.recipient for e in result.events] == ["jørgen@post.example"]
    assert result.attribution.original_message_id == "<news-eai1@sender.example>"
    assert result.attribution.from_domain == "sender.example"
