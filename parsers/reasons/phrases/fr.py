"""French phrase families (data only): what servers and relays answering in French say.

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
    NO_RELAYING,
    REJECTED,
    SECURITY_ERROR,
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
    r"(?:adresse (?:de l\'|d\')|domaine (?:de l\'|d\'))?expediteur (?:est |a ete )?(?:inconnue?|refusee?|rejetee?|invalide"
    r"|non autorisee?|introuvable|inexistante?|n\'existe pas)"
)

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # qmail's "no mailbox here by that name" as translated notices word it ("il n'y a pas de boîte
        # aux lettres à ce nom ici", "aucune boîte aux lettres de ce nom")
        r"(?:pas de|aucune) boite (?:aux lettres |mail )?(?:ici )?(?:a|de|avec|sous|portant) ce nom",
        # "invalid address", "no user matches", "this recipient does not exist"
        r"adresse (?:e-?mail |electronique |de messagerie |du destinataire )?(?:invalide|incorrecte|non valide)",
        r"aucun (?:utilisateur|destinataire|compte) ne correspond",
        r"aucun (?:utilisateur|destinataire|compte|bo[iî]te) (?:de ce nom|a cette adresse|avec cette adresse)",
        r"(?:ce|le) destinataire n'existe pas",
        r"(?:utilisateur|destinataire|correspondant) (?:inconnu|inexistant|introuvable)",
        r"(?:l'|cet )utilisateur n'existe pas",
        # (Notes/Domino: the user is not in the directory)
        r"n'(?:est|figure) pas (?:r(?:e|e)pertori(?:e|e) |list(?:e|e) )?dans (?:l'annuaire|le carnet d'adresses)",
        # ("ne figure pas dans l'annuaire Domino", "non répertorié dans l'annuaire Domino")
        r"(?:ne figure pas|non (?:repertorie|liste)e?) dans (?:l'annuaire|le carnet d'adresses)",
        r"adresse (?:e-?mail |electronique |de messagerie |du destinataire )?(?:inconnue|inexistante|introuvable)",
        r"bo[iî]te (?:aux lettres |mail |de messagerie |du destinataire )?(?:inexistante|inconnue|introuvable)",
        # (Exchange: "Le compte de messagerie électronique n'existe pas dans l'organisation ...")
        r"(?:ce|le) compte (?:de messagerie(?: electronique)? )?n'existe pas|compte (?:de messagerie )?inexistant",
        r"l'adresse \S{1,200} n'existe pas",
        r"(?:cette|l'|votre) ?adresse (?:e-?mail |electronique |de messagerie |du destinataire )?n'existe pas",
        # "L'adresse de messagerie référencée ci-dessus n'existe pas" (a qualifier before the verb)
        r"adresse (?:e-?mail |electronique |de messagerie |du destinataire )?(?:\S{1,30} ){1,3}n'existe pas",
        # Exchange: "L'adresse de messagerie que vous avez entrée est introuvable."
        r"adresse (?:de messagerie |e-?mail )?que vous avez (?:entree|saisie|indiquee) est introuvable",
        # Orange/Wanadoo: "Adresse d au moins un destinataire invalide"
        r"adresse d'? ?au moins un destinataire invalide",
        r"(?:le |ce )?destinataire (?:est |a ete )?(?:introuvable|inconnu|inexistant)",
        # Exchange 2003: "Le destinataire n'a pas été trouvé dans l'annuaire." (the participle:
        # nobody of that address, as the English "recipient not found")
        r"(?:destinataire|utilisateur|adresse (?:e-?mail |electronique |de messagerie )?) ?n'a pas ete trouvee?",
        # Gmail: "car l'adresse est introuvable ou ne peut pas recevoir d'e-mails"
        r"l'adresse (?:e-?mail |electronique |de messagerie |du destinataire )?(?:est|etait) (?:introuvable|inconnue|inexistante)",
        r"adresse (?:e-?mail|mail|de courriel|courriel) (?:inconnue|inexistante|invalide|introuvable)",
        # Exchange Online: "<utilisateur> est introuvable sur <domaine>."
        r"(?:est )?introuvable (?:sur|a|dans) [a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+|n'a pas ete trouvee? (?:sur|a|dans) [a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+",
    ),
    # a Sieve reject or the delivery agent's refusal as its rejection text reads in a hosting
    # panel's translation ("Votre message à <a@b> a été automatiquement rejeté"): the recipient's own rule
    FILTERED: (
        r"votre message a <[^>\s]{1,300}> a ete automatiquement (?:rejete|refuse)(?!.{0,300}(?:spam|virus))",
    ),
    MAILBOX_FULL: (
        # (Quebec: "boîte de courriel"; "saturée": full)
        r"bo[iî]te (?:aux lettres |mail |de messagerie |de reception |de courriel )?(?:(?:du|de ce|de votre) (?:destinataire|correspondant) )?"
        r"(?:est )?(?:pleine|saturee)",
        r"quota (?:de (?:stockage|messagerie|la boite(?: aux lettres)?) )?(?:depasse|atteint|excede)|depassement de quota",
        r"espace (?:de stockage |disque )?insuffisant",
        # the user or mailbox as subject: "L'utilisateur a atteint son quota de stockage"
        # (not a quota of sending: "a atteint son quota d'envoi" is the sender's rate)
        r"a (?:atteint|depasse) (?:son|sa|le|la) (?:quota(?: de stockage| de (?:la )?bo[iî]te(?: aux lettres)?)?(?! d)"
        r"|limite de stockage|capacite maximale)",
    ),
    SUSPEND: (
        r"compte (?:a ete |est )?(?:temporairement )?(?:suspendu|bloque)"
        r"(?! (?:pour|suite a une|en raison d'une|apres une) (?:longue )?(?:inactivite|non[- ]utilisation))",
        r"temporairement (?:bloque|desactive|suspendu|indisponible)e?",
    ),
    ACCOUNT_DISABLED: (
        # an address "no longer used", "no longer active" (ISPs' wording for a closed account)
        r"(?:adresse|compte|boite(?: aux lettres)?|bal)(?: e-?mail| de messagerie| electronique)? n.est plus"
        r" (?:utilisee?|active?|actif|en service|attribuee?|valide)",
        # an inactive account, a disabled user (GMX's "user is inactive" in French)
        r"compte (?:de messagerie )?(?:est )?inactif|utilisateur (?:a ete |est )?(?:desactive|supprime)",
        # whose account, between noun and verb ("le compte du destinataire a été supprimé")
        r"compte (?:du|de ce) destinataire (?:a ete |est )?(?:supprime|desactive|ferme|clos|resilie)",
        r"compte (?:de messagerie )?(?:a ete |est )?(?:desactive|supprime|ferme|cloture|resilie)",
        # the address itself ("Cette adresse e-mail a été désactivée", Proximus/Skynet)
        r"adresse (?:e-?mail |electronique |de messagerie )?(?:a ete |est )?(?:desactivee|supprimee|fermee|resiliee)",
        # (what kind and whose may both stand between noun and verb: "boîte aux lettres du destinataire supprimée")
        r"bo[iî]te (?:(?:aux lettres|mail|du destinataire) ){0,2}(?:a ete |est )?(?:desactivee|fermee|archivee|supprimee)",
        r"adresse (?:a ete |est )?(?:desactivee|supprimee|resiliee)",
        # a mailbox, address or account that "no longer exists": closed (not "n'existe pas", unknown)
        r"(?:bo[iî]te(?: aux lettres| mail)?|adresse(?: e-?mail| electronique)?|compte(?: de messagerie)?|utilisateur"
        r"|destinataire) n'existe plus",
        # expired, or closed for non-use: the address is gone, not paused (whose account may stand
        # between noun and verb: GroupWise's "Le compte utilisateur a expiré")
        r"(?:compte(?: utilisateur| de messagerie)?|bo[iî]te(?: aux lettres| mail)?|adresse) (?:a ete |est |a )?(?:expiree?|perimee?)",
        r"(?:expire|desactive|supprime|ferme|bloque|suspendu|cloture)e?s? (?:pour|suite a une|en raison d'une"
        r"|apres une) (?:longue )?(?:inactivite|non[- ]utilisation)",
    ),
    HOST_UNKNOWN: (
        r"domaine du destinataire (?:n'existe pas|est inconnu|introuvable)",
        r"(?:nom de )?domaine (?:inconnu|inexistant|introuvable)",
        r"h[oô]te inconnu",
        r"(?:le |ce )?domaine(?: [a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+)? (?:n'existe pas|est inconnu|est introuvable)",
        # not registered ("le nom de domaine (x) ne semble pas être enregistré")
        r"\bdomaine(?: \([^)\s]{1,255}\)| [a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+)? (?:ne semble pas (?:e|ê)tre |n'est pas )enregistr(?:e|é)",
    ),
    # Orange / La Poste replies, whoever relays them
    MESSAGE_TOO_BIG: (r"taille limite du message atteinte",),
    TOO_MANY_CONNECTIONS: (r"trop de connexions\b",),
    SECURITY_ERROR: (r"authentification (?:invalide|requise)",),
    REJECTED: (r"emetteur invalide",),
    # a refusal that calls the message spam (a 5.7.1 status alone says only "security")
    SPAM_DETECTED: (
        r"(?:considere|detecte|identifie|classe|marque|reconnu)e? comme (?:du )?(?:spam|pourriel|courrier indesirable)",
        r"(?:rejete|refuse)e? (?:pour|car) (?:du )?spam|soupcon de spam",
    ),
    # the sender's server on a block list ("l'adresse IP ... est inscrite sur une liste noire"): the
    # sender's, soft (English's "blacklisted by", "blocked using")
    BLOCKED: (
        r"(?:inscrite?|listee?|referencee?|presente?|figure) (?:sur|dans) (?:une|la|notre|nos) (?:liste noire|listes noires|liste de blocage|listes de blocage)",
        r"adresse ip[^.\n]{0,80}?(?:bloquee|blacklistee|bannie)",
    ),
    # the server refuses to relay for the sender ("Relais non autorisé", "Relais refusé", "Accès au
    # relais refusé"): the sender's, soft (English's "relay access denied")
    NO_RELAYING: (
        # (" relais ", a word of its own, is the keyword: not the verbs that English's "refused" holds,
        # nor a part of "relay")
        r" relais (?:est |a ete )?(?:non autorise|refuse|interdit|non permis)| relais n'est pas (?:autorise|permis)",
        r"relayage (?:non autorise|refuse|interdit)|(?:pas|non) autorise a relayer",
    ),
    # a scanner found a virus in the message ("virus détecté", "le message contient un virus"; not
    # "aucun virus détecté")
    VIRUS_DETECTED: (r"(?<!aucun )virus (?:detecte|trouve)| contient (?:un |des )?virus",),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # the sender's own account ("your account is disabled"): a sender-side refusal, never the
    # recipient's address being gone
    ACCOUNT_DISABLED: (r"\b(?:votre|ton) compte",),
    # a domain "not found" that says to try again later, or calls the DNS error temporary, says
    # nothing about the domain: a network error, soft
    HOST_UNKNOWN: (
        r"domaine (?:de l'|d'un |de )exp(?:e|é)diteur",  # (the sender's domain)
        r"r(?:é|e)essay(?:er|ez) plus tard",
        r"erreur (?:dns )?temporaire|(?:é|e)chec temporaire",
    ),
}

# A user-unknown status code on a refusal of the sender does not make the recipient unknown.
VETO: Final[dict[str, tuple[str, ...]]] = {REJECTED: (_SENDER_REFUSED,)}
