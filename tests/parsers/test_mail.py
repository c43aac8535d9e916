"""The message loader's text extraction: HTML bodies, report parts, 8-bit headers, charsets."""

from __future__ import annotations

import base64
import re
from email import message_from_bytes
from email.message import Message

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.mail import (
    MAX_HEADER_CHARS,
    Mail,
    _header_lines,
    blank_line,
    decode_bytes,
    decode_header_value,
    html_to_text,
    load,
)


def test_html_to_text_drops_scripts_styles_and_tags() -> None:
    text = html_to_text("<p>User unknown</p><script>var a = '<b>';</script><style>p{}</style>x&amp;y")
    assert "User unknown" in text and "x&y" in text
    assert "var a" not in text and "p{}" not in text


def test_an_unclosed_script_ends_the_text_instead_of_rescanning_it() -> None:
    hostile = "<p>kept</p>" + "<script>" * 5000 + "tail"
    assert html_to_text(hostile).strip() == "kept"


def test_a_lone_angle_bracket_is_not_a_tag() -> None:
    assert "a < b" in html_to_text("a < b and <i>c</i>")


def test_raw_8bit_headers_are_decoded_as_utf8() -> None:
    mail = load("Subject: Réponse automatique\n\nbody".encode())
    assert mail.subject == "Réponse automatique"
    assert decode_header_value("=?utf-8?b?6Ieq5YuV6L+U5L+h?=") == "自動返信"


def test_html_only_bounce_text_is_readable() -> None:
    raw = (
        b"From: MAILER-DAEMON@mx.example\nSubject: Undeliverable\nContent-Type: text/html\n\n"
        b"<html><body><p>Delivery to <b>x@dest.example</b> failed:<br>550 5.1.1 user unknown</p></body></html>"
    )
    mail = load(raw)
    assert "550 5.1.1 user unknown" in mail.text
    assert "x@dest.example" in mail.text


ALTERNATIVE = (
    b"Subject: Undeliverable\nContent-Type: multipart/alternative; boundary=b\n\n"
    b"--b\nContent-Type: text/plain\n\n%s\n"
    b"--b\nContent-Type: text/html\n\n<p>From the <b>markup</b></p><p>second</p>\n--b--\n"
)


def test_html_text_is_read_only_where_no_other_part_has_text() -> None:
    # (the markup is made text only when it is read: see mail._Walk)
    assert load(ALTERNATIVE % b"550 5.1.1 user unknown").text == "550 5.1.1 user unknown"
    text = load(ALTERNATIVE % b"  ").text
    assert "From the  markup " in text and "<" not in text
    assert text.index("markup") < text.index("second") < text.rindex("  ")  # (the markup first)


@pytest.mark.parametrize(
    ("data", "charset", "text"),
    [
        ("系统退信：王玥".encode("gbk"), "gb2312", "系统退信：王玥"),  # (玥 is GBK, not GB2312)
        ("메일 전송 실패".encode("cp949"), "ks_c_5601-1987", "메일 전송 실패"),
        ("메일 전송 실패".encode("cp949"), "euc-kr", "메일 전송 실패"),
        ("配信エラー①".encode("cp932"), "shift_jis", "配信エラー①"),  # (① is cp932's)
        ("宛先不明".encode("iso-2022-jp"), None, "宛先不明"),  # unlabelled 7-bit Japanese
        ("宛先不明".encode("iso-2022-jp"), "us-ascii", "宛先不明"),
        ("Empfänger unbekannt".encode(), "iso-8859-1", "Empfänger unbekannt"),  # UTF-8 labelled Latin-1
        ("Получатель не найден".encode(), "koi8-r", "Получатель не найден"),  # UTF-8 labelled KOI8-R
        ("Получатель не найден".encode("koi8-r"), "koi8-r", "Получатель не найден"),
        ("Empfänger €".encode("cp1252"), "iso-8859-1", "Empfänger €"),  # Latin-1 read as windows-1252
        (b"caf\xe9 \x81", "iso-8859-1", "café \x81"),  # (a byte windows-1252 leaves undefined)
        ("Empfänger".encode("cp1252"), "unknown-8bit", "Empfänger"),
        ("Empfänger".encode("cp1252"), "x-no-such-charset", "Empfänger"),
        (b"\xef\xbb\xbfhello", "utf-8", "hello"),
    ],
)
def test_charsets_are_read_as_mail_software_means_them(data: bytes, charset: str | None, text: str) -> None:
    assert decode_bytes(data, charset) == text


