"""Zulu phrase families (data only): what servers and webmail answering in isiZulu say (Gmail's and
Outlook's localized reports, South African ISPs' and hosts' own replies).

Zulu marks the negative on the verb, which agrees with its noun's class: "ikheli alitholakalanga"
(the address was not found), "umamukeli akatholakalanga" (the recipient...), "i-akhawunti ayikho"
(the account does not exist), "ibhokisi ... ligcwele" (the box is full), "i-akhawunti ivaliwe"
(the account was closed).
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # the address, the recipient, the user or the account not found or not there
        r"ikheli(?: le-?imeyili)? alitholakalanga",
        r"(?:umamukeli|umsebenzisi) (?:akatholakalanga|akekho|akaziwa)",
        r"i-?akhawunti(?: ye-?imeyili)?[^.\n]{0,60}?(?:ayitholakalanga|ayikho)(?!\w)",
    ),
    # the mailbox (inbox) is full ("ibhokisi leposi ligcwele")
    MAILBOX_FULL: (r"ibhokisi (?:le-?)?(?:posi|poso|imeyili|lokungenayo)[^.\n]{0,30}?(?:se)?ligcwele",),
    # the account closed, disabled or deleted ("i-akhawunti ivaliwe")
    ACCOUNT_DISABLED: (r"i-?akhawunti(?: ye-?imeyili)? (?:ivaliwe|ikhutshaziwe|isusiwe)",),
    HOST_UNKNOWN: (r"(?:isizinda|i-?domain) (?:asitholakalanga|asikho|ayitholakalanga)",),
}

# Exceptions to this language's families (the counterparts of English's): a domain "not found" that
# says to try again later says nothing about the domain (a network error, soft)
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    HOST_UNKNOWN: (r"(?:uzame|zama) futhi (?:kamuva|emuva kwesikhathi)",),
}
