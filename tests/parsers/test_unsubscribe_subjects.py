"""Unsubscribe requests sent as mail with the subject in the subscriber's language, or with the
words people put around the request ("Please unsubscribe me", "Se désabonner"): each is an
unsubscribe for its sender; a subject that only mentions the word, asks a question or is long
is not."""

from __future__ import annotations

from email.header import Header

import pytest

from parsers import parse
from parsers.unsubscribe import MAX_REQUEST_SUBJECT


def request(subject: str) -> bytes:
    encoded = Header(subject, "utf-8").encode()
    return (
        "From: Pia <pia@isp.example>\nTo: news-requests@sender.example\n"
        f"Subject: {encoded}\nContent-Type: text/plain\n\nbody\n"
    ).encode()


def unsubscribes(subject: str) -> bool:
    events = [(e.recipient, e.type) for e in parse(request(subject)).events]
    return events == [("pia@isp.example", "unsubscribe")]


@pytest.mark.parametrize(
    "subject",
    [
        "Please unsubscribe me",
        "Se désabonner",
        "Newsletter abbestellen",
        "Bitte abmelden",
        "Annulla iscrizione",
        "Wypisz mnie",
        "Rezygnacja z subskrypcji",
        "Odhlásit odběr",
        "Avsluta prenumeration",
        "Avmeld",
        "Peruuta tilaus",
        "Leiratkozás",
        "Dezabonare",
        "Abonelikten çık",
        "수신거부",
        "إلغاء الاشتراك",
        "Berhenti berlangganan",
        "Κατάργηση εγγραφής",
        "Відписатися",
        "Odjava",
        "購読解除",
        "取消訂閱",
        "ยกเลิกการสมัครรับข่าวสาร",
        "Désabonnement",
        "Descadastrar",
        "Bitte austragen",
        "Cancellami",
    ],
)
def test_an_unsubscribe_subject_in_the_subscribers_language(subject: str) -> None:
    assert unsubscribes(subject)


@pytest.mark.parametrize(
    "subject",
    [
        # the list, newsletter or subscription left, after the verb or before it
        "Afmelden nieuwsbrief",
        "Berhenti langganan",
        "Odhlásiť odber",
        "Please remove me from your mailing list",
        "Unsubscribe me from all emails",
        "Darme de baja de la lista",
        "Cancellami dalla lista",
        "Frameld nyhedsbrev",
        "Vom Newsletter abmelden",
        # an inflected or definite form of what is left, after a preposition of the language
        "Wypisz mnie z listy",
        "Avregistrera mig från nyhetsbrevet",
        "Odhlásit z newsletteru",
        "Please take me off your mailing list",
        # a polite sentence around the request
        "Vi prego di cancellarmi dalla newsletter",
        "Merci de me désinscrire de votre liste",
        "Bitte entfernen Sie mich aus Ihrem Verteiler",
        "Graag afmelden voor de nieuwsbrief",
        "Stop emailing me",
        "Opt me out",
        "Retirez-moi de votre liste",
        "Eliminar mi suscripción",
        "Beni listeden çıkarın",
        "Não quero mais receber emails",
        # and a closing courtesy
        "Newsletter abbestellen bitte",
        # a few words around what is left
        "Unsubscribe from all marketing emails",
        "Baja de la lista de correo",
        "Uitschrijven mailinglijst",
        "Rezygnuję z newslettera",
        "Sluta skicka mejl till mig",
        "Désabonnez-moi",
        # stop, or no more of it
        "STOP newsletter",
        "Bitte keine E-Mails mehr",
        "Geen mails meer ontvangen",
        "Non voglio più ricevere email",
        "Darse de baja del boletín",
        "Remover da lista",
    ],
)
def test_an_unsubscribe_subject_that_names_what_it_leaves(subject: str) -> None:
    assert unsubscribes(subject)


