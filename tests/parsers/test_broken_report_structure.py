"""Reports that break the standards' structure: NUL bytes, CR-only line breaks, a delivery-status
part under a text type, a content type with a comment, fields written twice (the fixtures in
fixtures/dsn_broken_structure hold whole messages)."""

from __future__ import annotations

from parsers import parse
from parsers.mail import opens_as_delivery_status, readable
from parsers.mime import parse_bytes

REPORT = (
    b"From: MAILER-DAEMON@mx.relay.example\nTo: bounces@sender.example\nSubject: Undelivered Mail\n"
    b'MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary="b"\n\n'
    b"--b\nContent-Type: text/plain\n\nDelivery failed.\n\n--b\nContent-Type: message/delivery-status\n\n"
    b"Reporting-MTA: dns; mx.relay.example\n\nFinal-Recipient: rfc822; bob@dest.example\n"
    b"Action: failed\nStatus: 5.1.1\n\n--b--\n"
)


def _outcome(raw: bytes) -> list[tuple[str, str, str | None]]:
    return [(e.recipient, e.classification, e.status) for e in parse(raw).events]


def test_readable_leaves_a_message_without_nul_or_lone_cr_line_breaks_as_it_is() -> None:
    assert readable(REPORT) is REPORT
    crlf = REPORT.replace(b"\n", b"\r\n")
    assert readable(crlf) is crlf  # (CRLF, and a mix of CRLF and LF, are the email package's to read)


def test_nul_bytes_and_cr_only_line_breaks_give_the_same_events() -> None:
    want = _outcome(REPORT)
    assert want == [("bob@dest.example", "hard", "5.1.1")]
    assert _outcome(REPORT.replace(b"Action", b"\x00Action").replace(b"Status", b"Sta\x00tus")) == want
    assert _outcome(REPORT.replace(b"\n", b"\r")) == want


def test_a_text_part_opens_as_a_delivery_status_part_only_with_a_report_field_and_a_recipient() -> None:
    assert opens_as_delivery_status("\nReporting-MTA: dns; mx\n\nFinal-Recipient: rfc822; a@b.example\n")
    assert opens_as_delivery_status(
        "original-envelope-id: x1\nreporting-mta: dns;mx\n\nfinal-recipient: a@b.example\n"
    )
    assert not opens_as_delivery_status("Reporting-MTA: dns; mx\n\nno recipient named here\n")
    assert not opens_as_delivery_status("Dear customer,\nFinal-Recipient: rfc822; a@b.example\n")
    assert not opens_as_delivery_status("")


def test_a_content_type_comment_is_no_part_of_the_type() -> None:
    message, _ = parse_bytes(
        b'Content-Type: multipart/report (DSN); report-type=delivery-status; boundary="b"\n\n'
        b"--b\nContent-Type: text/plain (notice)\n\nx\n--b--\n"
    )
    assert message.get_content_type() == "multipart/report"
    assert message.get_payload()[0].get_content_type() == "text/plain"


def test_a_field_written_twice_with_another_value_still_starts_the_next_recipient() -> None:
    two = REPORT.replace(
        b"Status: 5.1.1\n",
        b"Status: 5.1.1\nFinal-Recipient: rfc822; eve@dest.example\nAction: delayed\nStatus: 4.2.2\n",
    )
    assert _outcome(two) == [("bob@dest.example", "hard", "5.1.1"), ("eve@dest.example", "ignored", "4.2.2")]
    twice = REPORT.replace(
        b"Action: failed\nStatus: 5.1.1\n", b"Action: failed\nAction: failed\nStatus: 5.1.1\nStatus: 5.1.1\n"
    )
    assert _outcome(twice) == _outcome(REPORT)
