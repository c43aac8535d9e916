"""A part's payload bytes are the email package's `get_payload(decode=True)`, taken without its
surrogate check where no transfer encoding applies (parsers.mail._payload_bytes)."""

from __future__ import annotations

from email.message import Message
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.mail import _payload_bytes, decode_bytes, payload_text
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


# Labels of every kind: none, ASCII-compatible ones (as written and as the loader aliases them),
# and ones in which ASCII bytes are not ASCII text (UTF-7's "+", UTF-16's pairs, EBCDIC), or that
# no codec has.
LABELS = [
    "",
    "us-ascii",
    "UTF-8",
    '"iso-8859-1"',
    "windows-1251",
    "koi8-r",
    "utf-7",
    "utf-16",
    "cp037",
    "x-nonsense",
]
ASCII_TEXT = st.text(alphabet=st.sampled_from([*"ab+-=AG\n\r \t", "\x1b", "$", "B", "(", "J"]))


@settings(max_examples=400, deadline=None)
@given(ASCII_TEXT, st.sampled_from(LABELS), st.sampled_from(["", "7bit", "base64"]))
def test_an_ascii_payload_reads_as_its_bytes_decoded(payload: str, label: str, encoding: str) -> None:
    part = Message()
    part["Content-Type"] = f"text/plain; charset={label}" if label else "text/plain"
    if encoding:
        part["Content-Transfer-Encoding"] = encoding
    part.set_payload(payload)
    data = _payload_bytes(part)
    expected = decode_bytes(data, part.get_content_charset()) if isinstance(data, bytes) else ""
    assert payload_text(part) == expected


def test_plain_ascii_text_is_not_decoded_again() -> None:
    # (an ASCII payload without a transfer encoding, labelled with an ASCII-compatible charset, is
    # its own text: it is not encoded to bytes and decoded back)
    message, _ = parse_bytes(b"Content-Type: text/plain; charset=iso-8859-1\n\nUser unknown\n")
    with mock.patch("parsers.mail.decode_bytes", side_effect=AssertionError("decoded")):
        assert payload_text(message) == "User unknown\n"
    message, _ = parse_bytes(b"Content-Type: text/plain; charset=utf-7\n\n+AGE-\n")
    assert payload_text(message) == "a\n"  # (UTF-7: still decoded)
