"""A notice about the sender's own mail is no failure report (parsers.fallback.notice_not_report):
a content scanner's virus notice and a list manager's warning to a member name no failed
recipient of ours, while a server's refusal of an infected message, with its SMTP reply, stays a
bounce."""

from __future__ import annotations

from parsers import parse

HEAD = (
    "Return-Path: <>\nFrom: {sender}\nTo: {to}\nSubject: {subject}\nDate: Thu, 29 Jul 2004 11:03:51 +0200\n\n"
)


def _message(sender: str, subject: str, body: str, to: str = "news-bounces@lists.example.org") -> bytes:
    return (HEAD.format(sender=sender, subject=subject, to=to) + body).encode()


def test_a_servers_refusal_of_an_infected_message_is_still_a_bounce() -> None:
    raw = _message(
        "Mail Delivery System <MAILER-DAEMON@mx.example.net>",
        "Undelivered mail: virus found",
        "Your message to <ana@example.net> could not be delivered:\n"
        "554 5.7.1 Virus found in message (W32/Mydoom-O)\n",
    )
    events = parse(raw).events
    assert [(e.recipient, e.type, e.classification) for e in events] == [
        ("ana@example.net", "bounce", "soft")
    ]


def test_a_scanners_notice_to_the_sender_names_no_failed_recipient() -> None:
    raw = _message(
        "ScanMail for Microsoft Exchange <scanmail@corp.example.com>",
        'Virus found in sent message "Monthly news"',
        "ScanMail for Microsoft Exchange has detected virus-infected attachment(s).\n\n"
        "Date: 7/29/2004 11:03:40 AM\nSubject: Monthly news\nVirus: WORM_NETSKY.P\nFile: document.pif\n"
        "From: anna@example.net\nTo: gus@corp.example.com\n"
        "Action: Clean failed : Quarantine successful\n",
        to="anna@example.net",  # (the scanner writes to the message's sender)
    )
    assert parse(raw).events == ()


def test_a_list_managers_warning_to_a_member_names_no_failed_recipient() -> None:
    raw = _message(
        "hikers-bounces@lists.example.org",
        "Your membership in the hikers mailing list has been disabled",
        "Your membership in the hikers@lists.example.org mailing list has been disabled\n"
        "due to excessive bounces. The last bounce received from you was dated\n"
        "17-Jun-2006.\n",
    )
    assert parse(raw).events == ()
