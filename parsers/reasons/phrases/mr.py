"""Marathi phrase families (data only): what servers and webmail answering in Marathi say (localised
Exchange/Outlook and Gmail notices, Indian hosts' own replies).

Marathi is written in Devanagari like Hindi but with its own verbs (hi.py's "मौजूद नहीं है" is not
Marathi): "अस्तित्वात नाही" (does not exist), "सापडला नाही" (was not found), "अक्षम केले आहे" (has
been disabled).
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# "does not exist", "was not found"
_NOT_FOUND = r"(?:अस्तित्वात नाही|सापड(?:ला|ले) नाही)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # the recipient, the user, the address, the account
        # (not the sender's address: a refusal of the sender, never the recipient gone)
        r"(?:प्राप्तकर्ता|वापरकर्ता|(?<!प्रेषकाचा )पत्ता|खाते) " + _NOT_FOUND,
    ),
    ACCOUNT_DISABLED: (
        # disabled, closed, deleted (right after the noun: "तात्पुरते", temporarily, between is a pause)
        r"खाते (?:अक्षम केले|बंद केले|हटवले) (?:आहे|गेले)",
    ),
    # the (mail)box is full
    MAILBOX_FULL: (r"मेलब(?:ॉ|ा)क्स भर",),
    HOST_UNKNOWN: (r"डोमेन ?" + _NOT_FOUND,),
}
