"""Hebrew phrase families (data only): what servers and relays answering in Hebrew say (Bezeq
International, 012/Partner, NetVision, localized Exchange/Outlook reports and hosting panels).

Hebrew has no case. The article ה and the prepositions ב, ל, מ are written joined to the next word
("הנמען", "בתיבת"), so a noun is written with its article optional. Text arrives in logical
order (windows-1255, ISO-8859-8-I, UTF-8); parsers.charsets reads unlabelled windows-1255 and
ISO-8859-8 as Hebrew.
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

_WHO = r"ה?(?:משתמש|נמען|כתובת(?: ה?דואר(?: ה?אלקטרוני)?)?|תיבת ה?דואר|חשבון)"
# (what kind and whose may stand between noun and verb: "חשבון הדואר של הנמען נסגר")
_MAILBOX = r"ה?(?:(?:חשבון|כתובת)(?: ה?דואר(?: ה?אלקטרוני)?)?|תיבת ה?דואר|תיבה)(?: של ה?נמען)?"
# "temporarily": a suspension that ends (soft)
_TEMPORARY = r"(?:זמני|זמנית|באופן זמני)"
_NON_USE = r"(?:עקב|בשל|בגלל) (?:חוסר|אי) ?(?:פעילות|שימוש)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # (a relative clause, "this" or "requested" may stand between noun and verb: "כתובת הדואר
        # האלקטרוני שהזנת לא נמצאה", the address you entered; "כתובת זו אינה קיימת"; "תיבת הדואר
        # המבוקשת"; the sender's, "שולח" or "שלך" (yours), is not it)
        _WHO + r"(?: ש(?!ולח|לך|לכם)[^ .\n]{1,12}| זו| זה| הזאת| הזה| ה(?:מבוקש|מבוקשת|מצוין|מצוינת))?"
        r" (?:אינו|אינה|לא|איננו|איננה)"
        r" (?:קיים|קיימת|נמצא|נמצאה|מוכר|מוכרת)",
        r"ה?(?:משתמש|נמען|כתובת) (?:לא ידוע|לא ידועה|אלמוני|(?:לא|אינה|אינו) (?:חוקי|חוקית|תקין|תקינה))",
        # "wrong" ("כתובת הנמען שגויה", the recipient's address is wrong; not the sender's, "השולח")
        _WHO + r"(?: ה?נמען)? (?:שגוי|שגויה)",
        r"אין (?:משתמש|נמען|תיבת דואר|חשבון|כתובת) (?:כזה|כזו|כזאת|בשם)",
        # Exchange: "לא ניתן היה למצוא את כתובת הדואר האלקטרוני שהזנת"
        r"לא ניתן (?:היה )?למצוא את ה?(?:כתובת|נמען|משתמש)",
        r"ה?(?:נמען|משתמש|כתובת) לא (?:נמצא|נמצאה) במערכת",
    ),
    MAILBOX_FULL: (
        r"ה?(?:תיבת ה?דואר|תיבה)(?: של ה?נמען)? (?:מלאה|התמלאה)",
        r"חריגה (?:מ|מה)?מכס|(?:ה)?מכסה (?:מלאה|נוצלה|הסתיימה)",
        r"אין (?:מספיק )?(?:מקום|שטח) (?:פנוי )?(?:ב|בתיבת|באחסון)",
    ),
    SUSPEND: (
        r"(?:הושעה|הושעתה|מושעה|מושעית|נעול|נעולה|ננעל|ננעלה|חסום|חסומה|הוקפא|הוקפאה) " + _TEMPORARY,
        _MAILBOX + r" (?:הושעה|הושעתה|מושעה|מושעית|הוקפא|הוקפאה)(?! " + _NON_USE + r")",
    ),
    ACCOUNT_DISABLED: (
        _MAILBOX + r" (?:הושבת|הושבתה|מושבת|מושבתת|בוטל|בוטלה|נמחק|נמחקה|נסגר|נסגרה|סגור|סגורה"
        r"|אינו פעיל|אינה פעילה|לא פעיל|לא פעילה)(?! " + _TEMPORARY + r")",
        # closed or blocked for non-use: the address is gone, not paused
        r"(?:הושבת|הושבתה|בוטל|בוטלה|נמחק|נמחקה|נסגר|נסגרה|ננעל|ננעלה|הושעה|הושעתה) " + _NON_USE,
        # expired ("החשבון פג תוקף", "תוקף החשבון פג")
        _MAILBOX + r" פג (?:ה)?תוק(?:ף|פו|פה)",
        r"תוקף " + _MAILBOX + r" (?:פג|הסתיים)",
        # "no longer in use" ("הכתובת אינה בשימוש עוד", "כבר אינה בשימוש"): closed, as English's
        # (the noun next to it, or "this": the sender's address, "כתובת השולח", is not it)
        _MAILBOX + r"(?: זו| זה| הזאת| הזה)? (?:(?:אינה|אינו|לא) (?:בשימוש|פעילה|פעיל|תקפה|תקף) (?:עוד|יותר)"
        r"|כבר (?:אינה|אינו|לא) (?:בשימוש|פעילה|פעיל|תקפה|תקף))",
    ),
    HOST_UNKNOWN: (
        # ("מתחם", the word many Israeli registrars and hosts use for a domain)
        r"ה?(?:דומיין|תחום|מתחם|שם ה?(?:תחום|דומיין|מתחם)) (?:אינו|לא|איננו) (?:קיים|נמצא|מוכר)",
        r"ה?(?:דומיין|תחום|מתחם) (?:לא ידוע|אלמוני)",
    ),
    # a message refused or classified as spam ("נדחתה כדואר זבל"): soft
    SPAM_DETECTED: (r"(?:כ|בתור )(?:דואר זבל|ספאם)",),
    # the sender or its IP address blocked or black-listed ("השולח חסום", "כתובת ה-IP נמצאת ברשימה
    # השחורה")
    BLOCKED: (r"השולח (?:חסום|נחסם)|כתובת ה-?ip(?: של השולח)? (?:חסומה|נחסמה)", r"ברשימה השחורה"),
}

# Exceptions to this language's families (the counterparts of English's): a domain "not found" that
# says to try again later, or calls the error temporary, says nothing about the domain (a network
# error, soft)
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    HOST_UNKNOWN: (
        r"(?:נסה|נסי|נסו|לנסות) שוב (?:מאוחר יותר|בהמשך)",
        r"(?:שגיא(?:ה|ת)|תקל(?:ה|ת))(?: dns)? זמנית|כשל(?: dns)? זמני",
    ),
}
