"""Maltese phrase families (data only): what servers and webmail answering in Maltese say (Malta's
ISPs' own notices, localised Exchange and webmail reports).

Patterns are searched in the lower-cased, accent-folded diagnostic (parsers.reasons.families):
written without dots, bars and grave accents ("jeżistix" is read as "jezistix", "riċevitur" as
"ricevitur", "magħruf" as "maghruf"). Maltese negates around the verb ("ma jeżistix": does
not exist) and puts the article before the noun with a hyphen ("l-indirizz", "il-kont").
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# the address, user or recipient, with its article ("l-indirizz", "l-utent", "ir-ricevitur")
_WHO = r"(?:l-indirizz(?: tal-email| elettroniku)?|l-utent|ir-ricevitur|id-destinatarju)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # "L-indirizz ma jeżistix" (the address does not exist), "L-utent ma nstabx" (was not
        # found), "ma ġiex misjub"
        _WHO + r" (?:ma jezistix|ma nstabx|ma giex misjub|mhux maghruf)",
        # "utent mhux magħruf" (unknown user), "indirizz mhux validu" (invalid address)
        r"(?:utent|ricevitur|destinatarju|indirizz) (?:mhux maghruf|mhux validu|invalidu)",
    ),
    MAILBOX_FULL: (
        # "Il-kaxxa postali tar-riċevitur hija mimlija" (the recipient's mailbox is full)
        r"il-kaxxa (?:postali|tal-posta|tal-ittri)(?: tar-ricevitur| tal-utent)? (?:hija )?mimlija",
        r"(?:qabez|qabzet) il-kwota",
    ),
    ACCOUNT_DISABLED: (
        # "Il-kont ġie diżattivat / magħluq / imħassar" (the account was disabled, closed, deleted)
        r"(?:il-kont|il-kaxxa postali|l-indirizz)(?: tal-email)? (?:gie |kien |huwa |hu )?"
        r"(?:dizattivat|maghluq|i?mhassar|sospiz permanentement)",
    ),
    HOST_UNKNOWN: (
        # "Id-dominju ma jeżistix" (the domain does not exist), "dominju mhux magħruf"
        r"id-dominju(?: tar-ricevitur)? (?:ma jezistix|ma nstabx|mhux maghruf)",
        r"dominju mhux maghruf",
    ),
}
