"""Tajik phrase families (data only): what servers and relays answering in Tajik say (localised
Exchange/Outlook notices, Tajik hosts; many answer in Russian, which ru.py reads).

Tajik is Persian written in Cyrillic with ғ ӣ қ ӯ ҳ ҷ; the verb comes last: "ёфт нашуд" (was not
found), "вуҷуд надорад" (does not exist), "ғайрифаъол карда шудааст" (has been deactivated).
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# "was not found", "does not exist" (ҷ also typed "дж" on Russian keyboards)
_NOT_FOUND = r"(?:ёфт нашуд|ву(?:ҷ|дж)уд надорад)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # the recipient, the user, the address, the account (with its izofa)
        # (not the sender's address: a refusal of the sender, never the recipient gone)
        r"(?:гиранда|корбар|суроға|ҳисоб)(?:(?!фиристанда)[^.\n]){0,30}?" + _NOT_FOUND,
    ),
    ACCOUNT_DISABLED: (
        # deactivated, closed, deleted (not "муваққатан", temporarily: a pause)
        r"ҳисоб(?:(?!муваққат)[^.\n]){0,25}?(?:ғайрифаъол|баста|нест) карда шуд",
    ),
    # the (mail)box is full
    MAILBOX_FULL: (r"қуттии почта[^.\n]{0,20}?пур",),
    HOST_UNKNOWN: (r"домен\w{0,4} " + _NOT_FOUND,),
}
