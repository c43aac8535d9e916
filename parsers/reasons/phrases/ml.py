"""Malayalam phrase families (data only): what servers and webmail answering in Malayalam say
(localised Exchange/Outlook and Gmail notices, Indian hosts' own replies).

Malayalam puts the verb last: "കണ്ടെത്തിയില്ല" (was not found), "നിലവിലില്ല" (does not exist),
"നിറഞ്ഞു" (is full), "പ്രവർത്തനരഹിതമാക്കി" (has been disabled). Its final consonants (chillu: ർ
ൽ ൻ) are single letters in Unicode 5.1 and later and a consonant, virama and zero-width joiner
before: older converters and keyboards still write the second, so they are classes.
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

_R = "(?:\u0d7c|\u0d30\u0d4d\u200d?)"  # ർ
_L = "(?:\u0d7d|\u0d32\u0d4d\u200d?)"  # ൽ
_N = "(?:\u0d7b|\u0d28\u0d4d\u200d?)"  # ൻ
_ACCOUNT = "അക്ക(?:ൗ|ൌ)ണ്ട"  # (the au sign in its new and its old form)
# the recipient, the user, the address, the account, each with its case ending
_WHO = "(?:സ്വീക" + _R + "ത്താവ|ഉപയോക്താവ|വിലാസ|" + _ACCOUNT + r")[^\s.]{0,6}"
# "was not found", "does not exist"
_NOT_FOUND = r"(?:കണ്ടെത്തിയില്ല|നിലവിലില്ല)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (_WHO + " " + _NOT_FOUND,),
    MAILBOX_FULL: ("(?:മെയി" + _L + "|ഇ" + _N + r") ?ബോക്സ്[^\n.]{0,20}?നിറഞ്ഞ",),
    # "temporarily disabled / blocked / suspended": a pause that ends
    SUSPEND: ("താ" + _L + "ക്കാലികമായി (?:പ്രവ" + _R + "ത്തനരഹിത|തടഞ്ഞ|സസ്പെ" + _N + "ഡ്)",),
    # "the account has been disabled / deleted / closed" (right after the noun: "താൽക്കാലികമായി"
    # between is the suspension above)
    ACCOUNT_DISABLED: (
        _ACCOUNT + r"[^\s.]{0,4} (?:ശാശ്വതമായി )?(?:പ്രവ" + _R + "ത്തനരഹിതമാക്കി|ഇല്ലാതാക്കി|അടച്ചു|നീക്കം ചെയ്തു)",
    ),
    HOST_UNKNOWN: ("ഡൊ(?:മെ|മൈ)യ്" + _N + " " + _NOT_FOUND,),
    # "detected / marked / rejected as spam"
    SPAM_DETECTED: (r"സ്പാം ആയി[^\n.]{0,30}?(?:കണ്ടെത്ത|അടയാളപ്പെടുത്ത|നിരസ)",),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # the sender's own address or domain ("അയച്ചയാളുടെ", the sender's): a refusal of the sender
    USER_UNKNOWN: (r"അയച്ചയാളുടെ (?:ഇമെയി" + _L + " )?വിലാസ[^\\s.]{0,6} " + _NOT_FOUND,),
    HOST_UNKNOWN: (r"അയച്ചയാളുടെ ഡൊ(?:മെ|മൈ)യ്",),
}
