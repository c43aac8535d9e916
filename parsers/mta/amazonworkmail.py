"""Amazon WorkMail bounces: a "Technical report:" of RFC 3464 fields inside the text part."""

from __future__ import annotations

from parsers.delivery import Delivery
from parsers.mail import Mail
from parsers.mta._providers import from_dsn_parts_or_text, guarded

NAME = "AmazonWorkMail"
# Prefilter, its markers looked for in the subject and the From (parsers.mta.heading): it accepts only mail from amazonses.com or with this header.
HEADING_MARKERS = ("amazonses.com",)
MARKER_HEADERS = ("X-SES-Outgoing",)


@guarded
def inquire(mail: Mail) -> list[Delivery] | None:
    mailer = mail.header("X-Original-Mailer") or mail.header("X-Mailer")
    if mailer != "Amazon WorkMail":
        return None
    if not (mail.has_header("X-SES-Outgoing") or "amazonses.com" in mail.from_.lower()):
        return None
    return from_dsn_parts_or_text(mail, "Technical report:")
