"""Croatian, Serbian and Bosnian phrase families (data only): what servers and relays answering in
them say (T-Com/HT, A1 Hrvatska, Telekom Srbija, SBB, BH Telecom, localized Exchange/Outlook reports,
Postfix and Exim templates of hosts there). Mail servers write the three alike in Latin script: one
module for it (Serbian written in Cyrillic is sr.py's).

Patterns are searched in the lower-cased, accent-folded diagnostic (parsers.reasons.families):
Latin-script words are written without diacritics ("sandučić" is read as "sanducic", "pronađen" as
"pronaden"), which also reads the unaccented spellings most servers send.
"""

from __future__ import annotations

from parsers.reasons.codes import (
    ACCOUNT_DISABLED,
    BLOCKED,
    HOST_UNKNOWN,
    MAILBOX_FULL,
    SPAM_DETECTED,
    SUSPEND,
    TOO_MANY_CONNECTIONS,
    USER_UNKNOWN,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# the mailbox, as Croatian (pretinac), Serbian and Bosnian (sanduče) servers call it
_BOX_NOUN = r"pretinac|sanducic|sanduce"
_BOX = r"(?:postanski |elektronicki )?(?:" + _BOX_NOUN + ")"
# the account or mailbox that is closed
_ACCOUNT = r"(?:racun|korisnicki racun|nalog|adresa|" + _BOX_NOUN + ")"
_NON_USE = r"(?:zbog|radi) (?:dugotrajne |duze )?(?:neaktivnosti|nekoristenja)"
_CLOSED = r"(?:deaktiviran|ugasen|zatvoren|obrisan|izbrisan|ukinut|onemogucen|blokiran|suspendiran)[aoi]?"
# whose account or mailbox: the recipient's, or the user's ("račun korisnika", "sandučić korisnika")
_OWNER = r"(?: primatelja| primaoca| korisnika)?"
# an account or mailbox blocked, locked or suspended ("Račun korisnika je blokiran", "Nalog je
# zaključan"): barred for now, as Danish "spærret" and German "gesperrt" say it (not an "adresa":
# the sender's or its IP's, "Vaša IP adresa je blokirana", is a block of the sender; nor "your"
# account, "Vaš račun", the sender's)
_BARRED = (
    r"(?<!vas )(?:racun|nalog|"
    + _BOX_NOUN
    + ")"
    + _OWNER
    + r" (?:je )?(?:blokiran|zakljucan|suspendiran|suspendovan)[aoi]?"
)

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        r"(?:korisnik|primatelj|primalac|adresa|e-?mail adresa|adresa e-poste|" + _BOX_NOUN + r")"
        r"(?: primatelja| primaoca)? (?:ne postoji|nije pronaden[a]?|nije naden[a]?|je nepoznat[a]?|nije poznat[a]?)",
        r"nepoznat[aio]? (?:korisnik|primatelj|primalac|adresa)",
        r"ne postoji (?:takav |takva )?(?:korisnik|primatelj|primalac|adresa)",
        r"nepostojec[aiu]? (?:korisnik|primatelj|primalac|adres)",
        # Exchange: "Adresa e-pošte koju ste unijeli nije pronađena."
        r"adres[au] e-poste koju ste (?:unijeli|uneli) nije (?:moguce )?(?:pronaden|pronaci)",
    ),
    MAILBOX_FULL: (
        _BOX + _OWNER + r" je (?:pun|prepun|popunjen)[aoi]?",
        r"(?:kvota|kapacitet|prostor) (?:je )?(?:prekoracen|premasen|popunjen|iskoristen)[aoi]?",
        r"(?:prekoracen|premasen)[aoi]? (?:kvota|kapacitet|prostor)",
    ),
    SUSPEND: (
        r"privremeno (?:blokiran|suspendiran|suspendovan|onemogucen|deaktiviran|nedostupn|zakljucan|zatvoren)[aoi]?",
        # (one blocked for non-use is closed: ACCOUNT_DISABLED, searched after this family; every
        # language's phrases are searched together, so Slovenian's same words, "Račun je blokiran
        # zaradi neaktivnosti", must not read as a pause here either)
        _BARRED + "(?! " + _NON_USE + "| zaradi (?:dolgotrajne )?(?:neaktivnosti|neuporabe))",
    ),
    ACCOUNT_DISABLED: (
        _ACCOUNT + _OWNER + r" (?:je )?(?:bio |bila )?"
        r"(?:deaktiviran|ugasen|zatvoren|obrisan|izbrisan|ukinut|onemogucen)[aoi]?",
        # blocked or closed for non-use: the address is gone, not paused
        _CLOSED + " " + _NON_USE,
    ),
    HOST_UNKNOWN: (
        r"(?:domena|domen)(?: primatelja| primaoca)? (?:ne postoji|nije pronaden[a]?|je nepoznat[a]?)",
        r"(?:nepoznat|nepostojec)[aiu]? domen",
    ),
    # the message refused as spam, or classified so (soft: the message, not the address)
    SPAM_DETECTED: (r"(?:odbijen|oznacen|prepoznat|klasificiran|klasifikovan)[aoi]? kao (?:spam|nezeljen)",),
    # the sender or its IP address black-listed ("IP adresa je na crnoj listi", "... se nalazi na
    # crnoj listi"): the sender's standing, soft
    BLOCKED: (r"(?:na|u) crnoj listi|(?:na|u) crnu listu",),
    # too many recipients in one message ("previše primatelja, previše primalaca"): a limit on the
    # sender's message, soft (English's "too many recipients")
    TOO_MANY_CONNECTIONS: (r"previse (?:primatelja|primalaca|primaoca)\b",),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # a domain "not found" that says to try again later, or calls the error temporary, says nothing
    # about the domain (a network error, soft); the sender's domain is a refusal of the sender
    HOST_UNKNOWN: (
        r"domen[a]? (?:posiljatelja|posiljaoca)",
        r"pokusajte (?:ponovo|ponovno|opet) (?:kasnije|poslije|posle)",
        r"privremen[ao] (?:greska|pogreska)",
    ),
}
