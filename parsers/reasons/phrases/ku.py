"""Kurdish phrase families (data only): what servers and webmail answering in Kurdish say, in
Kurmanji (Latin letters; its accents ê î û ç ş folded before the search) and Sorani (Arabic script):
localised notices and Kurdistan's hosts.

Kurmanji puts the verb last: "nehat dîtin" (was not found), "tune ye" (there is none), "hatiye
girtin" (has been closed). Sorani: "نەدۆزرایەوە" (was not found), "بوونی نییە" (does not exist),
"ناچالاک کراوە" (has been disabled).
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# Kurmanji "was not found", "there is none"; Sorani "was not found", "does not exist"
_NOT_FOUND = r"(?:nehat dîtin|tune ?ye\b)"
_SORANI_NOT_FOUND = "(?:نەدۆزرایەوە|بوونی نییە)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # the recipient, the user, the address (of the e-mail), the account
        # (not the sender's address: a refusal of the sender, never the recipient gone)
        r"\b(?:wergir|bikarhêner|navnîşan|hesab)\w{0,3} (?:e-?name\w{0,3} )?" + _NOT_FOUND,
        "(?:ناونیشان|بەکارهێنەر|وەرگر|هەژمار)(?:(?!نێرەر)[^.\\n]){0,25}?" + _SORANI_NOT_FOUND,
    ),
    ACCOUNT_DISABLED: (
        # closed, disabled, deleted (right after the noun: "demkî", temporarily, between is a pause;
        # Sorani: not after "بە کاتی")
        r"\bhesab\w{0,3} (?:hatiye|hat) (?:girtin|neçalakkirin|jêbirin)",
        "هەژمار(?:(?!کاتی)[^.\\n]){0,15}?(?:ناچالاک کراوە|داخراوە|سڕاوەتەوە)",
    ),
    # the (mail)box is full
    MAILBOX_FULL: (r"qutiya (?:e-?name|poste)\w{0,3} tij",),
    HOST_UNKNOWN: (r"\b(?:domain|domên)\w{0,3} " + _NOT_FOUND,),
}
