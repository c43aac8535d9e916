"""Punjabi phrase families (data only): what servers and webmail answering in Punjabi say, in
Gurmukhi (localised Exchange/Outlook and Gmail notices, Indian hosts) and in Shahmukhi, the Arabic
script Punjabi is written in in Pakistan.

Punjabi puts the verb last: "ਮੌਜੂਦ ਨਹੀਂ ਹੈ" (does not exist), "ਨਹੀਂ ਮਿਲਿਆ" (was not found), "ਭਰ
ਗਿਆ" (is full), "ਅਯੋਗ ਕਰ ਦਿੱਤਾ ਗਿਆ" (has been disabled). Shahmukhi says "نہیں لبھیا" (was not
found) where Urdu (ur.py) says "نہیں ملا"; "نہیں" is also written "نئیں".
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

# the recipient, the user, the (e-mail) address, the account
_WHO = r"(?:ਪ੍ਰਾਪਤਕਰਤਾ|ਵਰਤੋਂਕਾਰ|ਉਪਭੋਗਤਾ|(?:ਈਮੇਲ |ਈ-ਮੇਲ )?ਪਤਾ|ਖਾਤਾ)"
# "does not exist", "was not found"
_NOT_FOUND = r"(?:ਮੌਜੂਦ ਨਹੀਂ|ਨਹੀਂ ਮਿਲਿਆ|ਨਹੀਂ ਲੱਭਿਆ)"
_TEMPORARY = "ਅਸਥਾਈ ਤੌਰ (?:'|’)?ਤੇ"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        _WHO + " " + _NOT_FOUND,
        # Shahmukhi: the address, the user, the account "was not found"
        r"(?:پتہ|پتا|ورتن والا|ورتوں کار|کھاتہ|وصول کرن والا)[^\n.۔]{0,20}?(?:نہیں|نئیں) لبھ",
    ),
    MAILBOX_FULL: (r"ਮੇਲ ?ਬਾਕਸ[^\n.।]{0,20}?ਭਰ", r"ਕੋਟਾ[^\n.।]{0,10}?(?:ਪਾਰ|ਵੱਧ)"),
    # "temporarily disabled / suspended / closed / blocked": a pause that ends
    SUSPEND: (_TEMPORARY + " (?:ਅਯੋਗ|ਮੁਅੱਤਲ|ਬੰਦ|ਬਲੌਕ)",),
    # "the account has been disabled / closed / deleted" (right after the noun: "temporarily"
    # between is the suspension above)
    ACCOUNT_DISABLED: (r"ਖਾਤਾ (?:ਸਥਾਈ ਤੌਰ (?:'|’)?ਤੇ )?(?:ਅਯੋਗ|ਬੰਦ|ਮਿਟਾ|ਹਟਾ) (?:ਕਰ )?(?:ਦਿੱਤਾ ਗਿਆ|ਹੋ ਗਿਆ)",),
    HOST_UNKNOWN: (r"ਡੋਮੇਨ " + _NOT_FOUND,),
    # "identified / marked / rejected as spam"
    SPAM_DETECTED: (r"ਸਪੈਮ ਵਜੋਂ[^\n.।]{0,30}?(?:ਪਛਾਣ|ਚਿੰਨ੍ਹਿਤ|ਰੱਦ)",),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # the sender's own address or domain ("ਭੇਜਣ ਵਾਲੇ ਦਾ", the sender's): a refusal of the sender
    USER_UNKNOWN: (r"ਭੇਜਣ ਵਾਲੇ ਦਾ (?:ਈਮੇਲ )?ਪਤਾ " + _NOT_FOUND,),
    HOST_UNKNOWN: (r"ਭੇਜਣ ਵਾਲੇ ਦਾ ਡੋਮੇਨ",),
}
