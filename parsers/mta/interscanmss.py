"""Trend Micro InterScan Messaging Security Suite notices: "Unable to deliver message to <...>"."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.mail import Mail
from parsers.mta import _common as c

NAME = "InterScanMSS"

_SUBJECTS = ("Mail could not be delivered", "メール配信に失敗しました", "Undeliverable Mail")
_RECIPIENT = re.compile(r"(?:Unable to deliver message to|Could not deliver mail to)\s*<([^>]+)>(.*)$", re.M)


def _inquire(mail: Mail) -> list[Delivery] | None:
    if "InterScan" not in mail.from_ and not (
        mail.subject in _SUBJECTS and "InterScan" in c.body_text(mail)[:2000]
    ):
        return None
    text = c.before_original(mail)
    found: list[Delivery] = []
    for match in _RECIPIENT.finditer(text):
        address = c.clean_address(match.group(1))
        if not address:
            continue
        diagnostic = c.sweep(match.group(0))
        # The notice names the address and asks to check it: InterScan refused it at RCPT.
        reason = None if c.find_smtp_code(match.group(2)) else c.USER_UNKNOWN
        found.append(c.make(address, diagnostic, reason=reason, command="RCPT"))
    return found


inquire = c.detector(_inquire)
