"""Macedonian phrase families (data only): what Macedonian servers and relays (Makedonski Telekom,
A1, localized Exchange/Outlook reports) say. Macedonian writes the article as a suffix
("корисникот", the user; "сандачето", the mailbox) and its verbs differ from Serbian's and
Bulgarian's ("не постои", does not exist).

Patterns are searched in the lower-cased diagnostic.
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

_WHOSE = r"(?: на (?:примачот|корисникот))?"

# The recipient's domain unknown: the domain is gone (host_unknown), not a user inside it.
_RECIPIENTS_DOMAIN_GONE: Final = r"доменот на примачот (?:не постои|не е пронајден)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        r"(?:корисникот|примачот|адресата|е-?адресата|адресата на е-пошта|сандачето|сметката)"
        + _WHOSE
        + r" (?:не постои|не е пронајден[ао]?|не е најден[ао]?|е непознат[ао]?)",
        r"(?:непознат|непостоечки)[ао]? (?:корисник|примач|адреса)",
        r"нема таков (?:корисник|примач)",
    ),
    MAILBOX_FULL: (
        r"сандаче(?:то)?" + _WHOSE + r" е (?:полно|преполнето|пополнето)",
        r"(?:квотата|просторот)" + _WHOSE + r" е (?:надмин|пополн)",
    ),
    SUSPEND: (r"привремено (?:блокиран|суспендиран|деактивиран|оневозможен|недостапн)[аои]?",),
    ACCOUNT_DISABLED: (
        r"(?:сметката|корисничката сметка|сандачето|адресата)"
        + _WHOSE
        + r" (?:е |беше )?(?:деактивиран|избришан"
        r"|затворен|укинат|оневозможен|исклучен)[аои]?",
    ),
    HOST_UNKNOWN: (r"доменот не постои", _RECIPIENTS_DOMAIN_GONE, r"(?:непостоечки|непознат) домен"),
    SPAM_DETECTED: (r"(?:одбиен|означен|препознаен|класифициран)[аои]? како спам",),
}

UNLESS: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (_RECIPIENTS_DOMAIN_GONE,),
    # the sender's domain is a refusal of the sender; "try again later": soft (a temporary error,
    # "привремена грешка", is written as in Serbian: sr.py's)
    HOST_UNKNOWN: (r"доменот на испраќачот", r"обидете се (?:повторно )?подоцна"),
}
