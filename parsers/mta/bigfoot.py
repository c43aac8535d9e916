"""Bigfoot (bigfoot.com forwarding) bounces: Sendmail-style transcript plus an RFC 3464 report."""

from __future__ import annotations

from parsers.delivery import Delivery
from parsers.mail import Mail
from parsers.mta._providers import command_in, from_dsn_parts_or_text, guarded

NAME = "Bigfoot"
# Prefilter markers (parsers.mta.candidates): its gate is a bigfoot.com sender or Received.
MARKERS = ("@bigfoot.com>",)
MARKER_VALUES = {"Received": (".bigfoot.com",)}


@guarded
def inquire(mail: Mail) -> list[Delivery] | None:
    if "@bigfoot.com>" not in mail.from_.lower() and not (
        mail.may_hold("Received", (".bigfoot.com",))
        and any(".bigfoot.com " in r for r in mail.headers("Received"))
    ):
        return None
    found = from_dsn_parts_or_text(mail, "----- Transcript of session follows -----")
    if found is None:
        return None
    command = command_in(mail.text)
    for d in found:
        d.smtp_command = d.smtp_command or command
        low = (d.diagnostic or "").lower()
        if d.smtp_command == "RCPT" and "invalid recipient" in low:
            # Bigfoot reports a refused forwarding address as 5.7.1; the reply names the recipient.
            d.reason = "user_unknown"
    return found
