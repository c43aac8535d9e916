"""Slovak phrase families (data only): what servers and relays answering in Slovak say (Azet,
Centrum.sk, Zoznam, Pobox, localized Exchange and Gmail reports) where Slovak's words differ from
Czech's: the past tense "bol/bola" (Czech "byl/byla"), "používateľ" (Czech "uživatel"), "nájdený",
"príjemcu" (the recipient's). Forms the two languages share ("adresa neexistuje", "dočasne
zablokovaný") are Czech's module's.

Patterns are searched in the lower-cased, accent-folded diagnostic (parsers.reasons.families):
written without diacritics ("účet bol zrušený" is read as "ucet bol zruseny").
"""

from __future__ import annotations

from parsers.reasons.codes import (
    ACCOUNT_DISABLED,
    BLOCKED,
    HOST_UNKNOWN,
    MAILBOX_FULL,
    REJECTED,
    SPAM_DETECTED,
    SUSPEND,
    USER_UNKNOWN,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# For non-use, in Slovak and in Czech (whose blocked account this module's SUSPEND also reads):
# "pre neaktivitu", "z dôvodu dlhodobej nečinnosti", "pro neaktivitu", "kvůli nepoužívání"
_NON_USE = r"(?:pre|pro|z dovodu|kvoli|kvuli) (?:dlhodob\w{1,3} |dlouhodob\w{1,3} )?(?:neaktivit|necinnost|nepouzivan)"

# the recipient's (genitive), as Slovak writes it after its noun
_WHOSE = r"(?: prijemcu| pouzivatela| adresata)?"

# The recipient's domain unknown: the domain is gone (host_unknown), not a user inside it.
_RECIPIENTS_DOMAIN_GONE: Final = (
    r"domena (?:prijemcu|adresata) (?:neexistuje|nebola najdena|nenajdena|je neznama)"
)

# The sender refused or unknown (the MAIL FROM answer): the sender's (soft, sender-side), whatever
# user-unknown status the reply carries (VETO).
_SENDER_REFUSED: Final = (
    r"(?:(?:adresa|domena) )?odosielatel(?:a)? (?:bol[a]? |je )?(?:odmietnut[aya]?|neznam[ya]|neplatn[aya]"
    r"|neexistuje|nenajden[aya]?)|neznamy odosielatel"
)

# The sender or its IP address blocked ("Odosielateľ je zablokovaný", "IP adresa odosielateľa bola
# zablokovaná"): the sender's (soft), whatever user-unknown status the reply carries (VETO).
_SENDER_BLOCKED: Final = (
    r"odosielatel(?:a)?(?: je| bol)? (?:zablokovan|blokovan)|(?:ip adresa|ip) (?:odosielatela )?(?:je |bola )?"
    r"(?:zablokovan|blokovan)"
)

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        r"(?:pouzivatel|prijemca|adresat|adresa|e-?mailova adresa|schranka|e-?mailovy ucet|ucet|mailbox)"
        + _WHOSE
        + r" (?:neexistuje|nebol[aoy]? najden[yaeo]|nenajden[yaeo]|je neznam[yaeo]|nie je znam[yaeo])",
        r"neznam[yaeo] (?:pouzivatel|prijemca|adresat)",
        r"neexistujuc[aiue] (?:adres|pouzivatel|prijemc|schrank|ucet)",
        # Exchange: "Zadanú e-mailovú adresu sa nepodarilo nájsť."
        r"adresu (?:sa nepodarilo|nebolo mozne|nie je mozne) najst",
    ),
    MAILBOX_FULL: (
        r"(?:schranka|postova schranka|mailbox)" + _WHOSE + r" (?:je )?(?:plna|preplnena|zaplnena)",
        r"(?:prekrocen[aey]|vycerpan[aey]) (?:kvot[ay]|limit|velkost schranky|miesto)",
        r"kvota (?:schranky )?(?:bola |je )?(?:prekrocena|vycerpana)",
        r"nedostatok (?:volneho )?miesta",
    ),
    SUSPEND: (
        r"(?:ucet|schranka)" + _WHOSE + r" (?:je |bol[a]? )?(?:zablokovan|pozastaven)[yaeo]?(?!\w* natrvalo)"
        r"(?!\w* " + _NON_USE + ")",
    ),
    ACCOUNT_DISABLED: (
        r"(?:ucet|schranka|adresa|pouzivatel)"
        + _WHOSE
        + r" (?:je |bol[a]? )?(?:zrusen|deaktivovan|zmazan|vypnut"
        r"|neaktivn|zablokovan[yaeo]? natrvalo)[yaeo]?",
        # blocked or closed for non-use ("zablokovaná pre neaktivitu"): the address is gone, not paused
        r"(?:zablokovan|pozastaven|zrusen|deaktivovan|zmazan|vypnut)[yaeo]? " + _NON_USE,
        r"(?:adresa|ucet|schranka) sa (?:uz )?nepouziva",
        r"platnost (?:uctu|schranky|adresy) (?:vyprsala|skoncila)",
    ),
    HOST_UNKNOWN: (_RECIPIENTS_DOMAIN_GONE, r"neexistujuc[aiu] domen"),
    SPAM_DETECTED: (
        r"(?:vyhodnoten|oznacen|rozpoznan|identifikovan|odmietnut|zamietnut)[aey]? ako spam",
        r"podozreni[ea] na spam",
    ),
    BLOCKED: (_SENDER_BLOCKED,),
}

UNLESS: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (_RECIPIENTS_DOMAIN_GONE,),
    # a domain "not found" that says to try again later: soft (the sender's own account, "váš
    # účet", and a temporary error, "dočasná chyba", are written alike in Czech: cs.py's)
    HOST_UNKNOWN: (r"skuste (?:to )?(?:znova |znovu )?neskor",),
}

VETO: Final[dict[str, tuple[str, ...]]] = {REJECTED: (_SENDER_REFUSED,), BLOCKED: (_SENDER_BLOCKED,)}
