"""MailFoundry returns: "Unable to deliver message to: <...>" then "Delivery failed for the following reason:"."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta import _common as c

NAME = "MailFoundry"
# Prefilter markers, looked for in the subject and the From (parsers.mta.heading): the subject is the gate.
HEADING_MARKERS = ("message delivery has failed",)

_RECIPIENT = compile_lazily(r"^Unable to deliver message to:\s*<([^>@]+@[^>]+)>", re.M)
_REASON = "Delivery failed for the following reason:"


def _inquire(mail: Mail) -> list[Delivery] | None:
    if mail.subject != "Message delivery has failed":
        return None
    if not any("(MAILFOUNDRY) id" in r for r in mail.headers("Received")):
        return None
    text = c.before_original(mail)
    matches = list(_RECIPIENT.finditer(text))
    found: list[Delivery] = []
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        block = text[match.end() : end]
        reason_at = block.find(_REASON)
        diagnostic = block[reason_at + len(_REASON) :] if reason_at >= 0 else block
        lines = [x for x in diagnostic.split("\n") if x.strip() and not x.startswith("-")]
        temporary = "This has been a temporary failure" in block
        found.append(c.make(match.group(1), " ".join(lines), action="delayed" if temporary else "failed"))
    return found


inquire = c.detector(_inquire)
