"""amavis(d-new) content-filter notices: spam, banned content or virus, addressed per recipient."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta import _common as c

NAME = "Amavis"
# Prefilter markers, looked for in the subject and the From (parsers.mta.heading): the From, a subject or X-Mailer is the gate.
HEADING_MARKERS = ("content-filter at", "considered unsolicited bulk email", "virus (", "banned ")
MARKER_HEADERS = ("X-Mailer",)

_START = compile_lazily(r"^A message from <[^>]*> to:\s*$", re.M)
_RECIPIENT = compile_lazily(r"^->\s*([^\s@]+@\S+)\s*$")
_VERDICTS = (
    (c.SPAM_DETECTED, compile_lazily(r"unsolicited bulk e-?mail|\bUBE\b|considered spam", re.I)),
    (c.VIRUS_DETECTED, compile_lazily(r"contains? (?:a )?(?:computer )?virus|\bINFECTED\b", re.I)),
    (c.FILTERED, compile_lazily(r"\bBANNED\b|banned (?:contents|file|name)", re.I)),
)


_REPORTING_MTA = compile_lazily(r"^Reporting-MTA:", re.M)


def _inquire(mail: Mail) -> list[Delivery] | None:
    if (
        "content-filter at" not in mail.from_.lower()
        and "amavis" not in mail.header("X-Mailer").lower()
        and not mail.subject.startswith(("Considered UNSOLICITED BULK EMAIL", "VIRUS (", "BANNED "))
    ):
        return None
    text = c.before_original(mail, _REPORTING_MTA)
    start = _START.search(text)
    inline = c.dsn_fields(c.body_text(mail))
    verdict_text = mail.subject + " " + text[:3000]
    reason = next((r for r, p in _VERDICTS if p.search(verdict_text)), None)
    found: list[Delivery] = []
    if start is not None:
        for line in text[start.end() :].split("\n"):
            match = _RECIPIENT.match(line.strip())
            if match:
                found.append(c.make(match.group(1), c.sweep(text[start.end() :])[:300], reason=reason))
            elif found and line.strip():
                break
    by_address = {d.recipient: d for d in inline}
    for delivery in found:
        other = by_address.get(delivery.recipient)
        if other is not None:
            delivery.diagnostic = other.diagnostic or delivery.diagnostic
            delivery.status = other.status or delivery.status
            delivery.smtp_code = other.smtp_code or delivery.smtp_code
    if not found:
        for delivery in inline:
            delivery.reason = reason
        found = inline
    return found


inquire = c.detector(_inquire)
