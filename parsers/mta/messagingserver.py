"""Sun / Oracle Communications Messaging Server notifications ("Recipient address:" blocks)."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.dsn import internal
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta import _common as c
from parsers.reasons.derive import REPORT_TEXT

NAME = "MessagingServer"
# Prefilter markers (parsers.mta.candidates): _START must be in the report.
MARKERS = (
    "this report relates to a message you sent with the following header fields:",
    "your message cannot be delivered to the following recipients:",
    "your message has been delayed and is still awaiting delivery",
)

_START = compile_lazily(
    r"This report relates to a message you sent with the following header fields:|"
    r"Your message cannot be delivered to the following recipients:|"
    r"Your message has been delayed and is still awaiting delivery",
)
_FIELD = compile_lazily(
    r"^\s+(Recipient address|Original address|Reason|Diagnostic code|Remote system):\s*(.*)$", re.I
)


_FIELDS = compile_lazily(r"^Original-envelope-id:|^Reporting-MTA:", re.M | re.I)


def _inquire(mail: Mail) -> list[Delivery] | None:
    boundary = "Boundary_(ID_" in str(mail.message.get("Content-Type", ""))
    if not (mail.subject.startswith("Delivery Notification: ") or boundary) and not _START.search(
        c.body_text(mail)[:3000]
    ):
        return None
    text = c.before_original(mail, _FIELDS)
    if _START.search(text) is None:
        return None
    delayed = "delayed" in mail.subject.lower() or "has been delayed" in text
    entries: list[dict[str, str]] = []
    for line in text.split("\n"):
        field = _FIELD.match(line)
        if not field:
            continue
        name, value = field.group(1).lower(), field.group(2).strip()
        if name == "recipient address":
            entries.append({"recipient": value})
        elif entries:
            entries[-1][name] = value
    found: list[Delivery] = []
    for entry in entries:
        address = c.clean_address(entry["recipient"])
        if not address:
            continue
        diagnostic = entry.get("diagnostic code", "")
        if diagnostic.lower().startswith("smtp;"):
            diagnostic = diagnostic[5:]
        # With no Diagnostic code, the Reason line is the server's own word on its user ("Reason:
        # no such user"), not a reply it was given after DATA.
        own_word = not diagnostic and bool(entry.get("reason"))
        diagnostic = diagnostic or entry.get("reason", "")
        remote = entry.get("remote system", "")
        if ";" in remote:
            remote = remote.split(";", 1)[1]
        original = c.clean_address(entry.get("original address", ""))
        if original and internal(address) and not internal(original):
            # "Recipient address: user@ims-ms-daemon" names the server's own store; the
            # original address is the one mail was sent to
            address, original = original, address
        delivery = c.make(
            address,
            diagnostic,
            action="delayed" if delayed else "failed",
            remote_mta=remote.split()[0].lower() if remote.split() else None,
            alias=original,
        )
        if own_word:
            delivery.diagnostic_type = REPORT_TEXT
        found.append(delivery)
    return found


inquire = c.detector(_inquire)
