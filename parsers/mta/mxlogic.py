"""MX Logic (McAfee SaaS) returns: Exim-like text followed by "Included is a copy of the message header"."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta import _common as c
from parsers.mta import exim

NAME = "MXLogic"
# Prefilter markers (parsers.mta.candidates): _START must be in the report.
MARKERS = ("this message was created automatically by mail delivery software",)

_START = compile_lazily(r"^This message was created automatically by mail delivery software\.", re.M)
_END = compile_lazily(r"^Included is a copy of the message header:", re.M)
_RECIPIENT = compile_lazily(r"^\s+<([^>@]+@[^>]+)>:\s*(.*)$")
# A cheap necessary test for a _RECIPIENT line among the folded lines after _START: a folded line
# that starts with white space begins either with such a line or with a blank line continued by an
# indented one, so some line after the start is white space then "<" ("\s" also spans line breaks
# here: a wider test, still necessary). Exim's own reports, which reach this detector first, list
# their recipients without the angle brackets.
_INDENTED_ANGLE = compile_lazily(r"\n\s+<")


_MESSAGE_ID = compile_lazily(r"<[^@]+@[^>]*\.mxl\d*\.")


def _is_mxlogic(mail: Mail) -> bool:
    if any(mail.has_header(h) for h in ("X-MXL-NoteHash", "X-MXL-Hash", "X-MX-Bounce")):
        return True
    if any("mxl_mta" in r for r in mail.headers("Received")):
        return True
    if _MESSAGE_ID.match(mail.header("Message-Id")):
        return True
    # Its Exim-derived wording; the "  <address>: reply" lines below are what sets it apart.
    return mail.from_.startswith("Mail Delivery System") or any(
        s in mail.subject
        for s in ("Delivery Status Notification", "Mail delivery failed", "Warning: message ")
    )


def _inquire(mail: Mail) -> list[Delivery] | None:
    # (the report cut at the original only is made once per message; _END cuts a prefix of it, so
    # the test holds there whenever it holds in the text read below)
    report = c.before_original(mail)
    start = _START.search(report)
    if start is None or _INDENTED_ANGLE.search("\n" + report[start.end() :]) is None:
        return None
    if not _is_mxlogic(mail):
        return None
    text = c.before_original(mail, _END)
    start = _START.search(text)
    if start is None:
        return None
    found: list[Delivery] = []
    for line in c.fold(text[start.end() :].split("\n")):
        match = _RECIPIENT.match(line)
        if match:
            diagnostic = c.sweep(match.group(2))
            command = c.smtp_command(diagnostic)
            if command == "MAIL":
                reason: str | None = c.REJECTED
            elif command == "HELO":
                reason = c.BLOCKED
            else:
                reason = exim.format_reason(diagnostic)
            found.append(c.make(match.group(1), diagnostic, reason=reason, command=command))
    return found


inquire = c.detector(_inquire)
