"""Hungarian phrase families (data only): what servers and relays answering in Hungarian say
(Freemail, Citromail, Telekom/t-online.hu, localized Exchange/Outlook reports, Postfix templates).

Patterns are searched in the lower-cased, accent-folded diagnostic (parsers.reasons.families):
written without diacritics ("felhasználó" is read as "felhasznalo", "ő" as "o", "ű" as "u").
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

_NON_USE = r"(?:inaktivitas|hasznalaton kivul|hosszu inaktivitas|nem hasznalat) (?:miatt)"

# The sender refused or unknown (its address or domain, as the MAIL FROM answer words it): the
# sender's (soft, sender-side), whatever user-unknown status the reply carries (VETO).
_SENDER_REFUSED: Final = (
    r"felado(?: cime| domainje)? (?:elutasitva|ismeretlen|nem letezik|ervenytelen)|ismeretlen felado"
)

# The sender or its IP address banned or blocked ("A feladó le van tiltva", "a küldő IP-címe
# tiltólistán van"): the sender's (soft), whatever user-unknown status the reply carries (VETO).
_SENDER_BLOCKED: Final = (
    r"(?:felado|kuldo)(?: cime| ip-?cime)? (?:le van tiltva|letiltva|tiltva|blokkolva|zarolva|tiltolistan|feketelistan)"
    r"|ip-?cim(?:e|et)?[^.\n]{0,80}?(?:le van tiltva|letiltva|tiltolistan|feketelistan|blokkolva)"
)

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # (Notes/Domino: the user is not in the directory)
        r"nem szerepel (?:a |az )?domino[- ]?(?:cimtarban|konyvtarban)",
        # (with or without the possessive: "a címzett e-mail címe nem létezik")
        r"(?:a )?(?:felhasznalo|cimzett|postafiok|e-?mail[- ]?cim|fiok)(?:ja|a|e)? (?:nem letezik|ismeretlen|nem talalhato)",
        r"ismeretlen (?:felhasznalo|cimzett|e-?mail-?cim|postafiok)",
        r"nincs ilyen (?:felhasznalo|cimzett|postafiok|e-?mail-?cim|cim|fiok)",
        r"nem letezo (?:felhasznalo|cimzett|postafiok|e-?mail-?cim|cim|fiok)",
        # Exchange: "A megadott e-mail-cím nem található."
        r"a megadott e-?mail-?cim nem talalhato",
        # Gmail: "mert a cím nem található" (the bare address, not "a feladó címe": the sender's)
        r"\ba cim nem (?:talalhato|letezik)",
    ),
    MAILBOX_FULL: (
        # (with or without the possessive: "a címzett postafiókja megtelt")
        r"(?:a )?(?:postafiok|postalada|tarhely|leveleslada)(?:ja|a)? (?:megtelt|betelt|tele van)",
        r"(?:megtelt|betelt|teli) (?:a )?(?:postafiok|tarhely)",
        r"(?:kvota|tarhelykorlat) (?:tullepve|tullepes)|tullepte (?:a )?(?:kvotat|tarhelykorlatot|tarhelyet)",
    ),
    SUSPEND: (
        r"ideiglenesen (?:letiltva|felfuggesztve|fel van fuggesztve|zarolva|le van tiltva|nem elerheto)",
        r"(?:fiok|postafiok) (?:fel van fuggesztve|felfuggesztve|zarolva)(?!\w* " + _NON_USE + r")",
    ),
    ACCOUNT_DISABLED: (
        r"(?:a )?(?:fiok|postafiok|e-?mail[- ]?cim|cim)(?:ja|a|e)? (?:(?:veglegesen )?(?:le van tiltva|letiltva)|torolve|torolve lett"
        r"|megszunt|megszuntetve|megszuntetesre kerult|inaktivalva|deaktivalva|inaktiv)",
        # the account as object: "a fiókot letiltották (törölték, megszüntették)"
        r"(?:a )?(?:fiokot|postafiokot|e-?mail[- ]?cimet) (?:veglegesen )?(?:letiltottak|toroltek|megszuntettek"
        r"|deaktivaltak|inaktivaltak)",
        # blocked or closed for non-use: the address is gone, not paused
        _NON_USE
        + r" (?:letiltva|le van tiltva|torolve|megszunt|felfuggesztve|fel van fuggesztve|zarolva|inaktivalva)",
    ),
    HOST_UNKNOWN: (
        r"(?:a )?(?:cimzett )?(?:domain|tartomany|doman)(?:ja|je|a)? (?:nem letezik|ismeretlen|nem talalhato)",
        r"(?:ismeretlen|nem letezo) (?:domain|tartomany|doman)|nincs ilyen (?:domain|tartomany)",
    ),
    # the message refused as spam, or classified so (soft: the message, not the address)
    SPAM_DETECTED: (
        r"(?:spamnek|spamkent|levelszemetnek|keretlen levelnek) (?:minosit|tekint|itel|jelol|azonosit)",
        # refused as spam ("kéretlen levélként elutasítottuk")
        r"(?:spamkent|keretlen levelkent|levelszemetkent) (?:elutasit|visszautasit|visszadob)",
    ),
    BLOCKED: (_SENDER_BLOCKED,),
}

# Exceptions to this language's families (the counterparts of English's): a domain "not found" that
# says to try again later says nothing about the domain (a network error, soft)
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    HOST_UNKNOWN: (
        r"(?:probalja|probald|probalkozzon|probalkozz) (?:meg )?(?:ujra )?kesobb|kesobb (?:ujra|ismet)",
    ),
}

# A user-unknown status code on a refusal of the sender does not make the recipient unknown.
VETO: Final[dict[str, tuple[str, ...]]] = {REJECTED: (_SENDER_REFUSED,), BLOCKED: (_SENDER_BLOCKED,)}