@pytest.mark.parametrize(
    "subject",
    [
        # a verb that takes away, in any of its forms, and the list it takes from, in any order
        "Bitte streichen Sie mich aus Ihrem Verteiler",
        "Favor remover meu email da lista",
        "Cancelar mi suscripción por favor",
        "Please remove my email address from your list",
        "Cancellatemi dalla vostra mailing list",
        "Hủy đăng ký nhận tin",
        "Verwijder mij uit uw mailinglijst",  # the list ends a compound
        "Por favor me tirem da lista de e-mails",
        "Bitte melden Sie mich vom Newsletter ab",  # a separable verb's particle at the end
        "Please take my address off your mailing list",
        "Prosím o odhlášení z odběru novinek",
        "Bitte aus dem Verteiler streichen",  # where the subscriber is taken from
        "Aus dem Verteiler streichen",  # where from, opening the subject
        "From your list please remove",
        "Cancel newsletter subscription",  # a subscription is the subscriber's
        # a wish not to receive any more
        "Je ne souhaite plus recevoir vos emails",
        "Nie chcę otrzymywać newslettera",
        "I don't want to receive your newsletter",
        "Не хочу получать рассылку",
    ],
)
def test_an_unsubscribe_request_in_free_words(subject: str) -> None:
    assert unsubscribes(subject)


@pytest.mark.parametrize(
    "subject",
    [
        "Wypisz mnie?",  # a question
        "Odjava sa sastanka u petak",  # the word, then other words
        "Please unsubscribe me " + "x" * MAX_REQUEST_SUBJECT,  # longer than a request's subject
        "Re: Abonelikten çık",  # a reply
        "Remove me from the list?",  # a question
        "Vom Newsletter",  # what is left, with no request
        "Newsletter list",
        "Stop sending me invoices?",
        "Remove me from the list ?",
        "Did my unsubscribe work?",
        "Keine",  # "none": no more of nothing a list sends
        "Bitte entfernen Sie den Anhang",  # removing something else
        "Remove the old item from my order",  # not from a list
        "Please remove the duplicate from the price list",  # a list the sender is not on
        "Remove my IP from your blacklist",
        "Re: Please remove me from your list",  # a reply
        "I did not receive the newsletter this week",  # no wish: a delivery problem
        "Ich erhalte keine E-Mails mehr von Ihnen",
        "Ich möchte den Newsletter nicht verpassen",  # a wish, but not about receiving
        "Cancel my appointment on Friday",
        "Bitte tragen Sie mich in die Liste ein",  # a separable verb that joins
        "Please add my colleague to the mailing list",
    ],
)
def test_a_subject_that_is_no_request(subject: str) -> None:
    assert not unsubscribes(subject)


@pytest.mark.parametrize(
    "subject",
    [
        # an out-of-office: not receiving for a while, a future and no wish
        "I will not be receiving emails until Monday",
        "I will not receive emails at this address after May",
        "Jeg vil ikke modtage mails før mandag",
        "Ik wil tot maandag geen mails ontvangen",
        "Nie będę otrzymywać e-maili do poniedziałku",
        # an out-of-office wording around a wish's words
        "Abwesend bis 5.1. - ich möchte keine E-Mails erhalten",
        "Absente, ne souhaite pas recevoir de mails",
        "Fuori ufficio: non voglio ricevere email fino al 10",
        # the list is what the verb acts on, not where the subscriber is taken from
        "Delete distribution list members",
        "Verteilerliste löschen",
        "Supprimer la liste de diffusion",
        "Borrar la lista de distribución antigua",
        "Usuń starą listę mailingową",
        "Delete my distribution list",
    ],
)
def test_an_absence_or_a_list_acted_on_is_no_request(subject: str) -> None:
    assert not unsubscribes(subject)


def auto_reply(subject: str, header: str = "") -> bytes:
    return (
        f"From: Jo Person <jo@example.org>\nTo: news@platform.example\nMessage-ID: <ooo-1@example.org>\n{header}"
        f"Date: Mon, 05 Jan 2026 09:00:00 +0000\nSubject: {subject}\n\nBack on Monday.\n"
    ).encode()


@pytest.mark.parametrize(
    "message",
    [
        auto_reply("Away until Jan 5 - will not receive mail"),
        auto_reply("Out of office: please remove me from the list when I am back"),
        # an autoresponder's header says what the words around a request's are
        auto_reply("Ich möchte Ihren Newsletter nicht mehr erhalten", "X-Autoreply: yes\n"),
        auto_reply("Please remove me from your mailing list", "Precedence: auto_reply\n"),
    ],
)
def test_an_auto_reply_is_not_read_as_a_request(message: bytes) -> None:
    assert [e.type for e in parse(message).events] == ["auto_reply"]
