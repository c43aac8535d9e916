"""Telugu phrase families (data only): what servers and webmail answering in Telugu say (localised
Exchange/Outlook and Gmail notices, Indian hosts' own replies).

Telugu puts the verb last ("గ్రహీత కనుగొనబడలేదు": the recipient was not found; "... ఉనికిలో లేదు":
does not exist; "... నిండింది": is full). "మెయిల్‌బాక్స్" is written with a zero-width non-joiner,
a space or neither.
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

# the recipient, its (e-mail) address, the user, the account
_WHO = r"(?:గ్రహీత(?: ఇమెయిల్)?(?: చిరునామా)?|(?:ఇమెయిల్ )?చిరునామా|వినియోగదారు(?:డు)?|(?:ఇమెయిల్ )?ఖాతా)"
# "was not found", "does not exist"
_NOT_FOUND = r"(?:కనుగొనబడలేదు|ఉనికిలో లేదు)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        _WHO + " " + _NOT_FOUND,
        # "invalid / unknown recipient"
        r"(?:చెల్లని|తెలియని) (?:గ్రహీత|వినియోగదారు|ఇమెయిల్ చిరునామా)",
    ),
    MAILBOX_FULL: (
        r"(?:మెయిల్|ఇన్)[\u200c ]?బాక్స్[^\n.]{0,20}?నిండ",
        # "the storage quota was exceeded"
        r"(?:కోటా|నిల్వ పరిమితి)[^\n.]{0,10}?మించ",
    ),
    # "temporarily disabled / suspended / blocked": a pause that ends
    SUSPEND: (r"తాత్కాలికంగా (?:నిలిపివేయబడింది|సస్పెండ్ చేయబడింది|బ్లాక్ చేయబడింది)",),
    # "the account has been disabled / deleted / closed" (right after the noun: a "temporarily"
    # between is the suspension above)
    ACCOUNT_DISABLED: (r"ఖాతా (?:శాశ్వతంగా )?(?:నిలిపివేయబడింది|తొలగించబడింది|మూసివేయబడింది)",),
    HOST_UNKNOWN: (r"డొమైన్ " + _NOT_FOUND,),
    # "identified / rejected / classified as spam" ("స్పామ్‌గా", "స్పామ్ అని")
    SPAM_DETECTED: (r"స్పామ్[\u200c ]?(?:గా|అని)[^\n.]{0,30}?(?:గుర్తించ|తిరస్కరించ|వర్గీకరించ)",),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # the sender's own address or domain ("పంపినవారి", the sender's): a refusal of the sender
    USER_UNKNOWN: (r"పంపినవారి (?:ఇమెయిల్ )?చిరునామా " + _NOT_FOUND,),
    HOST_UNKNOWN: (r"పంపినవారి డొమైన్",),
}
