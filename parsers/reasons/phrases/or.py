"""Odia phrase families (data only): what servers and webmail answering in Odia say (localised
Exchange/Outlook and Gmail notices, Indian hosts' own replies).

Odia puts the verb last: "ମିଳିଲା ନାହିଁ" (was not found), "ବିଦ୍ୟମାନ ନାହିଁ" (does not exist), "ଅକ୍ଷମ
କରାଯାଇଛି" (has been disabled). Its letter ୟ is also written as ଯ with a nukta, so a word holding it
is a class.
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

_Y = "(?:\u0b5f|\u0b2f\u0b3c)"  # ୟ, precomposed or as ଯ and its nukta
# "was not found", "does not exist"
_NOT_FOUND = "(?:ମିଳିଲା ନାହିଁ|ବିଦ୍" + _Y + "ମାନ ନାହିଁ)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # the recipient, the user, the address, the account
        # (not the sender's address: a refusal of the sender, never the recipient gone)
        "(?:ପ୍ରାପକ|ବ୍" + _Y + "ବହାରକାରୀ|(?<!ପ୍ରେରକଙ୍କ )ଠିକଣା|ଆକାଉଣ୍ଟ) " + _NOT_FOUND,
    ),
    ACCOUNT_DISABLED: (
        # disabled, closed, deleted (right after the noun: "temporarily" between is a pause)
        r"ଆକାଉଣ୍ଟ (?:ଅକ୍ଷମ|ବନ୍ଦ|ବିଲୋପ) କରାଯାଇଛି",
    ),
    # the (mail)box is full
    MAILBOX_FULL: (r"ବକ୍ସ (?:ପୂର୍ଣ୍ଣ|ଭର୍ତ୍ତି)",),
    HOST_UNKNOWN: (r"ଡୋମେନ୍ ?" + _NOT_FOUND,),
}
