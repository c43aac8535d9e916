"""TransWARE Active!hunter returns (X-AHMAILID header): ">>> address <address>" and a transcript line."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta import _common as c

NAME = "Activehunter"
# Prefilter markers (parsers.mta.candidates): X-AHMAILID is the gate.
MARKER_HEADERS = ("X-AHMAILID",)

_START = compile_lazily(r"^[^\S\n]*-+\s*The following addresses had permanent fatal errors\s*-+", re.M)
_RECIPIENT = compile_lazily(r"^>>>\s+[^<]*<([^>\s@]+@[^>\s]+)>\s*$")
_REPLY = compile_lazily(r"^[0-9A-Za-z]")


def _inquire(mail: Mail) -> list[Delivery] | None:
    if not mail.has_header("X-AHMAILID"):
        return None
    text = c.before_original(mail)
    start = _START.search(text)
    if start is None:
        return None
    entries: list[list[str]] = []
    for line in text[start.end() :].split("\n"):
        line = line.strip()
        if not line:
            continue
        match = _RECIPIENT.match(line)
        if match:
            entries.append([match.group(1), ""])
        elif entries and not entries[-1][1] and _REPLY.match(line) and not line.startswith("-"):
            entries[-1][1] = line
    return [c.make(address, diagnostic) for address, diagnostic in entries]


inquire = c.detector(_inquire)
