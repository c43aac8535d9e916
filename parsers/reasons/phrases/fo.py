"""Faroese phrase families (data only): what servers and webmail answering in Faroese say (the
Faroe Islands' ISPs' own notices, the localised webmail reports).

Patterns are searched in the lower-cased, accent-folded diagnostic (parsers.reasons.families):
written without diacritics ("móttakarin" is read as "mottakarin", "ø" as "o"). Faroese closes with
"ikki" (not) after the verb ("Móttakarin finst ikki": the recipient does not exist).
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

_WHO = r"(?:brukar|mottakar|teldupostadress|adress|postkass|konta)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # "Móttakarin finst ikki", "teldupostadressan finst ikki", "brúkarin varð ikki funnin"
        _WHO + r"\w{0,3} (?:finst ikki|varð ikki funnin|vard ikki funnin)",
        # "ókendur móttakari" (unknown recipient)
        r"okend(?:ur|an) (?:brukar|mottakar|adress)",
    ),
    MAILBOX_FULL: (
        # "Postkassin hjá móttakaranum er fullur" (the recipient's mailbox is full)
        r"(?:postkass|teldupostkass)\w{0,3}(?: hja \w{1,30})? er full(?:ur)?\b",
    ),
    ACCOUNT_DISABLED: (
        # "kontan er latin aftur" (the account is closed), "er strikað" (deleted)
        r"(?:konta|postkass|teldupostadress|adress)\w{0,3} (?:er|varð|vard) (?:latin aftur|strika)",
    ),
    HOST_UNKNOWN: (
        # "Økisnavnið finst ikki / varð ikki funnið" (the domain name does not exist, was not found)
        r"(?:okisnavn|domen)\w{0,3} (?:finst ikki|varð ikki funnið|vard ikki funnid)",
    ),
}
