"""PowerMTA delivery reports: DSN fields plus X-PowerMTA-BounceCategory, PowerMTA's own verdict."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta import _common as c

NAME = "PowerMTA"
# Prefilter marker, looked for in the subject and the From (parsers.mta.heading): it accepts only this subject.
HEADING_MARKERS = ("delivery report",)

_START = "Hello, this is the mail server on "
_CATEGORY = compile_lazily(r"^X-PowerMTA-BounceCategory:\s*(\S+)", re.M | re.I)
_CATEGORIES = {
    "bad-domain": c.HOST_UNKNOWN,
    "bad-mailbox": c.USER_UNKNOWN,
    "inactive-mailbox": c.SUSPEND,
    "message-expired": c.EXPIRED,
    "no-answer-from-host": c.NETWORK_ERROR,
    "policy-related": c.POLICY_VIOLATION,
    "quota-issues": c.MAILBOX_FULL,
    "routing-errors": c.SYSTEM_ERROR,
    "spam-related": c.SPAM_DETECTED,
}


_RECIPIENT_BLOCK = compile_lazily(r"(?im)^(?=Final-Recipient:)")


def _inquire(mail: Mail) -> list[Delivery] | None:
    if "Delivery report" not in mail.subject:
        return None
    text = c.body_text(mail)
    start = text.find(_START)
    if start < 0:
        return None
    report = text[start:]
    # Each recipient block carries its own category; split the report at Final-Recipient lines.
    blocks = _RECIPIENT_BLOCK.split(report)
    found: list[Delivery] = []
    for block in blocks:
        for delivery in c.dsn_fields(block):
            category = _CATEGORY.search(block)
            if category:
                delivery.reason = _CATEGORIES.get(category.group(1).lower())
            found.append(delivery)
    return found


inquire = c.detector(_inquire)
