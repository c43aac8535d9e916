"""A part's payload bytes are the email package's `get_payload(decode=True)`, taken without its
surrogate check where no transfer encoding applies (parsers.mail._payload_bytes)."""

from __future__ import annotations

from email.message import Message

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.mail import _payload_bytes
from parsers.mime import parse_bytes

ENCODINGS = ["", "7bit", "8bit", "binary", " 8BIT", "base64", "Quoted-Printable", "x-uuencode", "gzip"]
# ASCII text, 8-bit bytes (held as surrogate escapes by the parser), other characters and
# surrogates no byte stands for (a payload set by hand)
TEXT = st.text(alphabet=st.sampled_from([*"ab=\n\r \t+/", "\udc80", "\udcff", "é", "\ud800", "€"]))


def package_bytes(part: Message) -> object:
    try:
        return part.get_payload(decode=True)
    except Exception as exc:
        return type(exc)


def ours(part: Message) -> object:
    try:
        return _payload_bytes(part)
    except Exception as exc:
        return type(exc)


@settings(max_examples=400, deadline=None)
@given(TEXT, st.sampled_from(ENCODINGS))
def test_payload_bytes_are_the_email_packages(payload: str, encoding: str) -> None:
    part = Message()
    if encoding:
        part["Content-Transfer-Encoding"] = encoding
    part.set_payload(payload)
    assert ours(part) == package_bytes(part)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200), st.sampled_from(ENCODINGS))
def test_a_split_parts_payload_bytes_are_the_email_packages(body: bytes, encoding: str) -> None:
    header = f"Content-Transfer-Encoding: {encoding}\n" if encoding else ""
    message, _cuts = parse_bytes(f"Subject: x\n{header}\n".encode() + body)
    assert ours(message) == package_bytes(message)


def test_a_multipart_has_no_payload_bytes() -> None:
    message, _cuts = parse_bytes(b"Content-Type: multipart/mixed; boundary=b\n\n--b\n\nx\n--b--\n")
    assert _payload_bytes(message) is None
