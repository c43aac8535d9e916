"""Arabic phrase families (data only): what servers and relays answering in Arabic say (Etisalat,
STC, du, Omantel, TE Data, localized Exchange/Outlook reports and hosting panels).

Arabic has no case. The article ال is written joined to its noun ("المستخدم"), so nouns are
written with it optional; alef is written with or without hamza (أ إ آ ا) and a final ى for ي by
many writers, so those letters are classes. Unlabelled windows-1256 and ISO-8859-6 text is read as
Arabic by parsers.charsets.
"""

from __future__ import annotations

from parsers.reasons.codes import (
    ACCOUNT_DISABLED,
    BLOCKED,
    HOST_UNKNOWN,
    MAILBOX_FULL,
    SPAM_DETECTED,
    SUSPEND,
    USER_UNKNOWN,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

_A = "[اأإآ]"  # alef, with or without hamza
_WHO = r"(?:ال)?(?:مستخدم|مستلم|مرسل إليه|صندوق (?:ال)?بريد|حساب)"
_ADDRESS = r"عنوان (?:ال)?(?:بريد(?: (?:ال)?" + _A + r"لكتروني)?|مستلم|مرسل إليه)"
# (what kind and whose may stand between noun and verb: "حساب البريد الإلكتروني للمستلم معطل",
# "صندوق البريد الخاص بالمستخدم معطل"; "حسابك", your account, is the sender's: "تم تعطيل حسابك")
_MAILBOX = (
    r"(?:ال)?(?:حساب(?!ك)(?: (?:ال)?بريد(?: (?:ال)?"
    + _A
    + r"لكتروني)?)?|صندوق (?:ال)?بريد|بريد (?:ال)?"
    + _A
    + r"لكتروني)"
    r"(?: (?:لل|ل)مستلم| الخاص ب(?:ال)?(?:مستلم|مستخدم))?"
)
# "temporarily": a suspension that ends (soft)
_TEMPORARY = r"مؤقت"
_NON_USE = r"(?:بسبب|لعدم|نتيجة) (?:عدم )?(?:ال)?(?:استخدام|نشاط|" + _A + r"ستعمال)"

_ANYONE = f"(?:{_WHO}|{_ADDRESS})"
# what may stand between such a noun and its predicate: a relative clause ("الذي أدخلته", that you
# entered) or "requested", "specified", "mentioned" ("صندوق البريد المطلوب غير موجود")
_QUALIFIER = r"(?: (?:الذي|التي) [^ .\n]{2,12}| ال(?:مطلوب|محدد|مذكور|معني)ة?)?"
_FOUND = r"(?:لم يتم|تعذر|لا يمكن) (?:ال)?(?:عثور|العثور) على"
# ("إلغاء تفعيل", deactivation: "تم إلغاء تفعيل هذا الحساب")
_CLOSED = f"(?:تعطيل|{_A}لغاء(?: تفعيل)?|حذف|{_A}غلاق)"
_NOT_TEMPORARY = r"(?![^.\n]{0,30}" + _TEMPORARY + r")"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # ("... غير صالح": not valid, as "invalid recipient"; "عنوان البريد الإلكتروني الذي أدخلته
        # غير موجود", the address you entered)
        _ANYONE + _QUALIFIER + r" غير (?:موجود|معروف|مسجل|صالح|صحيح)",
        # "wrong" ("عنوان المستلم خاطئ"), as "غير صحيح"
        _ANYONE + r" (?:خاطئ|خاطئة|خطأ)",
        r"لا (?:يوجد|توجد) " + _ANYONE,
        _FOUND + r" (?:" + _ANYONE + r"|(?:ال)?عنوان)",
        r"(?:ال)?(?:مستخدم|مستلم) مجهول",
        # "the address does not exist" (the bare noun, as Algerian and Moroccan servers word it)
        r"(?:ال)?عنوان غير موجود",
        # "the e-mail (of the recipient) does not exist" / "is not registered (with us)": the mail
        # itself as the noun ("هذا البريد غير مسجل لدينا")
        r"(?:ال)?بريد(?: (?:ال)?"
        + _A
        + r"لكتروني)?(?: (?:لل|ل)مستلم)?"
        + _QUALIFIER
        + r" غير (?:موجود|مسجل)",
    ),
    MAILBOX_FULL: (
        # (whose: "صندوق بريد المستلم", "صندوق البريد الخاص بالمستلم")
        r"صندوق (?:ال)?(?:بريد|وارد)(?: (?:ال)?مستلم| الخاص ب(?:ال)?مستلم)? (?:ممتلئ|ممتلىء|مليء|ممتل)",
        # (the verb first: "امتلأ صندوق البريد", the mailbox has filled up)
        r"(?:امتلأ|امتلا) صندوق (?:ال)?(?:بريد|وارد)",
        # ("تجاوز", he/it exceeded; "تجاوزت", she/it or you exceeded)
        # (the subject between: "تجاوز المستلم حصة التخزين", the recipient exceeded the storage quota)
        r"تجاوزت? (?:(?:ال)?(?:مستلم|مستخدم) )?(?:ال)?(?:حصة|سعة|حد (?:ال)?تخزين|مساحة)",
        r"لا (?:توجد|يوجد) مساحة (?:كافية|تخزين)",
        r"(?:ال)?مساحة (?:ممتلئة|غير كافية)",
    ),
    SUSPEND: (f"(?:موقوف|معلق|معطل|مقفل|مجمد|{_A}يقاف|تعليق|تعطيل|قفل|تجميد)[^.\n]{{0,30}}{_TEMPORARY}",),
    ACCOUNT_DISABLED: (
        _CLOSED + " (?:هذا |هذه )?" + _MAILBOX + _NOT_TEMPORARY,
        _MAILBOX + r" (?:معطل|ملغى|ملغي|محذوف|مغلق|غير نشط|غير مفعل|غير فعال)" + _NOT_TEMPORARY,
        # closed or blocked for non-use: the address is gone, not paused
        f"(?:{_CLOSED}|{_A}يقاف|تجميد|معطل|مغلق|موقوف)[^.\n]{{0,40}}{_NON_USE}",
        # expired ("انتهت صلاحية الحساب")
        r"(?:انتهت|منتهية|منتهي) (?:ال)?صلاحية " + _MAILBOX,
        _MAILBOX + r" (?:منتهي|منتهية) (?:ال)?صلاحية",
        # the (mail) subscription ended ("انتهى اشتراك المستخدم"); not "اشتراكك", yours
        r"(?:انتهى|انتهت صلاحية|منتهي) (?:ال)?اشتراك(?!ك)",
        # "no longer used" ("هذا العنوان لم يعد مستخدما"): closed, as English's "no longer in use"
        # (the noun next to it, or "this": the sender's address, "عنوان المرسل", is not it)
        f"(?:{_ANYONE}|هذا (?:ال)?عنوان|هذا (?:ال)?حساب)"
        + r" لم (?:يعد|تعد) (?:مستخدم|صالح|نشط|فعال|يستقبل|يقبل)",
    ),
    HOST_UNKNOWN: (
        # (the requested domain, "النطاق المطلوب غير موجود", as the user phrases' qualifier)
        r"(?:ال)?(?:نطاق|مجال|دومين|اسم (?:ال)?(?:نطاق|مجال))" + _QUALIFIER + r" غير (?:موجود|معروف)",
        _FOUND + r" (?:ال)?(?:نطاق|مجال)",
        # "there is no domain (by this name)" ("لا يوجد نطاق بهذا الاسم"), not the sender's
        r"لا (?:يوجد|توجد) (?:ال)?(?:نطاق|مجال|دومين)(?![^.\n]{0,20}(?:ال|لل|ل)مرسل)",
    ),
    # a message considered spam ("تعتبر بريدا عشوائيا", "رسالة مزعجة", "بريد غير مرغوب فيه"): soft
    SPAM_DETECTED: (
        r"بريدا? ?(?:عشوائيا?|مزعجا?|غير مرغوب)",
        r"رسالة (?:عشوائية|مزعجة|غير مرغوب)",
    ),
    # the sender's IP address blocked ("تم حظر عنوان IP الخاص بالمرسل"), or a black list
    BLOCKED: (
        r"(?:حظر|حجب|رفض) عنوان ip",
        r"(?:ال)?قائمة (?:ال)?سوداء",
    ),
}

# Exceptions to this language's families (the counterparts of English's): a domain "not found" that
# says to try again later, or calls the error temporary, says nothing about the domain (a network
# error, soft)
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    HOST_UNKNOWN: (
        # ("لاحقًا", "لاحقاً", "لاحقا": later, its tanween written or not)
        r"(?:المحاولة|حاول|" + _A + r"عد المحاولة)(?: مرة " + _A + r"خرى)? لاحق",
        r"(?:خط" + _A + r"|فشل) مؤقت",
    ),
}
