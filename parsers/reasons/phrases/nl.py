"""Dutch phrase families (data only): what servers and relays answering in Dutch say.

Patterns are searched in the lower-cased, accent-folded diagnostic (parsers.reasons.families):
write them in lower case; accents may be written or left out (they are folded on both sides).
"""

from __future__ import annotations

from parsers.reasons.codes import (
    ACCOUNT_DISABLED,
    BLOCKED,
    FILTERED,
    HOST_UNKNOWN,
    MAILBOX_FULL,
    NO_RELAYING,
    RATE_LIMITED,
    REJECTED,
    SPAM_DETECTED,
    SUSPEND,
    TOO_MANY_CONNECTIONS,
    USER_UNKNOWN,
    VIRUS_DETECTED,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# The recipient's domain unknown, whose domain after the noun: the domain is gone (host_unknown),
# not the user whose noun stands inside it; the verdict is named too, so a user unknown *in* that
# domain stays the user.
_RECIPIENTS_DOMAIN_GONE: Final = (
    r"domein(?:naam)? van de (?:ontvanger|geadresseerde) (?:is )?(?:onbekend|bestaat niet|niet gevonden)"
)

# The sender refused or unknown (its address or domain, as the MAIL FROM answer words it): the
# sender's (soft, sender-side), whatever user-unknown status the reply carries (VETO).
_SENDER_REFUSED: Final = (
    r"(?:afzender(?:s)?(?:adres)?|domein van de afzender) (?:is |werd )?(?:geweigerd|afgewezen|onbekend|ongeldig"
    r"|niet toegestaan|bestaat niet|niet gevonden)|onbekende afzender"
)

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # qmail's "no mailbox here by that name" as translated notices word it ("er is hier geen mailbox met
        # die naam")
        r"geen (?:mailbox|postbus|brievenbus) (?:hier )?met (?:die|deze) naam",
        # "invalid address", "no user with this address"
        r"ongeldig (?:e-?mail)?adres",
        r"geen (?:gebruiker|ontvanger|mailbox) met (?:dit|dat) adres",
        # (Notes/Domino: the user is not in the directory)
        r"(?:staat|komt) niet (?:voor )?in (?:de )?domino[- ]?(?:directory|adresboek)",
        r"niet (?:vermeld|opgenomen|gevonden) in (?:de )?domino[- ]?(?:directory|adresboek)",
        # (where it is unknown may stand before the verb: "Dit adres is bij ons onbekend")
        r"(?:gebruiker|ontvanger|geadresseerde|adres|e-?mailadres|e-?mailaccount|mailbox|postbus) (?:is )?"
        r"(?:bij ons |hier |op (?:deze|onze) server )?(?:onbekend|bestaat niet|niet gevonden|niet bekend)",
        r"onbekende (?:gebruiker|ontvanger|geadresseerde|mailbox)|onbekend (?:e-?mail)?adres",
        # a subordinate clause puts "niet" before the verb: Gmail's "omdat het adres niet is
        # gevonden" (because the address was not found)
        r"(?:adres|e-?mailadres|ontvanger|gebruiker) niet (?:is |werd |kon worden )gevonden",
        # "invalid recipient" (the recipient named, as English's "invalid recipient")
        r"ongeldige (?:ontvanger|geadresseerde)(?:sadres)?|(?:ontvanger|geadresseerde)(?:sadres)? (?:is )?ongeldig",
        # Exchange: "Het e-mailadres dat u hebt ingevoerd, is niet gevonden."
        r"e-?mailadres dat u hebt ingevoerd,? (?:is niet gevonden|kan niet worden gevonden|werd niet gevonden)",
        # Exchange Online: "<gebruiker> is niet gevonden op <domein>."
        r"(?:is |werd )?niet gevonden op [a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+",
    ),
    # a Sieve reject or the delivery agent's refusal as its rejection text reads in a hosting
    # panel's translation ("Uw bericht aan <a@b> is automatisch geweigerd"): the recipient's own rule
    FILTERED: (
        r"uw bericht aan <[^>\s]{1,300}> is automatisch (?:geweigerd|afgewezen)(?!.{0,300}(?:spam|virus))",
    ),
    MAILBOX_FULL: (
        # (whose, between noun and verb; "zit vol", is full, beside "is vol")
        r"(?:mailbox|postbus|brievenbus|postvak) (?:van (?:de|deze) (?:ontvanger|geadresseerde|gebruiker) )?(?:is |zit )?vol",
        r"(?:quotum|quota|opslaglimiet) (?:is )?(?:overschreden|bereikt)",
        r"onvoldoende (?:opslag)?ruimte",
        # no room left in the mailbox ("Geen ruimte meer in de mailbox")
        r"geen (?:opslag)?ruimte (?:meer )?(?:in|op) (?:de|het) (?:mailbox|postbus|brievenbus|postvak|account)",
    ),
    SUSPEND: (
        r"(?:account|mailbox) (?:is )?(?:tijdelijk )?(?:geblokkeerd|opgeschort)",
        r"tijdelijk uitgeschakeld",
    ),
    ACCOUNT_DISABLED: (
        # an address or account that "no longer exists" ("Dit e-mailadres bestaat niet meer"): closed,
        # searched before the user unknown's "bestaat niet"
        r"(?:e-?mailadres|adres|account|mailbox|postbus|gebruiker) bestaat niet (?:meer|langer)",
        # an address "no longer in use" (ISPs' wording for a closed account)
        r"(?:e-?mailadres|adres|account|mailbox|postbus)(?: van de ontvanger)? (?:is |wordt )?niet (?:meer|langer)"
        r" (?:in gebruik|gebruikt)",
        # whose account, between noun and verb ("het account van de ontvanger is verwijderd")
        r"(?:account|mailbox|postbus) van (?:de|deze) (?:ontvanger|geadresseerde|gebruiker) (?:is |werd )?(?:verwijderd|opgeheven|gedeactiveerd|uitgeschakeld)",
        r"(?:account|mailbox|postbus|e-?mailadres) (?:is )?(?:uitgeschakeld|gedeactiveerd|opgeheven|verwijderd"
        r"|beeindigd|niet meer actief|verlopen)",
    ),
    HOST_UNKNOWN: (
        r"domein(?:naam)? (?:is )?(?:onbekend|bestaat niet|niet gevonden)",
        _RECIPIENTS_DOMAIN_GONE,
        r"onbekend domein",
        # not registered ("de domeinnaam (x) lijkt niet geregistreerd te zijn")
        r"\bdomein(?:naam)?(?: \([^)\s]{1,255}\)| [a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+)? (?:lijkt |is )?niet geregistreerd",
    ),
    # a refusal that calls the message spam (a 5.7.1 status alone says only "security")
    SPAM_DETECTED: (
        r"(?:aangemerkt|herkend|gemarkeerd|geclassificeerd|beschouwd|gedetecteerd) als spam|als spam (?:aangemerkt|herkend|gemarkeerd)",
    ),
    # the sender's server on a block list ("uw IP-adres staat op een zwarte lijst"): the sender's,
    # soft (English's "blacklisted by", "blocked using")
    BLOCKED: (
        r"(?:op|in) (?:een|de|onze) (?:zwarte lijst|blokkeerlijst)",
        r"ip-?adres[^.\n]{0,80}?(?:geblokkeerd|op de zwarte lijst)",
    ),
    # the server refuses to relay for the sender ("Relayen niet toegestaan", "Relaytoegang
    # geweigerd"): the sender's, soft (English's "relay access denied")
    NO_RELAYING: (r"relay(?:en|ing)? (?:is )?(?:niet toegestaan|geweigerd)|relay-?toegang geweigerd",),
    # a scanner found a virus in the message ("virus gevonden", "bevat een virus"; not "geen virus
    # gevonden")
    # (keyed on " een virus" and "virus ...": a keyword "bevat" would take the letters "vat" that
    # English's "activated" is found by)
    VIRUS_DETECTED: (r"(?<!geen )virus (?:gevonden|gedetecteerd|aangetroffen)|\bbevat(?:ten)? een virus",),
    # ("Te veel verbindingen", KPN's "teveel")
    TOO_MANY_CONNECTIONS: (r"te ?veel (?:gelijktijdige )?verbindingen",),
    # the sender sent too many messages ("Te veel berichten verzonden"): a rate, soft (English's
    # "too many messages")
    RATE_LIMITED: (r"te ?veel (?:berichten|e-?mails|mails|e-?mailberichten)\b",),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (_RECIPIENTS_DOMAIN_GONE,),
    # the sender's own account ("your account is disabled"): a sender-side refusal, never the
    # recipient's address being gone
    ACCOUNT_DISABLED: (r"\b(?:uw|je|jouw) account",),
    # a domain "not found" that says to try again later, or calls the DNS error temporary, says
    # nothing about the domain: a network error, soft
    HOST_UNKNOWN: (
        r"afzender-?domein|domein van de afzender",  # (the sender's domain)
        r"probeer het later (?:opnieuw|nogmaals)",
        r"tijdelijke (?:dns-?)?fout",
    ),
}

# A user-unknown status code on a refusal of the sender does not make the recipient unknown.
VETO: Final[dict[str, tuple[str, ...]]] = {REJECTED: (_SENDER_REFUSED,)}
