"""Catalan phrase families (data only): what servers and relays answering in Catalan say.

Patterns are searched in the lower-cased, accent-folded diagnostic (parsers.reasons.families):
write them in lower case; accents may be written or left out (they are folded on both sides; "ç"
folds to "c"). The apostrophe may be typographic ("l’usuari"): it is not folded.
"""

from __future__ import annotations

from parsers.reasons.codes import (
    ACCOUNT_DISABLED,
    BLOCKED,
    HOST_UNKNOWN,
    MAILBOX_FULL,
    REJECTED,
    SUSPEND,
    USER_UNKNOWN,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# The recipient's domain unknown, whose domain after the noun: the domain is gone (host_unknown),
# not the user whose noun stands inside it.
_RECIPIENTS_DOMAIN_GONE: Final = (
    r"domini del destinatari (?:no existeix|es desconegut|(?:es )?inexistent|no (?:s[’']ha )?trobat)"
)

# The sender refused or unknown: the sender's (soft, sender-side), whatever user-unknown status the
# reply carries (VETO).
_SENDER_REFUSED: Final = (
    r"(?:(?:adreca|domini) (?:del )?)?remitent (?:es |ha estat )?(?:desconegut|rebutjat|no valid|no autoritzat"
    r"|inexistent|no existeix)"
)

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        r"(?:usuari|destinatari) (?:es )?(?:desconegut|inexistent|no existeix|no trobat|no (?:es )?valid)",
        r"adreca (?:de correu(?: electronic)? |electronica |del destinatari )?(?:desconeguda|inexistent|no existeix"
        r"|no trobada|no (?:es )?valida|incorrecta)",
        r"(?:bustia|compte) (?:de correu )?(?:inexistent|desconegu[td]a?|no existeix)",
        # the verb first: "no existeix l'usuari", "no existeix cap bústia amb aquest nom"
        r"no existeix (?:l[’']|la |el |cap )?(?:usuari|bustia|adreca|compte)",
        # Exchange: "No s'ha trobat l'adreça electrònica que heu introduït."
        r"no s[’']ha (?:pogut )?trobat? (?:l[’'])?adreca",
    ),
    MAILBOX_FULL: (
        r"bustia (?:de correu )?(?:del destinatari )?(?:es |esta )?(?:plena|completa|saturada)",
        r"quota (?:de disc |d[’']emmagatzematge )?(?:excedida|superada|exhaurida)",
        r"(?:ha )?(?:excedit|superat) (?:la|la seva|el seu) (?:quota|limit d[’']espai|mida maxima)",
    ),
    SUSPEND: (r"compte (?:ha estat |esta )?(?:temporalment )?(?:susp[eè]s|bloquejat)",),
    ACCOUNT_DISABLED: (
        r"(?:compte|bustia|adreca|usuari)(?: de correu(?: electronic)?)?(?: del destinatari)? (?:ha estat |esta |s[’']ha )?"
        r"(?:desactiva|deshabilita|cancel(?:·l|l|\.l)?a|elimina|tanca)(?:t|da)|dona(?:t|da) de baixa",
        r"(?:adreca|compte|bustia|usuari)(?: de correu(?: electronic)?)? ja no (?:esta (?:activ|en us)|s[’']utilitza|existeix|es valid)",
    ),
    HOST_UNKNOWN: (
        r"domini (?:desconegut|inexistent|no existeix|no trobat)",
        r"el domini no existeix|no existeix el domini",
        _RECIPIENTS_DOMAIN_GONE,
    ),
    # the sender's server on a block list ("l'adreça IP és en una llista negra", "llista de
    # bloqueig"): the sender's, soft
    BLOCKED: (r"\bllista (?:negra|de bloqueig)\b",),
}

UNLESS: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (_RECIPIENTS_DOMAIN_GONE,),
    # the sender's own account ("el vostre compte està desactivat"): a sender-side refusal
    ACCOUNT_DISABLED: (r"\b(?:el )?(?:vostre|teu) compte",),
    # a domain "not found" that says to try again later, or calls the DNS error temporary: soft
    HOST_UNKNOWN: (
        r"domini del remitent",
        r"(?:torneu|torna|intenteu|proveu)-ho (?:a provar |de nou )?mes tard",
        r"error temporal",
    ),
}

VETO: Final[dict[str, tuple[str, ...]]] = {REJECTED: (_SENDER_REFUSED,)}
