"""Persian phrase families (data only): what servers and relays answering in Persian say (Iranian
ISPs and hosts, localized Exchange/Outlook reports and hosting panels).

Persian has no case. It is written with its own yeh and keheh (ی ک, not Arabic's ي ك), as these
patterns are (text typed with Arabic's two meets them all the same: families.fold); words are joined by a zero-width non-joiner or a space, and servers put the subject
before a verb that ends the sentence ("... یافت نشد", was not found), so the gap between them is
bounded and stops at a sentence's end.
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

# the recipient, its address or its mailbox ("کاربر", user; "گیرنده", recipient; "نشانی"/"آدرس",
# address; "صندوق پستی", mailbox)
_WHO = r"(?:کاربر|گیرنده|نشانی|آدرس|صندوق پستی|حساب)"
_GAP = r"[^.\n]{0,40}?"
# "temporarily": a suspension that ends (soft)
_TEMPORARY = r"موقت"
_NON_USE = r"(?:به دلیل|بدلیل|به علت|بعلت) (?:عدم (?:استفاده|فعالیت)|غیرفعال بودن)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # "... not found", "... does not exist", "... is unknown", "... is invalid" / "is not valid",
        # "... is wrong" / "incorrect" / "not correct"
        _WHO + _GAP + r"(?:یافت نشد|پیدا نشد|وجود ندارد|موجود نیست|ناشناخته است|ناشناس است|نامعتبر است"
        r"|(?<!دیگر )معتبر نیست|اشتباه است|نادرست است|صحیح نیست)",
        r"(?:کاربر|گیرنده|نشانی|آدرس) (?:ناشناخته|ناشناس|نامعتبر)",
    ),
    MAILBOX_FULL: (
        r"صندوق (?:پستی|نامه|ورودی)" + _GAP + r"پر (?:است|شده)",
        r"(?:سهمیه|ظرفیت|فضای)" + _GAP + r"(?:پر شده|تمام شده|کافی نیست)",
    ),
    SUSPEND: (
        r"(?:مسدود|معلق|غیرفعال|تعلیق)" + _GAP + _TEMPORARY,
        _TEMPORARY + _GAP + r"(?:مسدود|معلق|غیرفعال|تعلیق)",
    ),
    ACCOUNT_DISABLED: (
        r"(?:حساب|صندوق پستی|نشانی|آدرس)" + _GAP + r"(?:غیرفعال|حذف|بسته|مسدود) (?:شده|است)"
        r"(?![^.\n]{0,30}" + _TEMPORARY + r")",
        # closed or blocked for non-use: the address is gone, not paused
        r"(?:غیرفعال|حذف|بسته|مسدود)[^.\n]{0,40}?" + _NON_USE,
        _NON_USE + r"[^.\n]{0,40}?(?:غیرفعال|حذف|بسته|مسدود)",
        # expired ("حساب کاربری منقضی شده است")
        r"(?:حساب|صندوق پستی)" + _GAP + r"منقضی (?:شده|است)",
        # "no longer used" ("این آدرس دیگر استفاده نمی‌شود"): closed, as English's "no longer in use"
        # (the noun next to it, or the recipient's: the sender's address, "آدرس فرستنده", is not it)
        r"(?:آدرس|نشانی|حساب|صندوق پستی)(?: ایمیل)?(?: گیرنده)? دیگر (?:مورد )?"
        r"(?:استفاده نمی[\u200c ]?شود|فعال نیست|معتبر نیست)",
    ),
    HOST_UNKNOWN: (r"(?:دامنه|نام دامنه)" + _GAP + r"(?:وجود ندارد|یافت نشد|ناشناخته است)",),
    # a message refused or recognised as spam ("به عنوان هرزنامه"): soft
    SPAM_DETECTED: (r"(?:به عنوان|بعنوان) (?:هرزنامه|اسپم)|هرزنامه (?:تشخیص|شناسایی|شناخته)",),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # the sender's own ("فرستنده", the sender; "حساب شما", your account): a refusal of the sender
    # (and a log-in refused: "نام کاربری یا رمز عبور صحیح نیست", user name or password not correct)
    USER_UNKNOWN: (r"(?:نشانی|آدرس|دامنه) فرستنده", r"رمز(?: عبور)? "),
    ACCOUNT_DISABLED: (r"حساب (?:کاربری )?شما",),
    # a DNS failure that says to try again later says nothing about the domain: soft
    HOST_UNKNOWN: (r"(?:دامنه|نشانی) فرستنده", r"(?:بعدا|بعداً|دوباره) (?:تلاش|امتحان)"),
}
