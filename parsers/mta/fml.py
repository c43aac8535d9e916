"""fml mailing-list manager notices (loop alerts, rejected posts) that return a list posting."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.mail import Mail
from parsers.mta import _common as c

NAME = "FML"

_SUBJECT = re.compile(
    r"^(?:Loop Alert:|Message rejected|Returned mail:|Spam mail from a non-member|"
    r"You are not a member|fml Command Status report|Not member)",
    re.I,
)
_END = re.compile(r"^Original mail as follows:", re.M)
_FORMAT_REASONS = (
    (c.SYSTEM_ERROR, re.compile(r"Duplicated Message-ID|Loop Alert|mail loop", re.I)),
    (c.REJECTED, re.compile(r"not a member|Not member|you are not allowed to post", re.I)),
    (c.SECURITY_ERROR, re.compile(r"Security Alert|forbidden", re.I)),
)


def _inquire(mail: Mail) -> list[Delivery] | None:
    if not mail.has_header("X-MLServer") or not re.search(r"\bfml\b", mail.header("X-MLServer"), re.I):
        return None
    if not _SUBJECT.search(mail.subject):
        return None
    text = c.before_original(mail, _END)
    addresses = c.find_addresses(text)
    if not addresses:
        return None
    diagnostic = c.sweep(text)[:500]
    reason = next((r for r, p in _FORMAT_REASONS if p.search(mail.subject + " " + diagnostic)), None)
    return [c.make(a, diagnostic, reason=reason) for a in addresses[:1]]


inquire = c.detector(_inquire)
