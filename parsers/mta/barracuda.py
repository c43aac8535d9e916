"""Barracuda Spam Firewall notices ("... blocked by our bulk email filter") with inline DSN fields."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta import _common as c

NAME = "Barracuda"
# Prefilter marker, looked for in the subject and the From (parsers.mta.heading): it accepts only a subject naming the filter.
HEADING_MARKERS = ("our bulk email filter",)

_START = compile_lazily(r"^Your message to:", re.M)


def _inquire(mail: Mail) -> list[Delivery] | None:
    if "our bulk email filter" not in mail.subject:
        return None
    text = c.body_text(mail)
    start = _START.search(text)
    if start is None:
        return None
    return c.dsn_fields(text[start.end() :])


inquire = c.detector(_inquire)
