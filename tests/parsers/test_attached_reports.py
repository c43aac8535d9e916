"""Which attached messages a forward is read through (parsers.forwarded.attached_reports)."""

from __future__ import annotations

from parsers import parse

BOUNCE_TEXT = (
    "This message was created automatically by mail delivery software.\n\n"
    "A message that you sent could not be delivered to one or more of its\n"
    "recipients. This is a permanent error. The following address(es) failed:\n\n"
    "  hugo@example.de\n    550 5.1.1 User unknown\n"
)


def _forward(inner_from: str, inner_subject: str, *, first: str = "") -> bytes:
    return (
        "From: Owner <owner@lists.example.org>\nTo: owner@lists.example.org\nSubject: see attached\n"
        'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="F"\n\n'
        "--F\nContent-Type: text/plain\n\nsee attached\n\n"
        + first
        + f"--F\nContent-Type: message/rfc822\n\nFrom: {inner_from}\nTo: l-bounces@lists.example.org\n"
        f"Subject: {inner_subject}\n\n{BOUNCE_TEXT}\n--F--\n"
    ).encode()


def test_an_attached_text_bounce_is_read() -> None:
    result = parse(_forward("Mail Delivery System <MAILER-DAEMON@mx.example.de>", "Mail delivery failed"))
    assert [(e.recipient, e.classification) for e in result.events] == [("hugo@example.de", "hard")]


def test_a_daemon_message_without_a_failure_subject_is_not_read() -> None:
    result = parse(_forward("MAILER-DAEMON@mx.example.de", "Your weekly quota summary"))
    assert not result.events


def test_a_persons_message_with_a_failure_subject_is_not_read() -> None:
    result = parse(_forward("Hugo <hugo@example.de>", "Mail delivery failed"))
    assert not result.events


def test_the_bounce_may_follow_another_attached_message() -> None:
    note = "--F\nContent-Type: message/rfc822\n\nFrom: a@example.org\nSubject: hello\n\nhi\n\n"
    result = parse(_forward("MAILER-DAEMON@mx.example.de", "Undelivered Mail Returned to Sender", first=note))
    assert [e.recipient for e in result.events] == ["hugo@example.de"]
