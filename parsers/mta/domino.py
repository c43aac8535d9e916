"""IBM/Lotus Domino failure reports: "was not delivered to:" addresses and a "because:" reason."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta import _common as c
from parsers.reasons.derive import REPORT_TEXT

NAME = "Domino"
# Prefilter markers, looked for in the subject and the From (parsers.mta.heading): _SUBJECT is the gate.
HEADING_MARKERS = (
    "delivery failure",
    "delivery_failure",
    "delivery notification: failure",
    "delivery_notification: failure",
)

_SUBJECT = compile_lazily(r"^DELIVERY(?: |_)(?:FAILURE|NOTIFICATION: FAILURE)", re.I)
_TO = compile_lazily(r"^[^\S\n]*was not delivered to:\s*$", re.M | re.I)
_BECAUSE = compile_lazily(r"^[^\S\n]*because:\s*$", re.M | re.I)
_FORMAT_REASONS = (
    (
        c.USER_UNKNOWN,
        (
            "not listed in Domino Directory",
            "not listed in public Name & Address Book",
            "no se encuentra en el Directorio de Domino",
            "non répertorié dans l'annuaire Domino",
            "Domino ディレクトリには見つかりません",
            # (a person document left without its mail file: the mailbox is gone, as list
            # managers' bounce tables count it)
            "does not specify a valid Notes mail file",
        ),
    ),
    (c.FILTERED, ("Cannot route mail to user",)),
    (c.SYSTEM_ERROR, ("Several matches found in Domino Directory",)),
    (c.NETWORK_ERROR, ("Maximum hop count exceeded",)),
)


_BLANK_LINE = compile_lazily(r"\n\s*\n")


_REPORTING_MTA = compile_lazily(r"^Reporting-MTA:", re.M)


def _inquire(mail: Mail) -> list[Delivery] | None:
    if not _SUBJECT.search(mail.subject):
        return None
    text = c.before_original(mail, _REPORTING_MTA)
    # One "was not delivered to: ... because: ..." block per recipient (or group of recipients).
    found: list[Delivery] = []
    for to in _TO.finditer(text):
        because = _BECAUSE.search(text, to.end())
        if because is None:
            break
        following = _TO.search(text, to.end())
        # (a block without a reason of its own takes the next block's)
        end = min(because.start(), following.start()) if following else because.start()
        # A Notes name ("Ron Lee/Sales/ACME@ACME": the person's directory name at a Notes domain,
        # which has no dot) is no Internet address: the returned original's addressee is the
        # recipient (parsers.fallback finds it by that person's name).
        addresses = [a for a in c.find_addresses(text[to.end() : end]) if "." in a.rpartition("@")[2]]
        reason_text = c.sweep(_BLANK_LINE.split(text[because.end() :].lstrip("\n"), maxsplit=1)[0])
        reason = next((r for r, ps in _FORMAT_REASONS if any(p in reason_text for p in ps)), None)
        for a in addresses:
            delivery = c.make(a, reason_text, reason=reason)
            if delivery.smtp_code is None:
                # no quoted reply: the router's own word on its own directory, in the server's
                # language ("Benutzer x (a@b) ist nicht im Domino-Verzeichnis aufgeführt")
                delivery.diagnostic_type = REPORT_TEXT
            found.append(delivery)
    if not found:
        return c.dsn_fields(c.body_text(mail)) or None
    return found


inquire = c.detector(_inquire)
