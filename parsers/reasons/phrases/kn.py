"""Kannada phrase families (data only): what servers and webmail answering in Kannada say
(localised Exchange/Outlook and Gmail notices, Indian hosts' own replies).

Kannada puts the verb last: "ಅಸ್ತಿತ್ವದಲ್ಲಿಲ್ಲ" (does not exist), "ಕಂಡುಬಂದಿಲ್ಲ" (was not found),
"ನಿಷ್ಕ್ರಿಯಗೊಳಿಸಲಾಗಿದೆ" (has been disabled), the object in its accusative ("ಖಾತೆಯನ್ನು").
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# "does not exist", "was not found"
_NOT_FOUND = r"(?:ಅಸ್ತಿತ್ವದಲ್ಲಿಲ್ಲ|ಕಂಡುಬಂದಿಲ್ಲ)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # the recipient, the user, the address, the account
        # (not the sender's address: a refusal of the sender, never the recipient gone)
        r"(?:ಸ್ವೀಕರಿಸುವವರು|ಬಳಕೆದಾರ(?:ರು)?|(?<!ಕಳುಹಿಸುವವರ )ವಿಳಾಸ|ಖಾತೆ) " + _NOT_FOUND,
    ),
    ACCOUNT_DISABLED: (
        # disabled, deleted, closed (right after the noun: "ತಾತ್ಕಾಲಿಕವಾಗಿ", temporarily, between is a pause)
        r"ಖಾತೆಯನ್ನು ?(?:ನಿಷ್ಕ್ರಿಯಗೊಳಿಸಲಾಗಿದೆ|ಅಳಿಸಲಾಗಿದೆ|ಮುಚ್ಚಲಾಗಿದೆ)",
    ),
    # the (mail)box is full
    MAILBOX_FULL: (r"ಬಾಕ್ಸ್ ತುಂಬಿ",),
    HOST_UNKNOWN: (r"ಡೊಮೇನ್ ?" + _NOT_FOUND,),
}
