"""An unidentified MTA ("X2"): "Unable to deliver message to the following address(es)."."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta import _common as c

NAME = "X2"
# Prefilter markers (parsers.mta.candidates): _START must be in the report.
MARKERS = ("unable to deliver message to the following address(es).",)

_SUBJECT = compile_lazily(r"^(?:Delivery failure|failure delivery|failed delivery)\s*$", re.I)
_START = compile_lazily(r"^Unable to deliver message to the following address\(es\)\.", re.M)
_END = compile_lazily(r"^--- Original message follows\.", re.M)
_RECIPIENT = compile_lazily(r"^<([^>@]+@[^>]+)>:\s*(.*)$")


def _inquire(mail: Mail) -> list[Delivery] | None:
    if not _SUBJECT.search(mail.subject) and not (
        "MAILER-DAEMON@" in mail.from_ and _END.search(c.body_text(mail))
    ):
        return None
    text = c.before_original(mail, _END)
    start = _START.search(text)
    if start is None:
        return None
    found: list[Delivery] = []
    for block in c.paragraphs(text[start.end() :]):
        lines = block.strip("\n").split("\n")
        match = _RECIPIENT.match(lines[0].strip())
        if match:
            diagnostic = " ".join([match.group(2), *lines[1:]])
            found.append(c.make(match.group(1), diagnostic))
    return found


inquire = c.detector(_inquire)
