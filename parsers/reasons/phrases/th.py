"""Thai phrase families (data only): what servers and relays answering in Thai say (localized
Exchange/Outlook reports, Thai hosting and ISP mail systems).

Thai has no case and writes words without spaces; servers put a space between phrases or none,
so the joins are written ` ?`.
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

_WHO = r"(?:ผู้ใช้(?:งาน)?|ผู้รับ|ที่อยู่อีเมล|ที่อยู่|บัญชี(?:ผู้ใช้)?|กล่องจดหมาย)"
# whose, after the noun: the recipient's ("ของผู้รับ") or the destination's ("ปลายทาง":
# "กล่องจดหมายปลายทางเต็ม", the destination mailbox is full)
_WHOSE = r"(?:ของผู้รับ ?|ปลายทาง ?)?"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        r"ไม่(?:พบ|มี) ?(?:ชื่อ)?" + _WHO + r" ?(?:นี้|ดังกล่าว|ที่ระบุ|ปลายทาง)",
        # ("ไม่พบชื่อผู้ใช้": the user name was not found; "ไม่พบอีเมลปลายทาง": the destination
        # e-mail was not found)
        r"ไม่พบ ?(?:ชื่อ ?)?(?:ผู้ใช้(?:งาน)?|ผู้รับ|ที่อยู่อีเมล|อีเมล ?(?:ผู้รับ|ปลายทาง)|บัญชี ?(?:ผู้ใช้|ผู้รับ|อีเมล))",
        r"อีเมล ?(?:ผู้รับ|ปลายทาง) ?(?:นี้ ?)?ไม่มีอยู่",
        _WHO + r" ?" + _WHOSE + r"(?:นี้ ?)?ไม่มีอยู่(?:จริง|ในระบบ)?",
        r"ไม่รู้จัก ?(?:ผู้ใช้|ผู้รับ|ที่อยู่อีเมล)",
        # Exchange: "ไม่พบที่อยู่อีเมลที่คุณใส่"
        r"ไม่พบที่อยู่อีเมลที่คุณ",
        # "the recipient is not valid"
        r"(?:ผู้รับ|ที่อยู่อีเมล ?(?:ผู้รับ|ปลายทาง)) ?ไม่ถูกต้อง",
    ),
    MAILBOX_FULL: (
        r"กล่องจดหมาย ?" + _WHOSE + r"(?:เต็ม|มีพื้นที่ไม่เพียงพอ)",
        r"พื้นที่(?:จัดเก็บ|เก็บข้อมูล)? ?(?:เต็ม|ไม่เพียงพอ)|เกินโควต้า|เกินโควตา|เกินขนาดที่กำหนด",
    ),
    SUSPEND: (
        r"(?:ระงับ|ล็อก|ล็อค|ปิด)(?:การใช้งาน)? ?ชั่วคราว",
        r"ถูกระงับ(?:การใช้งาน)?(?!(?:การใช้งาน)? ?(?:ถาวร|เนื่องจากไม่ได้))",
    ),
    ACCOUNT_DISABLED: (
        # (whose between noun and verb: "บัญชีอีเมลของผู้รับถูกปิดการใช้งาน", the recipient's e-mail
        # account was closed for use; "ปิดการใช้งาน" as "ปิดใช้งาน")
        r"บัญชี(?:ผู้ใช้|อีเมล)? ?" + _WHOSE + r"(?:นี้ ?)?(?:ถูก)?(?:ปิด(?:การ)?ใช้งาน|ยกเลิก|ลบ|ระงับถาวร|ปิดบัญชี)"
        r"(?! ?ชั่วคราว)",
        # ("บัญชีถูกปิด": the account was closed, not for a while)
        r"บัญชี(?:ผู้ใช้|อีเมล)? ?" + _WHOSE + r"(?:นี้ ?)?ถูกปิด(?! ?ชั่วคราว)(?!(?:การ)?ใช้งาน ?ชั่วคราว)",
        # expired
        r"บัญชี(?:ผู้ใช้|อีเมล)? ?(?:นี้ ?)?(?:ได้)?หมดอายุ",
        # blocked or closed for non-use: the address is gone, not paused
        r"(?:ระงับ|ปิด|ยกเลิก|ลบ)(?:การใช้งาน|บัญชี)? ?เนื่องจากไม่ได้(?:ใช้งาน|เข้าใช้)",
    ),
    HOST_UNKNOWN: (r"ไม่พบ ?โดเมน|โดเมน ?(?:นี้ ?)?ไม่มีอยู่|ไม่รู้จัก ?โดเมน",),
    # a message refused as spam or junk mail ("เนื่องจากเป็นสแปม"): soft
    SPAM_DETECTED: (r"(?:เป็น|ว่าเป็น) ?(?:สแปม|อีเมลขยะ|จดหมายขยะ|ข้อความขยะ)",),
}

# Exceptions to this language's families (the counterparts of English's): a domain "not found" that
# says to try again later, or calls the error temporary, says nothing about the domain (a network
# error, soft)
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    HOST_UNKNOWN: (r"ลอง(?:ใหม่|อีกครั้ง)(?:อีกครั้ง)? ?(?:ใน)?ภายหลัง", r"(?:ข้อผิดพลาด|ล้มเหลว) ?ชั่วคราว"),
}
