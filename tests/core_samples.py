"""Hand-made returned mail for the core's end-to-end tests: DSNs, ARF reports, an auto-reply.

Each builder takes the affected recipient, a tag that makes the message distinct (it becomes part of
the Message-ID) and the message's own date, so tests can make "five distinct soft bounces". DSNs and
ARF reports also take `original` (extra headers of the returned original: `X-Bounceback-Account`,
a VERP `Return-Path`, `Feedback-ID`, ...) and `report_to` (the report's own To:, where a VERP
return path comes back).
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from typing import Any

DEFAULT_DATE = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def _headers(original: dict[str, str] | None) -> str:
    return "".join(f"{name}: {value}\n" for name, value in (original or {}).items())


def _dsn(
    recipient: str,
    tag: str,
    date: datetime,
    *,
    action: str,
    status: str,
    diagnostic: str,
    original: dict[str, str] | None = None,
    report_to: str = "bounces@sender.example",
) -> bytes:
    return f"""\
Return-Path: <>
From: Mail Delivery System <MAILER-DAEMON@mx.example.net>
To: {report_to}
Subject: Undelivered Mail Returned to Sender
Date: {format_datetime(date)}
Message-ID: <dsn-{tag}@mx.example.net>
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="BOUNDARY-{tag}"

--BOUNDARY-{tag}
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mx.example.net.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

--BOUNDARY-{tag}
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.net
Arrival-Date: {format_datetime(date)}

Final-Recipient: rfc822; {recipient}
Original-Recipient: rfc822; {recipient}
Action: {action}
Status: {status}
Remote-MTA: dns; mail.recipient.example
Diagnostic-Code: smtp; {diagnostic}

--BOUNDARY-{tag}
Content-Type: text/rfc822-headers

{_headers(original)}From: news@sender.example
To: {recipient}
Subject: Our newsletter
Message-ID: <orig-{tag}@sender.example>

--BOUNDARY-{tag}--
""".replace("\n", "\r\n").encode()


def hard_bounce(recipient: str, tag: str = "h", date: datetime = DEFAULT_DATE, **extra: Any) -> bytes:
    return _dsn(
        recipient,
        tag,
        date,
        **extra,
        action="failed",
        status="5.1.1",
        diagnostic=f"550 5.1.1 <{recipient}>: Recipient address rejected: User unknown",
    )


def soft_bounce(recipient: str, tag: str = "s", date: datetime = DEFAULT_DATE, **extra: Any) -> bytes:
    return _dsn(
        recipient,
        tag,
        date,
        **extra,
        action="failed",
        status="4.2.2",
        diagnostic="452 4.2.2 Mailbox full, quota exceeded",
    )


def blocklist_rejection(recipient: str, tag: str = "b", date: datetime = DEFAULT_DATE, **extra: Any) -> bytes:
    return _dsn(
        recipient,
        tag,
        date,
        **extra,
        action="failed",
        status="5.7.1",
        diagnostic="554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org",
    )


def delay_warning(recipient: str, tag: str = "d", date: datetime = DEFAULT_DATE, **extra: Any) -> bytes:
    return _dsn(
        recipient,
        tag,
        date,
        **extra,
        action="delayed",
        status="4.4.1",
        diagnostic="421 4.4.1 Connection timed out; will keep trying",
    )


def complaint(
    recipient: str,
    tag: str = "c",
    date: datetime = DEFAULT_DATE,
    *,
    original: dict[str, str] | None = None,
    report_to: str = "abuse@sender.example",
    feedback_type: str = "abuse",
    original_recipient: str | None = None,
    original_to: str | None = None,
) -> bytes:
    """An ARF report (`feedback_type` abuse: a complaint; opt-out: an unsubscribe) about mail to
    `recipient`; `original_recipient` and `original_to` replace its Original-Rcpt-To field and the
    original's To: (a redacted report hides both)."""
    rcpt_to = f"<{recipient}>" if original_recipient is None else original_recipient
    to = recipient if original_to is None else original_to
    return f"""\
From: Feedback Loop <fbl@isp.example>
To: {report_to}
Subject: Abuse report
Date: {format_datetime(date)}
Message-ID: <arf-{tag}@isp.example>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=feedback-report; boundary="ARF-{tag}"

--ARF-{tag}
Content-Type: text/plain; charset=us-ascii

This is an email abuse report for an email message received from IP 192.0.2.1.

--ARF-{tag}
Content-Type: message/feedback-report

Feedback-Type: {feedback_type}
User-Agent: ISP-FBL/1.0
Version: 1
Original-Mail-From: <bounces@sender.example>
Original-Rcpt-To: {rcpt_to}
Arrival-Date: {format_datetime(date)}
Source-IP: 192.0.2.1

--ARF-{tag}
Content-Type: message/rfc822

{_headers(original)}From: news@sender.example
To: {to}
Subject: Our newsletter
Message-ID: <orig-{tag}@sender.example>
Date: {format_datetime(date)}

Hello.

--ARF-{tag}--
""".replace("\n", "\r\n").encode()


def unsubscribe(recipient: str, tag: str = "u", date: datetime = DEFAULT_DATE, **extra: Any) -> bytes:
    """An ARF opt-out report: the recipient asked for no more mail from the sender."""
    return complaint(recipient, tag, date, feedback_type="opt-out", **extra)


def auto_reply(recipient: str, tag: str = "a", date: datetime = DEFAULT_DATE) -> bytes:
    return f"""\
From: {recipient}
To: news@sender.example
Subject: Out of office: Our newsletter
Date: {format_datetime(date)}
Message-ID: <ooo-{tag}@recipient.example>
Auto-Submitted: auto-replied
In-Reply-To: <orig-{tag}@sender.example>
Content-Type: text/plain; charset=us-ascii

I am out of the office until Monday and will reply when I am back.
""".replace("\n", "\r\n").encode()


def human_mail(tag: str = "m") -> bytes:
    return f"""\
From: Friend <friend@example.org>
To: news@sender.example
Subject: Re: Our newsletter
Message-ID: <human-{tag}@example.org>

Thanks, I liked it. ({tag})
""".replace("\n", "\r\n").encode()


def write(directory: Path, name: str, raw: bytes) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_bytes(raw)
    return path
