"""Mimecast delivery failure notices ("-- address" items after each question-like heading)."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta import _common as c

NAME = "Mimecast"
# Prefilter markers (parsers.mta.candidates): _START must be in the report.
MARKERS = ("this is a delivery failure notification message indicating that",)

_START = compile_lazily(r"This is a delivery failure notification message indicating that", re.I)
_ADDRESS = compile_lazily(r"an email you addressed to email address\s*:\s*\n\s*--\s*(\S+)", re.I)
_PROBLEM = compile_lazily(r"The problem appears to be\s*:\s*\n\s*--\s*(.+)", re.I)
_DETAIL = compile_lazily(r"Additional information follows\s*:\s*\n\s*--\s*(.+)", re.I)


def _is_mimecast(mail: Mail) -> bool:
    if mail.may_hold("Received", ("mimecast",), ignore_case=True) and (
        "mimecast" in " ".join(mail.headers("Received")).lower()
    ):
        return True
    if mail.has_header("X-Mimecast-Spam-Score") or mail.has_header("X-MC-Unique"):
        return True
    return "[Postmaster] Email Delivery Failure" in mail.subject


_FIELDS = compile_lazily(r"^(?:DISPLAY_DATE_FORMAT|Original-Envelope-Id|Reporting-MTA)\s*:", re.M)


def _inquire(mail: Mail) -> list[Delivery] | None:
    if not _is_mimecast(mail):
        return None
    text = c.before_original(mail, _FIELDS)
    if _START.search(text) is None:
        return None
    found: list[Delivery] = []
    for match in _ADDRESS.finditer(text):
        address = c.clean_address(match.group(1))
        if not address:
            continue
        rest = text[match.end() :]
        problem = _PROBLEM.search(rest)
        detail = _DETAIL.search(rest)
        diagnostic = " ".join(m.group(1).strip() for m in (detail, problem) if m)
        found.append(c.make(address, diagnostic))
    return found


inquire = c.detector(_inquire)
