"""Odia phrase families (data only): what servers and webmail answering in Odia say (localised
Exchange/Outlook and Gmail notices, Indian hosts' own replies).

Odia puts the verb last: "ମିଳିଲା ନାହିଁ" (was not found), "ବିଦ୍ୟମାନ ନାହିଁ" (does not exist), "ପୂର୍ଣ୍ଣ" /
"ଭର୍ତ୍ତି" (full), "ଅକ୍ଷମ କରାଯାଇଛି" (has been disabled). Its letter ୟ is also written as ଯ with a
nukta, so words holding it are classes.
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

_Y = "(?:\u0b5f|\u0b2f\u0b3c)"  # ୟ, precomposed or as ଯ and its nukta
_ACCOUNT = "(?:ଆକାଉଣ୍ଟ|ଖାତା)"
# the recipient, the user, the (e-mail) address, the account
_WHO = "(?:ପ୍ରାପକ|ବ୍" + _Y + "ବହାରକାରୀ|(?:ଇମେଲ୍ |ଇ-ମେଲ୍ )?ଠିକଣା|" + _ACCOUNT + ")"
# "was not found", "does not exist"
_NOT_FOUND = r"(?:ମିଳିଲା ନାହିଁ|ମିଳୁନାହିଁ|ବିଦ୍" + _Y + "ମାନ ନାହିଁ)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (_WHO + " " + _NOT_FOUND,),
    MAILBOX_FULL: (r"ମେଲ ?ବକ୍ସ[^\n.।]{0,20}?(?:ପୂର୍ଣ୍ଣ|ଭର୍ତ୍ତି)",),
    # "temporarily disabled / suspended / closed / blocked": a pause that ends
    SUSPEND: ("ଅସ୍ଥା" + _Y + "ୀ ଭାବରେ (?:ଅକ୍ଷମ|ନିଲମ୍ବିତ|ବନ୍ଦ|ଅବରୋଧ)",),
    # "the account has been disabled / closed / deleted" (right after the noun: "temporarily"
    # between is the suspension above)
    ACCOUNT_DISABLED: (_ACCOUNT + " (?:ସ୍ଥା" + _Y + "ୀ ଭାବରେ )?(?:ଅକ୍ଷମ|ବନ୍ଦ|ବିଲୋପ|ନିଷ୍କ୍ରି" + _Y + ") କରାଯାଇଛି",),
    HOST_UNKNOWN: (r"ଡୋମେନ୍ " + _NOT_FOUND,),
    # "detected / marked / rejected as spam"
    SPAM_DETECTED: (r"ସ୍ପାମ୍ ଭାବରେ[^\n.।]{0,30}?(?:ଚିହ୍ନଟ|ଚିହ୍ନିତ|ପ୍ରତ୍" + _Y + "ାଖ୍" + _Y + "ାନ)",),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # the sender's own address or domain ("ପ୍ରେରକଙ୍କ", the sender's): a refusal of the sender
    USER_UNKNOWN: (r"ପ୍ରେରକଙ୍କ (?:ଇମେଲ୍ )?ଠିକଣା " + _NOT_FOUND,),
    HOST_UNKNOWN: (r"ପ୍ରେରକଙ୍କ ଡୋମେନ୍",),
}
