"""A mailing list manager's refusal of a post sent to its list (Mailman 2 and 3, LISTSERV, Sympa, mlmmj).

The list address was a recipient of the message, and the list refused it: a non-member's post
rejected automatically, or a moderator's rejection. That is the list's answer about our mail to
that address, as a remote server's refusal would be, and like Google Groups' refusal of a post
(parsers.mta.googlegroups) it is a soft `rejected` bounce for the list address: the list exists,
it does not take our mail. A post held for the moderator's approval is no failure: a delay for
the list address (ignored), as Google Groups' hold notice is. A list's other notices (a
subscription request refused) name no delivery and are left alone.
"""

from __future__ import annotations

import re

from parsers.casefold import fold_case
from parsers.delivery import Delivery
from parsers.dsn import address
from parsers.lazyre import compile_lazily
from parsers.listadmin import ADMIN_ADDRESS_NEEDS, is_list_admin, posting_address
from parsers.mail import Mail
from parsers.mta._providers import address_in, body_of, guarded, make, sweep
from parsers.reasons.codes import ON_HOLD

NAME = "ListManager"
# Prefilter markers, looked for in the subject and the From (parsers.mta.heading): it accepts only a
# list manager's administrative sender, whose address holds one of ADMIN_ADDRESS_NEEDS; the address
# is the From's as written, but for RFC 6533's \x{HEX} escapes (parsers.dsn.address): one of those.
HEADING_MARKERS = (*ADMIN_ADDRESS_NEEDS, "\\x{")

# LISTSERV: "Rejected posting to ASTRO-L@LISTSERV.UNIV.EXAMPLE" (its own subject, from LISTSERV@).
_LISTSERV_SUBJECT = compile_lazily(r"^\s*rejected posting to\s+(\S+@\S+)", re.IGNORECASE)
# LISTSERV's refusal of a sender it does not know, from LISTSERV@host: "You are not authorized to send
# mail to the ASTRO-L list from your a@b account." The list is named, not its address: LISTSERV's
# lists are addressed at its own host (ASTRO-L@host). Searched in the text folded by fold_case.
_LISTSERV_NOT_AUTHORIZED = compile_lazily(
    r"you\s+are\s+not\s+authorized\s+to\s+send\s+mail\s+to\s+the\s+(\S{1,64})\s+list\W"
)
# Mailman's moderator decision ("Request to mailing list Quilters rejected"): the body says which
# request (a post: "Posting of your message titled ..." then "has been rejected by the list
# moderator"; a subscription is not a delivery), also in the languages its catalogues render it:
# French "Envoi de votre message intitulé ... a été rejetée par le modérateur de la liste", German
# "Veröffentlichung Ihrer Nachricht ... wurde vom Moderator abgelehnt", Spanish "Envío de su
# mensaje ... ha sido rechazada por el moderador". (This and _AUTO_REJECT in any case: searched in
# the body folded by fold_case, where re skips ahead to their opening words; case-blind, re tried
# them at every position.)
_MODERATOR_POST = compile_lazily(
    r"(?:posting of your message titled.{0,400}?has been rejected by the list moderator"
    # (the sentences wrap anywhere: white space is any run of it)
    r"|de votre message.{0,400}?a\s+(?:é|e)t(?:é|e)\s+rejet(?:é|e)e?\s+par\s+le\s+mod(?:é|e)rateur"
    r"|ihrer nachricht.{0,400}?wurde\s+vom\s+moderator(?:\s+der\s+liste)?\s+abgelehnt"
    r"|de su mensaje.{0,400}?ha\s+sido\s+rechazad[oa]\s+por\s+el\s+moderador)",
    re.DOTALL,
)
# Mailman's automatic refusals of a non-member's post: 2.x "You are not allowed to post to this
# mailing list, and your message has been automatically rejected" (its French: "Vous n'êtes pas
# autorisé à envoyer des messages sur cette liste, votre message a été automatiquement rejeté");
# 3.x "Your message to the X mailing-list was rejected for the following reasons"; and in its other
# catalogues' languages, the same sentence that the sender may not post to this list: German "Sie
# sind nicht berechtigt, Nachrichten an diese Mailingliste zu senden", Spanish "No está autorizado a
# enviar mensajes a esta lista", Italian "Non sei autorizzato a inviare messaggi a questa lista",
# Portuguese "Você não tem permissão para enviar mensagens para esta lista", Dutch "U bent niet
# gemachtigd om berichten naar deze lijst te sturen" (the sentences wrap anywhere).
_AUTO_REJECT = compile_lazily(
    r"you are not allowed to post to this mailing list|your message to the \S+ mailing-list was rejected"
    r"|vous n.(?:ê|e)tes pas autoris(?:é|e) (?:à|a) envoyer des messages sur cette liste"
    r"|sie sind nicht berechtigt,?\s+(?:nachrichten\s+)?an\s+diese\s+(?:mailing-?)?liste"
    r"|no\s+est(?:á|a)\s+autorizad[oa]\s+(?:a|para)\s+enviar\s+mensajes\s+a\s+esta\s+lista"
    r"|non\s+(?:sei|è|e)\s+autorizzat[oa]\s+a\s+(?:inviare|spedire)\s+messaggi\s+(?:a|su|in)\s+questa\s+lista"
    r"|n(?:ã|a)o\s+(?:tem\s+permiss(?:ã|a)o|est(?:á|a)\s+autorizad[oa])\s+(?:a|para)\s+enviar\s+mensagens"
    r"\s+(?:para|a)\s+esta\s+lista"
    r"|u\s+bent\s+niet\s+gemachtigd\s+om\s+(?:berichten\s+)?(?:naar|aan)\s+deze\s+lijst"
)


