"""Romanian phrase families (data only): what servers and relays answering in Romanian say (RDS/Digi,
localized Exchange/Outlook reports, Postfix and Exim templates of Romanian hosts).

Patterns are searched in the lower-cased, accent-folded diagnostic (parsers.reasons.families):
written without diacritics ("căsuța poștală" is read as "casuta postala", with both the comma and
the cedilla forms of "ș"/"ț"), which also reads the unaccented spellings most servers send.
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

_NON_USE = r"(?:din cauza|datorita|pentru) (?:inactivitatii|lipsei de activitate|neutilizarii|nefolosirii)"

# what kind of account and whose, between the noun and its verb ("contul de e-mail al destinatarului";
# after the definite noun the genitive stands bare: "contul destinatarului")
_WHOSE = r"(?: de e-?mail| de posta(?: electronica)?)?(?: (?:(?:a|al) )?destinatarului)? "

# The sender refused or unknown (its address or domain, as the MAIL FROM answer words it): the
# sender's (soft, sender-side), whatever user-unknown status the reply carries (VETO).
_SENDER_REFUSED: Final = (
    r"(?:(?:adresa|domeniul) )?expeditor(?:ul|ului)? (?:este |a fost )?(?:necunoscut|respins[a]?|invalid[a]?"
    r"|nu exista)|expeditor necunoscut"
)

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # (Notes/Domino: the user is not in the directory)
        r"nu (?:este|e) (?:listat|inclus|inregistrat) in directorul domino",
        # (what kind and whose may stand between noun and verb: "adresa de e-mail a destinatarului")
        r"(?:utilizator|destinatar|cont|adresa|casuta postala|casuta)(?:ul|a)?"
        + _WHOSE
        + r"(?:este )?(?:necunoscut[a]?|inexistent[a]?|nu exista)",
        r"(?:utilizatorul|destinatarul|adresa|contul) (?:specificat[a]? )?nu (?:a fost|a putut fi) gasit",
        r"nu exista (?:un )?(?:astfel de |acest )?(?:utilizator|destinatar|cont|adresa|casuta)",
        # Exchange: "Adresa de e-mail pe care ați introdus-o nu a fost găsită."
        r"adresa de e-?mail pe care (?:ati|ai) introdus-o",
    ),
    MAILBOX_FULL: (
        r"(?:casuta|cutia)(?: postala| de mail| de e-?mail)?(?: a destinatarului)? (?:este )?(?:plina|supraincarcata)",
        r"(?:cota|spatiul) (?:de stocare |alocat(?:a)? )?(?:a fost |este )?(?:depasit[a]?|epuizat[a]?)",
        r"(?:a depasit|depaseste) (?:cota|spatiul|limita de stocare)|spatiu (?:de stocare )?insuficient",
    ),
    SUSPEND: (
        r"(?:suspendat|blocat|dezactivat)[a]? temporar|temporar (?:suspendat|blocat|dezactivat|indisponibil)[a]?",
        r"contul (?:a fost |este )?(?:suspendat|blocat)(?!\w* " + _NON_USE + r"| definitiv| permanent)",
    ),
    ACCOUNT_DISABLED: (
        r"(?:contul|casuta postala|casuta|adresa)"
        + _WHOSE
        + r"(?:a fost |este )?(?:dezactivat[a]?|inchis[a]?|sters[a]?"
        r"|desfiintat[a]?|suspendat[a]? definitiv|blocat[a]? definitiv|inactiv[a]?)(?!\w* temporar)",
        # expired ("Contul a expirat"), or named bare as closed ("Cont închis")
        r"(?:contul|casuta postala|casuta|adresa)" + _WHOSE + r"(?:a |este |a fost )?expirat[a]?",
        r"\bcont (?:inchis|sters|desfiintat|dezactivat)\b",
        # blocked or closed for non-use: the address is gone, not paused
        r"(?:suspendat|blocat|dezactivat|inchis|sters)[a]? " + _NON_USE,
    ),
    HOST_UNKNOWN: (
        r"domeniu(?:l)?(?: destinatarului)? (?:este )?(?:necunoscut|inexistent|nu exista|nu a fost gasit)",
        r"nu exista (?:un )?(?:astfel de |acest )?domeniu",
    ),
    # the message refused as spam, or classified so (soft: the message, not the address)
    SPAM_DETECTED: (r"(?:respins|marcat|identificat|clasificat|considerat|detectat)a? (?:ca|drept) spam",),
    # the sender or its IP address blocked or black-listed ("Expeditorul este blocat", "Adresa IP se
    # află pe lista neagră")
    BLOCKED: (
        r"expeditorul (?:este|a fost) blocat",
        r"(?:pe|in) lista neagra",
    ),
    # the server gave up after its time ("Timpul de livrare a expirat", "A expirat termenul de livrare")
    EXPIRED: (
        r"(?:timpul|termenul|perioada)(?: de livrare| de asteptare)?(?: a mesajului)? a expirat",
        r"a expirat (?:timpul|termenul|perioada) (?:de livrare|de asteptare)",
    ),
}

# Exceptions to this language's families (the counterparts of English's): a domain "not found" that
# says to try again later says nothing about the domain (a network error, soft)
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    HOST_UNKNOWN: (r"(?:re)?incercati? (?:din nou |iar )?mai tarziu",),
}

# A user-unknown status code on a refusal of the sender does not make the recipient unknown.
VETO: Final[dict[str, tuple[str, ...]]] = {REJECTED: (_SENDER_REFUSED,)}
