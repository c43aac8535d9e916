"""BIGLOBE (and the cable ISPs on its platform) "Returned mail:" reports."""

from __future__ import annotations

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta._providers import address_in, body_of, first_reason, guarded, make, sweep

NAME = "Biglobe"
_DOMAINS = ("@biglobe.ne.jp", "@inacatv.ne.jp", "@tmtv.ne.jp", "@ttv.ne.jp")
# Prefilter markers, looked for in the subject and the From (parsers.mta.heading): it accepts only a
# postmaster sender at one of its domains.
HEADING_MARKERS = _DOMAINS

_START = "----- The following addresses had delivery problems -----"
_ADDRESS_LINE = compile_lazily(r"^([^\s]+@[^\s]+)$")
_PHRASES = {
    "filtered": ("Mail Delivery Failed... User unknown",),
    "mailbox_full": ("The number of messages in recipient's mailbox exceeded the local limit.",),
}


@guarded
def inquire(mail: Mail) -> list[Delivery] | None:
    sender = mail.from_.lower()
    if "postmaster@" not in sender or not any(d in sender for d in _DOMAINS):
        return None
    if not mail.subject.startswith("Returned mail:"):
        return None
    body = body_of(mail)
    start = body.find(_START)
    if start < 0:
        return None
    blocks: list[tuple[str, list[str]]] = []
    for line in body[start + len(_START) :].split("\n"):
        line = line.strip()
        if not line:
            continue
        m = _ADDRESS_LINE.match(line)
        if m and address_in(line):
            blocks.append((address_in(line) or "", []))
        elif blocks and line[:1].isalnum():
            blocks[-1][1].append(line)
    return [make(r, sweep(" ".join(t)), reason=first_reason(" ".join(t), _PHRASES)) for r, t in blocks]
