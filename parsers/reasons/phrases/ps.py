"""Pashto phrase families (data only): what servers and webmail answering in Pashto say (localised
Exchange/Outlook and Gmail notices, Afghan hosts).

Pashto is written in its own letters of the Arabic script (ې ښ ډ ړ ګ ...), which keyboards and
converters often replace: "ګ" with Persian "گ", yeh "ی" with "ي", keheh "ک" with "ك"; the words
are cut before such endings or hold classes. The verb comes last: "شتون نه لري" (does not exist),
"ونه موندل شو" (was not found), "ډک دی" (is full), "غیر فعال شوی" (has been disabled).
"""

from __future__ import annotations

from parsers.reasons.codes import (
    ACCOUNT_DISABLED,
    HOST_UNKNOWN,
    MAILBOX_FULL,
    SPAM_DETECTED,
    SUSPEND,
    USER_UNKNOWN,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

_K = "[کك]"
_Y = "[یيې]"
# "does not exist", "was not found"
_NOT_FOUND = "(?:شتون نه لر|ونه موندل ش|نه د" + _Y + " موندل)"
# "temporarily"
_TEMPORARY = "(?:لنډمهاله|موقتاً|موقتا|په موقتي ډول)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # the address, the user, the recipient, the account
        "(?:پته|"
        + _K
        + "ارن|"
        + _K
        + "اروون"
        + _K
        + "|ترلاسه "
        + _K
        + "وون"
        + _K
        + r"|حساب)[^.\n]{0,20}?"
        + _NOT_FOUND,
    ),
    MAILBOX_FULL: (r"(?:بکس|بكس|صندوق)[^.\n]{0,15}?ډک (?:د" + _Y + "|شو)",),
    SUSPEND: (_TEMPORARY + r"[^.\n]{0,15}?(?:غیر ?فعال|غير ?فعال|بند|ځنډول)",),
    # "the account has been disabled / closed / deleted" (not "temporarily": the suspension above)
    ACCOUNT_DISABLED: (
        r"حساب(?:(?!" + _TEMPORARY + r")[^.\n]){0,15}?(?:غیر ?فعال|غير ?فعال|بند|ړن(?:ګ|گ)|حذف) شو",
    ),
    HOST_UNKNOWN: (r"(?:ډومېن|ډومین|دومین|ډومين)[^.\n]{0,10}?" + _NOT_FOUND,),
    # "recognised / marked / rejected as spam" ("د سپام په توګه")
    SPAM_DETECTED: (r"سپام په تو(?:ګ|گ)ه[^.\n]{0,30}?(?:وپېژندل|وپيژندل|وپیژندل|نښه|رد)",),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # the sender's own address ("لېږونکي", "استوونکي", the sender's): a refusal of the sender
    USER_UNKNOWN: (
        "(?:لېږون" + _K + "|لیږون" + _K + "|استوون" + _K + r")\S{0,2} پته[^.\n]{0,10}?" + _NOT_FOUND,
    ),
    HOST_UNKNOWN: ("(?:لېږون" + _K + "|لیږون" + _K + "|استوون" + _K + r")\S{0,2} (?:ډومېن|ډومین)",),
}
