"""McAfee Email and Web Security Appliance reports: "--- The following addresses had delivery problems ---"."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta import _common as c

NAME = "McAfee"
# Prefilter (parsers.mta.candidates): its header or its subject is the gate (the subject looked for
# in the subject and the From: parsers.mta.heading).
HEADING_MARKERS = ("delivery status",)
MARKER_HEADERS = ("X-NAI-Header",)

_START = compile_lazily(r"(?<!-)-+\s*The following addresses had delivery problems\s*-+")
_RECIPIENT = compile_lazily(r"^<([^>@]+@[^>]+)>\s*(?:\((.*)\))?\s*$")
_UNKNOWN = compile_lazily(
    r"\b(?:Unknown user|User unknown|No such user|User not exist)\b|\bUser \([^()\s]+@[^()\s]+\) unknown",
    re.I,
)


_FIELDS = compile_lazily(r"^(?:Original-Recipient|Final-Recipient|Reporting-MTA):", re.M)


def _inquire(mail: Mail) -> list[Delivery] | None:
    if "McAfee" not in mail.header("X-NAI-Header") and mail.subject != "Delivery Status":
        return None
    text = c.before_original(mail, _FIELDS)
    start = _START.search(text)
    if start is None:
        return None
    found: list[Delivery] = []
    for line in text[start.end() :].split("\n"):
        match = _RECIPIENT.match(line.strip())
        if match:
            # The appliance's own summary of the refusal names an unknown user in so many words.
            summary = match.group(2) or ""
            reason = c.USER_UNKNOWN if _UNKNOWN.search(summary) else None
            found.append(c.make(match.group(1), summary, reason=reason))
    inline = {d.recipient: d for d in c.dsn_fields(c.body_text(mail))}
    for delivery in found:
        # The report part's Diagnostic-Code carries the remote reply the text part shortens.
        other = inline.get(delivery.recipient)
        if other and other.diagnostic and other.smtp_code:
            delivery.diagnostic, delivery.smtp_code = other.diagnostic, other.smtp_code
            if _UNKNOWN.search(other.diagnostic):
                delivery.reason = c.USER_UNKNOWN
    return found


inquire = c.detector(_inquire)
