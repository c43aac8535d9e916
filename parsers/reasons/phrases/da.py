"""Danish phrase families (data only): what servers and relays answering in Danish say.

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
    MESSAGE_TOO_BIG,
    NETWORK_ERROR,
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
    r"dom(?:ae|a)ne(?:t|n)? for modtager(?:en)? (?:er ukendt|findes ikke|eksisterer ikke)"
)

# The sender refused or unknown (its address or domain, as the MAIL FROM answer words it): the
# sender's (soft, sender-side), whatever user-unknown status the reply carries (VETO).
_SENDER_REFUSED: Final = (
    r"(?:afsender(?:adresse)?(?:n|en)?|afsenderens dom(?:ae|a)ne) (?:er |blev )?(?:afvist|ukendt|ugyldig|findes ikke"
    r"|kan ikke findes|kunne ikke findes|eksisterer ikke)"
    r"|ukendt afsender"
)

# For non-use ("på grund af inaktivitet", "pga. manglende brug", "grundet længere tids
# inaktivitet"): an account barred or closed for it is gone, not paused (Swedish's and German's)
_NON_USE: Final = (
    r"(?:pa grund af|pga\.?|grundet|som f(?:oe|o)lge af) (?:l(?:ae|a)ngere tids |lang tids )?"
    r"(?:inaktivitet|manglende (?:brug|aktivitet|anvendelse)|ikke-?brug)"
)

# ("æ" folds to "ae", "ø" to "o", "å" to "a")
PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # (Notes/Domino: the user is not in the directory)
        r"(?:findes|er) ikke (?:angivet |registreret )?i domino[- ]?katalog(?:et|en)",
        # "invalid address", "no user with this address", "user not found"
        r"ugyldig(?:e)? (?:(?:e-?mail-?)?adresse|modtager|bruger|postkasse|mailboks)",
        # (the recipient's, not "din adresse" or "afsenderadressen": the sender's own)
        r"(?<!din )(?<!dit )(?<!jeres )\b(?:e-?mail)?(?:adresse|modtager(?:adresse)?)(?:n|en)? er ugyldig",
        # (or "med navnet x" / "med dette navn": with that name)
        r"ingen (?:bruger|modtager|postkasse) med (?:denne (?:e-?mail-?)?adresse|dette navn|navnet \S{1,64})",
        r"(?:bruger|modtager|postkasse)(?:en)? (?:blev )?ikke fundet",
        # (Exchange: "Mailkontoen findes ikke i den organisation ...")
        r"(?:modtager|bruger|adresse|e-?mailadresse|postkasse|mailboks|(?:e-?)?mail-?konto)(?:en|n)? (?:er )?"
        r"(?:ukendt|findes ikke|eksisterer ikke|blev ikke fundet|kunne ikke findes|kan ikke findes)",
        # a user or recipient "not created" on the server ("Modtageren er ikke oprettet i systemet",
        # "Brugeren er ikke oprettet på denne server"): never set up, unknown (one "not created yet",
        # "endnu", is being set up; the noun whole: the sender's "afsenderadressen" is not the
        # recipient's)
        r"\b(?:modtager|bruger|adresse|(?:e-?)?mailadresse|postkasse|mailboks)(?:en|n)? (?:er |blev )?ikke oprettet(?! endnu)",
        r"ukendt (?:modtager|bruger|adresse|e-?mail-?adresse|postkasse)",
        # a subordinate clause puts "ikke" before the verb: Gmail's "fordi adressen ikke blev
        # fundet" (because the address was not found)
        r"(?:modtager|bruger|adresse|e-?mailadresse|postkasse|mailboks)(?:en|n)? ikke (?:blev fundet|kunne findes"
        r"|findes|eksisterer)",
        r"ingen sa(?:a|)dan (?:bruger|modtager|postkasse)",
        # the user "has no mailbox" here ("Brugeren har ingen postkasse på denne server")
        r"(?:bruger|modtager)(?:en)? har ingen (?:postkasse|mailboks|e-?mailkonto|konto)\b",
        # Exchange: "Den mailadresse, du angav, blev ikke fundet."
        r"(?:e-?)?mailadresse(?:n)?,? du (?:angav|har angivet|indtastede|har indtastet|skrev),? (?:blev ikke fundet|kunne ikke findes)",
        # Exchange Online: "<bruger> blev ikke fundet på <domæne>."
        r"blev ikke fundet p(?:aa|a) [a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+",
    ),
    MAILBOX_FULL: (
        # ("lagerpladsen er brugt op": the storage is used up)
        r"(?:lager)?plads(?:en)? (?:er )?brugt op",
        r"(?:postkasse|indbakke|mailboks)(?:n|en)? (?:(?:for|til|hos) modtageren )?(?:er )?(?:fuld|overfyldt|fyldt op)",
        # the mailbox has no more room ("Modtagerens postkasse har ikke mere plads")
        r"(?:postkasse|indbakke|mailboks)(?:n|en)? har ikke (?:mere |nok |l(?:ae|a)ngere )?plads",
        r"kvote(?:n)? (?:er )?(?:overskredet|opbrugt)",
        r"(?:har )?overskredet sin (?:kvote|lagerplads)",
        r"ikke (?:nok|tilstr(?:ae|a)kkelig) (?:lager)?plads",
        # no more room in the mailbox ("Der er ikke mere plads i postkassen")
        # (or no room at all, whose between: "Der er ikke plads i modtagerens postkasse")
        r"(?:ikke (?:(?:mere|længere|mer) )?|ingen )(?:lager)?plads (?:tilbage )?i (?:modtagerens )?"
        r"(?:postkassen|mailboksen|indbakken|postkasse|mailboks|indbakke)",
    ),
    SUSPEND: (
        # (one barred for non-use is closed: ACCOUNT_DISABLED, searched after this family)
        r"(?:midlertidigt )?(?:sp(?:ae|a)rret|suspenderet)(?! " + _NON_USE + ")",
        # closed or unavailable "for the time being" ("Postkassen er midlertidigt lukket"): a pause
        r"midlertidigt (?:lukket|deaktiveret|utilg(?:ae|a)ngelig|inaktiv)",
        # (the adverb after: "Kontoen er lukket midlertidigt")
        r"(?:lukket|deaktiveret|sp(?:ae|a)rret|suspenderet|utilg(?:ae|a)ngelig|inaktiv) midlertidigt",
    ),
    # the message itself too big (the message as subject: a mailbox "over its size" is full)
    MESSAGE_TOO_BIG: (
        r"(?:meddelelse|besked|mail)(?:n|en)? (?:er for stor|overskrider (?:den )?(?:maksimale |tilladte |maksimalt tilladte )?"
        r"(?:st(?:oe|o)rrelse|st(?:oe|o)rrelsesgr(?:ae|a)nse))",
    ),
    ACCOUNT_DISABLED: (
        # (the recipient too: "Modtageren er slettet fra systemet")
        r"(?:konto|brugerkonto|bruger|modtager|postkasse|mailboks|indbakke|adresse|e-?mailadresse)(?:n|en)? (?:er |blev |er blevet )?"
        # (or "ceased", "ophørt": the address ended)
        r"(?:deaktiveret|lukket|nedlagt|slettet|opsagt|udl(?:oe|o)bet|oph(?:oe|o)rt|ikke l(?:ae|a)ngere aktiv|ikke aktiv|inaktiv)",
        # an address that "no longer receives mail" (English's "no longer accepts mail")
        r"(?:konto|postkasse|mailboks|adresse|e-?mailadresse)(?:n|en)? (?:modtager ikke l|accepterer ikke l)(?:ae|a)ngere"
        r" (?:post|e-?mails?|mails?|beskeder|meddelelser)",
        # an address "no longer in use" (ISPs' wording for a closed account)
        r"(?:konto|postkasse|adresse|e-?mailadresse)(?:n|en)? (?:er |bliver )?ikke (?:l(?:ae|a)ngere )?i brug",
        # one that "no longer exists" is closed, not unknown (German's "existiert nicht mehr")
        r"(?:konto|postkasse|mailboks|adresse|e-?mailadresse|bruger)(?:n|en)? (?:eksisterer|findes) ikke l(?:ae|a)ngere",
        # barred, closed or deleted for non-use ("Kontoen er spærret på grund af inaktivitet")
        r"(?:sp(?:ae|a)rret|suspenderet|lukket|deaktiveret|nedlagt|slettet) " + _NON_USE,
    ),
    HOST_UNKNOWN: (
        # (or invalid: "Modtagerdomænet er ugyldigt")
        r"dom(?:ae|a)ne(?:t|n)? (?:er )?(?:ukendt|ugyldigt?|findes ikke|eksisterer ikke|kan ikke findes|kunne ikke findes)",
        r"ukendt dom(?:ae|a)ne",
        _RECIPIENTS_DOMAIN_GONE,  # ("Domænet for modtageren findes ikke")
        # the domain named between noun and verb ("Domænet x.dk findes ikke")
        # (and in a clause after "fordi", its verb last: Gmail's "fordi domænet x.dk ikke blev fundet")
        r"dom(?:ae|a)ne(?:t|n)? [a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+ (?:er ukendt|findes ikke|eksisterer ikke"
        r"|blev ikke fundet|ikke blev fundet)",
    ),
    # a refusal that calls the message spam (a 5.7.1 status alone says only "security")
    # ("afvist som spam": refused as spam)
    SPAM_DETECTED: (
        r"(?:markeret|klassificeret|identificeret|vurderet|genkendt|afvist) som (?:spam|uønsket post)",
        # (or "looks like spam": "da den ligner spam")
        r"\bligner spam\b",
    ),
    # the sender's server on a block list ("IP-adressen er sortlistet"): the sender's, soft
    # (English's "blacklisted by", "blocked using")
    BLOCKED: (
        r"(?:pa|i) (?:en|vores) (?:sortliste|blokeringsliste)|\bsortlistet",
        # (or refused: "Din IP-adresse er afvist")
        r"ip-?adresse[^.\n]{0,80}?\b(?:blokeret|afvist)",
        # (or the sender's server named: "Din mailserver er blokeret", "jeres server blev blokeret")
        r"\b(?:din|jeres) (?:mail-?|smtp-?|e-?mail-?)?server (?:er |er blevet |blev )?blokeret",
    ),
    # the recipient's own block of the sender ("Modtageren har blokeret din adresse"): the recipient's
    # filter, soft (English's "recipient has blocked")
    FILTERED: (r"modtager(?:en)? har blokeret (?:din|dine|jeres|afsender)",),
    # the sender sent too many messages ("for mange beskeder/meddelelser/mails"): a rate, soft
    # (English's "too many messages"; "for mange forbindelser" stays TOO_MANY_CONNECTIONS)
    RATE_LIMITED: (r"for mange (?:beskeder|meddelelser|e-?mails|mails)\b",),
    # the server refuses to relay for the sender ("Relæ ikke tilladt", "Relæadgang nægtet"): the
    # sender's, soft (English's "relay access denied")
    NO_RELAYING: (r"(?:relae|relay)(?:ing|adgang)? (?:er )?(?:ikke tilladt|afvist|naegtet)",),
    # a scanner found a virus in the message ("indeholder virus", "virus fundet"; not "ingen virus
    # fundet")
    VIRUS_DETECTED: (r" indeholder (?:en )?virus|(?<!ingen )virus (?:fundet|opdaget)",),
    # the name lookup failed ("Midlertidig fejl i navneopslag", "DNS-opslag mislykkedes"): the domain
    # may exist, soft (English's "temporary DNS failure", "DNS lookup failed")
    NETWORK_ERROR: (
        r"fejl i (?:navneopslag|dns-?opslag)",
        r"(?:navneopslag|dns-?opslag)(?:et)? (?:er )?mislykkedes",
    ),
    # (and too many recipients in one message, "For mange modtagere": a limit on the sender's
    # message, soft, English's "too many recipients")
    TOO_MANY_CONNECTIONS: (r"for mange (?:samtidige )?forbindelser", r"for mange modtagere\b"),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # (and Gmail's "fordi domænet x.dk ikke blev fundet" under its title "Adressen blev ikke
    # fundet": the domain gone, HOST_UNKNOWN, not the user)
    USER_UNKNOWN: (
        _RECIPIENTS_DOMAIN_GONE,
        # the sender's address unknown ("Afsenderadressen findes ikke"): a refusal of the sender, whose
        # "adressen" is not the recipient's (German's "Absenderadresse unbekannt")
        _SENDER_REFUSED,
        r"fordi dom(?:ae|a)net [a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+ (?:ikke blev|blev ikke) fundet",
    ),
    # the sender's own account ("your account is disabled"): a sender-side refusal, never the
    # recipient's address being gone
    ACCOUNT_DISABLED: (r"\b(?:din|dit|jeres) (?:konto|brugerkonto|bruger|adgang)",),
    # a domain "not found" that says to try again later, or calls the DNS error temporary, says
    # nothing about the domain: a network error, soft
    HOST_UNKNOWN: (
        r"afsender(?:ens|-?)?\s?dom(?:ae|a)ne|dom(?:ae|a)ne(?:t)? for afsender",  # (the sender's domain)
        r"pr(?:ø|o)v igen senere",
        r"midlertidig (?:dns-?)?fejl",
    ),
}

# A user-unknown status code on a refusal of the sender does not make the recipient unknown.
VETO: Final[dict[str, tuple[str, ...]]] = {REJECTED: (_SENDER_REFUSED,)}
