"""An unidentified MTA ("X5"): a notice to "NotificationRecipients" wrapping a whole DSN message."""

from __future__ import annotations

from parsers.delivery import Delivery
from parsers.mail import Mail, report_text
from parsers.mta import _common as c

NAME = "X5"
# Prefilter marker, looked for in the subject and the From (parsers.mta.heading): its score of two needs this in the From or the subject.
HEADING_MARKERS = ("mail delivery subsystem",)

MAX_PARTS = 64


def _inquire(mail: Mail) -> list[Delivery] | None:
    score = int("NotificationRecipients" in mail.header("To"))
    score += "Mail Delivery Subsystem" in mail.from_
    score += "Mail Delivery Subsystem" in mail.subject
    if score < 2:
        return None
    # The report is nested inside an attached message: walk into it (the loader reads only the
    # attachment's headers). Its report part is read as the loader reads one (decoded when sent
    # quoted-printable or base64).
    found: list[Delivery] = []
    for count, part in enumerate(mail.message.walk()):
        if count > MAX_PARTS:
            break
        if part.get_content_type() in ("message/delivery-status", "message/global-delivery-status"):
            found += c.dsn_fields(report_text(part, mail.decode))
    return found


inquire = c.detector(_inquire)
