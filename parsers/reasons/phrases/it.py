"""Italian phrase families (data only): what servers and relays answering in Italian say.

Patterns are searched in the lower-cased, accent-folded diagnostic (parsers.reasons.families):
write them in lower case; accents may be written or left out (they are folded on both sides).
Servers that write ASCII put "e'" for "è" and "piu'" for "più" ("la casella e' stata cancellata"): "e'? "
and "piu'?" read both.
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
_RECIPIENTS_DOMAIN_GONE: Final = r"dominio del destinatario (?:(?:e )?inesistente|(?:e )?sconosciuto|non esiste|non (?:e )?(?:stato )?trovato)"

# The sender refused or unknown (its address or domain, as the MAIL FROM answer words it): the
# sender's (soft, sender-side), whatever user-unknown status the reply carries (VETO).
_SENDER_REFUSED: Final = (
    r"(?:(?:indirizzo|dominio) (?:del )?)?mittente (?:e |e stato )?(?:sconosciuto|rifiutato|respinto|non valido"
    r"|non autorizzato|inesistente|non esiste|non trovato)"
)

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # qmail's "no mailbox here by that name" as translated notices word it ("qui non esiste una casella
        # di posta con quel nome", "non c'è nessuna casella postale con questo nome")
        r"(?:non (?:esiste|c'e'?) (?:una |nessuna |alcuna )?|nessuna )(?:casella|cassetta)(?: di posta(?: elettronica)?| postale)?"
        r" (?:qui )?(?:con|a) (?:quel|questo) nome",
        # "invalid address", "no user with this address"
        # (what kind and whose, the address itself and the verb may stand between: "l'indirizzo e-mail del
        # destinatario <a@b> è errato")
        r"indirizzo (?:(?:e-?mail|di posta(?: elettronica)?|del destinatario|di destinazione) ){0,2}(?:<[^\s<>]{1,200}> )?"
        r"(?:e'? |risulta )?(?:non valido|errato|invalido)",
        r"nessun (?:utente|destinatario) (?:con questo indirizzo|con questo nome)",
        # (Notes/Domino: the user is not in the directory)
        r"non (?:e'? )?(?:presente|elencato|incluso) nel(?:la)? (?:directory (?:di )?domino|domino directory)",
        r"(?:utente|destinatario) (?:sconosciuto|inesistente|non esiste|non trovato|non valido)",
        r"nessun utente simile|l'utente non esiste",
        # (Exchange: "L'account di posta elettronica non esiste nell'organizzazione ...")
        r"account (?:di posta(?: elettronica)? |e-?mail )?(?:non esiste|inesistente)",
        r"indirizzo (?:email |e-mail |di posta(?: elettronica)? |del destinatario |di destinazione )?(?:sconosciuto|inesistente"
        r"|non esiste|non trovato)",
        r"(?:casella|cassetta) (?:di posta |postale )?(?:inesistente|non esiste|non esistente|non trovata)",
        r"utente non esistente|indirizzo non esistente",
        # the user "not present" on the server ("Utente non presente nel sistema")
        r"(?:utente|indirizzo|casella) non (?:e'? )?presente\b",
        # Exchange: "Impossibile trovare l'indirizzo di posta elettronica immesso."
        r"impossibile trovare (?:l'|l )?indirizzo",
        # a relative clause between the address and its verb (Libero/Virgilio's translated reports:
        # "L'indirizzo di posta al quale stai scrivendo non esiste")
        r"indirizzo (?:email |e-mail |di posta(?: elettronica)? )?(?:al quale|a cui) [^.]{0,60}? non esiste",
        # Exchange: "L'indirizzo di posta elettronica immesso non è stato trovato."
        # (whose: "L'indirizzo e-mail del destinatario non è stato trovato")
        r"indirizzo (?:email |e-mail |di posta(?: elettronica)? )?(?:del destinatario )?"
        r"(?:immesso |inserito |specificato |digitato )?"
        r"non (?:e'? )?stato (?:trovato|individuato)",
        # Exchange Online: "Impossibile trovare <utente> in <dominio>."
        r"(?:non (?:e|e') stat[oa] trovat[oa]|impossibile trovare \S{1,64}) (?:in|su) [a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+",
    ),
    # a Sieve reject or the delivery agent's refusal as its rejection text reads in a hosting
    # panel's translation ("Il tuo messaggio a <a@b> è stato automaticamente rifiutato"): the recipient's own rule
    FILTERED: (
        r"(?:il )?(?:tuo|suo) messaggio (?:a|per) <[^>\s]{1,300}> e stato (?:automaticamente rifiutato|rifiutato automaticamente)(?!.{0,300}(?:spam|virus))",
    ),
    MAILBOX_FULL: (
        r"(?:casella|cassetta|mailbox) (?:di posta |postale )?(?:del destinatario )?(?:e'? )?piena",
        r"spazio (?:su disco |di archiviazione )?(?:esaurito|insufficiente)",
        r"quota (?:di spazio )?(?:superata|esaurita)|(?:ha )?superat[ao] (?:la quota|il limite di spazio)",
        # the mailbox "over its largest allowed size" ("ha superato la dimensione massima consentita")
        r"(?:casella|cassetta|mailbox)(?: di posta(?: elettronica)?| postale)?(?: del destinatario)? (?:ha )?(?:superato|raggiunto)"
        r" (?:la|il) (?:dimensione|capacita|spazio|quota) massim[ao]",
        # Libero/Virgilio: "La casella ... ha raggiunto il limite massimo di capienza consentito"
        r"raggiunto il limite (?:massimo )?di (?:capienza|spazio|capacita)",
    ),
    SUSPEND: (
        r"(?:account|casella(?: di posta(?: elettronica)?| postale)?|utenza|utente)(?: del destinatario)? (?:e'? )?"
        r"(?:stat[ao] )?(?:temporaneamente )?(?:sospes[ao]|bloccat[ao])"
        r"(?! per (?:inattivita|mancato (?:utilizzo|uso)|non utilizzo))",
    ),
    ACCOUNT_DISABLED: (
        # an address "no longer active", "no longer in use" (ISPs' wording for a closed account)
        r"(?:indirizzo|casella|account|utenza)(?: di posta(?: elettronica)?| postale| e-?mail)? non (?:e'? |risulta )?piu'?"
        r" (?:attiv[oa]|in uso|utilizzat[oa])",
        # "not active" (Libero's "casella non attiva"), as English's "inactive mailbox"; a pause that
        # says so is the suspend family's
        r"(?:indirizzo|casella|account|utenza)(?: di posta(?: elettronica)?| postale| e-?mail)?(?: del destinatario)?"
        r" (?:non attiv|non e attiv|non e' attiv|non risulta attiv)[oa]\b(?! (?:temporaneamente|momentaneamente|al momento))",
        r"(?:account|(?:casella|cassetta)(?: di posta(?: elettronica)?| postale)?|utenza|utente)"
        r"(?: del destinatario)? (?:e'? |risulta )?(?:stat[ao] )?"
        r"(?:disattivat|disabilitat|chius|cancellat|eliminat|cessat)[ao]",
        # expired, or closed for non-use: the address is gone, not paused
        r"(?:account|(?:casella|cassetta)(?: di posta| postale)?|utenza|utente) (?:e'? |risulta )?(?:stat[ao] )?"
        r"scadut[ao]",
        r"(?:scadut|sospes|bloccat|disattivat|disabilitat|chius|cancellat|eliminat)[ao] "
        r"per (?:inattivita|mancato (?:utilizzo|uso)|non utilizzo)",
    ),
    HOST_UNKNOWN: (
        r"dominio (?:inesistente|sconosciuto|non esiste|non trovato)",
        # the domain named ("Il dominio x non esiste")
        r"\bdominio [a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+ (?:non esiste|e inesistente|e sconosciuto|non e stato trovato)",
        _RECIPIENTS_DOMAIN_GONE,
        # not registered ("il dominio (x) non sembra essere registrato")
        r"\bdominio(?: \([^)\s]{1,255}\)| [a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+)? non (?:sembra (?:essere )?|(?:e|è) |risulta )?registrato",
        # Notes/Domino's router in Italian (English's "No route found to domain x from server y")
        r"nessun percorso trovato (?:per il|verso il|al) dominio",
    ),
    # a refusal that calls the message spam (a 5.7.1 status alone says only "security")
    SPAM_DETECTED: (
        r"(?:considerat|rilevat|identificat|classificat|riconosciut|marcat)[oa] come (?:possibile )?spam",
        r"(?:rifiutat|respint)[oa] (?:perche|in quanto) spam|sospetto spam",
    ),
    # the server refuses to relay for the sender ("Relay non consentito", "relaying non permesso"):
    # the sender's, soft (English's "relay access denied")
    # (with its negation: "relay non", not the "relay" of every English relay line, is the keyword)
    NO_RELAYING: (
        r"relay non (?:consentito|permesso|autorizzato)|relaying non (?:consentito|permesso|autorizzato)|relay negato",
    ),
    # a scanner found a virus in the message ("rilevato virus", "contiene un virus"; not "nessun
    # virus rilevato")
    # (the verbs' stems apart, "rilev|trov" + "ato": the keyword is "virus", not "trovato", whose
    # letters English keywords are found by)
    VIRUS_DETECTED: (
        r"(?:rilev|trov)ato (?:un )?virus|(?<!nessun )virus (?:rilev|trov)ato\b|(?<!\bnon)(?<!\bno) contiene (?:un )?virus",
    ),
    # (keyed on the noun, a word of its own: "troppe" has the letters other keywords are found by)
    TOO_MANY_CONNECTIONS: (r"\btroppe? connessioni ",),
    RATE_LIMITED: (r"\btroppi? (?:messaggi|invii) ",),
    # the sender's server on a block list ("l'indirizzo IP ... è in blacklist", "inserito in lista
    # nera"): the sender's, soft (English's "blacklisted by")
    BLOCKED: (
        # (" in blacklist", not the "blacklist" that English's "blacklisted" holds, is the keyword)
        # (the accent written as an apostrophe, as ASCII replies do: "l'indirizzo IP e' in blacklist")
        r"(?:\be'?|risulta|inserit[oa]|elencat[oa]) in blacklist\b",
        r"(?:in|nella|sulla) lista nera",
    ),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (_RECIPIENTS_DOMAIN_GONE,),
    # the sender's own account ("your account is disabled"): a sender-side refusal, never the
    # recipient's address being gone
    ACCOUNT_DISABLED: (r"\b(?:il )?(?:tuo|vostro) account",),
    # a domain "not found" that says to try again later, or calls the DNS error temporary, says
    # nothing about the domain: a network error, soft
    HOST_UNKNOWN: (
        r"dominio del mittente",  # (the sender's domain)
        r"riprova(?:re|te)? (?:pi(?:ù|u) tardi|in seguito)",
        r"errore (?:dns )?temporaneo",
    ),
}

# A user-unknown status code on a refusal of the sender does not make the recipient unknown.
VETO: Final[dict[str, tuple[str, ...]]] = {REJECTED: (_SENDER_REFUSED,)}
