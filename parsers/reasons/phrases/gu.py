"""Gujarati phrase families (data only): what servers and webmail answering in Gujarati say
(localised Exchange/Outlook and Gmail notices, Indian hosts' own replies).

Gujarati puts the verb last: "અસ્તિત્વમાં નથી" (does not exist), "મળ્યો નથી" / "મળ્યું નથી" (was not
found, by the noun's gender), "ભરાઈ ગયું" / "ભરેલું છે" (is full), "અક્ષમ કરવામાં આવ્યું છે" (has been
disabled). "ઇમેઇલ" is also written "ઈમેલ" or "ઇમેલ".
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

_EMAIL = r"(?:ઇમેઇલ|ઈમેલ|ઇમેલ|ઈ-મેલ)"
# the recipient, the user, the (e-mail) address, the account
_WHO = r"(?:પ્રાપ્તકર્તા|વપરાશકર્તા|(?:" + _EMAIL + r" )?સરનામું|ખાતું)"
# "does not exist", "was not found"
_NOT_FOUND = r"(?:અસ્તિત્વમાં નથી|મળ્યો નથી|મળ્યું નથી|મળી નથી)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        _WHO + " " + _NOT_FOUND,
        # "there is no such user"
        r"આવો કોઈ (?:વપરાશકર્તા|પ્રાપ્તકર્તા) નથી",
    ),
    MAILBOX_FULL: (r"મેઇલ ?બ(?:ો|ૉ)ક્સ[^\n.]{0,20}?ભર(?:ાઈ|ેલ)", r"ક્વોટા[^\n.]{0,10}?ઓળંગ"),
    # "temporarily disabled / suspended / blocked": a pause that ends
    SUSPEND: (r"(?:અસ્થાયી રૂપે|હંગામી ધોરણે) (?:અક્ષમ|સસ્પેન્ડ|બંધ|અવરોધિત)",),
    # "the account has been disabled / closed / deleted" (right after the noun: "temporarily"
    # between is the suspension above)
    ACCOUNT_DISABLED: (r"ખાતું (?:કાયમ માટે )?(?:અક્ષમ|બંધ|નિષ્ક્રિય|કાઢી નાખવામાં) (?:કરવામાં )?આવ્યું",),
    HOST_UNKNOWN: (r"ડોમેન " + _NOT_FOUND,),
    # "identified / marked / rejected as spam"
    SPAM_DETECTED: (r"સ્પામ તરીકે[^\n.]{0,30}?(?:ઓળખ|ચિહ્નિત|નકાર)",),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # the sender's own address or domain ("પ્રેષકનું", the sender's): a refusal of the sender
    USER_UNKNOWN: (r"પ્રેષકનું (?:" + _EMAIL + r" )?સરનામું " + _NOT_FOUND,),
    HOST_UNKNOWN: (r"પ્રેષકનું ડોમેન",),
}
