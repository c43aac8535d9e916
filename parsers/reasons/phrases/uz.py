"""Uzbek phrase families (data only): what Uzbek servers and relays (Uztelecom, mail.uz, localized
Exchange/Outlook reports) say, in Latin script and in the Cyrillic many hosts still use. Subject
first, verb last ("Foydalanuvchi topilmadi", the user was not found), suffixes on the noun.

Patterns are searched in the lower-cased diagnostic. Uzbek's "oʻ" and "gʻ" are written with an
apostrophe of several kinds (ʻ ‘ '), so that character is matched as any one.
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, SUSPEND, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

_WHO = r"(?:foydalanuvchi|qabul qiluvchi|manzil|pochta qutisi|hisob|фойдаланувчи|қабул қилувчи|манзил)"
_NOT_FOUND = r"(?:topilmadi|mavjud emas|топилмади|мавжуд эмас)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (_WHO + r"\w{0,6} " + _NOT_FOUND,),
    MAILBOX_FULL: (
        r"(?:pochta qutisi|почта қутиси)\w{0,4} (?:to.?lgan|to.?la|тўлган|тўла)",
        r"kvota\w{0,4} oshib ketdi",
    ),
    SUSPEND: (r"(?:vaqtincha|вақтинча) (?:bloklangan|to.?xtatilgan|блокланган)",),
    ACCOUNT_DISABLED: (r"hisob\w{0,4} (?:o.?chirilgan|yopilgan|faolsizlantirilgan)",),
    HOST_UNKNOWN: (r"(?:domen|домен)\w{0,4} " + _NOT_FOUND,),
}

UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # "try again later": a network error, soft
    HOST_UNKNOWN: (r"keyinroq qayta",),
}
