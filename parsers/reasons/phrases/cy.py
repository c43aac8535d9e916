"""Welsh phrase families (data only): what servers and webmail answering in Welsh say (localised
Exchange and webmail reports, Welsh public bodies' own notices).

Patterns are searched in the lower-cased, accent-folded diagnostic (parsers.reasons.families):
written without circumflexes ("ŵ" is read as "w"). Welsh says "nid yw'r ... yn bodoli" (the ...
does not exist) and mutates a word's first letter after some words ("wedi'i gau": closed), which
the patterns spell out; the apostrophe may be typographic.
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, SUSPEND, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# the address, user or recipient ("cyfeiriad e-bost", "defnyddiwr", "derbynnydd")
_WHO = r"(?:cyfeiriad(?: e-?bost)?|defnyddiwr|derbynnydd)"
# "wedi'i" (has been ... -ed, of a masculine noun), the apostrophe straight or typographic
_WEDI = r"wedi['’]?i"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # "Nid yw'r cyfeiriad e-bost yn bodoli" (the address does not exist)
        r"nid yw['’]?r " + _WHO + r"(?: hwn)? yn bodoli",
        # "Cyfeiriad heb ei ganfod" (address not found), "defnyddiwr anhysbys" (unknown user)
        _WHO + r" heb ei (?:ganfod|ddarganfod)",
        _WHO + r" anhysbys",
        # "nid oes defnyddiwr o'r fath" (there is no such user)
        r"nid oes " + _WHO + r" o['’]?r fath",
    ),
    MAILBOX_FULL: (
        # "Mae'r blwch post yn llawn" (the mailbox is full), "... y derbynnydd yn llawn"
        r"(?:blwch post|blwch derbyn|mewnflwch)(?: y derbynnydd)? yn llawn",
    ),
    SUSPEND: (
        # "wedi'i atal dros dro" (suspended for now)
        _WEDI + r" atal dros dro",
    ),
    ACCOUNT_DISABLED: (
        # "Mae'r cyfrif wedi'i analluogi / gau / ddileu" (the account has been disabled, closed,
        # deleted)
        r"(?:cyfrif|blwch post|cyfeiriad(?: e-?bost)?)(?: y derbynnydd)? "
        + _WEDI
        + r" (?:analluogi|gau|ddileu|ddadactifadu)",
    ),
    HOST_UNKNOWN: (
        # "Nid yw'r parth yn bodoli" (the domain does not exist), "parth anhysbys" (unknown domain)
        r"nid yw['’]?r parth(?: hwn)? yn bodoli",
        r"parth anhysbys",
    ),
}
