"""Wordings of the languages Gmail and Outlook localise their notices into that had no phrase module:
Khmer, Sinhala, Burmese, Lao, Mongolian and Zulu, in the four families (user unknown, mailbox full,
account disabled, domain not found); each language's temporary closing, a mailbox's "no room" and
the sender's own address stay as they were."""

from __future__ import annotations

import pytest

from parsers import reasons as r
from tests.parsers.languages import check_not_gone, check_phrases


def test_khmer_sinhala_burmese_lao_mongolian_zulu_wordings() -> None:
    check_phrases(
        [
            # km: not found before the noun, "does not exist" and "full" after it
            ("550 រកមិនឃើញអាសយដ្ឋាន", r.USER_UNKNOWN),
            ("550 គណនីអ៊ីមែលដែលអ្នកព្យាយាមផ្ញើទៅ មិនមានទេ", r.USER_UNKNOWN),
            ("552 ប្រអប់សំបុត្ររបស់អ្នកទទួលពេញ", r.MAILBOX_FULL),
            ("550 គណនីនេះត្រូវបានលុប", r.ACCOUNT_DISABLED),
            ("550 រកមិនឃើញដែន", r.HOST_UNKNOWN),
            # si: the verb last
            ("550 ලිපිනය හමු නොවීය", r.USER_UNKNOWN),
            ("550 පරිශීලකයා නොපවතී", r.USER_UNKNOWN),
            ("552 තැපැල් පෙට්ටිය පිරී ඇත", r.MAILBOX_FULL),
            ("550 ගිණුම අක්‍රිය කර ඇත", r.ACCOUNT_DISABLED),
            ("550 ගිණුම අක්රිය කර ඇත", r.ACCOUNT_DISABLED),  # (the joiner left out)
            ("550 වසම සොයා ගත නොහැකි විය", r.HOST_UNKNOWN),
            # my
            ("550 လိပ်စာ ရှာမတွေ့ပါ", r.USER_UNKNOWN),
            ("550 အကောင့် မရှိပါ", r.USER_UNKNOWN),
            ("552 မေးလ်ဘောက်စ် ပြည့်နေပါသည်", r.MAILBOX_FULL),
            ("550 အကောင့်ကို ပိတ်ထားသည်", r.ACCOUNT_DISABLED),
            ("550 ဒိုမိန်း ရှာမတွေ့ပါ", r.HOST_UNKNOWN),
            # lo (ໝ also written ຫມ)
            ("550 ບໍ່ພົບຜູ້ຮັບ", r.USER_UNKNOWN),
            ("552 ກ່ອງຈົດຫມາຍເຕັມ", r.MAILBOX_FULL),
            ("550 ບັນຊີນີ້ຖືກປິດໃຊ້ງານແລ້ວ", r.ACCOUNT_DISABLED),
            ("550 ບໍ່ພົບໂດເມນ", r.HOST_UNKNOWN),
            # mn
            ("550 Хаяг олдсонгүй", r.USER_UNKNOWN),
            ("550 Хүлээн авагч байхгүй байна", r.USER_UNKNOWN),
            ("552 Шуудангийн хайрцаг дүүрсэн байна", r.MAILBOX_FULL),
            ("550 Бүртгэл хаагдсан", r.ACCOUNT_DISABLED),
            ("550 Домэйн олдсонгүй", r.HOST_UNKNOWN),
            # zu: the negative agrees with its noun
            ("550 Ikheli alitholakalanga", r.USER_UNKNOWN),
            ("550 I-akhawunti ye-imeyili ozame ukufinyelela kuyo ayikho", r.USER_UNKNOWN),
            ("552 Ibhokisi leposi ligcwele", r.MAILBOX_FULL),
            ("550 I-akhawunti ivaliwe", r.ACCOUNT_DISABLED),
            ("550 Isizinda asitholakalanga", r.HOST_UNKNOWN),
        ]
    )


@pytest.mark.parametrize(
    "text",
    [
        # an account closed for a while is no disabled account
        "550 គណនីនេះត្រូវបានបិទជាបណ្ដោះអាសន្ន",
        "550 ບັນຊີນີ້ຖືກປິດຊົ່ວຄາວ",
        # "no room" in the mailbox names no missing user
        "552 စာတိုက်ပုံးတွင် နေရာ မရှိပါ",
        # the sender's address or domain not found: a refusal of the sender
        "550 Илгээгчийн хаяг олдсонгүй",
        "550 Илгээгчийн домэйн олдсонгүй",
        "550 යවන්නාගේ ලිපිනය හමු නොවීය",
        "550 រកមិនឃើញអាសយដ្ឋានអ្នកផ្ញើ",
        "550 ບໍ່ພົບທີ່ຢູ່ຂອງຜູ້ສົ່ງ",
        "550 ပေးပို့သူ၏ လိပ်စာ ရှာမတွေ့ပါ",
    ],
)
def test_temporary_closing_no_room_and_the_sender_are_not_hard(text: str) -> None:
    check_not_gone(text)
