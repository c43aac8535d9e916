"""Irish phrase families (data only): what servers and webmail answering in Irish say (localised
Exchange and webmail reports, Irish-language institutions' own notices).

Patterns are searched in the lower-cased, accent-folded diagnostic (parsers.reasons.families):
written without the síneadh fada ("ríomhphoist" is read as "riomhphoist", "lán" as "lan"). Irish
says existence with "níl ... ann" (is not there: does not exist) and mutates nouns after the
article ("an t-úsáideoir").
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# the address, user or recipient after the article ("an seoladh ríomhphoist", "an t-úsáideoir",
# "an faighteoir")
_WHO = r"an (?:seoladh(?: riomhphoist)?|t-usaideoir|usaideoir|faighteoir)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # "Níl an seoladh ríomhphoist seo ann" (this address does not exist)
        r"\bnil " + _WHO + r"(?: seo)? ann\b",
        # "Níor aimsíodh an seoladh" (the address was not found)
        r"\bnior aimsiodh " + _WHO,
        # "úsáideoir anaithnid" (unknown user), "seoladh neamhbhailí" (invalid address)
        r"(?:usaideoir|faighteoir|seoladh) (?:anaithnid|neamhbhaili)",
    ),
    MAILBOX_FULL: (
        # "Tá an bosca poist lán" (the mailbox is full), "... an fhaighteora lán"
        r"\bta an bosca (?:poist|isteach|riomhphoist)(?: an fhaighteora| seo)? lan\b",
    ),
    ACCOUNT_DISABLED: (
        # "Díghníomhaíodh an cuntas" (the account was deactivated), "Tá an cuntas díchumasaithe /
        # dúnta / scriosta" (disabled, closed, deleted)
        r"\bdighniomhaiodh an cuntas",
        r"\bta an cuntas(?: seo)? (?:dichumasaithe|dunta|scriosta|dighniomhaithe)",
    ),
    HOST_UNKNOWN: (
        # "Níl an fearann ann" (the domain does not exist), "fearann anaithnid" (unknown domain)
        r"\bnil an fearann(?: seo)? ann\b",
        r"\bfearann anaithnid",
    ),
}
