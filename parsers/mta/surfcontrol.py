"""SurfControl E-mail Filter returns: "Your message could not be sent." with a delivery transcript."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta import _common as c

NAME = "SurfControl"
# Prefilter (parsers.mta.candidates): its X-Mailer is the gate.
MARKER_VALUES = {"X-Mailer": ("SurfControl",)}

_START = compile_lazily(r"^Your message could not be sent\.", re.M)
_END = compile_lazily(r"^--- Message non-deliverable\.", re.M)
_ATTEMPT = compile_lazily(r"^([^\s@:]+@[^\s:]+):\s*\[([0-9A-Fa-f.:]+)\],\s*(.*)$", re.M)
_ADDRESSED = compile_lazily(r"^Addressed To:\s*([^\s@]+@\S+)", re.M)


def _inquire(mail: Mail) -> list[Delivery] | None:
    if not mail.header("X-Mailer").startswith("SurfControl"):
        return None
    text = c.before_original(mail, _END)
    if _START.search(text) is None:
        return None
    found: dict[str, Delivery] = {}
    for match in _ATTEMPT.finditer(text):
        address = c.clean_address(match.group(1))
        if address:
            found[address] = c.make(address, match.group(3), remote_mta=match.group(2))
    if not found:
        for match in _ADDRESSED.finditer(text):
            address = c.clean_address(match.group(1))
            if address:
                found[address] = c.make(address, c.sweep(text[match.end() :])[:300])
    return list(found.values())


inquire = c.detector(_inquire)
