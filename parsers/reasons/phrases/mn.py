"""Mongolian phrase families (data only): what servers and webmail answering in Mongolian say
(Gmail's and Outlook's localized reports, Mongolian ISPs' and hosts' own replies).

Mongolian (Cyrillic) puts the verb last: "олдсонгүй" (was not found), "байхгүй байна" (there is
none), "дүүрсэн" (filled), "идэвхгүй болсон" (became inactive), "хаагдсан" (was closed)
("Хаяг олдсонгүй": address not found).
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# "was not found", "is not found", "there is none"
_NOT_FOUND = r"(?:олдсонгүй|олдохгүй байна|байхгүй байна)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # the address, the recipient, the user or the account ("хаяг олдсонгүй"); not the
        # sender's ("илгээгчийн хаяг олдсонгүй": a refusal of the sender)
        r"(?:хаяг(?<!илгээгчийн хаяг)|хүлээн авагч|хэрэглэгч|бүртгэл)(?: нь)? " + _NOT_FOUND,
    ),
    # the mailbox is full ("шуудангийн хайрцаг дүүрсэн")
    MAILBOX_FULL: (r"(?:шуудангийн|имэйлийн|ирсэн захидлын) хайрцаг(?: нь)? дүүр(?:сэн|эн)",),
    ACCOUNT_DISABLED: (
        # the account became inactive, was closed or deleted ("бүртгэл идэвхгүй болсон")
        r"бүртгэл(?: нь)? (?:идэвхгүй болсон|идэвхгүй болгосон|хаагдсан|устгагдсан)",
    ),
    HOST_UNKNOWN: (r"(?:домэйн|домайн|домен)(?<!илгээгчийн домэйн)(?: нь)? " + _NOT_FOUND,),
}
