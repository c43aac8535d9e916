"""Gujarati phrase families (data only): what servers and webmail answering in Gujarati say
(localised Exchange/Outlook and Gmail notices, Indian hosts' own replies).

Gujarati puts the verb last: "અસ્તિત્વમાં નથી" (does not exist), "મળ્યો નથી" / "મળ્યું નથી" (was not
found, by the noun's gender), "અક્ષમ કરવામાં આવ્યું" (has been disabled).
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# "does not exist", "was not found"
_NOT_FOUND = r"(?:અસ્તિત્વમાં નથી|મળ્(?:યો|યું) નથી)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # the recipient, the user, the address, the account
        # (not the sender's address: a refusal of the sender, never the recipient gone)
        r"(?:પ્રાપ્તકર્તા|વપરાશકર્તા|(?<!પ્રેષકનું )સરનામું|ખાતું) " + _NOT_FOUND,
    ),
    ACCOUNT_DISABLED: (
        # disabled, closed, deleted (right after the noun: "temporarily" between is a pause)
        r"ખાતું (?:અક્ષમ|બંધ|કાઢી નાખવામાં) (?:કરવામાં )?આવ્યું",
    ),
    # the (mail)box is full
    MAILBOX_FULL: (r"બ(?:ો|ૉ)ક્સ ભર",),
    HOST_UNKNOWN: (r"ડોમેન ?" + _NOT_FOUND,),
}
