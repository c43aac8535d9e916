"""Fast paths of the parser give what the plain way gives: a pure function's remembered answers are
the answers it gives afresh, and work skipped is work whose result is known."""

from __future__ import annotations

from email.message import Message

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers import dsn
from parsers.mail import payload_text

# Address fields as reports write them, and pieces that are not addresses.
FIELDS = st.text(alphabet=st.sampled_from('ab@.;<>" \t\r\nrfc822Zé_-'), max_size=40) | st.sampled_from(
    ["rfc822; <A.B@Example.COM>", "a@b", "<a@b.>", '"x y"@host', "@", "no address", "x@[192.0.2.1]"]
)


@settings(max_examples=400, deadline=None)
@given(values=st.lists(FIELDS, min_size=1, max_size=6))
def test_a_remembered_address_is_the_address_read_afresh(values: list[str]) -> None:
    for value in values + values:  # (the second round is answered from memory)
        expected = dsn._address(value) if value and "@" in value else None
        assert dsn.address(value) == expected, value


def test_long_values_and_string_subclasses_are_read_afresh() -> None:
    class Odd(str):
        def strip(self, chars: str | None = None) -> str:
            return "odd@example.org"

    dsn._remembered_address.cache_clear()
    assert dsn.address(Odd("a@b")) == "odd@example.org"
    assert dsn.address("a@b") == "a@b"
    long_value = "x" * dsn.MAX_REMEMBERED_CHARS + " a@b"
    assert dsn.address(long_value) == "a@b"
    assert dsn._remembered_address.cache_info().currsize == 1


@pytest.mark.parametrize("encoding", [None, "7bit", "base64", "quoted-printable", "x-uuencode", "bogus"])
@pytest.mark.parametrize("charset", [None, "utf-16", "cp500", "utf-7", "bogus", "iso-2022-jp"])
def test_a_block_without_a_body_has_no_text_whatever_its_headers_say(
    encoding: str | None, charset: str | None
) -> None:
    """A delivery-status block with no body is not decoded (parsers.mail.report_text): its text
    would be empty in every transfer encoding and charset."""
    block = Message()
    if encoding:
        block["Content-Transfer-Encoding"] = encoding
    block["Content-Type"] = f"text/plain; charset={charset}" if charset else "text/plain"
    block.set_payload("")
    assert payload_text(block) == ""
