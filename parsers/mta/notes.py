"""Lotus Notes SMTP MTA returns: "------- Failure Reasons --------" then reason and address lines."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta import _common as c
from parsers.reasons.derive import REPORT_TEXT

NAME = "Notes"
# Prefilter marker, looked for in the subject and the From (parsers.mta.heading): it accepts only this subject.
HEADING_MARKERS = ("undeliverable message",)

_START = compile_lazily(r"^-+\s*Failure Reasons\s*-+", re.M)
_END = compile_lazily(r"^-+\s*Returned Message\s*-+", re.M)
_FORMAT_REASONS = (
    (c.USER_UNKNOWN, ("User not listed in public Name & Address Book", "ディレクトリのリストにありません")),
    (c.NETWORK_ERROR, ("Message has exceeded maximum hop count",)),
)


def _inquire(mail: Mail) -> list[Delivery] | None:
    if not mail.subject.startswith("Undeliverable message"):
        return None
    text = c.before_original(mail, _END)
    start = _START.search(text)
    if start is None:
        return None
    found: list[Delivery] = []
    reasons: list[str] = []
    for line in text[start.end() :].split("\n"):
        line = line.strip()
        if not line:
            continue
        address = c.clean_address(line) if "@" in line and " " not in line else None
        if address:
            diagnostic = c.sweep(" ".join(reasons))
            reason = next((r for r, ps in _FORMAT_REASONS if any(p in diagnostic for p in ps)), None)
            delivery = c.make(address, diagnostic, reason=reason)
            if delivery.smtp_code is None:
                # no quoted reply: the router's own word on its own directory ("User jdoe (a@b)
                # not listed in Domino Directory"), as Domino's reports say it
                delivery.diagnostic_type = REPORT_TEXT
            found.append(delivery)
            reasons = []
        else:
            reasons.append(line)
    if not found and reasons:
        # No address among the reasons: the returned message's To names the recipient.
        diagnostic = c.sweep(" ".join(reasons))
        reason = next((r for r, ps in _FORMAT_REASONS if any(p in diagnostic for p in ps)), None)
        returned = c.after(c.body_text(mail), _END)
        found = [c.make(a, diagnostic, reason=reason) for a in c.original_recipients(mail, returned)]
    return found


inquire = c.detector(_inquire)
