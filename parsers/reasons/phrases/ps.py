"""Pashto phrase families (data only): what servers and webmail answering in Pashto say (localised
Exchange/Outlook and Gmail notices, Afghan hosts).

Pashto is written in its own letters of the Arabic script, which keyboards often replace (ګ with
گ, ی with ي, ک with ك): the words are cut before such letters or hold classes. The verb comes
last: "شتون نه لري" (does not exist), "ونه موندل شو" (was not found), "غیر فعال شوی" (has been
disabled).
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# "does not exist", "was not found"
_NOT_FOUND = r"(?:شتون نه لر|ونه موندل ش)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # the address, the user, the recipient, the account
        # (not the sender's address: a refusal of the sender, never the recipient gone)
        r"(?:(?<!لېږونکي )(?<!لیږونکي )پته|[کك]ارن|ترلاسه [کك]وون[کك]|حساب)[^.\n]{0,20}?" + _NOT_FOUND,
    ),
    ACCOUNT_DISABLED: (
        # disabled, closed, deleted (not "لنډمهاله", temporarily: a pause)
        r"حساب(?:(?!لنډمهاله|موقت)[^.\n]){0,15}?(?:غیر ?فعال|غير ?فعال|بند|ړن(?:ګ|گ)) شو",
    ),
    # the (mail)box is full
    MAILBOX_FULL: (r"بکس[^.\n]{0,15}?ډک",),
    HOST_UNKNOWN: (r"(?:ډومېن|ډومین)[^.\n]{0,10}?" + _NOT_FOUND,),
}
