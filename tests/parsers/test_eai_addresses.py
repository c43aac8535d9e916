"""Internationalised addresses in delivery reports (RFC 6533): the `utf-8` address type writes a
non-ASCII character as \\x{HEX}, and the original's header block comes as message/global-headers."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parsers import dsn, parse
from parsers.mta import _common

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


# The text-format detectors' address reader (parsers.mta._common) reads internationalised
# addresses (RFC 6531) in a report's prose too.
@pytest.mark.parametrize(
    ("text", "addresses"),
    [
        ("X-Failed-Recipients: ivan@почта.example", ["ivan@почта.example"]),
        ("<王芳@例子.广告>: SMTPUTF8 is required", ["王芳@例子.广告"]),
        ("ольга@сайт.example: 550 5.1.1 User unknown", ["ольга@сайт.example"]),
        # a Latin, Greek or Cyrillic letter next to an ASCII address is part of it
        ("<björn@hamn.example>: User unknown", ["björn@hamn.example"]),
        ("to info@bücher.example.", ["info@bücher.example"]),
        # a CJK letter next to one is the sentence around it
        ("宛先kijitora@example.jpは存在しません", ["kijitora@example.jp"]),
        ("a@b.example 先c@d.example", ["a@b.example", "c@d.example"]),
        # no dotted domain: no internationalised address
        ("メール@例", []),
        # punctuation past ASCII ends an address
        ("「用户@例子.广告」、", ["用户@例子.广告"]),
    ],
)
def test_text_reader_reads_internationalised_addresses(text: str, addresses: list[str]) -> None:
    assert _common.find_addresses(text) == addresses
    assert _common.clean_address(text) == (addresses[0] if addresses else None)


_CJK_PROSE = st.text(alphabet="宛先の配信できませんでした存在しない用户不", min_size=1, max_size=8)
_ASCII_TEXT = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=60)


@given(_ASCII_TEXT, _CJK_PROSE)
def test_letters_past_ascii_away_from_addresses_change_nothing(text: str, prose: str) -> None:
    # (the reader of a text past ASCII reads its ASCII addresses as the ASCII reader does)
    assert _common.find_addresses(text + " " + prose) == _common.find_addresses(text)


@given(st.emails(), _CJK_PROSE, _CJK_PROSE)
def test_ascii_address_written_against_cjk_prose(address: str, before: str, after: str) -> None:
    local, _, domain = address.rpartition("@")
    if local.startswith('"') or domain.startswith("["):
        return  # (quoted local parts and address literals: not prose's addresses)
    found = _common.find_addresses(before + address + after)
    assert found == _common.find_addresses(" " + address + " ")
