"""m-FILTER (Digital Arts) returns, written in Japanese with "-------server message" sections."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.mail import Mail
from parsers.mta import _common as c

NAME = "mFILTER"

_START = re.compile(
    r"以下のメールアドレスへの送信に失敗しました。|下記のメールアドレスへの送信に失敗しました"
)
_SERVER = re.compile(r"^-+server message\s*$", re.M)
_COMMAND = re.compile(r"^-+SMTP command\s*\n\s*([A-Z]{4})", re.M)
_END = re.compile(r"^-+original mail info", re.M)


def _inquire(mail: Mail) -> list[Delivery] | None:
    if mail.header("X-Mailer") != "m-FILTER" and "m-FILTER" not in c.body_text(mail)[:300]:
        return None
    text = c.before_original(mail, _END)
    start = _START.search(text)
    if start is None:
        return None
    server = _SERVER.search(text)
    listing = text[start.end() : server.start() if server else len(text)]
    diagnostic = ""
    if server:
        rest = text[server.end() :]
        diagnostic = re.split(r"\n\s*(?:\n|-{3,})", rest.lstrip("\n"), maxsplit=1)[0]
    command_match = _COMMAND.search(text)
    command = command_match.group(1) if command_match else None
    return [c.make(address, diagnostic, command=command) for address in c.find_addresses(listing)]


inquire = c.detector(_inquire)
