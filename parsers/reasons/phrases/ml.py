"""Malayalam phrase families (data only): what servers and webmail answering in Malayalam say
(localised Exchange/Outlook and Gmail notices, Indian hosts' own replies).

Malayalam puts the verb last: "കണ്ടെത്തിയില്ല" (was not found), "നിലവിലില്ല" (does not exist),
"പ്രവർത്തനരഹിതമാക്കി" (has been disabled). Its final consonants (chillu: ർ ൻ) are single letters
since Unicode 5.1 and a consonant, virama and zero-width joiner before: older converters still
write the second, so they are classes.
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

_R = "(?:\u0d7c|\u0d30\u0d4d\u200d?)"  # ർ
_N = "(?:\u0d7b|\u0d28\u0d4d\u200d?)"  # ൻ
# "was not found", "does not exist"
_NOT_FOUND = r"(?:കണ്ടെത്തിയില്ല|നിലവിലില്ല)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # the recipient, the user, the address, the account, each with its case ending
        # (not the sender's address: a refusal of the sender, never the recipient gone)
        "(?:സ്വീക" + _R + r"ത്താവ|ഉപയോക്താവ|(?<!അയച്ചയാളുടെ )വിലാസ|അക്ക(?:ൗ|ൌ)ണ്ട)[^\s.]{0,6} " + _NOT_FOUND,
    ),
    ACCOUNT_DISABLED: (
        # disabled, deleted (right after the noun: "താൽക്കാലികമായി", temporarily, between is a pause)
        r"അക്ക(?:ൗ|ൌ)ണ്ട്[^\s.]{0,4} (?:പ്രവ" + _R + "ത്തനരഹിതമാക്കി|ഇല്ലാതാക്കി)",
    ),
    # the (mail)box is full
    MAILBOX_FULL: (r"ബോക്സ് നിറഞ്ഞ",),
    HOST_UNKNOWN: ("ഡൊ(?:മെ|മൈ)യ്" + _N + " ?" + _NOT_FOUND,),
}
