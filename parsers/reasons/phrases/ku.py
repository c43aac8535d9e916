"""Kurdish phrase families (data only): what servers and webmail answering in Kurdish say, in
Kurmanji (Latin letters, Turkey and Syria) and Sorani (Arabic script, Iraq and Iran): localised
notices and Kurdistan's hosts.

Kurmanji puts the verb last: "nehat dîtin" (was not found), "tune ye" (there is none), "tije ye"
(is full), "hatiye girtin" (has been closed); its accents (ê î û ç ş) are folded before the search.
Sorani: "نەدۆزرایەوە" (was not found), "بوونی نییە" (does not exist), "پڕە" (is full), "ناچالاک
کراوە" (has been disabled).
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

# Kurmanji "was not found", "there is none"; Sorani "was not found", "does not exist"
_NOT_FOUND = r"(?:nehat(?:iye)? dîtin|tune ?ye\b|tune\b)"
_SORANI_NOT_FOUND = "(?:نەدۆزرایەوە|بوونی نییە)"
_SORANI_TEMPORARY = "(?:بە کاتی|کاتییانە)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # the recipient, the user, the (e-mail) address, the account
        r"\b(?:wergir|bikarhêner|navnîşan|hesab)\w{0,3} (?:e-?name\w{0,3} )?" + _NOT_FOUND,
        "(?:ناونیشان|بەکارهێنەر|وەرگر|هەژمار)[^.\\n]{0,25}?" + _SORANI_NOT_FOUND,
    ),
    MAILBOX_FULL: (
        r"qutiya (?:e-?name|poste)\w{0,3} (?:tijî|tije)",
        "سندو?وقی (?:پۆستە|ئیمەیڵ)[^.\\n]{0,10}?پڕ",
    ),
    # "temporarily closed / stopped / blocked / disabled": a pause that ends
    SUSPEND: (
        r"demkî (?:hatiye|hat) (?:girtin|rawestandin|astengkirin|neçalakkirin)",
        _SORANI_TEMPORARY + "[^.\\n]{0,15}?(?:ناچالاک|داخراو|ڕاگیراو)",
    ),
    # "the account has been closed / disabled / deleted" (right after the noun, or not after
    # "temporarily": the suspension above)
    ACCOUNT_DISABLED: (
        r"\bhesab\w{0,3} (?:bi domdarî )?(?:hatiye|hat) (?:girtin|neçalakkirin|jêbirin|rakirin)",
        "هەژمار(?:(?!" + _SORANI_TEMPORARY + ")[^.\\n]){0,15}?(?:ناچالاک کراوە|داخراوە|سڕاوەتەوە)",
    ),
    HOST_UNKNOWN: (
        r"\b(?:domain|domên|domeyn)\w{0,3} " + _NOT_FOUND,
        "دۆمەین[^.\\n]{0,10}?" + _SORANI_NOT_FOUND,
    ),
    # "marked / recognised / rejected as spam"
    SPAM_DETECTED: (r"\b(?:wekî|weke) spam[^.\n]{0,30}?(?:nîşan|nas|red)", "(?:وەک|وەکو) سپام"),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # the sender's own ("şandyar", "نێرەر", the sender): a refusal of the sender
    USER_UNKNOWN: (r"\bşandyar", "نێرەر"),
    HOST_UNKNOWN: (r"\bşandyar", "نێرەر"),
}
