"""Basque phrase families (data only): what servers and relays answering in Basque say.

Patterns are searched in the lower-cased, accent-folded diagnostic (parsers.reasons.families):
write them in lower case. Basque puts the verb last ("erabiltzailea ez da existitzen", the user
does not exist) and marks the noun with suffixes (-a, -ak, -aren): the noun is written to its stem.
"""

from __future__ import annotations

from parsers.reasons.codes import (
    ACCOUNT_DISABLED,
    HOST_UNKNOWN,
    MAILBOX_FULL,
    SUSPEND,
    USER_UNKNOWN,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        r"(?:erabiltzaile|hartzaile|helbide|postontzi|kontu)(?:a|rik)? (?:ez da existitzen|ezezaguna)",
        r"(?:erabiltzaile|hartzaile|helbide) (?:ezezagun|baliogabe)a",
        # (a relative clause between, Exchange's "the address you entered": "ez da aurkitu idatzi
        # duzun helbide elektronikoa")
        r"ez da (?:aurkitu|existitzen) (?:\S{1,30} duzun )?(?:erabiltzailea|helbide|postontzia)",
        # "there is no such user" ("Ez dago erabiltzailerik")
        r"ez dago (?:erabiltzaile|hartzaile|helbide|postontzi|kontu)rik",
    ),
    MAILBOX_FULL: (
        r"postontzi(?:a)? (?:beteta|bete)(?: dago)?",
        r"kuota (?:gainditu|bete)",
    ),
    SUSPEND: (r"(?:kontua|postontzia) (?:aldi baterako|behin-behinean) (?:blokeatuta|etenda)",),
    ACCOUNT_DISABLED: (
        r"(?:kontua|postontzia|helbidea) (?:desgaituta|desaktibatuta|ezabatuta|itxita|iraungita)",
        r"(?:kontua|postontzia|helbidea) (?:desgaitu|desaktibatu|ezabatu|itxi) (?:egin )?da",
    ),
    HOST_UNKNOWN: (
        r"domeinu(?:a)? (?:ez da existitzen|ezezaguna)",
        r"domeinu ezezagun",
    ),
}
