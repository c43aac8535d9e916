"""ARF complaint reports (RFC 5965, 6591 auth-failure) and Microsoft JMRP's classic format.

Finding the complained-about recipient, in order: Original-Rcpt-To (each one is an event),
Redacted-Address when it is a whole address, X-HmXmrOriginalRecipient, the returned original's
To:, then its Received "for <addr>" clauses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from email.message import Message

from parsers.dsn import address
from parsers.mail import Mail, decode_header_value

UNDISCLOSED_RECIPIENT = "undisclosed-recipient@unknown.invalid"

_FIELD = re.compile(r"(?m)^([A-Za-z][A-Za-z0-9-]{0,60})[ \t]*:[ \t]*(.*)$")
_FEEDBACK_TYPE_IN_TEXT = re.compile(r"(?im)^feedback-type[ \t]*:[ \t]*([a-z0-9_-]+)")
_RECEIVED_FOR = re.compile(r"\bfor\s+<?([^\s<>;]+@[^\s<>;]+?)>?\s*;", re.IGNORECASE)
_JMRP_SUBJECT = re.compile(r"^complaint about message from ", re.IGNORECASE)
_UNDISCLOSED = re.compile(r"undisclosed|recipients? not specified|unlisted", re.IGNORECASE)


@dataclass
class Complaint:
    """One complaint report: who complained and about which message."""

    recipients: list[str] = field(default_factory=list)
    feedback_type: str = "abuse"
    original_mail_from: str | None = None
    original_message_id: str | None = None
    source_ip: str | None = None
    user_agent: str | None = None
    defects: list[str] = field(default_factory=list)


def _fields(text: str) -> dict[str, list[str]]:
    """The feedback-report part's fields (repeatable ones keep every value)."""
    out: dict[str, list[str]] = {}
    unfolded = re.sub(r"\r?\n[ \t]+", " ", text.replace("\r", ""))
    for m in _FIELD.finditer(unfolded):
        out.setdefault(m.group(1).lower(), []).append(m.group(2).strip())
    return out


def _first(fields: dict[str, list[str]], name: str) -> str | None:
    values = fields.get(name)
    return values[0] if values else None


def _is_jmrp(mail: Mail) -> bool:
    if mail.original is None:
        return False
    if "X-HmXmrOriginalRecipient" in mail.original:
        return True
    sender = mail.from_.lower()
    # Microsoft's JMRP and Amazon SES forward complaints as multipart/mixed with this subject
    known = "staff@hotmail.com" in sender or "complaints@email-abuse.amazonses.com" in sender
    return known and bool(_JMRP_SUBJECT.match(mail.subject))


def is_report(mail: Mail) -> bool:
    """Cheap check: is this message a complaint report at all?"""
    if mail.feedback_report or mail.report_type == "feedback-report":
        return True
    if _is_jmrp(mail):
        return True
    # Some providers send the report fields as text/plain without the multipart/report wrapper.
    if mail.original is None:
        return False
    head = mail.text[:20000]
    low = head.lower()
    # the case-insensitive multi-line search is slow on a long text: literal tests first (a text
    # it matches holds "feedback-type" once lower-cased, the Kelvin sign included)
    return "user-agent:" in low and "feedback-type" in low and _FEEDBACK_TYPE_IN_TEXT.search(head) is not None


def _original_recipients(original: Message | None) -> list[str]:
    if original is None:
        return []
    for name in ("X-HmXmrOriginalRecipient", "To", "Delivered-To", "X-Original-To"):
        for value in original.get_all(name) or []:
            text = decode_header_value(value)
            if name == "To" and _UNDISCLOSED.search(text):
                continue
            found = [a for a in (address(x) for x in text.split(",")) if a]
            if found:
                return found
    for value in original.get_all("Received") or []:
        m = _RECEIVED_FOR.search(decode_header_value(value))
        if m:
            a = address(m.group(1))
            if a:
                return [a]
    return []


def inquire(mail: Mail) -> Complaint | None:
    """The complaint in `mail`, or None when it is not a complaint report."""
    if not is_report(mail):
        return None
    text = "\n\n".join(mail.feedback_report)
    if not text:
        m = _FEEDBACK_TYPE_IN_TEXT.search(mail.text)
        text = mail.text[m.start() : m.start() + 8000] if m else ""
        cut = text.find("\n\n")
        if cut > 0:
            text = text[:cut]
    fields = _fields(text)
    complaint = Complaint()
    ftype = (fields.get("feedback-type") or [""])[0].split()
    complaint.feedback_type = ftype[0].lower() if ftype else "abuse"
    complaint.user_agent = _first(fields, "user-agent")
    complaint.source_ip = _first(fields, "source-ip")
    mail_from = _first(fields, "original-mail-from")
    complaint.original_mail_from = address(mail_from) if mail_from else None
    if complaint.original_mail_from is None and mail.original is not None:
        complaint.original_mail_from = address(
            decode_header_value(mail.original.get("Return-Path") or mail.original.get("From") or "")
        )
    if mail.original is not None:
        mid = mail.original.get("Message-ID")
        complaint.original_message_id = decode_header_value(mid) if mid else None

    recipients: list[str] = []
    for value in fields.get("original-rcpt-to", []):
        a = address(value)
        if a and a not in recipients:
            recipients.append(a)
    if not recipients:
        for value in fields.get("redacted-address", []):
            a = address(value)
            if a and a not in recipients:
                recipients.append(a)
    if not recipients:
        recipients = _original_recipients(mail.original)
    if not recipients:
        hm = mail.header("X-HmXmrOriginalRecipient")
        a = address(hm) if hm else None
        if a:
            recipients = [a]
    if not recipients:
        # Still one complaint: the report must be recorded (and alerted on) even when the
        # provider redacted everyone; the reserved .invalid domain can never be mailed.
        complaint.defects.append("complaint report names no recipient")
        recipients = [UNDISCLOSED_RECIPIENT]
    complaint.recipients = recipients
    return complaint
