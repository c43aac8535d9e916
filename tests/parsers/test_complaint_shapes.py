"""Complaint-side shapes the feedback loops and abuse desks send beyond the usual ARF report
(parsers.arf, parsers.forwarded): a plain-text report with the original
pasted after its fields, an original attached as an .eml file, and an abuse desk's ticket that pastes
the original under a rule of its own."""

from __future__ import annotations

import base64

import pytest

from parsers import parse

ORIGINAL = (
    "Return-Path: <bounce-1@mailer.sender.example>\n"
    "Received: from out1.mailer.sender.example (out1.mailer.sender.example [192.0.2.11])\n"
    "\tby mx.isp.example with ESMTP id q1\n"
    "\tfor <nils@isp.example>; Tue, 10 Mar 2026 09:00:00 +0000\n"
    "From: News <news@sender.example>\n"
    "To: nils@isp.example\n"
    "Subject: March offers\n"
    "Message-ID: <q1@sender.example>\n\n"
    "March offers.\n"
)


def _text(subject: str, body: str, sender: str = "fbl@isp.example", to: str = "fbl@sender.example") -> bytes:
    return f"From: {sender}\nTo: {to}\nSubject: {subject}\nContent-Type: text/plain\n\n{body}".encode()


def _pairs(raw: bytes) -> list[tuple[str, str]]:
    return [(e.recipient, e.type) for e in parse(raw).events]


def test_a_plain_text_report_with_the_original_pasted_after_its_fields_is_a_complaint() -> None:
    raw = _text(
        "Spam complaint", "Feedback-Type: abuse\nUser-Agent: Legacy-FBL/0.9\nVersion: 0.1\n\n" + ORIGINAL
    )
    assert _pairs(raw) == [("nils@isp.example", "complaint")]


def test_report_fields_quoted_without_the_whole_report_block_are_no_complaint() -> None:
    # a person quoting a report's type and agent (no Version) above a pasted message: no report
    body = "It said:\nFeedback-Type: abuse\nUser-Agent: X\n\n" + ORIGINAL
    raw = _text("Re: what is this?", body, "pat@isp.example", "support@sender.example")
    assert parse(raw).events == ()


def _arf_with_file(filename: str, content_type: str = "application/octet-stream") -> bytes:
    payload = base64.encodebytes(ORIGINAL.replace("\n", "\r\n").encode()).decode()
    return (
        "From: fbl@isp.example\nTo: fbl@sender.example\nSubject: Abuse report\nMIME-Version: 1.0\n"
        'Content-Type: multipart/report; report-type=feedback-report; boundary="b"\n\n'
        "--b\nContent-Type: text/plain\n\nA complaint.\n\n"
        "--b\nContent-Type: message/feedback-report\n\nFeedback-Type: abuse\nUser-Agent: F/1\nVersion: 1\n\n"
        f'--b\nContent-Type: {content_type}; name="{filename}"\nContent-Transfer-Encoding: base64\n\n{payload}\n--b--\n'
    ).encode()


@pytest.mark.parametrize(
    ("filename", "content_type"),
    [
        ("original.eml", "application/octet-stream"),
        ("complaint.eml", "application/eml"),
        ("spam.EML", "text/plain"),
    ],
)
def test_an_arf_original_attached_as_an_eml_file_names_the_recipient(
    filename: str, content_type: str
) -> None:
    result = parse(_arf_with_file(filename, content_type))
    assert _pairs(_arf_with_file(filename, content_type)) == [("nils@isp.example", "complaint")]
    assert result.attribution is not None
    assert result.attribution.original_message_id == "<q1@sender.example>"


def test_an_attached_file_that_is_no_message_is_not_read_as_the_original() -> None:
    raw = _arf_with_file("invoice.pdf", "application/pdf")
    assert _pairs(raw) == [("undisclosed-recipient@unknown.invalid", "complaint")]


TICKET = "Dear customer,\n\nWe received the complaint below.\n\n##########\n# Abuse report\n##########\n\n"


def test_an_abuse_desks_ticket_pasting_the_original_under_its_own_rule_is_a_complaint() -> None:
    raw = _text(
        "Abuse Message [AbuseID:8F2A]: Spam",
        TICKET + ORIGINAL,
        "abuse@hosting.example",
        "abuse@sender.example",
    )
    assert _pairs(raw) == [("nils@isp.example", "complaint")]


@pytest.mark.parametrize(
    ("subject", "sender", "to", "original"),
    [
        # no word of the abuse family and no abuse or spam desk as sender or recipient
        ("Our meeting", "pat@hosting.example", "team@sender.example", ORIGINAL),
        # a pasted header block without transport headers (a person's note quoting a message)
        ("Abuse Message [AbuseID:8F2A]", "abuse@hosting.example", "abuse@sender.example",
         ORIGINAL.replace("Received: from", "X-Seen: from")),
    ],
)  # fmt: skip
def test_pasted_headers_without_the_marks_of_a_report_are_no_complaint(
    subject: str, sender: str, to: str, original: str
) -> None:
    assert parse(_text(subject, TICKET + original, sender, to)).events == ()
