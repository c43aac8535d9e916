"""Apache James returns: "Error message below:" with the reply and "RCPT TO:" in message details."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta import _common as c

NAME = "ApacheJames"
# Prefilter markers (parsers.mta.candidates): _START must be in the report.
MARKERS = ("error message below:",)

_START = compile_lazily(r"^Error message below:\s*$", re.M)
_DETAILS = compile_lazily(r"^Message details:\s*$", re.M)
_RCPT = compile_lazily(r"^[^\S\n]*RCPT TO:\s*(.+)$", re.M)


def _is_james(mail: Mail) -> bool:
    if mail.subject == "[BOUNCE]":
        return True
    if ".JavaMail." in mail.header("Message-Id"):
        return True
    return mail.may_hold("Received", ("JAMES",)) and any(
        "JAMES SMTP Server" in r for r in mail.headers("Received")
    )


def _inquire(mail: Mail) -> list[Delivery] | None:
    if not _is_james(mail):
        return None
    text = c.before_original(mail)
    start = _START.search(text)
    if start is None:
        return None
    details = _DETAILS.search(text, start.end())
    diagnostic = text[start.end() : details.start() if details else len(text)]
    recipients: list[str] = []
    for match in _RCPT.finditer(text):
        recipients += c.find_addresses(match.group(1))
    if not recipients:
        recipients = c.original_recipients(mail)
    return [c.make(a, diagnostic) for a in dict.fromkeys(recipients)]


inquire = c.detector(_inquire)
