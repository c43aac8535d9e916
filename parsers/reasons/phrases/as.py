"""Assamese phrase families (data only): what servers and webmail answering in Assamese say
(localised Exchange/Outlook and Gmail notices, hosts in Assam).

Assamese is written in the Bengali script with its own letters ৰ (ra) and ৱ (wa); its verbs are
not Bengali's (bn.py): "পোৱা নগ'ল" (was not found, the apostrophe also typed ’ or left out),
"বিদ্যমান নহয়" (does not exist), "পূৰ্ণ" (full), "নিষ্ক্ৰিয় কৰা হৈছে" (has been disabled). Its য়
is also written as য with a nukta, so words holding it are classes.
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

_Y = "(?:\u09df|\u09af\u09bc)"  # য়, precomposed or as য and its nukta
_ACCOUNT = "(?:একাউণ্ট|একাউন্ট|একাউণ্টটো|একাউন্টটো)"
# the recipient, the user, the (e-mail) address, the account
_WHO = "(?:প্ৰাপক|ব্যৱহাৰকাৰী|(?:ই-মেইল |ইমেইল )?ঠিকনা|" + _ACCOUNT + ")"
# "was not found" (after "বিচাৰি", searching), "does not exist"
_NOT_FOUND = "(?:(?:বিচাৰি )?পোৱা (?:নগ['’]?ল|নাই|যোৱা নাই)|বিদ্যমান নহ" + _Y + ")"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (_WHO + " " + _NOT_FOUND,),
    MAILBOX_FULL: (r"মেইল ?বক্স[^\n.।]{0,20}?(?:পূৰ্ণ|ভৰি)",),
    # "temporarily disabled / suspended / closed / blocked": a pause that ends
    SUSPEND: ("অস্থা" + _Y + "ীভাৱে (?:নিষ্ক্ৰি" + _Y + "|স্থগিত|বন্ধ|অৱৰুদ্ধ)",),
    # "the account has been disabled / closed / deleted" (right after the noun: "temporarily"
    # between is the suspension above)
    ACCOUNT_DISABLED: (_ACCOUNT + " (?:স্থা" + _Y + "ীভাৱে )?(?:নিষ্ক্ৰি" + _Y + "|বন্ধ|মচি পেলোৱা) (?:কৰা )?হৈছে",),
    HOST_UNKNOWN: ("(?:ড['’]?মেইন|ডোমেইন) " + _NOT_FOUND,),
    # "identified / marked / rejected as spam"
    SPAM_DETECTED: (r"স্পাম হিচাপে[^\n.।]{0,30}?(?:চিনাক্ত|চিহ্নিত|প্ৰত্যাখ্যান)",),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # the sender's own address or domain ("প্ৰেৰকৰ", the sender's): a refusal of the sender
    USER_UNKNOWN: ("প্ৰেৰকৰ (?:ই-মেইল |ইমেইল )?ঠিকনা " + _NOT_FOUND,),
    HOST_UNKNOWN: (r"প্ৰেৰকৰ (?:ড['’]?মেইন|ডোমেইন)",),
}
