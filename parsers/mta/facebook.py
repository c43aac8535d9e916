"""Facebook's "Sorry, your message could not be delivered" reports, keyed on its response codes."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.mail import Mail
from parsers.mta._providers import from_dsn_parts, from_dsn_text, guarded

NAME = "Facebook"

_CODE = re.compile(r"\b([A-Z]{3})-([A-Z])(\d)\b")
# postmaster.facebook.com response codes: RCP = recipient, MSG = message, POL = policy,
# DNS = sender's DNS, CON = connection, INT = internal.
_CODES = {
    "user_unknown": ("RCP-P1", "INT-P1", "INT-P3", "INT-P4"),
    "filtered": ("RCP-P2", "RCP-P3"),
    "message_too_big": ("MSG-P1", "INT-P2"),
    "content_error": ("MSG-P2", "MSG-P3", "POL-P6", "POL-P7"),
    "security_error": ("POL-P1", "POL-P2", "POL-P5"),
    "not_accept": ("POL-P3", "POL-P4", "POL-T1", "POL-T2", "POL-T3"),
    "rejected": ("DNS-P1", "DNS-P2", "DNS-T1", "DNS-P3", "DNS-T2"),
    "system_error": ("CON-T1",),
    "rate_limited": ("CON-T3",),
    "suspended": ("RCP-T4",),
    "undefined": ("RCP-T1", "MSG-T1", "CON-T2", "CON-T4"),
}


def reason_for_code(text: str) -> str | None:
    m = _CODE.search(text)
    if not m:
        return None
    code = f"{m.group(1)}-{m.group(2)}{m.group(3)}"
    for reason, codes in _CODES.items():
        if code in codes:
            return reason
    return "system_error" if code.startswith("INT-T") else None


@guarded
def inquire(mail: Mail) -> list[Delivery] | None:
    if "mailer-daemon@mx.facebook.com" not in mail.from_.lower():
        return None
    if mail.subject != "Sorry, your message could not be delivered":
        return None
    found = from_dsn_parts(mail) or from_dsn_text(mail.text)
    for d in found:
        d.reason = reason_for_code(d.diagnostic or "")
    return found
