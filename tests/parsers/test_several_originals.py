"""A forwarded abuse report with several originals attached or pasted (parsers.forwarded): one complaint for
each original's recipient, each recipient once, at most MAX_ORIGINALS read; an attached report
or the complainer's own mail to the desk is no complaint; a person's message attaching several
mails stays no complaint (the forwarded-report rule decides, not the number of originals); in a
reply only the first pasted original is read."""

from __future__ import annotations

from parsers import parse
from parsers.forwarded import MAX_ORIGINALS


def _original(recipient: str, n: int) -> str:
    return (
        "Received: from mta1.shop.example (mta1.shop.example [192.0.2.10])\n"
        "\tby mx.isp.example with ESMTP id 4AbC; Mon, 07 Dec 2026 10:00:00 +0000\n"
        "From: Shop <news@shop.example>\n"
        f"To: {recipient}\n"
        "Subject: Weekly deals\n"
        f"Message-ID: <m{n}@shop.example>\n\n"
        "Big sale.\n"
    )


def _message(sender: str, subject: str, attached: list[str]) -> bytes:
    parts = "".join(f"--b\nContent-Type: message/rfc822\n\n{body}\n" for body in attached)
    return (
        f"From: {sender}\n"
        "To: someone@shop.example\n"
        f"Subject: {subject}\n"
        "MIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="b"\n\n'
        "--b\nContent-Type: text/plain\n\nSee the attached.\n\n"
        f"{parts}--b--\n"
    ).encode()


def _complaints(raw: bytes) -> list[tuple[str, str | None]]:
    return [(e.recipient, e.original_message_id) for e in parse(raw).events if e.type == "complaint"]


def test_each_original_is_a_complaint_for_its_own_recipient() -> None:
    raw = _message(
        "abuse@isp.example", "Spam complaints", [_original(f"u{n}@isp.example", n) for n in range(3)]
    )
    assert _complaints(raw) == [(f"u{n}@isp.example", f"<m{n}@shop.example>") for n in range(3)]


def test_a_recipient_is_one_complaint_however_many_of_its_originals_come() -> None:
    raw = _message(
        "abuse@isp.example", "Spam complaints", [_original("jan@isp.example", n) for n in range(3)]
    )
    assert _complaints(raw) == [("jan@isp.example", "<m0@shop.example>")]


def test_at_most_max_originals_are_read() -> None:
    many = [_original(f"u{n}@isp.example", n) for n in range(MAX_ORIGINALS + 4)]
    assert len(_complaints(_message("abuse@isp.example", "Spam complaints", many))) == MAX_ORIGINALS


def test_a_report_attached_next_to_the_spam_is_no_complaint_of_its_own() -> None:
    bounce = (
        "Received: from mx.isp.example by relay.isp.example; Mon, 07 Dec 2026 10:05:00 +0000\n"
        "From: Mail Delivery Subsystem <MAILER-DAEMON@isp.example>\n"
        "To: bounces@shop.example\n"
        "Subject: Undelivered Mail Returned to Sender\n"
        "Content-Type: multipart/report; report-type=delivery-status; boundary=r\n\n"
        "--r\nContent-Type: text/plain\n\nfailed\n--r\nContent-Type: message/delivery-status\n\n"
        "Reporting-MTA: dns; mx.isp.example\n\nFinal-Recipient: rfc822; gone@isp.example\n"
        "Action: failed\nStatus: 5.1.1\n--r--\n"
    )
    raw = _message("abuse@isp.example", "Spam complaints", [_original("ann@isp.example", 0), bounce])
    assert _complaints(raw) == [("ann@isp.example", "<m0@shop.example>")]


def test_a_persons_message_attaching_several_mails_is_no_complaint() -> None:
    raw = _message(
        "Kate <kate@corp.example>", "Fwd: the quotes", [_original("kate@corp.example", n) for n in range(3)]
    )
    assert _complaints(raw) == []


def _pasted(markers: list[str], extra: str = "") -> bytes:
    body = "".join(f"{marker}\n{_original(f'p{n}@isp.example', n)}\n" for n, marker in enumerate(markers))
    return (
        "From: Postmaster <postmaster@isp.example>\n"
        "To: abuse@shop.example\n"
        f"Subject: Spam complaints from our users\n{extra}\n"
        f"Both users reported the messages below as spam.\n\n{body}"
    ).encode()


def test_each_original_pasted_after_a_forwarding_marker_is_a_complaint() -> None:
    for marker in ("---------- Forwarded message ---------", "-----Original Message-----"):
        assert _complaints(_pasted([marker, marker])) == [
            ("p0@isp.example", "<m0@shop.example>"),
            ("p1@isp.example", "<m1@shop.example>"),
        ]


def test_in_a_reply_only_the_first_pasted_original_is_read() -> None:
    # (what a reply pastes or quotes after the first may be the thread's earlier messages)
    marker = "---------- Forwarded message ---------"
    raw = _pasted([marker, marker], extra="In-Reply-To: <ticket-1@shop.example>\n")
    assert _complaints(raw) == [("p0@isp.example", "<m0@shop.example>")]


def test_a_forward_of_a_forward_is_one_complaint() -> None:
    # (the desk forwards its customer's forward: the customer's short header block is no original)
    customer = (
        "-----Original Message-----\n"
        "From: Olga <olga@isp.example>\nDate: Mon, 7 Dec 2026 11:00:00 +0000\n"
        "Subject: Fwd: Weekly deals\nTo: <help@isp.example>\n\nSpam again.\n\n"
        "-----Original Message-----\n" + _original("olga@isp.example", 0)
    )
    raw = _pasted([]).decode() + customer
    assert _complaints(raw.encode()) == [("olga@isp.example", "<m0@shop.example>")]
