"""Lao phrase families (data only): what servers and webmail answering in Lao say (Gmail's and
Outlook's localized reports, Lao ISPs' and hosts' own replies).

Lao writes no spaces inside a sentence: "ບໍ່ພົບ" (not found) comes before its noun
("ບໍ່ພົບທີ່ຢູ່": address not found), "ເຕັມ" (full) and "ຖືກປິດ" (was closed) after it. "ໝ" is also
written as the pair "ຫມ".
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # the address, the recipient, the user or the account not found ("ບໍ່ພົບທີ່ຢູ່")
        # (not the sender's: "ທີ່ຢູ່(ອີເມວ)ຂອງຜູ້ສົ່ງ")
        r"ບໍ່ພົບ ?(?:ທີ່ຢູ່(?!(?:ອີເມວ|ອີເມລ)?(?:ຂອງ)?ຜູ້ສົ່ງ)|ຜູ້ຮັບ|ຜູ້ໃຊ້|ບັນຊີ)",
        # ... does not exist ("ທີ່ຢູ່ອີເມວນີ້ບໍ່ມີຢູ່")
        r"(?:ທີ່ຢູ່|ບັນຊີ|ຜູ້ໃຊ້)[^\n]{0,30}?ບໍ່ມີຢູ່",
    ),
    # the mailbox (inbox) is full ("ກ່ອງຈົດໝາຍເຕັມ")
    MAILBOX_FULL: (r"ກ່ອງ(?:ຈົດ(?:ໝ|ຫມ)າຍ|ອີເມວ|ອີເມລ|ຂາເຂົ້າ)[^\n]{0,30}?ເຕັມ",),
    ACCOUNT_DISABLED: (
        # the account closed (for use) or deleted ("ບັນຊີນີ້ຖືກປິດໃຊ້ງານ"), not for a while (ຊົ່ວຄາວ)
        r"ບັນຊີ[^\n]{0,30}?ຖືກ(?:ປິດ|ລຶບ)(?![^\n]{0,30}ຊົ່ວຄາວ)",
    ),
    HOST_UNKNOWN: (r"ບໍ່ພົບ ?ໂດເມນ|ໂດເມນ[^\n]{0,20}?ບໍ່ມີຢູ່",),
}
