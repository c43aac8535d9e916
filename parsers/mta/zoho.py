"""Zoho Mail bounces: "<address> Invalid Address, ERROR_CODE :550, ERROR_CODE :<reply>"."""

from __future__ import annotations

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta._providers import address_in, guarded, make, rcpt_refined

NAME = "Zoho"
# Prefilter markers (parsers.mta.candidates): X-ZohoMail is the gate.
MARKER_HEADERS = ("X-ZohoMail",)

_START = "This message was created automatically by mail delivery"
_LINE = compile_lazily(r"^(\S+)\s+(.*ERROR_CODE\s*:.*)$")  # (the caller checks the address)
_EXPIRED = compile_lazily(r"^\[Status: [^,]*, Address: <([^>]+)>.*\]$")


@guarded
def inquire(mail: Mail) -> list[Delivery] | None:
    if not mail.has_header("X-ZohoMail"):
        return None
    start = mail.text.find(_START)
    if start < 0:
        return None
    out: list[Delivery] = []
    for line in mail.text[start:].split("\n"):
        line = line.strip()
        if line.startswith("Received:"):
            break
        m = _LINE.match(line)
        if m and address_in(m.group(1)):
            out.append(rcpt_refined(make(m.group(1), m.group(2))))
            continue
        e = _EXPIRED.match(line)
        if e:
            # "[Status: Error, Address: <a@b>, ResponseCode 421, , Host not reachable.]": Zoho gave up.
            reason = "expired" if "Host not reachable" in line else None
            out.append(make(e.group(1), line.strip("[]"), reason=reason))
    return out
