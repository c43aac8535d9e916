"""An unidentified MTA ("X3"): a framed "Delivery Status Notification" with technical details."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.mail import Mail
from parsers.mta import _common as c

NAME = "X3"

_START = re.compile(r"This is an automatically generated Delivery Status Notification\.")
_FAILED = re.compile(r"Delivery to the following recipients failed permanently:", re.I)
_RECIPIENT = re.compile(r"^\s*\*\s*([^\s@]+@\S+)\s*$")
_DETAILS = re.compile(r"Technical details:", re.I)
# SMTP:RCPT host 192.0.2.8: 553 5.3.0 <a@b>... No such user here
_DETAIL = re.compile(r"^(SMTP:([A-Z]{4})\s+host\s+(\S+?):\s*(.*))$", re.M)


def _inquire(mail: Mail) -> list[Delivery] | None:
    if not mail.subject.startswith("Delivery status notification"):
        return None
    if not mail.from_.startswith("Mail Delivery System"):
        return None
    text = c.before_original(mail)
    if not _START.search(text):
        return None
    failed = _FAILED.search(text)
    if failed is None:
        return None
    recipients = []
    for line in text[failed.end() :].split("\n"):
        match = _RECIPIENT.match(line)
        if match:
            recipients.append(match.group(1))
        elif recipients and line.startswith("="):
            break
    details = _DETAILS.search(text)
    detail = _DETAIL.search(text, details.end()) if details else None
    found = []
    for address in recipients:
        cleaned = c.clean_address(address)
        if not cleaned:
            continue
        if detail:
            found.append(
                c.make(cleaned, detail.group(4), command=detail.group(2), remote_mta=detail.group(3))
            )
        else:
            found.append(c.make(cleaned, None))
    return found


inquire = c.detector(_inquire)
