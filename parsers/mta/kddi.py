"""au by KDDI (dion.ne.jp, auone-net.jp) reports: "Your mail sent on: ... Could not be delivered to:"."""

from __future__ import annotations

from parsers.delivery import Delivery
from parsers.mail import Mail
from parsers.mta._providers import address_in, body_of, command_in, first_reason, guarded, make, sweep

NAME = "KDDI"
# Prefilter markers, looked for in the subject and the From (parsers.mta.heading): its gate is a dion.ne.jp sender, the auone-net.jp
# Reply-To or a Received of the carrier's.
HEADING_MARKERS = (".dion.ne.jp",)
MARKER_VALUES = {"Reply-To": ("no-reply@app.auone-net.jp",), "Received": ("ezweb.ne.jp", ".au.com")}

_MARKERS = ("Your mail sent on:", "Your mail attempted to be delivered on:")
_PHRASES = {
    "mailbox_full": ("As their mailbox is full",),
    "no_relaying": ("Due to the following SMTP relay error",),
    "host_unknown": ("As the remote domain doesnt exist",),
}


@guarded
def inquire(mail: Mail) -> list[Delivery] | None:
    sender = mail.from_.lower()
    # (Received values are decoded only when one may hold what is looked for)
    received = mail.headers("Received") if mail.may_hold("Received", ("ezweb.ne.jp", ".au.com")) else []
    if not (
        ("no-reply@" in sender and ".dion.ne.jp" in sender)
        or mail.header("Reply-To") == "no-reply@app.auone-net.jp"
        or any("ezweb.ne.jp (" in r or ".au.com (" in r for r in received)
    ):
        return None
    body = body_of(mail)
    begin = min((body.find(m) for m in _MARKERS if m in body), default=-1)
    if begin < 0:
        return None
    blocks: list[tuple[str, list[str]]] = []
    for line in body[begin:].split("\n"):
        if " Could not be delivered to: <" in line:
            addr = address_in(line)
            if addr:
                blocks.append((addr, []))
        elif blocks and line.startswith(" "):
            blocks[-1][1].append(line.strip())
    filtered = mail.header("X-SPASIGN") == "NG"
    out: list[Delivery] = []
    for recipient, lines in blocks:
        text = sweep(" ".join(lines))
        command = command_in(text)
        if filtered:
            reason: str | None = "filtered"
        elif command == "RCPT":
            reason = "user_unknown"
        else:
            reason = first_reason(text, _PHRASES)
        out.append(make(recipient, text, reason=reason, command=command))
    return out
