"""Swedish phrase families (data only): what servers and relays answering in Swedish say (Telia,
Bahnhof, localized Exchange/Outlook reports and Postfix templates).

Patterns are searched in the lower-cased, accent-folded diagnostic (parsers.reasons.families):
written without diacritics ("användaren" is read as "anvandaren", "å" as "a", "ö" as "o").
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

_NON_USE = r"(?:pa grund av|p\.g\.a\.?|efter lang) (?:inaktivitet|att (?:det|den) inte anvants)"

# The sender refused or unknown (its address or domain, as the MAIL FROM answer words it): the
# sender's (soft, sender-side), whatever user-unknown status the reply carries (VETO).
_SENDER_REFUSED: Final = (
    r"(?:avsandar(?:adress)?(?:en)?|avsandarens doman) (?:ar |har )?(?:avvisa(?:des|ts)|okand|ogiltig|finns inte)"
    r"|okand avsandare"
)

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # (Notes/Domino: the user is not in the directory)
        r"(?:finns|forekommer) inte i domino[- ]?katalogen|saknas i domino[- ]?katalogen",
        r"(?:anvandare|mottagare|e-?postadress|adress|brevlada|postlada|konto)(?:n|en|t)? "
        r"(?:finns inte|existerar inte|hittades inte|kunde inte hittas|ar okand)",
        r"okand (?:anvandare|mottagare|adress|brevlada|postlada)",
        # a subordinate clause puts "inte" before the verb: Gmail's "eftersom adressen inte
        # hittades" (because the address was not found)
        r"(?:anvandare|mottagare|e-?postadress|adress|brevlada|postlada)(?:n|en)? inte (?:hittades|kunde hittas"
        r"|finns|existerar)",
        r"ingen sadan (?:anvandare|mottagare|brevlada|postlada|adress)",
        r"det finns ingen (?:anvandare|mottagare|brevlada|postlada) (?:med|som)",
        # Exchange: "Det gick inte att hitta e-postadressen du angav."
        r"det gick inte att hitta (?:den )?e-?postadress(?:en)?",
        # Exchange Online: "<användare> hittades inte på <domän>."
        r"hittades inte p(?:a) [a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+",
    ),
    MAILBOX_FULL: (
        r"(?:brevlada|postlada|inkorg|e-?postlada)(?:n|en)? (?:ar )?(?:full|overfull)",
        r"kvot(?:en)? (?:har |ar )?(?:overskriden|overskridits|overskridet|slut)",
        r"(?:overskridit|overskrider) (?:sin )?(?:kvot|lagringsgrans)",
        r"inte tillrackligt (?:med )?(?:lagrings)?utrymme",
    ),
    SUSPEND: (
        r"(?:tillfalligt|temporart) (?:sparrat|sparrad|avstangt|avstangd|inaktiverat|lasts?t)",
        r"(?:kontot|brevladan|postladan) (?:ar |har )?(?:sparrat|avstangt|blivit sparrat|blivit avstangt)"
        r"(?!\w* " + _NON_USE + r")",
    ),
    ACCOUNT_DISABLED: (
        # an address "no longer in use" (ISPs' wording for a closed account)
        r"(?:adressen|e-?postadressen|kontot|brevladan|postladan) (?:ar (?:inte|ej) langre i (?:bruk|anvandning)"
        r"|anvands (?:inte|ej) langre)",
        # (also the recipient's, in the genitive: "mottagarens e-postkonto är stängt")
        r"(?:kontot|e-?postkontot|brevladan|postladan|adressen|e-?postadressen"
        r"|(?:mottagarens|anvandarens) (?:e-?post)?(?:konto|brevlada|postlada|adress)) (?:ar |har |har blivit )?"
        r"(?:inaktiverat|inaktiverad|inaktiverats|avslutat|avslutad|avslutats|stangt|stangd|stangts|raderat"
        r"|raderad|raderats|borttaget|borttagen|tagits bort|upphort|inte langre aktiv)",
        # blocked or closed for non-use: the address is gone, not paused
        r"(?:sparrat|avstangt|stangt|raderat|avslutat|inaktiverat)s? " + _NON_USE,
    ),
    HOST_UNKNOWN: (
        r"doman(?:en)? (?:finns inte|existerar inte|ar okand|hittades inte)",
        r"okand doman|ingen sadan doman",
        r"doman(?:en)? [a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+ (?:finns inte|existerar inte|ar okand)",
    ),
    # a refusal that calls the message spam (a 5.7.1 status alone says only "security")
    SPAM_DETECTED: (r"(?:klassa|markera|identifiera|bedöm|avvisa)(?:d|t|des?) som (?:spam|skräppost)",),
    # the sender's server on a block list ("IP-adressen är svartlistad"): the sender's, soft
    # (English's "blacklisted by", "blocked using")
    BLOCKED: (
        r"(?:pa|i) (?:en|var) (?:svartlista|blocklista|sparrlista)|\bsvartlistad",
        r"ip-?adress[^.\n]{0,80}?\bblockerad",
    ),
    # the sender sent too many messages ("för många meddelanden/mejl"): a rate, soft (English's
    # "too many messages")
    RATE_LIMITED: (r"for manga (?:meddelanden|e-?postmeddelanden|e-?brev|mejl|mail)\b",),
    # too many recipients in one message ("för många mottagare"): a limit on the sender's message,
    # soft (English's "too many recipients")
    TOO_MANY_CONNECTIONS: (r"for manga mottagare\b",),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # the sender's own account ("your account is disabled"): a sender-side refusal, never the
    # recipient's address being gone
    ACCOUNT_DISABLED: (r"\b(?:ditt|ert) konto",),
    # a domain "not found" that says to try again later, or calls the DNS error temporary, says
    # nothing about the domain: a network error, soft
    HOST_UNKNOWN: (
        r"f(?:ö|o)rs(?:ö|o)k igen senare",
        r"tillf(?:ä|a)lligt (?:dns-?)?fel",
    ),
}

# A user-unknown status code on a refusal of the sender does not make the recipient unknown.
VETO: Final[dict[str, tuple[str, ...]]] = {REJECTED: (_SENDER_REFUSED,)}
