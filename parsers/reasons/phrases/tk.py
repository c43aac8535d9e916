"""Turkmen phrase families (data only): what servers and relays answering in Turkmen say
(localised notices, Turkmen hosts; many answer in Russian, which ru.py reads).

Turkmen is written in Latin letters (ä ç ž ň ö ş ü ý, folded to their base letters before the
search), and its words are not Turkish's (tr.py): "tapylmady" (was not found), "ýok" (there is
none), "ýapyldy" / "öçürildi" (closed, disabled); the verb comes last.
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# "was not found", "there is none" (right after the noun: "gutusynda ýer ýok", no room in the
# box, is none of these)
_NOT_FOUND = r"(?:tapylmady|ýok)\b"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # the recipient, the user, the address, the account
        # (not the sender's address: a refusal of the sender, never the recipient gone)
        r"\b(?:alyjy|ulanyjy|(?<!iberijiniň )salgy|hasap)\w{0,6} " + _NOT_FOUND,
    ),
    ACCOUNT_DISABLED: (
        # closed, disabled, deleted (right after the noun: "wagtlaýyn", temporarily, between is a pause)
        r"\bhasap\w{0,6} (?:ýapyldy|öçürildi|pozuldy)",
    ),
    # the (mail)box is full
    MAILBOX_FULL: (r"gutusy\w{0,4} dol",),
    HOST_UNKNOWN: (r"\bdomen\w{0,4} " + _NOT_FOUND,),
}
