"""Courier mail server delivery status notices ("NOTICE: mail delivery status.")."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta import _common as c

NAME = "Courier"
# Prefilter markers (parsers.mta.candidates): _START must be in the report.
MARKERS = (
    "running the courier mail server",
    "your message to the following recipients cannot be delivered:",
    "your message to the following recipients has been delayed",
    "undeliverable mail",
    "delayed mail",
    "delays in delivering your message",
)

_SUBJECT = compile_lazily(r"^(?:NOTICE: mail delivery status\.|WARNING: delayed mail\.)", re.I)
_START = compile_lazily(
    r"This is a delivery status notification from .*?running the Courier mail server|"
    r"Your message to the following recipients cannot be delivered:|"
    r"Your message to the following recipients has been delayed|"
    r"UNDELIVERABLE MAIL|DELAYED MAIL|DELAYS IN DELIVERING YOUR MESSAGE",
    re.S,
)
_RECIPIENT = compile_lazily(r"^<([^>@]+@[^>]+)>:\s*$")
_REPLY = compile_lazily(r"^<<<\s*(.*)$")
_COMMAND = compile_lazily(r"^>>>\s*([A-Z]{4})")
_HOST = compile_lazily(r"^\s+([A-Za-z0-9.\-]+)\s+\[[0-9A-Fa-f.:]+\]:\s*$")
# Courier's own texts (module.esmtp) that say why.
_FORMAT_REASONS = (
    (c.HOST_UNKNOWN, "No such domain."),
    (c.SYSTEM_ERROR, "This domain's DNS violates RFC 1035."),
    (c.NETWORK_ERROR, "DNS lookup failed."),
)
_END = compile_lazily(r"^-{20,}\s*\n\s*\n?If your message was also sent|^The original message follows", re.M)


_MESSAGE_ID = compile_lazily(r"<courier\.[0-9A-F]+\.")


def _inquire(mail: Mail) -> list[Delivery] | None:
    if not (
        _SUBJECT.search(mail.subject)
        or "Courier mail server at " in mail.from_
        or _MESSAGE_ID.match(mail.header("Message-Id"))
        or "running the Courier mail server" in c.body_text(mail)[:3000]
    ):
        return None
    text = c.before_original(mail, _END)
    if _START.search(text) is None:
        return None
    delayed = (
        "DELAYED MAIL" in text
        or "DELAYS IN DELIVERING YOUR MESSAGE" in text
        or mail.subject.upper().startswith("WARNING: DELAYED")
    )
    found: list[Delivery] = []
    entries: list[dict[str, str]] = []
    for line in text.split("\n"):
        recipient = _RECIPIENT.match(line.strip())
        if recipient:
            entries.append({"recipient": recipient.group(1), "diagnostic": ""})
            continue
        if not entries:
            continue
        entry = entries[-1]
        host = _HOST.match(line)
        if host:
            entry["remote"] = host.group(1)
            continue
        command = _COMMAND.match(line.strip())
        if command:
            entry["command"] = command.group(1)
            continue
        reply = _REPLY.match(line.strip())
        if reply:
            entry["diagnostic"] += " " + reply.group(1)
        elif line.startswith("-----"):
            entries.append({"recipient": "", "diagnostic": ""})
        elif line.startswith((" ", "\t")) and line.strip() and not entry["diagnostic"]:
            entry["diagnostic"] = line.strip()
    for entry in entries:
        address = c.clean_address(entry["recipient"]) if entry["recipient"] else None
        if address:
            reason = next((r for r, phrase in _FORMAT_REASONS if phrase in entry["diagnostic"]), None)
            found.append(
                c.make(
                    address,
                    entry["diagnostic"],
                    reason=reason,
                    action="delayed" if delayed else "failed",
                    remote_mta=entry.get("remote"),
                    command=entry.get("command"),
                )
            )
    return found or c.dsn_fields(c.body_text(mail))


inquire = c.detector(_inquire)
