"""Punjabi phrase families (data only): what servers and webmail answering in Punjabi say, in
Gurmukhi (localised Exchange/Outlook and Gmail notices, Indian hosts) and in Shahmukhi, the Arabic
script Punjabi is written in in Pakistan.

Punjabi puts the verb last: "ਮੌਜੂਦ ਨਹੀਂ" (does not exist), "ਨਹੀਂ ਮਿਲਿਆ" (was not found), "ਅਯੋਗ ਕਰ
ਦਿੱਤਾ ਗਿਆ" (has been disabled). Shahmukhi says "نہیں لبھیا" (was not found) where Urdu (ur.py)
says "نہیں ملا"; "نہیں" is also written "نئیں".
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# "does not exist", "was not found"
_NOT_FOUND = r"(?:ਮੌਜੂਦ ਨਹੀਂ|ਨਹੀਂ ਮਿਲਿਆ)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # the recipient, the user, the address, the account
        # (not the sender's address: a refusal of the sender, never the recipient gone)
        r"(?:ਪ੍ਰਾਪਤਕਰਤਾ|ਵਰਤੋਂਕਾਰ|(?<!ਭੇਜਣ ਵਾਲੇ ਦਾ )ਪਤਾ|ਖਾਤਾ) " + _NOT_FOUND,
        # Shahmukhi: the address, the user, the account "was not found"
        r"(?<!والے دا )(?:پتہ|پتا|ورتن والا|کھاتہ)[^\n.۔]{0,20}?(?:نہیں|نئیں) لبھ",
    ),
    ACCOUNT_DISABLED: (
        # disabled, closed, deleted (right after the noun: "ਅਸਥਾਈ ਤੌਰ 'ਤੇ", temporarily, between is a pause)
        r"ਖਾਤਾ (?:ਅਯੋਗ|ਬੰਦ|ਮਿਟਾ) (?:ਕਰ )?ਦਿੱਤਾ ਗਿਆ",
    ),
    # the (mail)box is full
    MAILBOX_FULL: (r"ਬਾਕਸ ਭਰ",),
    HOST_UNKNOWN: (r"ਡੋਮੇਨ ?" + _NOT_FOUND,),
}
