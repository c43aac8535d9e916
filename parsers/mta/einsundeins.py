"""1&1 (IONOS, kundenserver.de) bounces: "The following address failed: ... For the following reason:"."""

from __future__ import annotations

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta._providers import address_in, body_of, guarded, make, sweep

NAME = "EinsUndEins"
# Prefilter marker, looked for in the subject and the From (parsers.mta.heading): it accepts only this subject.
HEADING_MARKERS = ("mail delivery failed: returning message to sender",)

_BOUNDARIES = ("--- The header of the original message is following. ---",)
_START = "This message was created automatically by mail delivery software"
_RECIPIENT = compile_lazily(r"^\s*([^\s]+@[^\s]+?):?\s*$")
_REMOTE = compile_lazily(r"host:\s+(\S+)")
_PHRASES = {"message_too_big": ("Mail size limit exceeded",)}


@guarded
def inquire(mail: Mail) -> list[Delivery] | None:
    if not mail.from_.startswith('"Mail Delivery System"') and "Mail Delivery System" not in mail.from_:
        return None
    if mail.subject != "Mail delivery failed: returning message to sender":
        return None
    if mail.has_header("X-GMX-Antispam"):
        return None  # GMX uses the same software with its own layout
    body = body_of(mail, _BOUNDARIES)
    start = body.find(_START)
    if start < 0 or "--- The header of the original message is following. ---" not in mail.text:
        return None
    found: list[tuple[str, list[str]]] = []
    for line in body[start:].split("\n")[1:]:
        if not line.strip():
            continue
        m = _RECIPIENT.match(line)
        if m and address_in(m.group(1)):
            found.append((address_in(m.group(1)) or "", []))
        elif found:
            found[-1][1].append(line.strip())
    out: list[Delivery] = []
    for recipient, lines in found:
        text = sweep(" ".join(lines)).replace("For the following reason:", "").strip()
        remote = _REMOTE.search(text)
        reason = "message_too_big" if _PHRASES["message_too_big"][0] in text else None
        out.append(make(recipient, text, remote_mta=remote.group(1) if remote else None, reason=reason))
    return out
