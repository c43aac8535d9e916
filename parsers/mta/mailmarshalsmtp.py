"""Trustwave (Marshal) MailMarshal SMTP returns: "Could not be delivered because of" + recipients."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta import _common as c

NAME = "MailMarshalSMTP"
# Prefilter marker, looked for in the subject and the From (parsers.mta.heading): the subject is the
# gate.
HEADING_MARKERS = ("undeliverable mail: ",)

_REASON = compile_lazily(r"^Could not be delivered because of\s*$", re.M)
_RECIPIENTS = compile_lazily(r"^The following recipients were affected:", re.M)
_END = compile_lazily(r"^Additional Information\s*$|^=+\s*$", re.M)
_REMOTE = compile_lazily(r"^Remote-MTA:\s*<?([^>\s]+)>?", re.M)


def _inquire(mail: Mail) -> list[Delivery] | None:
    if not mail.subject.startswith("Undeliverable Mail: "):
        return None
    text = c.before_original(mail)
    reason = _REASON.search(text)
    listing = _RECIPIENTS.search(text)
    if reason is None or listing is None:
        return None
    diagnostic = text[reason.end() : listing.start()]
    section = c.cut_at(text[listing.end() :], _END)
    remote = _REMOTE.search(text)
    return [
        c.make(address, diagnostic, remote_mta=remote.group(1) if remote else None)
        for address in c.find_addresses(section)
    ]


inquire = c.detector(_inquire)
