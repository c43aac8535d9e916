"""An unidentified MTA ("X3"): a framed "Delivery Status Notification" with technical details."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta import _common as c

NAME = "X3"
# Prefilter markers (parsers.mta.candidates): _START must be in the report.
MARKERS = ("this is an automatically generated delivery status notification.",)

_START = compile_lazily(r"This is an automatically generated Delivery Status Notification\.")
_RECIPIENT = compile_lazily(r"^\s+\*\s*([^\s@]+@\S+)\s*$")
# SMTP:RCPT host 192.0.2.8: 553 5.3.0 <a@b>... No such user here
_SMTP = compile_lazily(r"^SMTP:([A-Za-z]{4})\s+(.+)$")
_HOST = compile_lazily(r"^host\s+(\S+?):\s")
# Routing: Could not find a gateway for a@b          Diagnostic-Code: smtp; 552 5.2.2 Over quota
_OTHER = compile_lazily(r"^(?:Routing:\s*|Diagnostic-Code:\s*smtp;\s*)(.+)$", re.I)


def _inquire(mail: Mail) -> list[Delivery] | None:
    if not mail.subject.startswith("Delivery status notification"):
        return None
    if not mail.from_.startswith("Mail Delivery System"):
        return None
    text = c.before_original(mail)
    start = _START.search(text)
    if start is None:
        return None
    recipients: list[str] = []
    diagnostic = ""
    command: str | None = None
    remote: str | None = None
    for line in text[start.end() :].split("\n"):
        recipient = _RECIPIENT.match(line)
        if recipient:
            address = c.clean_address(recipient.group(1))
            if address:
                recipients.append(address)
            continue
        smtp = _SMTP.match(line.strip())
        other = _OTHER.match(line.strip())
        if smtp and not diagnostic:
            command, diagnostic = smtp.group(1).upper(), smtp.group(2)
            host = _HOST.match(diagnostic)
            remote = host.group(1) if host else None
        elif other and not diagnostic:
            diagnostic = other.group(1)
    return [c.make(a, diagnostic, command=command, remote_mta=remote) for a in recipients]


inquire = c.detector(_inquire)
