"""Assamese phrase families (data only): what servers and webmail answering in Assamese say
(localised Exchange/Outlook and Gmail notices, hosts in Assam).

Assamese is written in the Bengali script with its own letters ৰ and ৱ, and its verbs are not
Bengali's (bn.py): "পোৱা নগ'ল" (was not found; the apostrophe also typed ’ or left out),
"বিদ্যমান নহয়" (does not exist), "নিষ্ক্ৰিয় কৰা হৈছে" (has been disabled). Its য় is also written as
য with a nukta, so a word holding it is a class.
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

_Y = "(?:\u09df|\u09af\u09bc)"  # য়, precomposed or as য and its nukta
# "was not found" (after "বিচাৰি", searching), "does not exist"
_NOT_FOUND = "(?:(?:বিচাৰি )?পোৱা নগ['’]?ল|বিদ্যমান নহ" + _Y + ")"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # the recipient, the user, the address, the account
        # (not the sender's address: a refusal of the sender, never the recipient gone)
        "(?:প্ৰাপক|ব্যৱহাৰকাৰী|(?<!প্ৰেৰকৰ )ঠিকনা|একাউ(?:ণ|ন)্ট) " + _NOT_FOUND,
    ),
    ACCOUNT_DISABLED: (
        # disabled, closed, deleted (right after the noun: "temporarily" between is a pause)
        "একাউ(?:ণ|ন)্ট (?:নিষ্ক্ৰি" + _Y + "|বন্ধ|মচি পেলোৱা) (?:কৰা )?হৈছে",
    ),
    # the (mail)box is full
    MAILBOX_FULL: (r"বক্স (?:পূৰ্ণ|ভৰি)",),
    HOST_UNKNOWN: ("(?:ড['’]?মেইন|ডোমেইন) ?" + _NOT_FOUND,),
}
