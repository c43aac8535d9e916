"""Finnish phrase families (data only): what servers and relays answering in Finnish say (Elisa,
Telia Finland, DNA, localized Exchange/Outlook reports and Postfix templates).

Patterns are searched in the lower-cased, accent-folded diagnostic (parsers.reasons.families):
written without diacritics ("käyttäjää" is read as "kayttajaa", "ö" as "o").
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
    TOO_MANY_CONNECTIONS,
    USER_UNKNOWN,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

_NON_USE = r"(?:kayttamattomyyden|inaktiivisuuden|pitkan kayttamattomyyden) (?:vuoksi|takia)"

# The sender refused or unknown (its address or domain, as the MAIL FROM answer words it): the
# sender's (soft, sender-side), whatever user-unknown status the reply carries (VETO).
_SENDER_REFUSED: Final = (
    r"lahettaja(?:n (?:osoite|verkkotunnus))? (?:on )?(?:hylatty|hylattiin|tuntematon|virheellinen|ei kelpaa"
    r"|ei ole olemassa)|tuntematon lahettaja"
)

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # (Notes/Domino: the user is not in the directory)
        r"ei (?:ole|loydy) (?:lueteltu |mukana )?domino[- ]?hakemistossa",
        # (the user or address may be named between noun and verb: "Käyttäjää ville ei löytynyt
        # toimialueesta x", "Vastaanottajaa a@b ei löytynyt")
        r"(?:kayttajaa|kayttajatunnusta|vastaanottajaa|osoitetta|sahkopostiosoitetta|postilaatikkoa|tilia)"
        r"(?: <?[^\s>]{1,255}>?)? ei "
        r"(?:ole olemassa|loydy|loytynyt|tunneta)",
        # (Exchange: "Sähköpostitiliä ei ole organisaatiossa, johon viesti lähetettiin")
        r"tilia ei ole organisaatiossa",
        r"tuntematon (?:kayttaja|vastaanottaja|osoite|sahkopostiosoite|postilaatikko)",
        r"(?:kayttaja|vastaanottaja|osoite|sahkopostiosoite) on tuntematon",
        # "the recipient('s address) is invalid", "invalid recipient" (the recipient named: the
        # sender's own "lähettäjän osoite on virheellinen" is no unknown recipient)
        r"vastaanottaja(?:n (?:sahkoposti)?osoite)? on (?:virheellinen|epakelpo|kelvoton)",
        r"virheellinen vastaanottaja(?:osoite|n osoite)?",
        # Exchange: "Antamaasi sähköpostiosoitetta ei löytynyt."
        r"antamaasi sahkopostiosoitetta ei",
    ),
    MAILBOX_FULL: (
        r"(?:postilaatikko|saapuneet-kansio|sahkopostilaatikko) (?:on )?(?:taynna|tayttynyt)",
        r"(?:kiintio|tallennustila|levytila) (?:on )?(?:ylittynyt|ylitetty|taynna|tayttynyt)",
        r"ylittanyt (?:kiintionsa|tallennustilansa|kiintion)",
    ),
    SUSPEND: (
        r"valiaikaisesti (?:estetty|lukittu|suljettu|jaadytetty|poissa kaytosta)",
        r"tili on (?:estetty|lukittu|jaadytetty)(?!\w* " + _NON_USE + r")",
    ),
    ACCOUNT_DISABLED: (
        # an address "no longer in use" (ISPs' wording for a closed account)
        r"(?:osoite|sahkopostiosoite|tili|postilaatikko) ei (?:ole )?enaa (?:kaytossa|aktiivinen)",
        r"(?:tili|postilaatikko|sahkopostitili|kayttajatili|osoite) on (?:poistettu|suljettu|lakkautettu"
        r"|passivoitu|poistettu kaytosta|deaktivoitu|ei enaa kaytossa)",
        # blocked or closed for non-use: the address is gone, not paused
        r"(?:estetty|lukittu|suljettu|poistettu|lakkautettu|passivoitu) " + _NON_USE,
        _NON_USE + r" (?:suljettu|poistettu|lakkautettu|passivoitu)",
    ),
    HOST_UNKNOWN: (
        r"(?:verkkotunnusta|toimialuetta|domainia) ei (?:ole olemassa|loydy|loytynyt|tunneta)",
        r"tuntematon (?:verkkotunnus|toimialue|domain)",
    ),
    # a refusal that calls the message spam (a 5.7.1 status alone says only "security")
    SPAM_DETECTED: (r"(?:tunnistettu|luokiteltu|merkitty) roskapostiksi|roskapostiepäily",),
    # the sender's server on a block list ("IP-osoite on mustalla listalla"): the sender's, soft
    # (English's "blacklisted by", "blocked using")
    BLOCKED: (
        r"mustalla listalla|mustalle listalle|estolistalla|estolistalle",
        r"ip-?osoite[^.\n]{0,80}?\bon estetty",
    ),
    # too many recipients in one message ("liian monta vastaanottajaa, liikaa vastaanottajia"): a
    # limit on the sender's message, soft (English's "too many recipients")
    TOO_MANY_CONNECTIONS: (r"(?:liian monta|liikaa) vastaanottaj(?:aa|ia)\b",),
}

# A user-unknown status code on a refusal of the sender does not make the recipient unknown.
VETO: Final[dict[str, tuple[str, ...]]] = {REJECTED: (_SENDER_REFUSED,)}