# Sympa's moderator rejection (reject.tt2, from sympa@ or the list's -request@ address: neither names
# the list): "Your message for list L@H has been rejected by the moderator (M)." (Sympa 5: "...
# as been rejected by M list editor"; its translations: French "Votre message pour la liste L@H a
# été rejeté par M, moderateur de la liste", Spanish "Su mensaje a la lista L@H ha sido rechazado
# por M", Portuguese "Sua mensagem para a lista L@H foi rechaçado por M", German "Ihr Beitrag zur
# Mailing-Liste L@H wurde von M (Moderator) abgelehnt", Polish "Twoja wiadomość wysłana na listę
# L@H nie została rozesłana. Odrzucił ją moderator listy", Czech "Vaše zpráva do konference L@H
# nebyla rozeslána. Byla odmítnuta moderátorem", Finnish "Viestisi listalle L@H on hylätty M
# toimesta", Dutch "Uw bericht voor de lijst L@H is geweigerd door M lijst editor", Romanian
# "Mesajul tau pentru lista L@H a fost respins de M editor", Estonian "Teie kirja listi L@H
# saatmisest keeldus listi moderaator", Hungarian "A(z) L@H listára küldött leveled megjelenését M
# moderátor elutasította"): the list's address is in the sentence. Searched in the text folded by
# fold_case, as _HELD is (lower case; letters with accents kept, and written without them where an
# archive or a 7-bit gateway dropped them).
_SYMPA_REJECTED = compile_lazily(
    r"(?:your message for list|votre message pour la liste|su mensaje a la lista|sua mensagem para a lista"
    r"|ihr beitrag zur mailing-liste|wiadomo(?:ść|sc) (?:wys(?:ł|l)?ana )?na list(?:ę|e)"
    r"|zpr(?:á|a)va do konference|viestisi listalle|uw bericht voor de lijst|mesajul t(?:ă|a)u pentru lista"
    r"|teie kirja listi|a\(z\))\s+(\S+@\S+)\s+"
    r"(?:h?as been rejected by|a été rejeté par|ha sido rechazado por|foi recha(?:ç|c)ad[oa] por|wurde von\s[\s\S]{0,160}?\sabgelehnt"
    r"|nie zosta(?:ł|l)a rozes(?:ł|l)ana|nebyla rozesl(?:á|a)na|on hyl(?:ä|a)tty|is geweigerd|a fost respins|saatmisest keeldus"
    r"|list(?:á|a)ra\s+k(?:ü|u)ld(?:ö|o)tt\s+leveled\b[\s\S]{0,160}?\selutas(?:í|i)totta)\W"
)


