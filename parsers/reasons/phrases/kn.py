"""Kannada phrase families (data only): what servers and webmail answering in Kannada say
(localised Exchange/Outlook and Gmail notices, Indian hosts' own replies).

Kannada puts the verb last: "ಅಸ್ತಿತ್ವದಲ್ಲಿಲ್ಲ" (does not exist), "ಕಂಡುಬಂದಿಲ್ಲ" (was not found),
"ತುಂಬಿದೆ" (is full), "ನಿಷ್ಕ್ರಿಯಗೊಳಿಸಲಾಗಿದೆ" (has been disabled), with the object in its accusative
("ಖಾತೆಯನ್ನು", the account). "ಮೇಲ್‌ಬಾಕ್ಸ್" is written with a zero-width non-joiner, a space or
neither.
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

# the recipient (or its address), the user, the (e-mail) address, the account
_WHO = r"(?:ಸ್ವೀಕರಿಸುವವರು|ಸ್ವೀಕರಿಸುವವರ (?:ಇಮೇಲ್ )?ವಿಳಾಸ|ಬಳಕೆದಾರರು|ಬಳಕೆದಾರ|(?:ಇಮೇಲ್ )?ವಿಳಾಸ|ಖಾತೆ)"
# "does not exist", "was not found"
_NOT_FOUND = r"(?:ಅಸ್ತಿತ್ವದಲ್ಲಿಲ್ಲ|ಕಂಡುಬಂದಿಲ್ಲ|ಪತ್ತೆಯಾಗಿಲ್ಲ)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (_WHO + " " + _NOT_FOUND,),
    MAILBOX_FULL: (r"ಮೇಲ್[\u200c ]?ಬಾಕ್ಸ್[^\n.]{0,20}?ತುಂಬಿ", r"ಕೋಟಾ[^\n.]{0,10}?ಮೀರಿ"),
    # "temporarily disabled / suspended / blocked": a pause that ends
    SUSPEND: (r"ತಾತ್ಕಾಲಿಕವಾಗಿ (?:ನಿಷ್ಕ್ರಿಯಗೊಳಿಸ|ಅಮಾನತುಗೊಳಿಸ|ನಿರ್ಬಂಧಿಸ)",),
    ACCOUNT_DISABLED: (
        # "the account has been disabled / deleted / closed" (right after the noun: "ತಾತ್ಕಾಲಿಕವಾಗಿ"
        # between is the suspension above)
        r"ಖಾತೆಯನ್ನು (?:ಶಾಶ್ವತವಾಗಿ )?(?:ನಿಷ್ಕ್ರಿಯಗೊಳಿಸಲಾಗಿದೆ|ಅಳಿಸಲಾಗಿದೆ|ಮುಚ್ಚಲಾಗಿದೆ)",
        r"ಖಾತೆ (?:ನಿಷ್ಕ್ರಿಯವಾಗಿದೆ|ಅಳಿಸಲಾಗಿದೆ)",
    ),
    HOST_UNKNOWN: (r"ಡೊಮೇನ್ " + _NOT_FOUND,),
    # "identified / detected / rejected as spam"
    SPAM_DETECTED: (r"ಸ್ಪ್ಯಾಮ್ ಎಂದು[^\n.]{0,30}?(?:ಗುರುತಿಸ|ಪತ್ತೆ|ತಿರಸ್ಕರಿಸ)",),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # the sender's own address or domain ("ಕಳುಹಿಸುವವರ", the sender's): a refusal of the sender
    USER_UNKNOWN: (r"ಕಳುಹಿಸುವವರ (?:ಇಮೇಲ್ )?ವಿಳಾಸ " + _NOT_FOUND,),
    HOST_UNKNOWN: (r"ಕಳುಹಿಸುವವರ ಡೊಮೇನ್",),
}
