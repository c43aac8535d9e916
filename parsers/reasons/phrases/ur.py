"""Urdu phrase families (data only): what servers and webmail answering in Urdu say (Gmail's and
Outlook's localized reports, Pakistani hosting).

Urdu is written in its own letters of the Arabic script, which keyboards and converters often
replace with the Arabic ones: heh goal "ہ" and heh "ه", farsi yeh "ی" and yeh "ي", keheh "ک" and kaf
"ك" are classes. The verb comes last ("پتہ نہیں ملا": the address was not found).
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

_H = "[\u06c1\u0647]"  # ہ / ه
_Y = "[\u06cc\u064a]"  # ی / ي
_K = "[\u06a9\u0643]"  # ک / ك
_NO = "ن" + _H + _Y + "ں"  # نہیں, not
# "was not found", "does not exist", "is wrong"
_NOT_FOUND = r"(?:" + _NO + r" مل(?:ا|ی)|موجود " + _NO + r"|غلط " + _H + r"ے)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # Gmail: "کیونکہ پتہ نہیں ملا" (because the address was not found); "ایڈریس", the English
        # word written in Urdu, as often as "پتہ"
        r"(?:ا" + _Y + r" م" + _Y + r"ل )?(?:پت(?:" + _H + r"|ا)|ا" + _Y + r"ڈر" + _Y + r"س) " + _NOT_FOUND,
        r"(?:وصول " + _K + r"نند" + _H + r"|صارف) " + _NOT_FOUND,
    ),
    MAILBOX_FULL: (r"(?:م" + _Y + r"ل|ان) باکس(?: مکمل)? (?:بھر گ" + _Y + r"ا|بھرا " + _H + r"وا|بھر چکا)",),
    ACCOUNT_DISABLED: (r"اکاؤنٹ (?:بند|غ" + _Y + r"ر فعال|حذف) " + _K + r"ر د" + _Y + r"ا گ" + _Y + r"ا",),
    HOST_UNKNOWN: (r"ڈوم" + _Y + r"ن " + _NOT_FOUND,),
}

# Exceptions to this language's families (the counterparts of English's): a domain "not found" that
# says to try again later says nothing about the domain (a network error, soft)
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    HOST_UNKNOWN: (r"بعد م" + _Y + r"ں (?:دوبار" + _H + r"|پھر) " + _K + r"وشش",),
}
