"""Telugu phrase families (data only): what servers and webmail answering in Telugu say (localised
Exchange/Outlook and Gmail notices, Indian hosts' own replies).

Telugu puts the verb last: "గ్రహీత కనుగొనబడలేదు" (the recipient was not found), "... ఉనికిలో లేదు"
(does not exist), "ఖాతా నిలిపివేయబడింది" (the account has been disabled).
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# "was not found", "does not exist"
_NOT_FOUND = r"(?:కనుగొనబడలేదు|ఉనికిలో లేదు)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # the recipient, the address, the user, the account
        # (not the sender's address: a refusal of the sender, never the recipient gone)
        r"(?:గ్రహీత|(?<!పంపినవారి )చిరునామా|వినియోగదారు|ఖాతా) " + _NOT_FOUND,
    ),
    ACCOUNT_DISABLED: (
        # disabled, deleted (right after the noun: "తాత్కాలికంగా", temporarily, between is a pause)
        r"ఖాతా ?(?:నిలిపివేయబడింది|తొలగించబడింది)",
    ),
    # the (mail)box is full
    MAILBOX_FULL: (r"బాక్స్ నిండ",),
    HOST_UNKNOWN: (r"డొమైన్ ?" + _NOT_FOUND,),
}
