"""Kyrgyz phrase families (data only): what servers and relays answering in Kyrgyz say (localised
Exchange/Outlook and Gmail notices, Kyrgyz hosts; most Kyrgyz ISPs answer in Russian, which ru.py
reads).

Kyrgyz is written in Cyrillic with ң ө ү, and its words are not Kazakh's (kk.py): "табылган жок"
(was not found), "жок" (there is none), "өчүрүлгөн" / "жабылган" (disabled, closed). The verb comes
last and the nouns take case suffixes, so they are written as stems.
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# "was not found", "there is none" (right after the noun: "жок" ends many other sentences,
# "орун жок", no room)
_NOT_FOUND = r"(?:табылган жок|жок)\b"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # the recipient, the user, the address, the account
        # (not the sender's address: a refusal of the sender, never the recipient gone)
        r"(?:алуучу|колдонуучу|(?<!жөнөтүүчүнүн )(?:дарег|дарек)|аккаунт)\w{0,6} " + _NOT_FOUND,
    ),
    ACCOUNT_DISABLED: (
        # disabled, closed (right after the noun: "убактылуу", temporarily, between is a pause)
        r"аккаунт\w{0,6} ?(?:өчүрүлгөн|жабылган)",
    ),
    # the (mail)box is full
    MAILBOX_FULL: (r"кутус\w{0,4} толу",),
    HOST_UNKNOWN: (r"домен\w{0,4} " + _NOT_FOUND,),
}
