"""Marathi phrase families (data only): what servers and webmail answering in Marathi say (localised
Exchange/Outlook and Gmail notices, Indian hosts' own replies).

Marathi is written in Devanagari like Hindi but with its own verbs: "अस्तित्वात नाही" (does not
exist), "सापडला नाही" (was not found), "भरला आहे" (is full), "अक्षम केले आहे" (has been disabled);
hi.py's "मौजूद नहीं है" is not Marathi. "मेलबॉक्स" is also spelled without its candra o.
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
_WHO = r"(?:प्राप्तकर्ता|वापरकर्ता|(?:ईमेल |ई-मेल )?पत्ता|खाते)"
# "does not exist", "was not found"
_NOT_FOUND = r"(?:अस्तित्वात नाही|सापडला नाही|सापडले नाही|सापडत नाही)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        _WHO + " " + _NOT_FOUND,
        # "there is no such user"
        r"असा कोणताही (?:वापरकर्ता|प्राप्तकर्ता) नाही",
    ),
    MAILBOX_FULL: (r"मेलब(?:ॉ|ा)क्स[^\n.।]{0,20}?भर(?:ला|लेला|ले)", r"कोटा[^\n.।]{0,10}?ओलांड"),
    # "temporarily disabled / suspended / blocked": a pause that ends
    SUSPEND: (r"तात्पुरते (?:अक्षम|निलंबित|बंद|अवरोधित)",),
    # "the account has been disabled / closed / deleted" (right after the noun: "तात्पुरते" between
    # is the suspension above)
    ACCOUNT_DISABLED: (r"खाते (?:कायमचे )?(?:अक्षम केले|बंद केले|निष्क्रिय केले|हटवले) (?:आहे|गेले)",),
    HOST_UNKNOWN: (r"डोमेन " + _NOT_FOUND,),
    # "identified / marked / rejected as spam"
    SPAM_DETECTED: (r"स्प(?:ॅ|े)म म्हणून[^\n.।]{0,30}?(?:ओळख|चिन्हांकित|नाकार)",),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # the sender's own address or domain ("प्रेषकाचा", the sender's): a refusal of the sender
    USER_UNKNOWN: (r"प्रेषकाचा (?:ईमेल )?पत्ता " + _NOT_FOUND,),
    HOST_UNKNOWN: (r"प्रेषकाचे डोमेन",),
}
