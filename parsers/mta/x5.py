"""An unidentified MTA ("X5"): a notice to "NotificationRecipients" wrapping a whole DSN message."""

from __future__ import annotations

from email.message import Message

from parsers.delivery import Delivery
from parsers.mail import Mail
from parsers.mta import _common as c

NAME = "X5"
# Prefilter marker, looked for in the subject and the From (parsers.mta.heading): its score of two needs this in the From or the subject.
HEADING_MARKERS = ("mail delivery subsystem",)

MAX_PARTS = 64


def _report_text(part: Message) -> str:
    payload = part.get_payload()
    if isinstance(payload, list):
        return "\n\n".join(
            "\n".join(f"{k}: {v}" for k, v in block.items())
            for block in payload
            if isinstance(block, Message)
        )
    return payload if isinstance(payload, str) else ""


def _inquire(mail: Mail) -> list[Delivery] | None:
    score = int("NotificationRecipients" in mail.header("To"))
    score += "Mail Delivery Subsystem" in mail.from_
    score += "Mail Delivery Subsystem" in mail.subject
    if score < 2:
        return None
    # The report is nested inside an attached message: walk into it (the loader reads only the
    # attachment's headers).
    found: list[Delivery] = []
    for count, part in enumerate(mail.message.walk()):
        if count > MAX_PARTS:
            break
        if part.get_content_type() in ("message/delivery-status", "message/global-delivery-status"):
            found += c.dsn_fields(_report_text(part))
    return found


inquire = c.detector(_inquire)
