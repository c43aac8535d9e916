"""Symantec MessageLabs returns: "I was unable to deliver your message to the following addresses"."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta import _common as c

NAME = "MessageLabs"
# Prefilter markers (parsers.mta.candidates): _START must be in the report.
MARKERS = ("i was unable to deliver your message to the following addresses:",)

_START = compile_lazily(r"I was unable to deliver your message to the following addresses:")
_END = compile_lazily(r"^The message (?:subject|date|identifier) was:|^Reporting-MTA:", re.M)
_REASON = compile_lazily(r"^Reason:\s*(.*)$")


def _inquire(mail: Mail) -> list[Delivery] | None:
    if (
        "messagelabs.com" not in mail.from_.lower()
        and "This is the mail delivery agent at messagelabs.com" not in c.body_text(mail)
    ):
        return None
    text = c.before_original(mail, _END)
    start = _START.search(text)
    if start is None:
        return None
    entries: list[list[str]] = []
    for line in text[start.end() :].split("\n"):
        line = line.strip()
        if not line:
            continue
        reason = _REASON.match(line)
        if reason and entries:
            entries[-1][1] += " " + reason.group(1)
        elif "@" in line and " " not in line:
            address = c.clean_address(line)
            if address:
                entries.append([address, ""])
        elif entries and entries[-1][1]:
            entries[-1][1] += " " + line
    return [c.make(address, diagnostic) for address, diagnostic in entries]


inquire = c.detector(_inquire)
