"""An unidentified MTA ("X1" in sisimai): "---The following addresses had delivery errors---"."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta import _common as c

NAME = "X1"
# Prefilter markers, looked for in the subject and the From (parsers.mta.heading): the subject or the From is the gate.
HEADING_MARKERS = ("returned mail:", "mail delivery failure", '"mail deliver')

_START = compile_lazily(
    r"^-+\s*The following addresses had delivery errors\s*-+|^The original message was received at ", re.M
)
_RECIPIENT = compile_lazily(r"^([^\s@]+@\S+)\s+\[(.*)\]\s*$")


_SENDER = compile_lazily(r'"Mail Deliver\w* System" ')


def _inquire(mail: Mail) -> list[Delivery] | None:
    if not (
        mail.subject.startswith(("Returned Mail: ", "Mail Delivery Failure")) or _SENDER.match(mail.from_)
    ):
        return None
    start = _START.search(c.body_text(mail))
    if start is None:
        return None
    found: list[Delivery] = []
    for line in c.before_original(mail)[start.end() :].split("\n"):
        match = _RECIPIENT.match(line.strip())
        if match:
            address = c.clean_address(match.group(1))
            if address:
                found.append(c.make(address, match.group(2)))
        elif found and line.startswith("-"):
            break
    return found


inquire = c.detector(_inquire)
