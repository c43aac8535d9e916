"""Bigfoot (bigfoot.com forwarding) bounces: Sendmail-style transcript plus an RFC 3464 report."""

from __future__ import annotations

from parsers.delivery import Delivery
from parsers.mail import Mail
from parsers.mta._providers import command_in, from_dsn_parts_or_text, guarded
from parsers.reasons import USER_UNKNOWN, matches

NAME = "Bigfoot"
# Prefilter markers, looked for in the subject and the From (parsers.mta.heading): its gate is a bigfoot.com sender or Received.
HEADING_MARKERS = ("@bigfoot.com>",)
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
        if d.smtp_command in (None, "RCPT") and matches(USER_UNKNOWN, d.diagnostic or ""):
            # Bigfoot reports every refused forwarding as 5.7.1, its own code, not the remote's:
            # the remote's reply about the forwarding address says why ("553 Invalid recipient",
            # "550 Destination mailbox is unavailable"), unless it answered DATA (a filter).
            d.reason = USER_UNKNOWN
    return found
