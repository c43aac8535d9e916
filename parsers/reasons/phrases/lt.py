"""Lithuanian phrase families (data only): what servers and relays answering in Lithuanian say (Telia
Lietuva, takas.lt, one.lt, localized Exchange/Outlook reports, Postfix and Exim templates of
Lithuanian hosts).

Patterns are searched in the lower-cased, accent-folded diagnostic (parsers.reasons.families):
written without diacritics ("pašto dėžutė" is read as "pasto dezute"), which also reads the
unaccented spellings most servers send.
"""

from __future__ import annotations

from parsers.reasons.codes import (
    ACCOUNT_DISABLED,
    HOST_UNKNOWN,
    MAILBOX_FULL,
    SPAM_DETECTED,
    SUSPEND,
    USER_UNKNOWN,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

_WHO = r"(?:vartotojas|naudotojas|gavejas|adresatas|adresas|el\. pasto adresas|pasto dezute|paskyra)"
_NON_USE = r"del (?:ilgo |ilgalaikio )?(?:neaktyvumo|nenaudojimo)"
_CLOSED = r"(?:isjungt|uzblokuot|panaikint|istrint|uzdaryt|deaktyvuot)(?:a|as)"
# What spam is called: "šlamštas", "brukalas", "spamas", and "nepageidaujamas" (unwanted) as the
# word for unsolicited mail ("nepageidaujami laiškai", "atmestas kaip nepageidaujamas"), any case
_SPAM = r"(?:slamst|brukal|spam|nepageidaujam)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        _WHO + r"(?: gavejo)? (?:neegzistuoja|nerast(?:a|as)|nezinom(?:a|as)|neteising(?:a|as))",
        r"nezinom(?:a|as) (?:vartotojas|naudotojas|gavejas|adresatas|adresas)",
        r"(?:tokio|sio) (?:vartotojo|naudotojo|gavejo|adresato|adreso) nera|nera tokio (?:vartotojo|naudotojo|gavejo|adreso)",
        r"neegzistuojant(?:is|i|ys) (?:vartotojas|naudotojas|gavejas|adresas)",
        # Exchange: "Jūsų įvesto el. pašto adreso nepavyko rasti."
        r"(?:ivesto|nurodyto) el\. pasto adreso (?:nepavyko rasti|rasti nepavyko)",
    ),
    MAILBOX_FULL: (
        r"(?:pasto )?dezute (?:yra )?(?:pilna|perpildyta)",
        r"(?:virsyta|isnaudota) (?:kvota|talpa|vietos kvota)|kvota (?:yra )?(?:virsyta|isnaudota)",
    ),
    SUSPEND: (r"laikinai (?:uzblokuot|sustabdyt|isjungt|nepasiekiam)(?:a|as)",),
    ACCOUNT_DISABLED: (
        r"(?:paskyra|pasto dezute|adresas|vartotojas|naudotojas)(?: gavejo)? (?:yra |buvo )?"
        r"(?:isjungt|panaikint|istrint|uzdaryt|deaktyvuot)(?:a|as)(?! laikinai)",
        # blocked or closed for non-use: the address is gone, not paused
        _CLOSED + " " + _NON_USE,
        _NON_USE + r" (?:yra |buvo )?" + _CLOSED,
    ),
    HOST_UNKNOWN: (
        r"domenas (?:neegzistuoja|nerastas|nezinomas)",
        r"(?:nezinomas|neegzistuojantis) domenas",
    ),
    # the message refused or classified as spam ("šlamštas", "brukalas", "spamas"): the message's
    # fault (soft), and under 5.7.1 the sentence, not the status, names it
    SPAM_DETECTED: (
        r"(?:atmest|pazymet|atpazint|ivertint|klasifikuot|identifikuot)(?:as|a|i) kaip " + _SPAM,
        r"(?:laikom|itariam)(?:as|a) " + _SPAM,
        r"itarimas (?:del )?(?:slamsto|brukalo|spamo)",
        # "dėl įtarimo, kad tai šlamštas" (on suspicion that it is spam)
        r"itarim(?:as|o),? kad (?:tai )?(?:yra )?" + _SPAM,
        # spam found in it ("aptiktas šlamštas"; not "neaptikta", none found), or it looks like spam
        r"\baptikt(?:as|a|i) " + _SPAM,
        r"panas(?:us|i) i " + _SPAM,
        # counted as spam ("priskirtas (prie) nepageidaujamų laiškų"), or the spam's marks or content
        # found in it ("aptikti šlamšto požymiai", "šlamšto turinys")
        r"priskirt(?:as|a|i) (?:prie )?" + _SPAM,
        r"(?:slamsto|brukalo|spamo) (?:pozym|turin)",
        # unwanted mail named as such ("nepageidaujami laiškai", "nepageidaujamas paštas")
        r"nepageidaujam\w{0,5} (?:laisk|pasto|pasta|el\. las|turin|reklam|korespondencij)",
        # the spam filter refused it ("šlamšto filtras atmetė")
        r"(?:slamsto|brukalo|spamo) filtr(?:as|o) (?:atmete|uzblokavo|sulaike|atmestas|uzblokuotas)",
    ),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # a domain "not found" that says to try again later, or calls the error temporary, says nothing
    # about the domain (a network error, soft); the sender's domain is a refusal of the sender
    HOST_UNKNOWN: (r"siuntejo domenas", r"bandykite (?:dar karta )?veliau", r"laikina klaida"),
}
