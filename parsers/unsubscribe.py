"""Unsubscribe requests that arrive as mail: Apple Mail's one-tap unsubscribe, and the requests
mail clients send to a List-Unsubscribe mailto address (RFC 2369).

- Apple Mail answers a List-Unsubscribe mailto link with a message to that address carrying
  `X-Apple-Unsubscribe: true`, sent by the subscriber.
- Other clients (Gmail, Outlook, a person using the link) send a message of their own to the
  mailto address: an unsubscribe mailbox ("unsubscribe+token@", "optout-...@"), or with the
  subject the link asks for ("unsubscribe").
Either way the From is the address to unsubscribe. A reply, a report of any kind and mail from a
mail system are never requests. (ARF `opt-out` reports are read by parsers.arf; what the service
does with an unsubscribe is the service's business.)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from parsers import patterncode
from parsers.dsn import address
from parsers.mail import Mail

APPLE = "apple-unsubscribe"
MAILTO = "mailto-unsubscribe"

# The local part of an unsubscribe mailbox (`unsubscribe`, `unsub-<token>`, `optout+...`, `leave-...`),
# also named in the senders' languages (`abmeldung+<token>`, `desinscription-...`, `baja@`).
_MAILBOX = patterncode.compile(
    r"^(?:[^@]*[.+_-])?(?:unsubscribe|unsub|opt-?out|leave|remove|abmeld(?:en|ung)|austragen|desinscription"
    r"|desabonnement|desuscripcion|baja|descadastr[a-z]*|disiscrizione|cancellazione|afmeld(?:en|ing)?"
    r"|uitschrijven)(?:[.+_=-][^@]*)?@",
    re.IGNORECASE,
)
# A subject that is the request itself, in the languages the platform's recipients write.
_SUBJECT = patterncode.compile(
    r"^\s*(?:unsubscribe|unsub|opt[- ]?out|remove(?: me)?|stop|abmelden|abbestellen|d[ée]sabonner|d[ée]sinscription"
    r"|desuscribir|darse de baja|baja|cancelar (?:a )?(?:inscri[cç][aã]o|suscripci[oó]n)|disiscriviti|cancella iscrizione"
    r"|afmeld|uitschrijven|afmelden|h[uủ]y [dđ][aă]ng k[yý]|отписаться|退订|配信停止)"
    # what may follow: a colon or dash and anything ("Unsubscribe: March news"), or the token a
    # List-Unsubscribe mailto link puts in its ?subject= ("unsubscribe 8f3a21", "unsubscribe_u=77"),
    # or the address to take off ("unsubscribe jane@example.com"): one word holding a digit or an
    # at sign, so that "unsubscribe from what?" stays a question and "Stop procrastinating" a
    # person's subject; a token of letters alone is no word a person writes either: its case
    # changes inside thrice ("XbQmTrWz", not "iPhone", "McDonald" or "MacBookPro"), or it runs six
    # consonants other than s and h ("kqzxwvty"; the long runs of words are their "sch", "tsch",
    # "ths": "Angstschweiss", "Deutschschweiz", "twelfths")
    r"(?:\s*[:\-]\s*\S.*|[\s_=]+(?=[\w.=+@#-]*[\d@]|[\w.=+@#-]*?(?-i:[a-z][A-Z][a-z]*[A-Z][a-z]*[A-Z])"
    r"|[\w.=+@#-]*?[b-dfgj-np-rtv-xz]{6})[\w.=+@#-]{3,200})?\s*$",
    re.IGNORECASE,
)
# What a request names as what it leaves, after the verb ("Remove me from your mailing list",
# "Afmelden nieuwsbrief", "Odhlásiť odber", "Darme de baja de la lista de correo", "Wypisz mnie z
# listy", "Unsubscribe from all marketing emails"): the list, newsletter, subscription or mail, its
# stem with the few letters an inflection, a definite article or a compound adds ("listy",
# "nyhetsbrevet", "newsletteru", "mailinglijst"), with a few words around it (prepositions,
# determiners, adjectives: none a question). A subject without such a word after the verb is
# read only as far as the verb and a pronoun go: "Odjava sa sastanka u petak" cancels a meeting.
# (Before the verb, the newsletter is one of the words the request may start with: "Vom
# Newsletter abmelden".)
_LEFT_OBJECT = (
    r"(?:[^\s?]+[\s,]+){0,4}?"
    r"(?:list|lijst|newsletter|nieuwsbrief|nyhe[dt]sbrev|uutiskirje|h[ií]rlev[eé]l|odb[eě]r|langganan"
    r"|subscription|suscripci[oó]n|e-?mail|mailing|mails?|mejl|correo|bolet[ií]n|verteiler)\w{0,5}"
    r"(?:[\s,]+[^\s?]+){0,3}?"
)
# The request in the other languages the platform's recipients write, and with the words people
# put around it ("Please unsubscribe me", "Se désabonner", "Newsletter abbestellen"): tried only
# on a short subject that `_SUBJECT` did not take, compiled on first use (most runs never get here,
# and a start-up that compiled it, or imported the lazy-pattern module for it, costs every run).
_SUBJECT_MORE_SOURCE = (
    r"^\s*(?:(?:please|pls|kindly|bitte|por favor|s'il vous pla[iî]t|per favore|proszę|prosím|lütfen"
    r"|merci de|vi prego di|graag|newsletter|nyhetsbrev|uutiskirje|h[ií]rlev[eé]l|se|me|je veux me|quiero|vom"
    r"|aus dem|beni)[\s,]+)*"
    r"(?:unsubscribe|unsub|opt[- ]?(?:me[- ])?out|remove|retire[rz]?-moi|d[ée]sabonne(?:r|z-moi|ment)|d[ée]sinscrire"
    r"|abbestellen|abmelden|baja|rezygnuj[eę]|sluta skicka"
    r"|abmeldung|austragen|descadastr(?:ar|e-me|amento|o)|cancellami|cancellazione|frameld(?:ing)?|meld (?:meg )?av"
    r"|take me off|stop (?:e-?mailing|sending)|entfernen|cancellarmi|eliminar|listeden [cç][iı]kar(?:[iı]n)?"
    r"|remover|stop"
    # (not receiving any more: "Bitte keine E-Mails mehr", "Geen mails meer", "Non voglio più ricevere")
    r"|(?:keine|geen)(?=.*(?:mail|newsletter|nieuwsbrief))"
    r"|cancelar (?:la )?suscripci[oó]n|dar(?:me|se)? de baja|annulla(?:re)? (?:l'|la )?iscrizione|disiscrivi(?:mi|ti)?"
    r"|wypisz(?:anie)?|rezygnacja z (?:subskrypcji|newslettera|prenumeraty)|odhl[aá]si[tť]"
    r"|odhl[aá][sš]en[ií]e?|avsluta prenumeration(?:en)?|avregistrera|avprenumerera|avmeld(?:e|ing)?"
    r"|avslutt abonnement(?:et)?|afmeld(?:en|ing)?|uitschrijven|peruuta tilaus|tilauksen peruutus|leiratkoz[aá]s|leiratkozom"
    r"|dezabonare|dezabonea?z[aă]|abonelikten [cç][iı]k(?:[iı][sş])?|abonelik iptali|수신\s?거부|구독\s?취소"
    r"|إلغاء الاشتراك|הסרה(?: מרשימת התפוצה)?|הסר אותי|berhenti (?:ber)?langganan|henti langganan"
    r"|κατάργηση εγγραφής|διαγραφή|відписатися|відписка|отписка|odjava(?: s liste)?|odjavi(?: me)?"
    r"|otkaži pretplatu|購読解除|購読停止|配信解除|取消訂閱|取消订阅|退訂|ยกเลิก(?:การ)?(?:สมัคร|รับ)[\u0e00-\u0e7f]*"
    r"|h[uủ]y đăng ký|hủy theo dõi)"
    r"(?:[\s,]+(?:me|(?:sie )?mich|moi|mnie|mě|mig|meg|minut|beni|ya))?"
    rf"(?:[\s,]+{_LEFT_OBJECT})?"
    # a closing courtesy ("Newsletter abbestellen bitte", "Unsubscribe, thanks")
    r"(?:[\s,]+(?:please|pls|bitte|danke|thanks|thank you|merci|grazie|gracias|obrigad[oa]|por favor))?[\s.!]*$",
    re.IGNORECASE,
)
patterncode.declare(*_SUBJECT_MORE_SOURCE)
# The request as people write it in free words, told by word stems in any order (the verb's
# forms and the sentence around it vary too much to list): a verb that says leaving ("abmelden",
# "odhlášení", "darme de baja") with the list, newsletter or subscription it leaves among the
# words; a verb that only takes away ("streichen", "remover", "cancellatemi") with it too, and with
# the subscriber as what is taken or the list as where it is taken from (_TAKEN below); or a wish
# not to receive any more ("Je ne souhaite plus recevoir vos emails", "Nie chcę otrzymywać
# newslettera"). What keeps other mail out: no reply or forward prefix, no question, no absence
# (_ABSENT), and for the first kinds a list that the subscriber is on (not a price, wish, waiting
# or block list, not an order or a cart: "Remove the scarf from my order"). A verb alone with
# other words is no request ("Odjava sa sastanka u petak": the object says what is left).
# What the first kinds leave (its stem: an inflection or a compound may add letters) and what the
# last would no longer do; a free-word request holds one of them, so a subject without any is
# not read further (the pattern is costly: most subjects that get here are bounces' own).
_LEFT_WORDS = (
    "list", "lijst", "verteiler", "newsletter", "nieuwsbrief", "nyhedsbrev", "nyhetsbrev", "mailing",
    "suscripción", "suscripcion", "subscription", "abonnement", "iscrizione", "inscrição", "inscricao",
    "boletín", "boletin", "rozsyłk", "rozsylk", "рассылк", "danh sách", "bản tin", "nhận tin",
    "uutiskirje", "hírlevél", "hirlevel", "odběr", "odber",
)  # fmt: skip
_RECEIVING_WORDS = (
    "receiv", "recev", "recib", "receb", "ricev", "otrzym", "erhalt", "bekomm", "empfang", "ontvang",
    "modtag", "motta", "få", "ta emot", "vastaanott", "получ", "nhận",
)  # fmt: skip
_FREE_REQUEST_WORDS = _LEFT_WORDS + _RECEIVING_WORDS
# A verb that only takes away, and what makes it a request (_TAKEN): the subscriber as what is
# taken ("me", "mich", "mnie", "меня"), the subscriber's address or subscription as what is taken
# ("my email", "meu email", "mi suscripción", "Cancel subscription"), or the list as where it is
# taken from, the preposition right after the verb or a courtesy ("Remove from mailing list",
# "Bitte aus dem Verteiler streichen"). Otherwise the list is the thing acted on ("Delete
# distribution list members", "Verteilerliste löschen", "Delete my distribution list").
_FROM = r"(?:from|off|aus|vom|von|de|du|des|del|da|dalla|dal|dalle|dai|della|z|ze|из|с|uit|van|fra|från|ur)"
_ME = r"(?:me|mich|moi|mnie|mij|mig|meg|mě|mne|меня|minut|beni|tôi)"
_MY = r"(?:my|mein\w*|mon|ma|mes|mi|mis|mio|mia|meu|minha|mój|moj\w*|mijn|min|mitt|minun|мой|мою|мо[её])"
# (a subscription is the subscriber's own, whoever's it is said to be: "Cancel subscription")
_SUBSCRIPTION = r"(?:subscri|suscrip|abonnement|iscrizion|inscri|odb[eě]r|nhận tin)"
_MINE = rf"(?:e-?mail|address|adress|adres|indirizzo|direcci|endere|адрес|correo|{_SUBSCRIPTION})"
_TAKING = (
    r"remov|delet|streich|entfern|l[oö]sch|cancel|supprim|retir|enlev|elimin|borr|quit|rimuov|togli|usu[nń]"
    r"|wykre[sś]l|verwijder|schrap|fjern|slet|ta bort|stryk|poista|удал|исключ|xóa|h[uủ]y"
)
_TAKEN = (
    rf"(?=.*(?:\b{_ME}\b|\b{_MY}\s+(?:\w+\s+)?{_MINE}|\b{_SUBSCRIPTION}"
    rf"|(?:^\W*|\b(?:{_TAKING}|tir|please|bitte|graag|favor|por favor|proszę|prosím)\w*\W+){_FROM}\s))"
)
# An out-of-office wording is an auto-reply's, never a request ("Away until Jan 5 - will not
# receive mail", "I will not be receiving emails until Monday", "Abwesend", "Absent jusqu'au 5").
_ABSENT = (
    r"away|out of (?:the )?office|on leave|vacation|holiday|until|abwesen|urlaub|au(?:ss|ß)er haus"
    r"|nicht im b(?:ü|ue|u)ro|absent|cong[ée]|vacances|jusqu|ausente|vacaciones|hasta|fuori (?:sede|ufficio)"
    r"|ferie|fino al|afwezig|vakantie|verlof|nieobecn|urlop|fr[åa]nvar|frav[æa]r|poissa|loma|отпуск|отсутств"
    r"|nep[řr][íi]tomn|dovolen|v[ắa]ng m[ặa]t|ngh[ỉi] ph[ée]p"
)
_REQUEST_STEMS_SOURCE = (
    rf"^(?!\s*\w{{1,4}}\s*:)(?!.*\?)(?!.*\b(?:{_ABSENT}))(?:"
    # a verb that says leaving (the list it leaves among the words)
    r"(?=.*\b(?:austrag|abmeld|abbestell|wypis|отпис|odjav|odhl[aá][sš]|afmeld|unsubscri|d[ée]sabonn|d[ée]sinscri"
    r"|desuscri|disiscri|descadastr|dar(?:me|se)? de baja|h[uủ]y đăng ký"
    # (a verb whose particle ends the sentence: "Bitte melden Sie mich vom Newsletter ab", "tragen
    # Sie mich aus der Liste aus")
    r"|(?:trag|meld|bestell)\w*\b(?=.*\b(?:aus|ab)\W*$))"
    # or one that takes away, with the subscriber as what is taken or where it is taken from
    rf"|(?=.*\b(?:{_TAKING}|tir(?:ar|em?|a)\b|take\b(?=.*\boff\b))\w*){_TAKEN}"
    r")"
    # (what is left may end a compound: "mailinglijst", "Verteilerliste", "e-maillisten")
    rf"(?=.*\b\w*(?:{'|'.join(_LEFT_WORDS)})\w{{0,5}}\b)"
    r"(?!.*\b(?:wish|price|preis|prix|precio|prezz|shopping|einkauf|to-?do|order|bestell|commande|pedido|ordine"
    r"|warenkorb|cart|panier|carrito|carrello|black|block|check|play|wait|warte)\w*)"
    # or a wish (not a future: "I will not receive mail until Monday") not to receive any more
    r"|(?=.*\b(?:want|wish|would like|m[oö]chte|wollen|souhaite|veux|voudrais|d[ée]sire|quiero|deseo|quero"
    r"|desejo|voglio|desidero|chc[eę]|wens|ønsker|vill|önskar|haluan|хочу|muốn)\b)"
    r"(?=.*\b(?:not|don'?t|no|nicht|keine?n?|ne|non|não|nie|niet|geen|ikke|inte|не|không)\b)"
    rf"(?=.*\b(?:{'|'.join(_RECEIVING_WORDS)})\w*))",
    re.IGNORECASE,
)
patterncode.declare(*_REQUEST_STEMS_SOURCE)
# A notice that the reader *was* taken off, which a list manager (Mailman's "You have been
# unsubscribed from the L mailing list", LISTSERV's "Your subscription to the L list has been
# cancelled") or a newsletter platform ("Your subscription has been cancelled", "Vous avez été
# désabonné", "Zostałeś wypisany z newslettera") sends to the member: the sender is the list, not
# a subscriber who asks to leave, though its words read as a request's. (Compiled on first use,
# as `_SUBJECT_MORE_SOURCE`: only a subject read as a request is tried.)
_TAKEN_OFF_SOURCE = (
    r"^\W*(?:you(?:'ve| have| were| are)(?: now)? (?:been )?(?:successfully )?(?:unsubscribed|removed|deleted|taken off)"
    # (its headline, the participle first: Dada Mail's "Unsubscribed from: L because of excessive
    # bouncing"; a subscriber who asks writes the verb, "Unsubscribe from L")
    r"|(?:unsubscribed|removed|deleted) (?:from|off)\b"
    r"|.{0,60}\b(?:subscription|membership)\b.{0,80}\b(?:has been|have been|was|is) (?:now )?(?:cancel+ed|terminated|ended|removed|deleted)"
    r"|.{0,60}\b(?:has|have) been (?:unsubscribed|removed)"
    r"|vous (?:avez (?:bien )?(?:é|e)t(?:é|e)|(?:ê|e)tes) (?:bien )?(?:d(?:é|e)sabonn|d(?:é|e)sinscrit|retir)"
    r"|zosta(?:ł|l)(?:e(?:ś|s)|a(?:ś|s))? wypisan|wypisano)",
    re.IGNORECASE,
)
patterncode.declare(*_TAKEN_OFF_SOURCE)
_subject_more: list[re.Pattern[str]] = []
MAX_REQUEST_SUBJECT = 64
_DAEMON = patterncode.compile(r"mailer-daemon|postmaster|no-?reply|bounce", re.IGNORECASE)


def inquire(mail: Mail) -> tuple[str, str] | None:
    """(the address that asks to be unsubscribed, how it asked), or None when the message is no
    such request."""
    names = mail.header_names()  # (lower-cased: `in` tests without a call each)
    if "x-apple-unsubscribe" in names:
        if mail.header("X-Apple-Unsubscribe").strip().lower() != "true":
            return None
        sender = address(mail.from_)
        return (sender, APPLE) if sender else None
    if mail.delivery_status or mail.feedback_report or mail.original is not None:
        return None
    if "in-reply-to" in names or "references" in names or "list-id" in names:
        return None
    if "auto-submitted" in names and mail.header("Auto-Submitted").lower().startswith("auto-replied"):
        return None
    sender = address(mail.from_)
    if not sender or _DAEMON.search(sender.partition("@")[0]):
        return None
    to_mailbox = any(_MAILBOX.match(address(v) or "") for v in mail.headers("To")[:4])
    subject = mail.subject
    if not subject.strip():
        # (a mailto link that sets only ?body=unsubscribe, or a person who writes the request in
        # the body: the first line of the text is read as the subject would be)
        subject = mail.text[: MAX_REQUEST_SUBJECT * 4].strip().partition("\n")[0]
    if not (to_mailbox or _SUBJECT.match(subject)) and not (
        len(subject) <= MAX_REQUEST_SUBJECT
        and _request_in_more_languages(subject)
        # (an auto-reply's own words may read as a request: the auto-reply rule says what it is)
        and not _auto_reply()(mail)
    ):
        return None
    # (a list manager's own address, list-leave@ or LISTSERV@, asks nothing: what it sends is its
    # notice to a member; nor does a notice that someone was taken off)
    is_list_admin, taken_off = _notice_readers()
    if is_list_admin(sender) or taken_off.match(subject):
        return None
    return sender, MAILTO


@functools.cache
def _auto_reply() -> Callable[[Mail], object]:
    """parsers.autoreply's reading, imported at the first request in words (start-up does not
    import the auto-reply reader, which most runs reach late or never)."""
    from parsers.autoreply import inquire as auto_reply

    return auto_reply


@functools.cache
def _notice_readers() -> tuple[Callable[[str | None], bool], re.Pattern[str]]:
    """parsers.listadmin's reading of a list manager's address and `_TAKEN_OFF_SOURCE` compiled,
    at the first request (start-up neither imports the one nor compiles the other)."""
    from parsers.listadmin import is_list_admin

    return is_list_admin, patterncode.compile(*_TAKEN_OFF_SOURCE)


def _request_in_more_languages(subject: str) -> bool:
    """Whether `subject` is the request in a language `_SUBJECT` does not read, or in free words."""
    if not _subject_more:
        _subject_more.append(patterncode.compile(*_SUBJECT_MORE_SOURCE))
    if _subject_more[0].match(subject) is not None:
        return True
    low = subject.lower()
    if not any(word in low for word in _FREE_REQUEST_WORDS):
        return False
    if len(_subject_more) == 1:
        _subject_more.append(patterncode.compile(*_REQUEST_STEMS_SOURCE))
    return _subject_more[1].match(subject) is not None
