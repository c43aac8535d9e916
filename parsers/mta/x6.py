"""An unidentified MTA ("X6"): "We had trouble delivering your message. Full details follow:"."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta import _common as c

NAME = "X6"
# Prefilter markers, looked for in the subject and the From (parsers.mta.heading): the subject is the gate.
HEADING_MARKERS = ("there was an error sending your mail",)

_START = "We had trouble delivering your message. Full details follow:"
_END = compile_lazily(r"^The attachment contains the original mail headers", re.M)
# SMTP Server <mta.example.jp> rejected recipient <a@b> (Error following RCPT command). It responded
# as follows: [550 5.1.1 User unknown]
_SERVER = compile_lazily(r"^SMTP Server <([^>]+)> rejected recipient <([^>@]+@[^>]+)>(.*)$")
_PERMANENT = compile_lazily(r"^The following recipients returned permanent errors:\s*(.*)$")
_COMMAND = compile_lazily(r"Error following (RCPT|MAIL|DATA|HELO|EHLO) command", re.I)


def _inquire(mail: Mail) -> list[Delivery] | None:
    if not mail.subject.startswith("There was an error sending your mail"):
        return None
    text = c.before_original(mail, _END)
    start = text.find(_START)
    if start < 0:
        return None
    found: list[Delivery] = []
    for line in c.fold(text[start + len(_START) :].split("\n")):
        server = _SERVER.match(line.strip())
        if server:
            command = _COMMAND.search(line)
            found.append(
                c.make(
                    server.group(2),
                    line,
                    remote_mta=server.group(1).lower(),
                    command=command.group(1).upper() if command else None,
                )
            )
            continue
        permanent = _PERMANENT.match(line.strip())
        if permanent:
            for address in c.find_addresses(permanent.group(1)):
                found.append(c.make(address, line))
    return found


inquire = c.detector(_inquire)
