"""Complaint families from an FBL probe (parsers.arf, parsers.forwarded).

An ISP's support desk that is no abuse@ mailbox passes on a complaint with the original attached,
under a subject in its own language: a complaint for the original's recipient (parsers.forwarded's
complaint words). The same message under an ordinary subject stays no complaint. A reply quoting a
report is no report; Feedback-Type spellings; an original sent to several."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers import parse

SUBJECTS = {
    "pl-abuse": "Zgłoszenie nadużycia: wiadomość z 192.0.2.10",
    "pl-unwanted": "Niechciana poczta od Państwa",
    "pl-complaint": "Skarga klienta",
    "cs-complaint": "Stížnost na nevyžádanou zprávu",
    "cs-unsolicited": "Nevyžádaná obchodní sdělení",
    "pt-accented": "Denúncia de mensagem",
    "pt-unsolicited": "Mensagem não solicitada",
    "it-unwanted": "Posta indesiderata dal vostro server",
    "es-abuse": "Abuso de correo",
    "tr-complaint": "Şikayet: istenmeyen e-posta",
    "sv-junk": "Skräppost från er server",
    "sv-complaint": "Klagomål från kund",
    "fi-junk": "Roskaposti palvelimeltanne",
    "hu-unsolicited": "Kéretlen levél",
    "ru-unwanted": "Нежелательная рассылка",
    "ko-spam": "스팸 신고 접수 안내",
    "zh-complaint": "用户投诉通知",
    "zh-hant-complaint": "客戶投訴",
    "ja-complaint": "苦情のご連絡",
}


def _desk(subject: str) -> bytes:
    return (
        "From: Support <support@isp.example>\n"
        "To: postmaster@sender.example\n"
        f"Subject: {subject}\n"
        "MIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="b"\n\n'
        "--b\n"
        "Content-Type: text/plain; charset=utf-8\n\n"
        "-\n\n"
        "--b\n"
        "Content-Type: message/rfc822\n\n"
        "Received: from mta1.sender.example (mta1.sender.example [192.0.2.10])\n"
        "\tby mx.isp.example with ESMTP id 4AbC\n"
        "\tfor <someone@isp.example>; Mon, 07 Dec 2026 09:00:00 +0100\n"
        "From: News <news@sender.example>\n"
        "To: someone@isp.example\n"
        "Subject: Offers\n\n"
        "Buy now.\n"
        "--b--\n"
    ).encode()


@pytest.mark.parametrize("language", sorted(SUBJECTS))
def test_a_desks_complaint_words_in_its_language_make_a_complaint(language: str) -> None:
    events = parse(_desk(SUBJECTS[language])).events
    assert [(e.recipient, e.type) for e in events] == [("someone@isp.example", "complaint")]


@pytest.mark.parametrize(
    "subject", ["Fwd: Offers", "Zpráva pro vás", "Wiadomość od znajomego", "Segnalazione"]
)
def test_the_same_forward_under_an_ordinary_subject_is_no_complaint(subject: str) -> None:
    assert parse(_desk(subject)).events == ()


_QUOTED_FIELDS = (
    "Feedback-Type: abuse\nUser-Agent: SomeFBL/1.0\nVersion: 1\nOriginal-Rcpt-To: someone@isp.example\n"
)


def test_a_reply_quoting_a_reports_fields_is_no_complaint() -> None:
    raw = (
        "From: Dev <dev@sender.example>\nTo: ops@sender.example\nSubject: Re: FBL\n"
        f"In-Reply-To: <q1@sender.example>\n\nThey look like this:\n\n{_QUOTED_FIELDS}\nWhy dropped?\n"
    ).encode()
    assert parse(raw).events == ()
    # nor, with no thread, is the person's mail showing them ("look like this:" over them, her
    # question below them: an example, arf._shown_as_example)
    assert parse(raw.replace(b"In-Reply-To: <q1@sender.example>\n", b"")).events == ()
    # the same fields sent as a provider's plain-text report (no thread, its own sentence over
    # them, nothing after) stay a complaint
    report = (
        "From: FBL <fbl@isp.example>\nTo: ops@sender.example\nSubject: FBL\n\n"
        f"A subscriber of ours marked a message from you as spam.\n\n{_QUOTED_FIELDS}"
    ).encode()
    assert [e.recipient for e in parse(report).events] == ["someone@isp.example"]


def test_a_forwarded_report_with_its_original_pasted_stays_a_complaint_in_a_thread() -> None:
    # (a mail client's forward may carry the thread's In-Reply-To: the pasted original decides)
    raw = (
        "From: Customer <c@sender.example>\nTo: fbl@sender.example\nSubject: Fwd: report\n"
        f"In-Reply-To: <q1@isp.example>\n\n{_QUOTED_FIELDS}\n"
        "Received: from mta1.sender.example by mx.isp.example for <someone@isp.example>; Mon, 07 Dec 2026 09:00:00 +0100\n"
        "From: news@sender.example\nTo: someone@isp.example\nSubject: Offers\n\nBuy now.\n"
    ).encode()
    result = parse(raw)
    assert [(e.recipient, e.type) for e in result.events] == [("someone@isp.example", "complaint")]
    assert result.detector == "arf"  # (read as the report it is, not as a forwarded spam)


@pytest.mark.parametrize(
    ("written", "read", "event_type", "classification"),
    [
        ("dmarc", "auth-failure", "complaint", "soft"),
        ("DMARC-Failure", "auth-failure", "complaint", "soft"),
        ("opt_out", "opt-out", "unsubscribe", "hard"),
        ("Opt Out", "opt-out", "unsubscribe", "hard"),
        ("abuse", "abuse", "complaint", "hard"),
    ],
)
def test_feedback_type_spellings(written: str, read: str, event_type: str, classification: str) -> None:
    raw = (
        "From: fbl@isp.example\nTo: fbl@sender.example\nSubject: report\nMIME-Version: 1.0\n"
        'Content-Type: multipart/report; report-type=feedback-report; boundary="b"\n\n'
        "--b\nContent-Type: text/plain\n\nA report.\n\n"
        f"--b\nContent-Type: message/feedback-report\n\nFeedback-Type: {written}\nUser-Agent: X/1\nVersion: 1\n"
        "Original-Rcpt-To: someone@isp.example\n\n--b--\n"
    ).encode()
    (event,) = parse(raw).events
    assert (event.feedback_type, event.type, event.classification) == (read, event_type, classification)


SEVERAL = Path(__file__).parent / "fixtures" / "fbl2" / "arf-original-to-several-delivered-to-one.eml"


def test_an_original_to_several_that_no_envelope_header_narrows_is_a_complaint_for_each() -> None:
    # (nothing says whose copy came back: every address the original's To names, as before)
    raw = SEVERAL.read_bytes().replace(b"Delivered-To: gina@isp.example\n", b"")
    raw = raw.replace(b"\tfor <gina@isp.example>;", b"\t;")
    assert [e.recipient for e in parse(raw).events] == ["hal@isp.example", "gina@isp.example"]


def test_several_original_rcpt_to_fields_are_several_complaints_whatever_the_original_says() -> None:
    # (the original's To names neither: its Delivered-To names one of them, and does not narrow)
    raw = SEVERAL.read_bytes().replace(
        b"To: hal@isp.example, gina@isp.example", b"To: undisclosed-recipients:;"
    )
    raw = raw.replace(
        b"Source-IP: 192.0.2.44\n",
        b"Source-IP: 192.0.2.44\nOriginal-Rcpt-To: hal@isp.example\nOriginal-Rcpt-To: gina@isp.example\n",
    )
    assert [e.recipient for e in parse(raw).events] == ["hal@isp.example", "gina@isp.example"]
