"""Kyrgyz phrase families (data only): what servers and relays answering in Kyrgyz say (localised
Exchange/Outlook and Gmail notices, Kyrgyz hosts; most Kyrgyz ISPs answer in Russian, which ru.py
reads).

Kyrgyz is written in Cyrillic with ң ө ү; its words are not Kazakh's (kk.py: "табылмады",
"жоқ"): "табылган жок" (was not found), "жок" (there is none), "толуп калды" (is full), "өчүрүлгөн"
(disabled). The verb comes last and the nouns take case suffixes, so they are written as stems.
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

# recipient, user, address, mailbox, account: stems that take the case suffixes
_WHO = r"(?:алуучу|колдонуучу|дарег|дарек|почта кутус|аккаунт|каттоо эсеб)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # "... табылган жок" / "табылбады" (was not found); "жок" (there is none) right after the
        # noun ("жок" ends many other sentences: "орун жок", no room)
        _WHO + r"\w{0,6} (?:табылган жок|табылбады|жок)\b",
    ),
    MAILBOX_FULL: (r"кутус\w{0,4} (?:толук|толуп калды|толгон)", r"квота\w{0,4} (?:ашып|ашылды|толду)"),
    # "temporarily blocked / stopped / disabled": a pause that ends
    SUSPEND: (r"убактылуу (?:бөгөттөлгөн|токтотулган|өчүрүлгөн)",),
    # "the account has been disabled / closed / deleted" (right after the noun: "убактылуу" between
    # is the suspension above)
    ACCOUNT_DISABLED: (
        r"(?:аккаунт|каттоо эсеб|почта кутус)\w{0,6} (?:биротоло )?(?:өчүрүлгөн|өчүрүлдү|жабылган|жабылды|жок кылынган)",
    ),
    HOST_UNKNOWN: (r"домен\w{0,4} (?:табылган жок|табылбады|жок)\b",),
    # "detected / marked / rejected as spam"
    SPAM_DETECTED: (r"спам катары[^.\n]{0,30}?(?:аныкталды|белгиленди|четке кагылды|табылды)",),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # the sender's own address or domain ("жөнөтүүчү", the sender): a refusal of the sender
    USER_UNKNOWN: (r"жөнөтүүчү\w{0,6} (?:дарег|дарек|аккаунт)",),
    HOST_UNKNOWN: (r"жөнөтүүчү",),
}
