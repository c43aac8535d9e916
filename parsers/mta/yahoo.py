"""Yahoo! Mail's "Sorry, we were unable to deliver your message" bounces."""

from __future__ import annotations

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta._providers import body_of, guarded, make, rcpt_refined

NAME = "Yahoo"
# Prefilter, its markers looked for in the subject and the From (parsers.mta.heading): it accepts only a Yahoo sender or a message with this header.
HEADING_MARKERS = ("yahoo",)
MARKER_HEADERS = ("X-YMailISG",)

_BOUNDARIES = ("--- Below this line is a copy of the message.",)
_START = "Sorry, we were unable to deliver your message"
_RECIPIENT = compile_lazily(r"^<([^<>\s]+@[^<>\s]+)>:\s*$")
# Yahoo names the SMTP stage in brackets after the reply: [RCPT_TO], [MAIL_FROM], [DATA] ...
_STAGE = compile_lazily(r"\[(RCPT_TO|MAIL_FROM|DATA|EHLO|HELO|AUTH|CONNECT)\]")


@guarded
def inquire(mail: Mail) -> list[Delivery] | None:
    """One Delivery per "<address>:" line; the "Remote host said:" reply follows it."""
    if not mail.has_header("X-YMailISG") and "yahoo" not in mail.from_.lower():
        return None
    body = body_of(mail, _BOUNDARIES)
    start = body.find(_START)
    if start < 0:
        return None
    found: list[tuple[str, list[str]]] = []
    for line in body[start:].split("\n")[1:]:
        line = line.strip()
        if not line:
            continue
        m = _RECIPIENT.match(line)
        if m:
            found.append((m.group(1), []))
        elif found:
            found[-1][1].append(line)
    out: list[Delivery] = []
    for recipient, lines in found:
        text = " ".join(lines)
        stage = _STAGE.search(text)
        command = stage.group(1).split("_")[0] if stage else None
        text = _STAGE.sub("", text).replace("Remote host said:", "").strip()
        if command is None and "<" in text and "@" in text:
            command = "RCPT"  # the reply quotes the recipient: it answered RCPT TO
        out.append(rcpt_refined(make(recipient, text, command=command)))
    return out
