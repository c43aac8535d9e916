"""Burmese phrase families (data only): what servers and webmail answering in Burmese say (Gmail's
and Outlook's localized reports, Myanmar ISPs' and hosts' own replies).

Burmese puts the verb last and often writes no space inside a phrase: "ရှာမတွေ့" (could not find),
"မရှိ" (does not exist), "ပြည့်" (full), "ပိတ်" (closed), each after its noun ("လိပ်စာ
ရှာမတွေ့ပါ": the address was not found).
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # the address, the recipient, the user or the account not found or not there
        # ("လိပ်စာ ရှာမတွေ့ပါ", "အကောင့် မရှိပါ")
        # (not the sender's: "ပေးပို့သူ၏ လိပ်စာ")
        r"(?:လိပ်စာ(?<!ပေးပို့သူ၏ လိပ်စာ)(?<!ပေးပို့သူ၏လိပ်စာ)|လက်ခံသူ|အသုံးပြုသူ|အကောင့်)(?:ကို)? ?(?:ရှာ(?:၍)? ?မတွေ့|မရှိ(?:ပါ|ပေ))",
    ),
    # the mailbox (inbox) is full ("စာတိုက်ပုံး ပြည့်နေပါသည်")
    MAILBOX_FULL: (r"(?:စာတိုက်ပုံး|မေးလ်ဘောက်စ်|ဝင်စာပုံး) ?ပြည့်",),
    # the account closed or deleted ("အကောင့်ကို ပိတ်ထားသည်")
    ACCOUNT_DISABLED: (r"အကောင့်(?:ကို)? ?(?:ပိတ်|ဖျက်)(?:ထား|လိုက်|သိမ်း)",),
    HOST_UNKNOWN: (r"ဒိုမိန်း(?:ကို)? ?(?:ရှာ(?:၍)? ?မတွေ့|မရှိ(?:ပါ|ပေ))",),
}
