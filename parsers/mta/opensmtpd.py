"""OpenSMTPD's MAILER-DAEMON reports: "<rcpt>: <reason>" lines after the DO NOT REPLY banner."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta import _common as c

NAME = "OpenSMTPD"
# Prefilter markers (parsers.mta.candidates): _START must be in the report.
MARKERS = ("this is the mailer-daemon, please do not reply to this e",)

_START = compile_lazily(r"This is the MAILER-DAEMON, please DO NOT REPLY to this e-?mail", re.I)
_END = compile_lazily(r"^[^\S\n]*Below is a copy of the original message:", re.M)
_RECIPIENT = compile_lazily(r"^([^\s@:]+@[^\s:]+):\s+(.*)$")
_FORMAT_REASONS = (
    (c.EXPIRED, compile_lazily(r"^Envelope expired|^Delivery time expired", re.I)),
    (c.NETWORK_ERROR, compile_lazily(r"^Network error on destination MXs", re.I)),
    (c.HOST_UNKNOWN, compile_lazily(r"^Domain not found|^No MX found for domain", re.I)),
    (c.SYSTEM_ERROR, compile_lazily(r"^Loop detected", re.I)),
)


def _inquire(mail: Mail) -> list[Delivery] | None:
    if not mail.subject.lower().startswith("delivery status notification") and not _START.search(
        c.body_text(mail)[:4000]
    ):
        return None
    text = c.before_original(mail, _END)
    start = _START.search(text)
    if start is None:
        return None
    # OpenSMTPD's warnings ("A message is delayed for more than ...") are reported as failures
    # here: the labelled corpus treats them as soft bounces, not delay notices.
    notice = text[start.end() :]
    action = "failed"
    if "successfully delivered to these recipients" in notice:
        action = "delivered"
    elif "was relayed to these recipients" in notice:
        action = "relayed"
    found: list[Delivery] = []
    for line in notice.split("\n"):
        match = _RECIPIENT.match(line.strip())
        if not match:
            continue
        address = c.clean_address(match.group(1))
        if not address:
            continue
        diagnostic = match.group(2)
        reason = None
        for name, pattern in _FORMAT_REASONS:
            if pattern.search(diagnostic):
                reason = name
                break
        found.append(c.make(address, diagnostic, reason=reason, action=action))
    return found


inquire = c.detector(_inquire)
