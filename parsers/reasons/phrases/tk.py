"""Turkmen phrase families (data only): what servers and relays answering in Turkmen say
(localised notices, Turkmen hosts; many answer in Russian, which ru.py reads).

Turkmen is written in Latin letters (ä ç ž ň ö ş ü ý, folded to their base letters before the
search); the verb comes last: "tapylmady" (was not found), "ýok" (there is none), "doly" (full),
"ýapyldy" / "öçürildi" (closed, disabled); its words are not Turkish's (tr.py).
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

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # the recipient, the user, the address, the account "was not found" / "there is none"
        # ("ýok" right after the noun: "gutusynda ýer ýok", no room in the box, is none of these)
        r"\b(?:alyjy|ulanyjy|salgy|hasap)\w{0,6} (?:tapylmady|ýok)\b",
        r"(?:näbelli|nädogry) (?:alyjy|ulanyjy|salgy)",
    ),
    MAILBOX_FULL: (r"gutusy\w{0,4} (?:doly|doldy|dolupdyr)", r"kwota\w{0,4} (?:aşdy|doldy)"),
    # "temporarily closed / blocked / stopped / disabled": a pause that ends
    SUSPEND: (r"wagtlaýyn (?:ýapyldy|bloklandy|togtadyldy|öçürildi)",),
    # "the account has been closed / disabled / deleted" (right after the noun: "wagtlaýyn" between
    # is the suspension above)
    ACCOUNT_DISABLED: (
        r"\bhasap\w{0,6} (?:hemişelik )?(?:ýapyldy|ýapylan|öçürildi|öçürilen|pozuldy|pozulan)",
    ),
    HOST_UNKNOWN: (r"\bdomen\w{0,4} (?:tapylmady|ýok)\b",),
    # "identified / marked / rejected as spam"
    SPAM_DETECTED: (r"spam hökmünde[^.\n]{0,30}?(?:kesgitlendi|bellendi|ret edildi|tanaldy)",),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # the sender's own address or domain ("iberiji", the sender): a refusal of the sender
    USER_UNKNOWN: (r"iberiji\w{0,6} (?:salgy|hasap)",),
    HOST_UNKNOWN: (r"iberiji\w{0,6} domen",),
}
