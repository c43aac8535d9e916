"""Estonian phrase families (data only): what servers and relays answering in Estonian say (Telia
Eesti, hot.ee, mail.ee, localized Exchange/Outlook reports, Postfix and Exim templates of Estonian
hosts).

Patterns are searched in the lower-cased, accent-folded diagnostic (parsers.reasons.families):
written without diacritics ("postkast on täis" is read as "postkast on tais", "tõttu" as "tottu"),
which also reads the unaccented spellings most servers send.
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

_NON_USE = r"(?:pikaajalise )?(?:mitteaktiivsuse|passiivsuse|mittekasutamise|kasutamatuse) tottu"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # (the subject in the nominative or, after a negation, the partitive: "kasutajat ei ole")
        r"(?:kasutaja|saaja|adressaat|aadress|e-posti aadress|postkast)(?:t|i)? "
        r"(?:ei eksisteeri|ei ole olemas|pole olemas|ei leitud|on tundmatu|on vigane)",
        r"tundmatu (?:kasutaja|saaja|adressaat|aadress)",
        r"(?:sellist|sellise) (?:kasutajat|saajat|adressaati|aadressi|postkasti) (?:ei ole|pole)",
        # Exchange: "Teie sisestatud meiliaadressi ei leitud."
        r"sisestatud (?:e-posti |meili)?aadressi ei (?:leitud|leita)",
    ),
    MAILBOX_FULL: (
        r"postkast(?:i)? (?:on )?(?:tais|ulekoormatud)",
        r"(?:kvoot|mahupiirang) (?:on )?(?:uletatud|tais)|uletatud (?:kvoot|mahupiirang)",
    ),
    SUSPEND: (r"ajutiselt (?:blokeeritud|peatatud|keelatud|kattesaamatu|suletud|lukustatud)",),
    ACCOUNT_DISABLED: (
        r"(?:konto|kasutajakonto|postkast|aadress)(?: on| oli)? (?:suletud|kustutatud|deaktiveeritud|keelatud)",
        # blocked or closed for non-use: the address is gone, not paused
        _NON_USE + r" (?:suletud|kustutatud|deaktiveeritud|blokeeritud|keelatud)",
    ),
    HOST_UNKNOWN: (
        r"domeen(?:i)? (?:ei eksisteeri|pole olemas|ei ole olemas|ei leitud|on tundmatu)",
        r"tundmatu domeen",
    ),
    # the message refused or classified as spam ("rämpspost", "spämm"; "as spam" is the essive
    # -na or the translative -ks): the message's fault (soft), and under 5.7.1 the sentence, not the
    # status, names it
    SPAM_DETECTED: (
        r"(?:tuvasta|margi|klassifitseeri|liigita|hinna|loe|tunnista)(?:ti|tud) (?:rampsposti|spammi|spami)(?:na|ks)\b",
        r"tagasi(?: lukatud)? kui (?:rampspost|spamm|spam)\b",
        r"(?:rampsposti|spammi|spami) kahtlus",
        # spam found in it ("tuvastatud rämpspost"; not "ei tuvastatud rämpsposti", none found), or
        # it looks like spam ("sarnaneb rämpspostiga")
        r"(?<!ei )tuvastat(?:ud|i) (?:rampspost|spamm)",
        r"sarnaneb (?:rampspost|spamm)",
        # the spam's marks or content ("rämpsposti tunnused", "rämpsposti sisu"), or unwanted mail
        # named as such ("soovimatu kiri", "soovimatu post")
        r"(?:rampsposti|spammi|spami) (?:tunnus|sisu)",
        r"soovimatu(?:ks)? (?:kiri|kirjaks|post|e-kiri|e-post|reklaam|sisu)",
        # the spam filter refused it ("blokeeriti rämpspostifiltri poolt", "rämpspostifilter lükkas
        # kirja tagasi")
        r"(?:rampsposti|spammi|spami)filtri poolt",
        r"(?:rampsposti|spammi|spami)filter (?:lukkas|blokeeris|peatas)",
    ),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # a domain "not found" that says to try again later, or calls the error temporary, says nothing
    # about the domain (a network error, soft); the sender's domain is a refusal of the sender
    HOST_UNKNOWN: (r"saatja domeen", r"proovige (?:hiljem )?uuesti(?: hiljem)?", r"ajutine viga"),
}
