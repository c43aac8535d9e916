"""Ipswitch IMail Server (SMTP32) returns: "<reason>: <address>" lines before "Original message follows."."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta import _common as c

NAME = "IMailServer"
# Prefilter markers, looked for in the subject and the From (parsers.mta.heading): the subject or X-Mailer is the gate.
HEADING_MARKERS = ("undeliverable mail",)
MARKER_HEADERS = ("X-Mailer",)

_END = compile_lazily(r"^Original message follows\.", re.M)
# "Unknown user: kijitora@example.com"
_LINE = compile_lazily(r"^([^:\n]{8,80}):\s*<?([^\s@<>]+@[^\s>]+)>?\s*$")
# "undeliverable to kijitora@example.com"
_UNDELIVERABLE = compile_lazily(r"^undeliverable to\s+<?([^\s@<>]+@[^\s>]+)>?", re.I)
_RESPONSE = "Body of message generated response:"
# IMail's own labels that say why.
_FORMAT_REASONS = (
    (c.HOST_UNKNOWN, ("Unknown host",)),
    (c.USER_UNKNOWN, ("Unknown user", "Invalid final delivery userid")),
    (c.MAILBOX_FULL, ("User mailbox exceeds allowed size",)),
    (c.VIRUS_DETECTED, ("Requested action not taken: virus detected",)),
    (c.EXPIRED, ("Delivery failed ",)),
)


def _read(text: str) -> tuple[list[list[str]], list[str]]:
    """The report's recipient lines (each address with its line) and the remote's response lines."""
    entries: list[list[str]] = []
    response: list[str] = []
    in_response = False
    for line in text.split("\n"):
        stripped = line.strip()
        # (both patterns need the address's "@": most lines are not tried)
        match = (_LINE.match(stripped) or _UNDELIVERABLE.match(stripped)) if "@" in stripped else None
        if match:
            address = c.clean_address(match.group(match.lastindex or 1))
            if address:
                entries.append([address, stripped])
                in_response = False
                continue
        if _RESPONSE in stripped:
            in_response = True
            continue
        if in_response and stripped:
            response.append(stripped)
    return entries, response


def _inquire(mail: Mail) -> list[Delivery] | None:
    smtp32 = mail.header("X-Mailer").startswith("<SMTP32 v")
    if not smtp32 and not mail.subject.startswith("Undeliverable Mail"):
        return None
    entries, response = _read(c.before_original(mail, _END))
    found: list[Delivery] = []
    for address, label in entries:
        diagnostic = c.sweep(" ".join([*response, label]))
        reason = next((r for r, ps in _FORMAT_REASONS if any(p in diagnostic for p in ps)), None)
        found.append(c.make(address, diagnostic, reason=reason))
    if not smtp32:
        # Without the SMTP32 mailer header only IMail's own labels are trusted.
        found = [d for d in found if d.reason]
    return found


inquire = c.detector(_inquire)
