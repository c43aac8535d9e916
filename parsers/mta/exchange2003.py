"""Microsoft Exchange Server 2003 and older (Internet Mail Connector) non-delivery reports."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta import _common as c

NAME = "Exchange2003"
# Prefilter markers (parsers.mta.candidates): _RECIPIENTS must be in the report.
MARKERS = (
    "did not reach the following recipient(s):",
    "the following recipient(s) could not be reached:",
)

_RECIPIENTS = compile_lazily(
    r"did not reach the following recipient\(s\):|The following recipient\(s\) could not be reached:",
    re.I,
)
# "a@b on <date>" or "Name (SMTP=a@b) on <date>"
_RECIPIENT = compile_lazily(r"^\s*+(?:[^\s@]+@\S+?|[^=\n]{0,200}(?:SMTP|smtp)=([^\s@]+@\S+?))\s+on\s+\S.*$")
# MSEXCH:IMS:... (000C05A6): Exchange's own error code says why.
_CODE = compile_lazily(r"\(([0-9A-F]{8})\)")
_CODE_REASONS = {
    # Host unknown, size limit, relaying and remote errors: the code alone does not say which.
    "000B099C": c.ON_HOLD,
    "000B09AA": c.ON_HOLD,
    "000B09B6": c.ON_HOLD,
    "000C05A6": c.USER_UNKNOWN,
    "00010256": c.SYSTEM_ERROR,  # too many recipients
    "000D06B5": c.SYSTEM_ERROR,  # no proxy for the recipient
    "00120270": c.NETWORK_ERROR,  # too many hops
    "00050311": c.CONTENT_ERROR,  # conversion to Internet format failed
    "000502CC": c.CONTENT_ERROR,
    "000B0981": c.SECURITY_ERROR,  # the server does not support AUTH
    "000C0595": c.FILTERED,  # ambiguous recipient
}


def _is_exchange(mail: Mail) -> bool:
    if mail.has_header("X-MS-Embedded-Report"):
        return True
    mailer = mail.header("X-Mailer") + " " + mail.header("X-MimeOLE")
    if (
        "Microsoft Exchange Server Internet Mail Connector" in mailer
        or "Produced By Microsoft Exchange" in mailer
    ):
        return True
    if any("with Internet Mail Service" in r for r in mail.headers("Received")):
        return True
    return "MSEXCH:" in c.body_text(mail)[:8000]


def _inquire(mail: Mail) -> list[Delivery] | None:
    if not _is_exchange(mail):
        return None
    text = c.before_original(mail)
    listing = _RECIPIENTS.search(text)
    if listing is None:
        return None
    found: list[Delivery] = []
    lines: list[str] = []
    address: str | None = None

    def flush() -> None:
        if address is None:
            return
        diagnostic = " ".join(lines)
        code = _CODE.search(diagnostic)
        reason = _CODE_REASONS.get(code.group(1)) if code else None
        found.append(c.make(address, diagnostic, reason=reason))

    for line in text[listing.end() :].split("\n"):
        if not line.strip():
            continue
        match = _RECIPIENT.match(line)
        candidate = c.clean_address(match.group(1) or match.group(0).split(" on ")[0]) if match else None
        if candidate:
            flush()
            address, lines = candidate, []
            continue
        if (address is not None and line[:1] in (" ", "\t")) or address is not None:
            lines.append(line.strip())
    flush()
    return found


inquire = c.detector(_inquire)