def test_an_encoded_word_the_email_package_cannot_decode_is_decoded_by_charset_family() -> None:
    word = "=?gb2312?b?" + base64.b64encode("系统退信：王玥".encode("gbk")).decode() + "?="
    assert decode_header_value(word) == "系统退信：王玥"
    assert decode_header_value(f"Re: {word} (2)") == "Re: 系统退信：王玥 (2)"


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["\r", "\n", "\r\n", "a", " "]), max_size=24).map("".join))
def test_blank_line_is_where_the_pattern_first_matches(text: str) -> None:
    found = re.search(r"\r?\n\r?\n", text)
    assert blank_line(text) == (found.start() if found else -1)


# Header names with case variants and repeats, as mail software writes them.
_HEADER_NAMES = st.sampled_from(
    ["Received", "received", "RECEIVED", "To", "to", "Delivered-To", "Subject", "X-Failed-Recipients"]
)
_HEADER_VALUES = st.sampled_from(["a@example.org", " folded\n\tvalue ", "=?utf-8?q?caf=C3=A9?=", "", "x  y"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_HEADER_NAMES, _HEADER_VALUES), max_size=8), st.booleans())
def test_header_index_answers_like_the_email_package(fields: list[tuple[str, str]], loaded: bool) -> None:
    """The Mail's header index (the loaded message's own, repeated names grouped on demand) gives
    every value of a name, in order, the first one and the names present as Message.get_all,
    Message.get and `in` do."""
    raw = "".join(f"{name}: {value}\n" for name, value in fields).encode() + b"\nbody\n"
    mail = load(raw) if loaded else Mail(message_from_bytes(raw))
    theirs = message_from_bytes(raw)
    for name in ("received", "To", "DELIVERED-TO", "subject", "x-failed-recipients"):
        values = theirs.get_all(name) or []
        assert mail.headers(name) == [decode_header_value(v) for v in values]
        assert mail.raw_header(name) == theirs.get(name)
        assert mail.has_header(name) == (name in theirs) == (name.lower() in mail.header_names())
        assert mail.plain_values(name) == (
            None if any("=?" in v for v in values) else "\n".join(values).replace("\r", "")
        )


# Header values: runs of blanks, line breaks, the start of an encoded word and 8-bit bytes (as the
# email package holds them: surrogate escapes) among ordinary text.
_VALUE_TEXT = st.lists(
    st.sampled_from(
        ["a", "Zq", " ", "  ", "\t", "\n", "\r", "\r\n ", "=", "?", "=?", "é", "\udcc3\udca9", ":"]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_VALUE_TEXT, st.integers(0, 3))
def test_mail_decode_reads_a_value_as_decode_header_value_does(value: str, pad: int) -> None:
    """The shortcuts for a plain ASCII value on one line (in Mail.decode and in the header lines
    of a report part) give the text of decode_header_value's full decoding (and so does a value
    past MAX_HEADER_CHARS, which is cut first). The full decoding is what a str
    subclass gets: the shortcuts are for str values only."""
    mail = Mail(Message())
    for text in (value, " " * pad + "x" * (MAX_HEADER_CHARS - pad) + value):
        decoded = decode_header_value(_Text(text))
        assert type(decoded) is str
        assert decode_header_value(text) == decoded
        assert mail.decode(text) == decoded
        if not text.isascii():
            continue  # (the header lines hand other values to the policy first)
        block = Message()
        block["Original-Recipient"] = text
        block["Status"] = "5.1.1"
        assert _header_lines(block, mail.decode) == f"Original-Recipient: {decoded}\nStatus: 5.1.1"


class _Text(str):
    """A header value that decode_header_value reads the full way (its shortcut is for str)."""
