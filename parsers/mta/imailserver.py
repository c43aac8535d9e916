"""Ipswitch IMail Server (SMTP32) returns: "<reason>: <address>" lines before "Original message follows."."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.mail import Mail
from parsers.mta import _common as c

NAME = "IMailServer"

_END = re.compile(r"^Original message follows\.", re.M)
_LINE = re.compile(r"^([^:\n]{3,80}):\s*<?([^\s@<>]+@[^\s>]+)>?\s*$", re.M)
_FORMAT_REASONS = (
    (c.HOST_UNKNOWN, re.compile(r"^Unknown host", re.I)),
    (c.USER_UNKNOWN, re.compile(r"^(?:Unknown user|Invalid final delivery userid)", re.I)),
    (c.MAILBOX_FULL, re.compile(r"^User mailbox exceeds allowed size", re.I)),
    (c.VIRUS_DETECTED, re.compile(r"virus detected", re.I)),
    (c.EXPIRED, re.compile(r"^Delivery failed \d+ attempts", re.I)),
)


def _inquire(mail: Mail) -> list[Delivery] | None:
    if not mail.header("X-Mailer").startswith("<SMTP32 v") and not mail.subject.startswith(
        "Undeliverable Mail"
    ):
        return None
    text = c.before_original(mail, _END)
    found: list[Delivery] = []
    for match in _LINE.finditer(text):
        label, address = match.group(1).strip(), c.clean_address(match.group(2))
        if not address:
            continue
        reason = next((r for r, p in _FORMAT_REASONS if p.search(label)), None)
        after_line = text[match.end() :].lstrip("\n").split("\n\n", 1)[0]
        diagnostic = label
        if after_line.strip() and not _LINE.match(after_line):
            diagnostic = f"{label}: {after_line}"
        found.append(c.make(address, diagnostic, reason=reason))
    if not found or not mail.header("X-Mailer").startswith("<SMTP32 v"):
        # Without the SMTP32 mailer header only the known labels are trusted.
        found = [d for d in found if d.reason]
    return found


inquire = c.detector(_inquire)
