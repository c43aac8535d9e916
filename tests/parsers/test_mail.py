"""The message loader's text extraction: HTML bodies, report parts, 8-bit headers."""

from __future__ import annotations

from parsers.mail import decode_header_value, html_to_text, load


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
