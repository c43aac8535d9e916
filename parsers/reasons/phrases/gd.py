"""Scottish Gaelic phrase families (data only): what servers and webmail answering in Gaelic say
(localised webmail reports, Gaelic-medium bodies' own notices).

Patterns are searched in the lower-cased, accent-folded diagnostic (parsers.reasons.families):
written without grave accents ("seòladh" is read as "seoladh", "làn" as "lan"). Gaelic says
existence with "chan eil ... ann" (is not there: does not exist) and "cha deach ... a lorg" (was not
found).
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# the address, user or recipient after the article ("an seòladh puist-d", "an cleachdaiche")
_WHO = r"an (?:seoladh(?: puist-d| post-d)?|cleachdaiche|faightear)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # "Chan eil an seòladh seo ann" (this address does not exist)
        r"chan eil " + _WHO + r"(?: seo)? ann\b",
        # "Cha deach an seòladh a lorg" (the address was not found)
        r"cha deach " + _WHO + r"(?: seo)? a lorg",
        # "cleachdaiche neo-aithnichte" (unknown user)
        r"(?:cleachdaiche|faightear|seoladh) neo-aithnichte",
    ),
    MAILBOX_FULL: (
        # "Tha am bogsa-puist làn" (the mailbox is full)
        r"tha am bogsa[- ]puist(?: aig an fhaightear)? lan\b",
    ),
    ACCOUNT_DISABLED: (
        # "Chaidh an cunntas a chur à comas / a dhùnadh / a sguabadh às" (the account was disabled,
        # closed, deleted)
        r"chaidh an cunntas(?: seo)? a (?:chur a comas|dhunadh|sguabadh as)",
    ),
    HOST_UNKNOWN: (
        # "Chan eil an àrainn ann" (the domain does not exist)
        r"chan eil an (?:arainn|raon)(?: seo)? ann\b",
    ),
}
