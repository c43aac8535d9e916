"""Uyghur phrase families (data only): what servers and webmail answering in Uyghur say (localised
notices in the Arabic-script Uyghur alphabet).

Uyghur writes every vowel, with its own letters (ۇ ۈ ې ى ۋ ھ); the verb comes last: "تېپىلمىدى"
(was not found), "يوق" (there is none), "مەۋجۇت ئەمەس" (does not exist), "تولدى" (is full),
"تاقالغان" (has been closed), "ئۆچۈرۈلگەن" (has been deleted).
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

# "was not found", "does not exist"
_NOT_FOUND = "(?:تېپىلمىدى|مەۋجۇت ئەمەس)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # the user, the recipient, the address, the account; "يوق" (there is none) right after it
        "(?:ئىشلەتكۈچى|تاپشۇرۇۋالغۇچى|ئادرېسى?|ھېساباتى?) (?:يوق|" + _NOT_FOUND + ")",
    ),
    MAILBOX_FULL: ("(?:ئېلخەت|پوچتا) ساندۇقى[^.\\n]{0,15}?(?:تولدى|توشۇپ|توشتى)",),
    # "temporarily closed / stopped / restricted / blocked": a pause that ends
    SUSPEND: ("ۋاقىتلىق (?:تاقالغان|توختىتىلغان|چەكلەنگەن|توسۇلغان)",),
    # "the account has been closed / deleted" (right after the noun: "ۋاقىتلىق" between is the
    # suspension above)
    ACCOUNT_DISABLED: (
        "ھېساباتى? (?:مەڭگۈلۈك )?(?:تاقالغان|تاقالدى|ئۆچۈرۈلگەن|ئۆچۈرۈلدى|ئىناۋەتسىز قىلىنغان)",
    ),
    HOST_UNKNOWN: ("(?:دومېن|دائىرە نامى)[^.\\n]{0,10}?" + _NOT_FOUND,),
    # "(identified) as junk mail" ("ئەخلەت خەت دەپ بېكىتىلدى")
    SPAM_DETECTED: ("ئەخلەت (?:خەت|ئېلخەت)[^.\\n]{0,20}?(?:دەپ|سۈپىتىدە)",),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # the sender's own ("ئەۋەتكۈچى", the sender): a refusal of the sender
    USER_UNKNOWN: ("ئەۋەتكۈچى(?:نىڭ)? (?:ئادرېسى?|ھېساباتى?)",),
    HOST_UNKNOWN: ("ئەۋەتكۈچى",),
}
