"""Azerbaijani phrase families (data only): what Azerbaijani servers and relays (Azercell, Baktelecom,
mail.az, localized Exchange/Outlook reports) say. Subject first, verb last ("İstifadəçi
tapılmadı", the user was not found), with case suffixes on the noun, so nouns are written as stems.

Patterns are searched in the lower-cased, accent-folded diagnostic (parsers.reasons.families):
"ü ö ç ş ğ" fold to "u o c s g"; "ə" and the dotless "ı" are letters of their own and stay (a
relay that drops them writes "e" and "i": both are read).
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, SUSPEND, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# user, recipient, address, mailbox, account: stems that take the case suffixes
_WHO = r"(?:istifad[əe]ci|al[ıi]c[ıi]|unvan|poct qutusu|hesab)"
_NOT_FOUND = r"(?:tap[ıi]lmad[ıi]|movcud deyil|m[əe]vcud deyil|yoxdur)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (_WHO + r"\w{0,6} " + _NOT_FOUND,),
    MAILBOX_FULL: (
        r"poct qutusu\w{0,4} (?:doludur|dolub|doldu)",
        r"kvota\w{0,4} (?:as[ıi]l[ıi]b|as[ıi]ld[ıi])",
    ),
    SUSPEND: (r"muv[əe]qq[əe]ti (?:bloklan|dayand[ıi]r[ıi]l)",),
    ACCOUNT_DISABLED: (r"hesab\w{0,4} (?:deaktiv edilib|silinib|bagl[ıi]n[ıi]b)",),
    HOST_UNKNOWN: (r"domen\w{0,4} " + _NOT_FOUND,),
}

# (No exception for "göndərən", the sender: without its ə it is Turkish's "gönderen", which labels
# the sender's line above a Turkish report's reason.)
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # the sender's own account ("sizin hesabınız", your account)
    ACCOUNT_DISABLED: (r"sizin hesab",),
    # "try again a little later": a network error, soft
    HOST_UNKNOWN: (r"bir az sonra yenid[əe]n",),
}
