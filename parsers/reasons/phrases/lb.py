"""Luxembourgish phrase families (data only): what servers and webmail answering in Luxembourgish
say (POST Luxembourg's and local hosts' own notices).

Patterns are searched in the lower-cased, accent-folded diagnostic (parsers.reasons.families):
written without diacritics ("gëtt" is read as "gett", "Bréifkëscht" as "breifkescht"). Luxembourgish
negates after the verb ("Dëse Benotzer gëtt et net": this user does not exist; "existéiert net":
does not exist).
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

_WHO = r"(?:benotzer|empfanger|adress|e-?mail-?adress|postfach|breifkescht|kont)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # "Dëse Benotzer gëtt et net", "d'Adress existéiert net", "den Empfänger ass onbekannt",
        # "gouf net fonnt" (was not found)
        _WHO + r"(?:en)? (?:gett et net|existeiert net|ass onbekannt|gouf net fonnt)\b",
        r"onbekannte[rn]? (?:benotzer|empfanger|adress)",
    ),
    MAILBOX_FULL: (
        # "d'Bréifkëscht ass voll", "de Postfach vum Empfänger ass voll"
        r"(?:breifkescht|postfach|mailbox)(?: vum empfanger)? ass (?:voll|iwwerfelt)",
    ),
    ACCOUNT_DISABLED: (
        # "de Kont gouf zougemaach / desaktivéiert / geläscht" (closed, disabled, deleted)
        r"(?:kont|adress|breifkescht|postfach) (?:gouf|ass) (?:zougemaach|desaktiveiert|gelascht)",
    ),
    HOST_UNKNOWN: (
        # "den Domain gëtt et net / existéiert net" (the domain does not exist)
        r"(?:domain|doman)(?:e|en)? (?:gett et net|existeiert net|gouf net fonnt)\b",
    ),
}
