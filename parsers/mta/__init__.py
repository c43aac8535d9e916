"""Text-format bounce detectors of MTAs and mailbox providers (non-RFC-3464 reports).

Each module exposes `NAME: str` and `inquire(mail: Mail) -> list[Delivery] | None`: None (or an
empty list) when the message is not in its format, otherwise one Delivery per failed recipient.
`inquire` must be cheap to reject (check a header or subject first) and must never raise.
DETECTORS is the explicit order in which they are tried; the first non-empty answer wins.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from parsers.delivery import Delivery
from parsers.mail import Mail

Inquire = Callable[[Mail], "list[Delivery] | None"]

# Module names under parsers.mta, most specific first.
DETECTOR_MODULES: tuple[str, ...] = (
    # Mailbox providers (more specific than the MTA software they run)
    "googlegroups",
    "gsuite",
    "gmail",
    "office365",
    "outlook",
    "yahoo",
    "aol",
    "amazonworkmail",
    "receivingses",
    "amazonses",
    "sendgrid",
    "facebook",
    "einsundeins",
    "gmx",
    "mailru",
    "yandex",
    "zoho",
    "ezweb",
    "kddi",
    "biglobe",
    "verizon",
    "bigfoot",
    # MTA software and filtering appliances: header-gated formats first, then the formats of
    # widespread MTAs whose markers other software imitates (Sendmail, Exim, qmail, Postfix).
    "activehunter",
    "barracuda",
    "powermta",
    "mailfoundry",
    "fml",
    "mfilter",
    "surfcontrol",
    "mcafee",
    "mxlogic",
    "messagelabs",
    "amavis",
    "interscanmss",
    "imailserver",
    "apachejames",
    "mailmarshalsmtp",
    "notes",
    "domino",
    "mimecast",
    "courier",
    "messagingserver",
    "exchange2003",
    "exchange2007",
    "x1",
    "x2",
    "x3",
    "x5",
    "x6",
    "dragonfly",
    "opensmtpd",
    "v5sendmail",
    "sendmail",
    "exim",
    "qmail",
    "postfix",
)


def _load() -> tuple[ModuleType, ...]:
    import importlib

    return tuple(importlib.import_module(f"parsers.mta.{name}") for name in DETECTOR_MODULES)


DETECTORS: tuple[ModuleType, ...] = _load()
