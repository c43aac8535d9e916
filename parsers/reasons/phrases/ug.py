"""Uyghur phrase families (data only): what servers and webmail answering in Uyghur say (localised
notices in the Arabic-script Uyghur alphabet).

Uyghur writes every vowel, with its own letters (ۇ ۈ ې ى ۋ ھ); the verb comes last: "تېپىلمىدى" (was
not found), "يوق" (there is none), "مەۋجۇت ئەمەس" (does not exist), "تاقالغان" (has been closed).
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# "was not found", "there is none", "does not exist" (right after the noun)
_NOT_FOUND = "(?:تېپىلمىدى|يوق|مەۋجۇت ئەمەس)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # the user, the recipient, the address, the account
        # (not the sender's address: a refusal of the sender, never the recipient gone)
        "(?:ئىشلەتكۈچى|تاپشۇرۇۋالغۇچى|(?<!ئەۋەتكۈچىنىڭ )ئادرېسى?|ھېساباتى?) " + _NOT_FOUND,
    ),
    ACCOUNT_DISABLED: (
        # closed, deleted (right after the noun: "ۋاقىتلىق", temporarily, between is a pause)
        "ھېساباتى? (?:تاقالغان|ئۆچۈرۈلگەن)",
    ),
    # the (mail)box is full
    MAILBOX_FULL: ("ساندۇقى[^.\\n]{0,15}?(?:تولدى|توشۇپ)",),
    HOST_UNKNOWN: ("دومېن[^.\\n]{0,10}?" + _NOT_FOUND,),
}
