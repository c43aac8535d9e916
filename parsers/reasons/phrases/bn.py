"""Bengali phrase families (data only): what servers and webmail answering in Bengali say (Gmail's
and Outlook's localized reports, Bangladeshi and West Bengal hosting).

Bengali has no case and no accents to fold. "য়" is written precomposed or as "য" and the nukta
sign, so it is a class; the verb comes last ("ঠিকানাটি খুঁজে পাওয়া যায়নি": the address could not be
found), the noun often with its article "-টি".
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

_Y = "(?:\u09df|\u09af\u09bc)"  # য়, precomposed or decomposed
# "could not be found", "does not exist"
_HAS_BEEN = "হ" + _Y + "েছে"  # হয়েছে
_NOT_FOUND = r"(?:খুঁজে পাও" + _Y + r"া যা" + _Y + r"নি|বিদ্যমান নেই|পাও" + _Y + r"া যা" + _Y + r"নি)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # Gmail: "কারণ ঠিকানাটি খুঁজে পাওয়া যায়নি" (because the address could not be found)
        # (the English word in Bengali script, "ইউজার", as local hosts write it)
        r"(?:ইমেল |ই-মেল )?(?:ঠিকানা|প্রাপক|ব্যবহারকারী|ইউজার)(?:টি)? " + _NOT_FOUND,
        r"(?:অজানা|অবৈধ) (?:প্রাপক|ব্যবহারকারী|(?:ইমেল )?ঠিকানা)",
    ),
    # ("মেইলবক্স" and "মেলবক্স" alike: mail is spelled with its vowel sign or without)
    MAILBOX_FULL: (r"(?:মেই?লবক্স|ইনবক্স)(?:টি)? (?:পূর্ণ|ভর্তি|ভরে গেছে)",),
    ACCOUNT_DISABLED: (
        # "has been closed / deactivated / deleted"
        r"অ্যাকাউন্ট(?:টি)? (?:বন্ধ করে দেও" + _Y + r"া|নিষ্ক্রি" + _Y + r" করা|মুছে ফেলা) " + _HAS_BEEN,
        # "the account is inactive" (no longer in use)
        r"অ্যাকাউন্ট(?:টি)? (?:এখন )?নিষ্ক্রি" + _Y + r"(?! করা)",
    ),
    HOST_UNKNOWN: (r"ডোমেন(?:টি)? " + _NOT_FOUND,),
}

# Exceptions to this language's families (the counterparts of English's): a domain "not found" that
# says to try again later says nothing about the domain (a network error, soft)
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    HOST_UNKNOWN: (r"পরে (?:আবার|পুনরা" + _Y + r") চেষ্টা",),
}
