"""Norwegian phrase families (data only): what servers and relays answering in Norwegian say
(Telenor, Altibox, localized Exchange/Outlook reports and Postfix templates), in Bokmål and, where
it spells them apart, Nynorsk (Uninett's and Domeneshop's "finst ikkje", "ukjend mottakar").

Patterns are searched in the lower-cased, accent-folded diagnostic (parsers.reasons.families):
written without diacritics ("ø" is read as "o", "å" as "a", "æ" as "ae").
"""

from __future__ import annotations

from parsers.reasons.codes import (
    ACCOUNT_DISABLED,
    BLOCKED,
    HOST_UNKNOWN,
    MAILBOX_FULL,
    RATE_LIMITED,
    REJECTED,
    SPAM_DETECTED,
    SUSPEND,
    TOO_MANY_CONNECTIONS,
    USER_UNKNOWN,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

_NON_USE = r"(?:pa grunn av|p\.g\.a\.?|etter lang) (?:inaktivitet|manglende bruk)"

# The sender refused or unknown (its address or domain, as the MAIL FROM answer words it): the
# sender's (soft, sender-side), whatever user-unknown status the reply carries (VETO).
_SENDER_REFUSED: Final = (
    r"(?:avsender(?:adresse)?(?:n|en)?|avsenderens domene) (?:er |ble )?(?:avvist|ukjent|ugyldig|finnes ikke)"
    r"|ukjent avsender"
)

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # (Notes/Domino: the user is not in the directory)
        r"(?:finnes|er) ikke (?:oppfort |registrert )?i domino[- ]?katalog(?:en|et)",
        r"(?:bruker|mottaker|e-?postadresse|adresse|postkasse|konto)(?:en|n)? "
        r"(?:finnes ikke|eksisterer ikke|ble ikke funnet|er ukjent)",
        r"ukjent (?:bruker|mottaker|adresse|postkasse)",
        r"ingen slik (?:bruker|mottaker|postkasse|adresse)",
        # Exchange: "Finner ikke e-postadressen du skrev inn."
        r"(?:finner|fant) ikke (?:den )?(?:e-?post)?adressen",
        # a subordinate clause puts "ikke" before the verb: Gmail's "fordi adressen ikke ble
        # funnet" (because the address was not found)
        r"(?:bruker|mottaker|e-?postadresse|adresse|postkasse)(?:en|n)? ikke (?:ble funnet|finnes|eksisterer)",
        # Exchange Online: "<bruker> ble ikke funnet på <domene>."
        r"ble ikke funnet p(?:aa|a) [a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+",
        # (its other wording: "Finner ikke <bruker> på <domene>.")
        r"finner ikke (?:brukeren |mottakeren )?\S{1,255} p(?:aa|a) [a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+",
        # Nynorsk: "Mottakaren finst ikkje", "brukaren eksisterer ikkje", "adressa vart ikkje
        # funnen", "ukjend mottakar"
        r"(?:brukar|mottakar|e-?postadress|adress|postkass|konto)(?:en|a|e)? "
        r"(?:finst ikkje|eksisterer ikkje|vart ikkje funnen|er ukjend)",
        r"ukjend (?:brukar|mottakar|adresse|postkasse)",
    ),
    MAILBOX_FULL: (
        r"(?:postkasse|postboks|innboks|e-?postkasse)(?:n|en)? (?:er )?(?:full|overfylt)",
        r"kvote(?:n)? (?:er )?(?:overskredet|brukt opp)",
        r"(?:ikke nok|for lite) (?:lagrings)?plass",
    ),
    SUSPEND: (
        r"midlertidig (?:sperret|stengt|suspendert|deaktivert|lukket)",
        r"(?:kontoen|postkassen) (?:er |har blitt )?(?:sperret|suspendert)(?!\w* " + _NON_USE + r")",
    ),
    ACCOUNT_DISABLED: (
        # an address "no longer in use" (ISPs' wording for a closed account)
        r"(?:kontoen|postkassen|adressen|e-?postadressen) (?:er )?ikke lenger i bruk",
        r"(?:kontoen|postkassen|adressen|e-?postadressen) (?:er |ble |har blitt )?"
        r"(?:deaktivert|stengt|avsluttet|slettet|nedlagt|fjernet|ikke lenger aktiv)",
        # blocked or closed for non-use: the address is gone, not paused
        r"(?:sperret|stengt|slettet|avsluttet|deaktivert) " + _NON_USE,
    ),
    HOST_UNKNOWN: (
        r"domene(?:t)? (?:finnes ikke|eksisterer ikke|er ukjent|ble ikke funnet)",
        r"ukjent domene|intet slikt domene",
        r"domene(?:t)? [a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+ (?:finnes ikke|eksisterer ikke|er ukjent)",
    ),
    # the sender sent too many messages ("for mange meldinger", Nynorsk "meldingar"): a rate, soft
    # (English's "too many messages")
    RATE_LIMITED: (r"for mange (?:meldinger|meldingar|e-?poster|e-?postar|e-?postmeldinger)\b",),
    # a refusal that calls the message spam (a 5.7.1 status alone says only "security")
    SPAM_DETECTED: (
        r"(?:markert|klassifisert|identifisert|vurdert|gjenkjent|avvist) som (?:spam|søppelpost)",
    ),
    # the sender's server on a block list ("IP-adressen er svartelistet"): the sender's, soft
    # (English's "blacklisted by", "blocked using")
    BLOCKED: (
        r"(?:pa|i) (?:en|var) (?:svarteliste|blokkeringsliste|sperreliste)|\bsvartelistet",
        r"ip-?adresse[^.\n]{0,80}?\bblokkert",
    ),
    # too many recipients in one message ("for mange mottakere"): a limit on the sender's message,
    # soft (English's "too many recipients")
    TOO_MANY_CONNECTIONS: (r"for mange mottak(?:ere|arar)\b",),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # the sender's own account ("your account is disabled"): a sender-side refusal, never the
    # recipient's address being gone
    ACCOUNT_DISABLED: (r"\b(?:din|deres) konto|\bkontoen din",),
    # a domain "not found" that says to try again later, or calls the DNS error temporary, says
    # nothing about the domain: a network error, soft
    HOST_UNKNOWN: (
        r"pr(?:ø|o)v igjen senere",
        r"midlertidig (?:dns-?)?feil",
    ),
}

# A user-unknown status code on a refusal of the sender does not make the recipient unknown.
VETO: Final[dict[str, tuple[str, ...]]] = {REJECTED: (_SENDER_REFUSED,)}
