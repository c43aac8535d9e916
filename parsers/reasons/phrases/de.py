"""German phrase families (data only): what servers and relays answering in German say.

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
    NOT_ACCEPT,
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

# The sender refused or unknown (its address or domain, as the MAIL FROM answer words it): the
# sender's (soft, sender-side), whatever user-unknown status the reply carries (VETO).
_SENDER_REFUSED: Final = (
    r"absender(?:-?adresse|-?domain)? (?:ist |wurde )?(?:abgelehnt|abgewiesen|zur(?:ue|u)ckgewiesen|unbekannt|nicht bekannt"
    r"|existiert nicht|ung(?:ue|u)ltig|nicht gefunden)|(?:domain|dom(?:ae|a)ne) des absenders"
)

# The sending server's address refused ("Ihre IP-Adresse ... wurde gesperrt", "Absender-IP
# blockiert"): the sender's (soft), whatever user-unknown status the reply carries (VETO).
_SENDER_IP_BLOCKED: Final = (
    # (the address itself may stand between, its dots too: "Ihre IP-Adresse 192.0.2.7 wurde gesperrt")
    r"(?:ip-?adresse|absender-?ip|ihr(?:es)? (?:mail-?)?server)(?:[^.\n]|\.(?=\d)){0,80}?(?:gesperrt|blockiert|geblockt"
    r"|gelistet)\b"
)

# By whom an account was closed, between the auxiliary and the verb ("wurde vom Administrator
# deaktiviert", "vom Kunden gekündigt"), or nothing.
_BY_WHOM: Final = (
    r"(?:(?:vom|von der|von dem) (?:administrator|admin|systemadministrator|betreiber|anbieter|provider|inhaber"
    r"|besitzer|kunden|verwaltung) )?"
)

# (umlauts fold to plain vowels: "Empfänger" is read as "empfanger"; the "ae/oe/ue" spellings of
# mail systems without umlauts are written out)
PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # "no user with this address"; an address "no longer valid"
        r"kein(?:en)? (?:benutzer|empf(?:ae|a)nger|postfach) (?:mit|unter) dieser adresse",
        # the user named ("Es gibt keinen Benutzer mit dem Namen x", "kein Postfach namens x")
        r"kein(?:en)? (?:benutzer|empf(?:ae|a)nger|postfach|mailbox) (?:mit (?:dem|diesem) namen|namens)\b",
        r"(?:e-?mail-?adresse|adresse|empf(?:ae|a)ngeradresse) (?:ist )?nicht mehr g(?:ue|u)ltig",
        r"unbekannte[rn]? (?:empf(?:ae|a)nger|benutzer|adresse|e-?mail-?adresse|empf(?:ae|a)ngeradresse|mailbox|postfach)",
        # the user "not present in our system"
        r"(?:benutzer|empf(?:ae|a)nger|postfach) (?:ist )?in unserem system nicht (?:vorhanden|bekannt)",
        # (Notes/Domino: the user is not in the directory)
        r"nicht im (?:domino[- ]?verzeichnis|(?:(?:oe|o)ffentlichen )?(?:namens- und )?adressbuch) (?:aufgef(?:ue|u)hrt|aufgelistet|enthalten)",
        r"im domino[- ]?verzeichnis nicht (?:aufgef(?:ue|u)hrt|aufgelistet|enthalten|vorhanden|gefunden)",
        # (T-Online: "unknown user / Teilnehmer existiert nicht", the subscriber; Exchange: "Das
        # E-Mail-Konto existiert nicht bei der Organisation ..."; one that "existiert nicht mehr"
        # is closed: ACCOUNT_DISABLED, searched first)
        r"(?:benutzer|empf(?:ae|a)nger|empf(?:ae|a)ngeradresse|adresse|e-?mail-?adresse|postfach|mailbox|teilnehmer"
        r"|e-?mail-?konto|benutzerkonto)"
        r"(?: des empf(?:ae|a)ngers)? (?:ist )?(?:unbekannt|nicht bekannt|existiert nicht|nicht gefunden|nicht vorhanden"
        r"|ung(?:ue|u)ltig|nicht existent|nicht existierend)",
        # (Exchange's other German wording of "The e-mail account does not exist at the organization
        # this message was sent to": "Das E-Mail-Konto ist in der Organisation, an die die Nachricht
        # gesendet wurde, nicht vorhanden")
        r"e-?mail-?konto ist (?:in|bei) der organisation,? an die [^.]{0,80}nicht vorhanden",
        # English's "mailbox unavailable" (a temporary one says "vorübergehend": SUSPEND)
        r"(?:postfach|mailbox)(?: des empf(?:ae|a)ngers)? (?:ist )?nicht verf(?:ue|u)gbar",
        r"kein(?:en)? (?:solche[rns]? )?(?:benutzer|empf(?:ae|a)nger|postfach) (?:gefunden|vorhanden|bekannt)",
        # where it is unknown, between noun and verb ("Empfänger bei uns unbekannt", "Benutzer auf
        # diesem Server unbekannt"); a recipient that "does not exist here" ("Diesen Empfänger gibt
        # es nicht"; one that "gibt es nicht mehr" is gone too)
        r"(?:benutzer|empf(?:ae|a)nger|adresse|e-?mail-?adresse|postfach|mailbox)"
        r" (?:hier|bei uns|auf diesem (?:server|system)|in diesem system) (?:ist )?unbekannt",
        # ("Der Empfänger ist dem System nicht bekannt")
        r"(?:benutzer|empf(?:ae|a)nger|adresse|e-?mail-?adresse|postfach|mailbox) (?:ist )?(?:dem|unserem) (?:mail)?(?:system|server)"
        r" (?:nicht bekannt|unbekannt)",
        r"(?:benutzer|empf(?:ae|a)nger|adresse|e-?mail-?adresse|postfach|mailbox) gibt es (?:hier |bei uns )?nicht\b",
        # "known to us" between the auxiliary and its verb ("Diese E-Mail-Adresse ist uns nicht bekannt";
        # the noun whole: the sender's "Absenderadresse" is UNLESS's)
        r"\b(?:benutzer|empf(?:ae|a)nger|empf(?:ae|a)ngeradresse|adresse|e-?mail-?adresse|postfach|mailbox) (?:ist|sind) (?:uns|hier"
        r"|bei uns) (?:nicht bekannt|unbekannt)",
        # (English's "no such user", word for word)
        r"kein(?:e|en)? solche[rns]? (?:benutzer|empf(?:ae|a)nger|postfach|adresse)\b",
        # "no mailbox for this recipient"
        # (or "for this address": "Es existiert kein Postfach für diese Adresse")
        r"kein(?:en)? (?:postfach|mailbox|benutzer(?:konto)?) f(?:ue|u)r (?:(?:diesen|den) (?:empf(?:ae|a)nger|benutzer)"
        r"|diese (?:e-?mail-?)?adresse)",
        # (whose address, between noun and verb: "Die E-Mail-Adresse des Empfängers wurde nicht gefunden")
        r"(?:empf(?:ae|a)nger|e-?mail-?adresse)(?:, die sie eingegeben haben,| des empf(?:ae|a)ngers)? (?:wurde |konnte )?"
        r"nicht gefunden",
        # the adjective before the noun: "ungültige Empfängeradresse", "ungültiger Empfänger"
        r"ung(?:ue|u)ltige[rns]? (?:empf(?:ae|a)nger(?:adresse|in)?|e-?mail-?adresse|adresse|mailbox|postfach)",
        # Exchange Online: "<Benutzer> wurde bei <Domäne> nicht gefunden."
        r"wurde (?:bei|unter|auf) [a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+ nicht gefunden",
    ),
    MAILBOX_FULL: (
        r"(?:postfach|mailbox|postfachspeicher|posteingang) (?:des empf(?:ae|a)ngers )?(?:ist )?(?:voll|(?:ue|u)berf(?:ue|u)llt)",
        # whose storage, between noun and verb: the recipient's, the account's, the mailbox's
        # ("Speicherplatz des Kontos ueberschritten", bytecamp)
        r"(?:speicherplatz|speichervolumen|speicherkontingent|kontingent|quota|postfachgr(?:oe|o)(?:ss)e)"
        r"(?: des (?:empf(?:ae|a)ngers|kontos|postfachs|benutzers|accounts))?"
        r" (?:ist |wurde )?(?:ersch(?:oe|o)pft|ausgesch(?:oe|o)pft|(?:ue|u)berschritten|voll|erreicht)",
        # the user as subject: web.de's "Benutzer hat das Speichervolumen ueberschritten" (German
        # Dovecot setups' quota_exceeded_message: "Benutzer %u hat ...", the address named) and
        # "Benutzer hat zu viele Mails auf dem Server" (too many messages stored: full)
        r"(?:benutzer|empf(?:ae|a)nger)(?: \S{1,255})? hat (?:das |sein |seinen |ihr |ihren )?(?:speichervolumen|speicherplatz"
        r"|speicherkontingent|kontingent|quota|postfachlimit|speicherlimit) (?:(?:ue|u)berschritten|erreicht)",
        r"(?:benutzer|empf(?:ae|a)nger) hat zu ?viele (?:e-?)?mails auf dem server",
        r"nicht gen(?:ue|u)gend speicherplatz",
        # over its limit ("Das Postfach ist über dem Limit")
        r"(?:postfach|mailbox)(?: des empf(?:ae|a)ngers)? (?:ist )?(?:ue|u)ber (?:dem|seinem|ihrem) (?:speicher)?(?:limit|kontingent)",
        # the mailbox as subject: "Das Postfach hat die maximale Größe (sein Speicherlimit) erreicht"
        r"(?:postfach|mailbox)(?: des empf(?:ae|a)ngers)? hat (?:die |das |sein |seine |ihr |ihre )?(?:maximale"
        r" (?:speicher)?gr(?:oe|o)sse|speicherlimit|speichergrenze|gr(?:oe|o)ssenlimit) (?:erreicht|(?:ue|u)berschritten)",
    ),
    # the message itself too big ("Nachricht zu groß", "Die Nachricht überschreitet die maximal
    # zulässige Größe"; the message as subject: a mailbox "over its size" is full)
    MESSAGE_TOO_BIG: (
        r"(?:nachricht|e-?mail|mail) (?:ist )?zu gross\b",
        r"(?:nachricht|e-?mail|mail) (?:(?:ue|u)berschreitet|(?:ue|u)bersteigt) die (?:maximal(?:e|en)? |zul(?:ae|a)ssige |erlaubte ){0,2}"
        r"(?:nachrichten)?gr(?:oe|o)sse",
        r"nachrichtengr(?:oe|o)sse (?:ist |wurde )?(?:zu gross|(?:ue|u)berschritten)",
    ),
    SUSPEND: (
        # (or "for now": "zur Zeit", "derzeit", "momentan")
        # (the recipient too: "Empfänger gesperrt")
        r"(?:konto|postfach|benutzerkonto|account|empf(?:ae|a)nger) (?:ist |wurde )?(?:vor(?:ue|u)bergehend |zur ?zeit |derzeit |momentan )?gesperrt"
        r"(?! (?:wegen|aufgrund) (?:von )?(?:l(?:ae|a)ngerer )?(?:inaktivit|nichtnutzung|nicht-?benutzung))"
        # (nor one locked "and no longer used": closed, ACCOUNT_DISABLED's)
        r"(?! und (?:wird|ist) nicht mehr)",
        # (or "provisionally", "for a while": "vorläufig", "zeitweise")
        r"(?:vor(?:ue|u)bergehend|vorl(?:ae|a)ufig|zeitweise|tempor(?:ae|a)r) (?:deaktiviert|gesperrt|nicht verf(?:ue|u)gbar|inaktiv)",
        # (the adverb after: "Das Konto ist deaktiviert (vorübergehend)", "geschlossen vorübergehend")
        r"(?:deaktiviert|gesperrt|geschlossen|stillgelegt),? \(?vor(?:ue|u)bergehend",
    ),
    ACCOUNT_DISABLED: (
        # an address "no longer used" or "in use" (ISPs' wording for a closed account)
        r"(?:konto|postfach|adresse|e-?mail-?adresse|mailbox|account)(?: des empf(?:ae|a)ngers)? (?:wird |ist )?nicht mehr"
        r" (?:verwendet|benutzt|genutzt|in (?:gebrauch|benutzung|verwendung|betrieb))",
        # (whose between noun and verb, "dieses Empfängers" too; an account "ended", "beendet", is closed;
        # the user or recipient too: "Der Benutzer wurde gelöscht")
        r"(?:konto|postfach|benutzerkonto|account|mailbox|e-?mail-?adresse|adresse|benutzer|empf(?:ae|a)nger)"
        r"(?: (?:des|dieses) empf(?:ae|a)ngers)?"
        r" (?:ist |wurde )?"
        + _BY_WHOM
        + r"(?:deaktiviert|gel(?:oe|o)scht|geschlossen|aufgel(?:oe|o)st|stillgelegt|nicht mehr aktiv|beendet)",
        # GMX's "User is inactive" in German: an inactive user or account (a temporary one,
        # "vorübergehend inaktiv", is a pause: SUSPEND, searched first)
        r"(?:benutzer|konto|benutzerkonto|account|postfach|mailbox) (?:ist )?inaktiv\b",
        # expired, or closed for non-use: the address is gone, not paused (an address "expired or
        # invalid", "abgelaufen oder ungültig", is gone too)
        r"(?:konto|postfach|benutzerkonto|account|mailbox|e-?mail-?adresse|adresse) (?:ist |wurde )?abgelaufen",
        # an account, user or mailbox that "no longer exists" (German qmail/Exim templates: "Dieser
        # Benutzer existiert hier nicht mehr"), an address "no longer assigned" ("nicht mehr
        # vergeben"): closed
        r"(?:konto|benutzerkonto|account|benutzer|empf(?:ae|a)nger|postfach|mailbox|e-?mail-?adresse|adresse)"
        r" existiert (?:hier |dort |bei uns |auf diesem (?:server|system) )?nicht mehr",
        r"(?:e-?mail-?adresse|adresse|postfach|mailbox|konto) (?:ist |wird )?nicht mehr vergeben",
        # the mail service for the address discontinued ("Der E-Mail-Dienst für diese Adresse wurde
        # eingestellt", as ISPs that closed their mail service answer): closed for good
        r"(?:e-?mail-?)?dienst (?:f(?:ue|u)r (?:diese|die) (?:e-?mail-?)?adresse |(?:dieses|des) (?:postfachs|kontos) )?"
        r"(?:wurde|ist) (?:endg(?:ue|u)ltig )?eingestellt",
        # one "no longer available" ("Dieser Account ist nicht mehr verfügbar"; English's "mailbox
        # unavailable" without "mehr" is USER_UNKNOWN's, a temporary one SUSPEND's)
        r"(?:konto|benutzerkonto|account|postfach|mailbox|e-?mail-?adresse|adresse) (?:ist )?nicht mehr verf(?:ue|u)gbar",
        # one that "no longer takes mail" ("Der Empfänger nimmt keine E-Mails mehr an", English's "no
        # longer accepts mail")
        r"(?:empf(?:ae|a)nger|benutzer|e-?mail-?adresse|adresse|postfach|mailbox|konto) (?:nimmt|akzeptiert|empf(?:ae|a)ngt)"
        r" keine (?:e-?mails?|mails?|nachrichten|post) mehr",
        # the owner "gave up" the address ("Der Inhaber hat diese E-Mail-Adresse aufgegeben")
        r"(?:e-?mail-?adresse|adresse|postfach|mailbox|konto) (?:wurde |ist )?(?:vom inhaber )?aufgegeben",
        r"hat (?:diese|seine|ihre|die) (?:e-?mail-?adresse|adresse|postfach|mailbox|konto) aufgegeben",
        # a contract or account cancelled ("gekündigt"): closed for good
        r"(?:konto|postfach|benutzerkonto|account|mailbox|vertrag) (?:ist |wurde )?"
        + _BY_WHOM
        + r"gek(?:ue|u)ndigt",
        # locked and no longer used ("Das Benutzerkonto wurde gesperrt und wird nicht mehr verwendet")
        r"gesperrt und (?:wird|ist) nicht mehr (?:verwendet|benutzt|genutzt|aktiv|in (?:gebrauch|benutzung|betrieb))",
        # (and "aufgrund von Inaktivität")
        r"(?:wegen|aufgrund|infolge) (?:von )?(?:l(?:ae|a)ngerer |langer )?(?:inaktivit(?:ae|a)t|nichtnutzung|nicht-?benutzung)"
        r" (?:deaktiviert|gel(?:oe|o)scht|gesperrt|geschlossen|stillgelegt|abgelaufen)",
        r"(?:deaktiviert|gel(?:oe|o)scht|gesperrt|geschlossen|stillgelegt|abgelaufen) (?:wegen|aufgrund|infolge) "
        r"(?:von )?(?:l(?:ae|a)ngerer |langer )?(?:inaktivit(?:ae|a)t|nichtnutzung|nicht-?benutzung)",
    ),
    HOST_UNKNOWN: (
        # whose domain, between noun and verb
        r"(?:domain|dom(?:ae|a)ne) des empf(?:ae|a)ngers (?:existiert nicht|ist unbekannt|(?:wurde )?nicht gefunden)",
        r"(?:domain|dom(?:ae|a)ne|host) (?:ist )?(?:unbekannt|existiert nicht|nicht gefunden|nicht vorhanden)",
        # the domain named between noun and verb ("Die Domain x.de existiert nicht")
        # (and in a clause after "weil", its verb last: Gmail's "weil die Domain x.de nicht gefunden
        # wurde")
        r"(?:domain|dom(?:ae|a)ne) [a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+ (?:ist unbekannt|existiert nicht"
        r"|wurde nicht gefunden|nicht gefunden wurde)",
        r"unbekannte (?:domain|dom(?:ae|a)ne)",
        r"(?:host|zielhost) oder dom(?:ae|a)nenname nicht gefunden",
        # a null MX (RFC 7505), as German reports write it ("Null-MX", "Null-MX-Eintrag"): the
        # domain takes no mail at all
        r"null-mx",
        # not registered (MailEnable's "the domain name (x) does not appear to be registered" in
        # German: "Die Domain (x) scheint nicht registriert zu sein"); the sender's is UNLESS's
        r"\b(?:domain|dom(?:ae|a)ne)(?:name)?(?: \([^)\s]{1,255}\)| [a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+)? (?:ist |scheint )?nicht registriert",
    ),
    # the domain takes no mail ("Die Domain nimmt keine E-Mails an": English's "domain does not accept
    # mail", a null MX's words): hard
    NOT_ACCEPT: (
        # (not the sender's: "Absender-Domain nimmt keine Mails an")
        r"(?<!absender-)(?<!absender)(?:domain|dom(?:ae|a)ne|host) (?:nimmt|akzeptiert|empf(?:ae|a)ngt) (?:grunds(?:ae|a)tzlich )?keine"
        r" (?:e-?mails?|mails?|nachrichten|post)\b(?! mehr)",
    ),
    # a refusal that calls the message spam (a 5.7.1 status alone says only "security")
    SPAM_DETECTED: (
        # (its content unwanted: "Nachricht enthält unerwünschte Inhalte")
        r"(?:enth(?:ae|a)lt|wegen|mit) unerw(?:ue|u)nschte[nm]? inhalte?n?\b",
        # (or refused as spam: "als Spam abgelehnt")
        r"als spam (?:erkannt|eingestuft|klassifiziert|markiert|identifiziert|bewertet|abgelehnt|abgewiesen"
        r"|zur(?:ue|u)ckgewiesen)",
        # (or as unwanted advertising or mail: "als unerwünschte Werbung (Spam) eingestuft", "als
        # unerwünschte E-Mail erkannt"; a phrase of its own, so each keeps its own keyword)
        r"als unerw(?:ue|u)nschte (?:werbung|e-?mail|nachricht|post)(?: \(spam\))? (?:erkannt|eingestuft"
        r"|klassifiziert|markiert|identifiziert|bewertet)",
        r"spam-?verdacht",
    ),
    # the sender's server on a block list ("Ihre IP-Adresse ... steht auf einer Sperrliste"): the
    # sender's, soft (English's "blacklisted by", "blocked using")
    BLOCKED: (
        r"(?:auf|in) (?:einer|der|unserer|eine|die) (?:sperrliste|schwarzen liste|schwarze liste)",
        _SENDER_IP_BLOCKED,
    ),
    # the recipient's own block of the sender ("Der Empfänger hat Ihre Absenderadresse blockiert"): the
    # recipient's filter, soft (English's "recipient has blocked", "refused due to recipient preferences")
    FILTERED: (
        r"empf(?:ae|a)nger hat (?:ihre|ihren|diese|diesen) (?:absender-?adresse|absender|e-?mail-?adresse|adresse"
        r"|nachrichten|e-?mails) (?:blockiert|gesperrt)",
        # a Sieve reject or the delivery agent's refusal as a hosting panel translates its rejection
        # text ("Ihre Nachricht an <a@b> wurde automatisch abgelehnt: ..."): the recipient's own rule
        r"ihre nachricht an <[^>\s]{1,300}> wurde automatisch abgelehnt(?!.{0,300}(?:spam|virus))",
    ),
    # the server refuses to relay for the sender ("Relaying nicht erlaubt", "Relay-Zugriff
    # verweigert"): the sender's, soft (English's "relay access denied")
    NO_RELAYING: (
        r"relay(?:ing)? (?:ist )?(?:verweigert|verboten)|relay-?zugriff verweigert",
        # (" nicht ", and not the verb's common letters, is the keyword)
        r"relay(?:ing)? nicht (?:erlaubt|gestattet|zulassig)|relay(?:ing)? ist nicht (?:erlaubt|gestattet|zulassig)",
    ),
    # a scanner found a virus in the message ("Virus gefunden", "enthält einen Virus"; not "kein
    # Virus gefunden")
    VIRUS_DETECTED: (r"(?<!kein )virus (?:gefunden|entdeckt|erkannt)| enthalt (?:einen |ein )?virus",),
    # the name lookup failed ("Fehler bei der Namensauflösung", "DNS-Abfrage fehlgeschlagen"): the
    # domain may exist, soft (English's "temporary DNS failure", "DNS lookup failed")
    NETWORK_ERROR: (
        r"fehler (?:bei der|in der) (?:namensaufl(?:oe|o)sung|dns-?abfrage)",
        r"(?:namensaufl(?:oe|o)sung|dns-?abfrage) (?:ist )?fehlgeschlagen",
        # the receiving server unreachable ("Zielserver nicht erreichbar": English's "host unreachable")
        r"(?:ziel-?|mail-?|empfangs-?)?(?:server|host) (?:ist |war )?nicht erreichbar",
        # (English's "Host not found, try again": "Host oder Domänenname nicht gefunden. Versuchen Sie es
        # später erneut")
        r"nicht gefunden\.? (?:versuchen|probieren) sie es sp(?:ae|a)ter",
    ),
    # too many recipients in one message ("zu viele Empfänger"): a limit on the sender's message,
    # soft (English's "too many recipients")
    TOO_MANY_CONNECTIONS: (
        r"zu viele (?:gleichzeitige |parallele )?verbindungen",
        r"zu viele empf(?:ae|a)nger\b",
    ),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # the sender's own account ("your account is disabled"): a sender-side refusal, never the
    # recipient's address being gone
    ACCOUNT_DISABLED: (
        r"\b(?:ihr|ihre|dein|deine)[rsm]? (?:e-?mail-?)?(?:konto|benutzerkonto|account|zugang|absenderkonto|benutzer)",
    ),
    # a domain "not found" that says to try again later, or calls the DNS error temporary, says
    # nothing about the domain: a network error, soft
    # the sender's address unknown ("Absenderadresse unbekannt"): a refusal of the sender
    USER_UNKNOWN: (
        r"absender(?:-?adresse)? (?:ist |wurde )?(?:unbekannt|existiert nicht|ung(?:ue|u)ltig)",
        # the recipient's domain not found, under Gmail's title "Adresse nicht gefunden": the
        # domain gone (HOST_UNKNOWN), not the user
        r"weil die (?:domain|dom(?:ae|a)ne) [a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+ nicht gefunden wurde",
    ),
    HOST_UNKNOWN: (
        r"absender-?domain|domain des absenders",  # (the sender's domain)
        # (and the polite order: "versuchen Sie es später erneut")
        r"sp(?:ae|a)ter (?:erneut|nochmals|noch ?einmal|wieder) (?:versuchen|probieren)|versuchen sie es sp(?:ae|a)ter",
        r"(?:vor(?:ue|u)bergehende?r?|tempor(?:ae|a)re?r?) (?:dns-?)?(?:fehler|st(?:oe|o)rung)",
    ),
}

# A user-unknown status code on a refusal of the sender does not make the recipient unknown.
VETO: Final[dict[str, tuple[str, ...]]] = {REJECTED: (_SENDER_REFUSED,), BLOCKED: (_SENDER_IP_BLOCKED,)}