# mlmmj's refusal of a post (listtexts/<lang>/access, subonlypost, maxmailsize, notintocc, from the
# list's list+owner@ address): its notices open by naming mlmmj and the list ("Hi, this is the
# mlmmj program managing the mailinglist", German "dies ist das mlmmj-Programm, das die
# Mailingliste ... verwaltet", French "ceci est le programme mlmmj de gestion de la liste", Italian
# "sono mlmmj, il programma che gestisce la mailing list", Spanish "éste el programa mlmmj a cargo
# de la lista", Russian "это mlmmj - программа управления списками рассылки", Danish, Czech), and
# a refusal says so in its subject or its text: the post denied or rejected ("Post to L denied",
# "Your mail was rejected"; "Beitrag zur Liste L abgelehnt", "Envoi à L interdit", "votre mail a
# été rejeté", "messaggio alla lista L non inoltrato", "Invio a L negato", "messaggi indirizzati
# a L sono vietati", "la tua mail e' stata rifiutata", "Mensaje a L rechazado", "Mensajes a L
# denegados", "Сообщение в L отклонено", Danish "afvist", Czech "zakázáno"), the list open to its
# subscribers only ("L is a subscribers only list", "only subscribers may post"; "geschlossene
# Liste", "nicht auf der Liste eingetragen", "Vous devez être inscrit pour poster", "seulement les
# inscrits peuvent poster", "lista per soli iscritti", "solamente los suscriptores pueden", "только
# для подписчиков", Danish "kun for tilmeldte", Czech "konference jen pro prihlasene"), or the post
# not delivered to the list ("could not be delivered to the list", "ne peut être délivré à la
# liste", "non può essere recapitato alla lista", "non puo' essere inoltrato alla lista", "no ha
# sido posible entregar su mensaje a la lista", "не может быть доставлено в рассылку", German
# "konnte nicht versendet werden", Danish "afleveres til postlisten", Czech "dorucena do
# konference"). Its probe to a member ("Some messages to you could not be delivered") and its
# other notices say none of it; nor is the Italian probe's "messaggi respinti" (the bounced ones,
# its subject "Messaggi da L per te sono stati respinti") or the French "Rejet de messages" a
# refusal. Searched in the subject and the text folded by fold_case.
_MLMMJ_REFUSAL = compile_lazily(
    r"\b(?:denied|rejected)\b|abgelehnt|\bafvist|zak(?:á|a)z(?:á|a)no|odm(?:í|i)tnut|\binterdit|rejet(?:é|e)|non inoltrat"
    r"|\bnegat[oa]\b|\bvietat|rifiutat|rechazad|denegad|отклонен"
    r"|subscribers only|only subscribers|geschlossene liste|nicht auf der\s+liste\s+eingetragen|kun for tilmeldte"
    r"|kun\s+tilmeldte|seulement les\s+inscrits|inscrits?\s+pour\s+poster|soli\s+iscritti|soltanto\s+gli\s+iscritti"
    r"|solamente\s+(?:para|los)\s+suscriptores|только\s+(?:для\s+)?подписчик|jen\s+(?:pro\s+)?p(?:ř|r)ihl(?:á|a)(?:š|s)en"
    r"|could not be delivered to the\s+list|d(?:é|e)livr(?:é|e)\s+(?:à|a)\s+la\s+liste"
    r"|(?:mandato|recapitato|inoltrato)\s+alla\s+lista|entregar su mensaje a la\s+lista|доставлено\s+в\s+рассылку"
    r"|konnte nicht\s+vers(?:e|a)ndt\s+werden|afleveres\s+til\s+postlisten|doru(?:č|c)ena\s+do\s+konference"
)


# Mailman's notice that a post waits for the moderator (2.x and 3.x: subject "Your message to
# Quilters awaits moderator approval", body "... Is being held until the list moderator can
# review it for approval"; 2.x in French: "Votre message à la liste Quilters est en attente
# d'approbation"; mlmmj's moderation-poster: "the post has been queued for approval"), in any
# case: searched in the text folded by fold_case (a case-blind alternation has no opening literal,
# and re compared every position letter by letter).
_HELD = compile_lazily(
    r"awaits moderator approval|is being held until the list moderator can review it"
    r"|votre message (?:à|a) la liste \S+ est en attente d.approbation|has been queued\s+for approval"
)


def _list_address(mail: Mail) -> str | None:
    """The list's posting address: Mailman's X-BeenThere, else List-Post, else the list's
    administrative sender with its suffix taken off (quilters-owner@ -> quilters@)."""
    for name in ("X-BeenThere", "List-Post"):
        for value in mail.headers(name):
            found = address_in(value.replace("mailto:", " "))
            if found:
                return found
    return posting_address(address_in(mail.from_) or "")


@guarded
def inquire(mail: Mail) -> list[Delivery] | None:
    if not is_list_admin(address(mail.from_)):  # (the list's own sender: list-owner@, LISTSERV@host ...)
        return None
    subject = mail.subject
    body = body_of(mail, ("------------------------ Rejected message",))
    listserv = _LISTSERV_SUBJECT.match(subject)
    if listserv:
        return [make(listserv.group(1).rstrip(".,;"), sweep(body[:600]), reason="rejected")]
    head = fold_case(body[:2000])
    sender = address(mail.from_) or ""
    unknown = _LISTSERV_NOT_AUTHORIZED.search(head) if sender.lower().startswith("listserv@") else None
    if unknown:
        host = sender[sender.index("@") :]
        return [make(unknown.group(1) + host, sweep(body[:600]), reason="rejected")]
    sympa = _SYMPA_REJECTED.search(head)
    if sympa:
        return [make(sympa.group(1).strip("<>\"'.,;"), sweep(body[:600]), reason="rejected")]
    if "mlmmj" in head[:300] and (_MLMMJ_REFUSAL.search(fold_case(subject)) or _MLMMJ_REFUSAL.search(head)):
        target = _list_address(mail)
        return [make(target, sweep(body[:600]), reason="rejected")] if target else None
    if _HELD.search(fold_case(subject)) or _HELD.search(head):
        # A post held for the moderator is no failure of the list's address: it waits on a
        # person, as Google Groups' hold notice (parsers.mta.googlegroups): a delay, ignored.
        target = _list_address(mail)
        return [make(target, sweep(body[:600]), reason=ON_HOLD, action="delayed")] if target else None
    folded = fold_case(body)
    # (every moderator's decision names the moderator, "modera..." or French "modéra...": a plain
    # search rules the other texts out before the alternation, which has no opening literal)
    named = "modera" in folded or "modéra" in folded
    if not _AUTO_REJECT.search(folded) and not (named and _MODERATOR_POST.search(folded)):
        return None
    target = _list_address(mail)
    return [make(target, sweep(body[:600]), reason="rejected")] if target else None
