"""Slovenian phrase families (data only): what servers and relays answering in Slovenian say (Telekom
Slovenije/Siol, T-2, Telemach, localized Exchange/Outlook reports, Postfix and Exim templates of
Slovenian hosts).

Patterns are searched in the lower-cased, accent-folded diagnostic (parsers.reasons.families):
written without diacritics ("poštni predal" is read as "postni predal"), which also reads the
unaccented spellings most servers send.
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, BLOCKED, HOST_UNKNOWN, MAILBOX_FULL, SUSPEND, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

_BOX_NOUN = r"postni predal|e-postni predal|nabiralnik|predal"
_BOX = r"(?:" + _BOX_NOUN + ")"
_CLOSED = r"(?:deaktiviran|ukinjen|izbrisan|zaprt|onemogocen|blokiran)[aio]?"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        r"(?:uporabnik|prejemnik|naslov|e-postni naslov|" + _BOX_NOUN + r")(?: prejemnika)? ne obstaja",
        r"neznan[ia]? (?:uporabnik|prejemnik|naslov)",
        r"(?:uporabnik|prejemnik|naslov|uporabnika|prejemnika|naslova) (?:ni bil[a]? najden[a]?|ni najden|ni (?:bilo )?mogoce najti)",
        r"ni (?:takega|taksnega) (?:uporabnika|prejemnika|naslova)",
        # Exchange: "E-poštnega naslova, ki ste ga vnesli, ni mogoče najti."
        r"naslova, ki ste ga vnesli, ni (?:bilo )?mogoce najti",
    ),
    MAILBOX_FULL: (
        _BOX + r"(?: prejemnika)? je (?:poln|prepoln|zapolnjen)",
        r"(?:kvota|omejitev prostora|prostor) (?:je )?(?:presezen|zapolnjen)[ao]?",
        r"presezen[ao]? (?:kvota|omejitev)",
    ),
    SUSPEND: (r"zacasno (?:blokiran|onemogocen|deaktiviran|nedosegljiv|zaklenjen|ustavljen)[aio]?",),
    ACCOUNT_DISABLED: (
        r"(?:racun|uporabniski racun|naslov|" + _BOX_NOUN + r")(?: prejemnika)? (?:je )?(?:bil[a]? )?"
        r"(?:deaktiviran|ukinjen|izbrisan|zaprt|onemogocen)[aio]?",
        # blocked or closed for non-use: the address is gone, not paused
        _CLOSED + r" zaradi (?:dolgotrajne )?(?:neaktivnosti|neuporabe)",
    ),
    HOST_UNKNOWN: (
        r"domena(?: prejemnika)? (?:ne obstaja|ni bila najdena|ni najdena|je neznana)",
        r"(?:neznana|neobstojeca) domena",
    ),
    # the sender or its IP address black-listed ("IP naslov pošiljatelja je na črnem seznamu"): the
    # sender's standing, soft
    BLOCKED: (r"na crnem seznamu|na crni listi",),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # a domain "not found" that says to try again later, or calls the error temporary, says nothing
    # about the domain (a network error, soft); the sender's domain is a refusal of the sender
    HOST_UNKNOWN: (r"domena posiljatelja", r"poskusite (?:znova|ponovno) kasneje", r"zacasna napaka"),
}
