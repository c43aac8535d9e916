"""m-FILTER (Digital Arts) returns: bare address lines, then "-------server message" sections."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta import _common as c

NAME = "mFILTER"
# Prefilter markers (parsers.mta.candidates): X-Mailer is the gate.
MARKER_HEADERS = ("X-Mailer",)

_SERVER = "-------server message"
_COMMAND = "-------SMTP command"
_END = compile_lazily(r"^-------original (?:message|mail info)", re.M)
_BARE_ADDRESS = compile_lazily(r"^[^\s@]+@[^\s@]+$")


_COMMAND_NAME = compile_lazily(r"[A-Z]{4}")


def _inquire(mail: Mail) -> list[Delivery] | None:
    if mail.header("X-Mailer") != "m-FILTER":
        return None
    text = c.before_original(mail, _END)
    recipients: list[str] = []
    diagnostic = ""
    command: str | None = None
    section = ""
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if line in (_SERVER, _COMMAND):
            section = line
            continue
        if line.startswith("-"):
            continue
        if section == _SERVER and not diagnostic:
            diagnostic = line
        elif section == _COMMAND and command is None and _COMMAND_NAME.fullmatch(line):
            command = line
        elif not section and _BARE_ADDRESS.match(line):
            address = c.clean_address(line)
            if address and address not in recipients:
                recipients.append(address)
    return [c.make(address, diagnostic, command=command) for address in recipients]


inquire = c.detector(_inquire)
