"""SendGrid bounces (Return-Path <apps@sendgrid.net>, "Undelivered Mail Returned to Sender")."""

from __future__ import annotations

from parsers.delivery import Delivery
from parsers.mail import Mail
from parsers.mta._providers import command_in, from_dsn_parts_or_text, guarded

NAME = "SendGrid"
# Prefilter marker, looked for in the subject and the From (parsers.mta.heading): it accepts only this subject.
HEADING_MARKERS = ("undelivered mail returned to sender",)


@guarded
def inquire(mail: Mail) -> list[Delivery] | None:
    if "apps@sendgrid.net" not in mail.header("Return-Path").lower():
        return None
    if mail.subject != "Undelivered Mail Returned to Sender":
        return None
    found = from_dsn_parts_or_text(mail, "This is an automatically generated message from SendGrid.")
    if found is None:
        return None
    command = command_in(mail.text)
    for d in found:
        d.smtp_command = d.smtp_command or command
        if d.action == "delayed" and d.status and d.status.startswith("5"):
            # "Action: expired": SendGrid gave up on the message.
            d.action, d.reason = "failed", "expired"
    return found
