"""GMX and mail.com bounces (X-GMX-Antispam; "SMTP error from remote server after RCPT command")."""

from __future__ import annotations

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta._providers import address_in, body_of, command_in, guarded, make, rcpt_refined, status_in

NAME = "GMX"
# Prefilter markers (parsers.mta.candidates): X-GMX-Antispam is the gate.
MARKER_HEADERS = ("X-GMX-Antispam",)

_BOUNDARIES = ("--- The header of the original message is following. ---",)
_START = "This message was created automatically by mail delivery software"
_RECIPIENT = compile_lazily(r'^["<]([^"<>\s]+@[^"<>\s]+)[">]:?\s*$')


@guarded
def inquire(mail: Mail) -> list[Delivery] | None:
    if not mail.has_header("X-GMX-Antispam"):
        return None
    body = body_of(mail, _BOUNDARIES)
    start = body.find(_START)
    if start < 0:
        return None
    blocks: list[dict[str, str]] = []
    for line in body[start:].split("\n")[1:]:
        line = line.strip()
        if not line:
            continue
        m = _RECIPIENT.match(line)
        if m:
            blocks.append({"recipient": m.group(1), "diag": "", "host": "", "command": ""})
            continue
        if not blocks:
            continue
        b = blocks[-1]
        if line.startswith("SMTP error "):
            b["command"] = command_in(line) or ""
        elif line.startswith("host: "):
            b["host"] = line[6:].strip()
        elif line == "Reason:":
            b["diag"] = "Reason:"
        elif b["diag"] == "Reason:" or (not b["diag"] and (status_in(line) or address_in(line))):
            b["diag"] = line
    out: list[Delivery] = []
    for b in blocks:
        diag = b["diag"] if b["diag"] != "Reason:" else ""
        reason = "expired" if "delivery retry timeout exceeded" in diag else None
        d = make(
            b["recipient"], diag, remote_mta=b["host"] or None, reason=reason, command=b["command"] or None
        )
        out.append(rcpt_refined(d))
    return out
