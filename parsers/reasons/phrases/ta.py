"""Tamil phrase families (data only): what servers and webmail answering in Tamil say (Gmail's and
Outlook's localized reports, Tamil Nadu, Sri Lankan and Singaporean hosting).

Tamil has no case and no accents to fold; it puts the verb last and joins case endings to the noun
("முகவரி கிடைக்கவில்லை": the address was not found; "முகவரியைக் கண்டுபிடிக்க முடியவில்லை": could not
find the address).
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# "was not found", "could not be found"
_NOT_FOUND = r"(?:கிடைக்கவில்லை|கண்டுபிடிக்க முடியவில்லை|கண்டறிய முடியவில்லை)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # Gmail: "முகவரி கிடைக்கவில்லை அல்லது அஞ்சலைப் பெற முடியவில்லை என்பதால்"
        r"(?:மின்னஞ்சல் )?முகவரி(?:யைக்?)? (?:" + _NOT_FOUND + r"|தவறானது|இல்லை)",
        r"(?:பெறுநர்|பயனர்)(?:ைக்?)? (?:" + _NOT_FOUND + r"|இல்லை)",
    ),
    MAILBOX_FULL: (r"(?:அஞ்சல் ?பெட்டி|இன்பாக்ஸ்|மெயில்பாக்ஸ்) நிரம்பி",),
    ACCOUNT_DISABLED: (r"கணக்கு (?:முடக்கப்பட்ட|நீக்கப்பட்ட|மூடப்பட்ட)",),
    HOST_UNKNOWN: (r"(?:டொமைன்|டொமைனைக்?) (?:" + _NOT_FOUND + r"|இல்லை)",),
}

# Exceptions to this language's families (the counterparts of English's): a domain "not found" that
# says to try again later says nothing about the domain (a network error, soft)
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    HOST_UNKNOWN: (r"(?:பின்னர்|பிறகு) மீண்டும் முயற்சி",),
}
