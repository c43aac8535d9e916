"""Galician phrase families (data only): what servers and relays answering in Galician say.

Patterns are searched in the lower-cased, accent-folded diagnostic (parsers.reasons.families):
write them in lower case; accents may be written or left out ("ñ" folds to "n": "descoñecido" is
read as "desconecido"). Where Galician writes as Spanish or Portuguese do ("usuario inexistente",
"conta bloqueada", "a sua conta"), those modules' phrases already read it.
"""

from __future__ import annotations

from parsers.reasons.codes import (
    ACCOUNT_DISABLED,
    HOST_UNKNOWN,
    MAILBOX_FULL,
    SUSPEND,
    USER_UNKNOWN,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# The recipient's domain unknown, whose domain after the noun: the domain is gone (host_unknown).
_RECIPIENTS_DOMAIN_GONE: Final = r"dominio do destinatario (?:non existe|e desconecido|non (?:foi )?atopado)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        r"(?:usuario|destinatario) (?:desconecido|non existe|non atopado|non (?:e )?valido)",
        r"enderezo (?:de correo(?: electronico)? |electronico |do destinatario )?(?:desconecido|inexistente|non existe"
        r"|non atopado|non (?:e )?valido|incorrecto)",
        r"non existe (?:o |a |ningun |ningunha )?(?:usuario|enderezo|conta|caixa)",
        r"(?:conta|caixa) (?:de correo |postal )?(?:inexistente|desconecida|non existe)",
        # Exchange: "Non se atopou o enderezo de correo electrónico que escribiches."
        r"non se (?:atopou|puido atopar) o enderezo",
    ),
    MAILBOX_FULL: (
        r"caixa (?:de correo |postal |de entrada )?(?:do destinatario )?(?:esta )?(?:chea|ateigada)",
        r"cota (?:de (?:disco|almacenamento) )?(?:excedida|superada|esgotada)",
    ),
    SUSPEND: (r"conta (?:foi |esta )?temporalmente (?:suspendida|bloqueada)",),
    ACCOUNT_DISABLED: (
        r"(?:conta|caixa|enderezo|usuario)(?: de correo(?: electronico)?)?(?: do destinatario)? (?:foi |esta )?"
        r"(?:desactivad|deshabilitad|cancelad|eliminad|pechad)[oa]|dad[oa] de baixa",
        r"(?:enderezo|conta|caixa|usuario)(?: de correo(?: electronico)?)? xa non (?:esta (?:activ|en uso)|se usa|existe|e valido)",
    ),
    HOST_UNKNOWN: (
        r"dominio (?:desconecido|non existe|non atopado)",
        _RECIPIENTS_DOMAIN_GONE,
    ),
}

UNLESS: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (_RECIPIENTS_DOMAIN_GONE,),
    # a domain "not found" that says to try again later, or calls the DNS error temporary: soft
    HOST_UNKNOWN: (
        r"dominio do remitente",
        r"(?:tenteo|intenteo|tentao|intentao|proba)(?: de novo)? mais tarde",
        r"erro temporal",
    ),
}
