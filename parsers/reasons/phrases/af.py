"""Afrikaans phrase families (data only): what servers and webmail answering in Afrikaans say
(South African ISPs' and hosting companies' own notices, the localised webmail reports).

Afrikaans closes a negation with a second "nie" ("die gebruiker bestaan nie": the user does not
exist; "kon nie afgelewer word nie": could not be delivered), and puts the possessive after the
owner ("die ontvanger se posbus": the recipient's mailbox).
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, SPAM_DETECTED, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

_WHO = r"(?:gebruiker|ontvanger|adres|e-?posadres|posbus|rekening)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # "die gebruiker bestaan nie", "hierdie e-posadres bestaan nie" (does not exist)
        _WHO + r" bestaan nie\b",
        # "onbekende gebruiker" (unknown user), "geen sodanige gebruiker nie" (no such user)
        r"onbekende (?:gebruiker|ontvanger|e-?posadres)",
        r"geen sodanige (?:gebruiker|ontvanger|posbus|adres)",
        r"(?:gebruiker|ontvanger|e-?posadres) (?:is )?(?:onbekend|nie gevind nie)",
        # "invalid" ("die e-posadres is ongeldig", "ongeldige ontvanger")
        r"\b(?:ontvanger|adres|e-?posadres) (?:is )?ongeldig\b|ongeldige (?:ontvanger|adres|e-?posadres)",
    ),
    MAILBOX_FULL: (
        # "die posbus is vol", "die ontvanger se posbus is vol" (the recipient's mailbox is full)
        r"posbus is (?:vol|oorvol)|posbus van die ontvanger is (?:vol|oorvol)",
        r"(?:posbus|e-?pos)kwota (?:is )?oorskry",
    ),
    ACCOUNT_DISABLED: (
        r"rekening(?: van die ontvanger)? is (?:gedeaktiveer|gesluit|gekanselleer|verwyder|uitgevee)",
    ),
    HOST_UNKNOWN: (
        r"(?:domein|domeinnaam)(?: van die ontvanger)? bestaan nie\b",
        r"onbekende domein",
    ),
    # "as gemorspos/strooipos geklassifiseer, verwerp" (classified, refused as junk mail)
    SPAM_DETECTED: (
        r"as (?:gemorspos|strooipos|ongevraagde pos) (?:geklassifiseer|verwerp|beskou|geidentifiseer|gemerk)",
    ),
}

# Exceptions: the sender's own address or domain ("die afsender se adres bestaan nie"): a refusal of
# the sender, never the recipient unknown.
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (r"afsender se (?:adres|e-?posadres|rekening)|afsender-?(?:e-?pos)?adres",),
    HOST_UNKNOWN: (r"afsender se domein", r"probeer (?:later )?weer"),
}
