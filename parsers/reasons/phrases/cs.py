"""Czech phrase families (data only): what servers and relays answering in Czech say (Seznam,
Centrum, Volny, localized Exchange and hosting reports). Slovak's own nouns and participles
("príjemca", "používateľ nebol nájdený") are sk.py's; the words the two share are read here.

Patterns are searched in the lower-cased, accent-folded diagnostic (parsers.reasons.families):
written without diacritics ("uživatel neexistuje" is read as "uzivatel neexistuje"), which also
reads the unaccented spellings many Czech servers send.
"""

from __future__ import annotations

from parsers.reasons.codes import (
    ACCOUNT_DISABLED,
    BLOCKED,
    EXPIRED,
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

_WHO = (
    r"(?:uzivatel|adresat|prijemce|adresa(?: prijemc[eu])?|e-?mailova adresa"
    r"|schranka(?: prijemc[eu])?|ucet|mailbox)"
)

# The recipient's domain unknown, whose domain after the noun: the domain is gone (host_unknown),
# not the user whose noun stands inside it; the verdict is named too, so a user unknown *in* that
# domain stays the user.
_RECIPIENTS_DOMAIN_GONE: Final = (
    r"domena (?:prijemce|adresata) (?:neexistuje|nenalezena|nebyla nalezena|je neznama)"
)

# The sender refused or unknown (its address or domain, as the MAIL FROM answer words it): the
# sender's (soft, sender-side), whatever user-unknown status the reply carries (VETO).
_SENDER_REFUSED: Final = (
    r"(?:(?:adresa|domena) )?odesilatel(?:e)? (?:byl[a]? |je )?(?:odmitnut[a]?|neznam[ya]|neplatn(?:a|y)|neexistuje"
    r"|nenalezen[a]?)|neznamy odesilatel"
)

# The sender or its IP address blocked ("Odesílatel je zablokován", "IP adresa odesílatele je
# zablokována"): the sender's (soft), whatever user-unknown status the reply carries (VETO).
_SENDER_BLOCKED: Final = (
    r"odesilatel(?: je| byl)? (?:zablokovan|blokovan)|(?:ip adresa|ip) (?:odesilatele )?(?:je |byla )?"
    r"(?:zablokovan|blokovan)"
)

# For non-use ("pro neaktivitu", "z důvodu dlouhodobé nečinnosti", "kvůli nepoužívání")
_NON_USE: Final = r"(?:pro|z duvodu|kvuli) (?:dlouhodob\w{1,3} )?(?:neaktivit|necinnost|nepouzivan)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # (Notes/Domino: the user is not in the directory)
        r"(?:neni|nie je) (?:uveden[ya]? )?v (?:adresari|katalogu) domino",
        _WHO + r" (?:neexistuje|nenalezen[aoy]?|nebyl[aoy]? nalezen[aoy]?|je neznam[yaeo]|neznam[yaeo])",
        # the address and where named between noun and verb ("Příjemce a@b nebyl v doméně x nalezen")
        _WHO + r" <?[^\s@]{1,64}@[^\s>]{1,255}>? nebyl[aoy]? (?:v (?:domene|organizaci) \S{1,255} )?nalezen",
        r"nezn[aá]m[yaeo] (?:uzivatel|adresat|prijemce|adresa|schranka|ucet)",
        r"neexistujic[ia] (?:adresa|adresat|uzivatel|schranka|ucet|prijemce)",
        r"takov[aye] (?:adresa|schranka|uzivatel|ucet) neexistuje",
        # Exchange: "Zadanou e-mailovou adresu nebylo možné najít."
        r"adresu (?:nebylo mozne|nelze|se nepodarilo) najit",
    ),
    MAILBOX_FULL: (
        r"(?:schranka|postovni schranka|mailbox)(?: prijemce)? (?:je )?(?:plna|preplnena|zaplnena)",
        r"(?:prekrocen[aoy]?|vycerpan[aoy]?) (?:kvot[ay]|limit|velikost schranky|mist[oa])",
        r"(?:kvota|limit) (?:schranky )?(?:byl[aoy]? )?(?:prekrocen[aoy]?|vycerpan[aoy]?)",
        r"nedostatek (?:volneho )?mista",
    ),
    SUSPEND: (
        r"(?:ucet|schranka) (?:je |byl[a]? )?(?:docasne )?(?:zablokovan[aey]?|pozastaven[aey]?)(?![aey])(?! "
        + _NON_USE
        + ")",
        r"docasne (?:zablokovan|pozastaven|nedostupn)",
    ),
    ACCOUNT_DISABLED: (
        # an address "no longer used", "no longer active" (ISPs' wording for a closed account)
        r"(?:adresa|ucet|schranka)(?: se)? (?:jiz|uz) (?:nepouziva|neni (?:aktivni|pouzivan[aey]?))",
        # ("Účet příjemce byl zrušen": the recipient's account, named so)
        r"(?:ucet|schranka|adresa|uzivatel)(?: prijemce)? (?:je |byl[a]? )?(?:zrusen[aey]?|deaktivovan[aey]?|smazan[aey]?"
        r"|vypnut[aey]?|neaktivni|zanikl[aey]?|vyprsel[aoy]?|expirovan[aey]?)",
        # blocked or closed for non-use ("zablokována pro neaktivitu"): the address is gone, not paused
        r"(?:zablokovan|pozastaven|zrusen|deaktivovan|smazan|vypnut)[aeyo]? " + _NON_USE,
    ),
    HOST_UNKNOWN: (
        r"domena (?:neexistuje|nenalezena|nebyla nalezena|je neznama)",
        _RECIPIENTS_DOMAIN_GONE,
        r"(?:neexistujici|neznama) domena",
    ),
    # the message refused as spam, or classified so (soft: the message, not the address)
    SPAM_DETECTED: (
        r"(?:vyhodnocen|oznacen|rozpoznan|identifikovan|odmitnut)[aoy]? jako spam",
        r"podezreni na spam",
    ),
    # the sender or its IP address blocked ("Odesílatel je zablokován", "IP adresa odesílatele je
    # zablokována")
    BLOCKED: (_SENDER_BLOCKED,),
    # the server gave up after its time ("Vypršel časový limit pro doručení", "Doba doručení vypršela")
    EXPIRED: (
        r"vyprsel[ao]? (?:casovy limit|cas|lhuta)(?: (?:pro )?doruceni)?|(?:casovy limit|lhuta|doba) (?:pro )?doruceni"
        r"(?: zpravy)? vyprsel",
    ),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (_RECIPIENTS_DOMAIN_GONE,),
    # the sender's own account ("your account is disabled"): a sender-side refusal, never the
    # recipient's address being gone
    ACCOUNT_DISABLED: (r"\bv(?:a|á)(?:s|š) (?:u|ú)(?:c|č)et",),
    # a domain "not found" that says to try again later, or calls the DNS error temporary, says
    # nothing about the domain: a network error, soft
    HOST_UNKNOWN: (
        r"zkuste (?:to )?(?:znovu )?pozd(?:ě|e)ji",
        r"do(?:č|c)asn(?:á|a) chyba",
    ),
}

# A user-unknown status code on a refusal of the sender does not make the recipient unknown.
VETO: Final[dict[str, tuple[str, ...]]] = {REJECTED: (_SENDER_REFUSED,), BLOCKED: (_SENDER_BLOCKED,)}
