"""Amharic phrase families (data only): what servers and webmail answering in Amharic say (Gmail's
and Outlook's localized reports, Ethiopian hosting).

Ge'ez script has no case and no accents to fold; "message" is spelled "መልዕክት" and "መልእክት" alike,
so that letter is a class. The verb comes last and carries the negation ("አድራሻው አልተገኘም": the
address was not found; Gmail's "አድራሻው ስላልተገኘ": because the address was not found).
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# "was not found" (also as a cause: "because ... was not found"), "does not exist"
_NOT_FOUND = r"(?:አልተገኘም|ስላልተገኘ|የለም)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        r"(?:የኢሜይል )?አድራሻ(?:ው)? " + _NOT_FOUND,
        r"(?:ተቀባዩ|ተጠቃሚው) " + _NOT_FOUND,
        # "the user name was not found"
        r"የተጠቃሚ ስም(?:ዎ|ው)? " + _NOT_FOUND,
    ),
    # (the box, "ሳጥን"; "its box" fuses the ending into the last syllable, "ሳጥኑ"; "your box" adds
    # one, "ሳጥንዎ")
    MAILBOX_FULL: (r"(?:የመል(?:ዕ|እ)ክት )?ሳጥ(?:ንዎ|ኑ|ን) (?:ሞልቷል|ሙሉ ነው)",),
    ACCOUNT_DISABLED: (r"መለያ(?:ው)? (?:ተሰናክሏል|ተዘግቷል|ተሰርዟል)",),
    HOST_UNKNOWN: (r"ጎራ(?:ው)? " + _NOT_FOUND,),
}

# Exceptions to this language's families (the counterparts of English's): a domain "not found" that
# says to try again later says nothing about the domain (a network error, soft)
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    HOST_UNKNOWN: (r"(?:ቆይተው|በኋላ) እንደገና ይሞክሩ",),
}
