"""What is not a bounce, in the languages the held-out mail is written in (issue 12): Outlook's
localized delivery receipts, a mailbox's answer that its owner left or moved, Notes' translated
out-of-office subjects, and a null-sender answer's vacation sentence. Each answer is ignored; a failure
worded in the same language stays a failure."""

from __future__ import annotations

import re
from email.header import Header

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers import autoreply, parse
from parsers.reasons.classify import delivery_receipt

RECEIPTS = [
    "Ihre Nachricht wurde an die folgenden Empfänger übermittelt:\n\nUte Berg (u@kunde.example)",  # de
    "Die Übermittlung an diese Empfänger oder Gruppen ist abgeschlossen, aber vom Zielserver wurde keine "
    "Benachrichtigung gesendet:\n\nu@kunde.example",  # de, relayed
    "Votre message a été remis aux destinataires suivants :\n\nLuc (l@client.example)",  # fr
    "Su mensaje se ha entregado a los siguientes destinatarios:\n\nAna (a@cliente.example)",  # es
    "El mensaje se entregó a los siguientes destinatarios:\n\na@cliente.example",  # es
    "Il messaggio è stato recapitato ai seguenti destinatari:\n\nm@azienda.example",  # it
    "Sua mensagem foi entregue aos seguintes destinatários:\n\nana@empresa.example",  # pt
    "Ditt meddelande har levererats till följande mottagare:\n\ns@foretag.example",  # sv
    "Meldingen er levert til følgende mottakere:\n\nn@firma.example",  # nb
    "Din meddelelse er blevet leveret til følgende modtagere:\n\nm@firma.example",  # da
    "Wiadomość została dostarczona do następujących adresatów:\n\nj@firma.example",  # pl
    "Zpráva byla doručena následujícím příjemcům:\n\nj@firma.example",  # cs
    "Ваше сообщение доставлено следующим получателям:\n\ni@firma.example",  # ru
    "メッセージは次の受信者に配信されました:\n\ninfo@shop.example",  # ja
    "您的邮件已送达以下收件人:\n\nzhang@qiye.example",  # zh
    "İletiniz aşağıdaki alıcılara teslim edildi:\n\na@firma.example",  # tr
]

# The same languages' failures and delays: never a receipt.
NOT_RECEIPTS = [
    "Ihre Nachricht wurde an folgende Empfänger nicht übermittelt: u@kunde.example",
    "Ihre Nachricht konnte nicht an folgende Empfänger übermittelt werden: u@kunde.example",
    "Não foi possível entregar a mensagem aos seguintes destinatários: ana@empresa.example",
    "Votre message n'a pas pu être remis aux destinataires suivants : l@client.example",
    "Su mensaje no se entregó a los siguientes destinatarios: a@cliente.example",
    "Sua mensagem não foi entregue aos seguintes destinatários: ana@empresa.example",
    "Ditt meddelande kunde inte levereras till följande mottagare: s@foretag.example",
    "Din besked til <m@firma.example> er endnu ikke blevet leveret.",
    "Meldingen er ikke levert til følgende mottakere: n@firma.example",
    "Wiadomość nie została dostarczona do następujących adresatów: j@firma.example",
    "Zpráva nebyla doručena následujícím příjemcům: j@firma.example",
    "Сообщение не доставлено следующим получателям: i@firma.example",
    "メッセージを次の受信者に配信できませんでした: info@shop.example",
    "您的邮件无法送达以下收件人: zhang@qiye.example",
    "İletiniz aşağıdaki alıcılara teslim edilemedi: a@firma.example",
]


@pytest.mark.parametrize("text", RECEIPTS)
def test_localized_delivery_receipts(text: str) -> None:
    assert delivery_receipt("", text) == "delivered"


@pytest.mark.parametrize("text", NOT_RECEIPTS)
def test_localized_failures_are_no_receipts(text: str) -> None:
    assert delivery_receipt("", text) is None


MOVES = [
    "Frau Schmidt ist nicht mehr in unserem Unternehmen tätig.",  # de
    "Herr Weber ist nicht mehr bei der Beispiel GmbH beschäftigt.",
    "Herr Weber hat das Unternehmen verlassen.",
    "Diese E-Mail-Adresse ist nicht mehr gültig.",
    "Diese Adresse wird nicht mehr gelesen.",
    "Meine neue E-Mail-Adresse lautet jan@neu.example.",
    "Cette adresse e-mail n'est plus valide.",  # fr
    "Cette adresse n’est plus consultée.",
    "Mme Martin ne fait plus partie de la société.",
    "M. Petit a quitté l'entreprise.",
    "Ma nouvelle adresse est luc@nouveau.example",
    "Ya no trabajo en Empresa SA.",  # es
    "Esta dirección de correo ya no está activa.",
    "Esta dirección dejará de funcionar pronto.",
    "Mi nueva dirección de correo es ana@nueva.example",
    "Meu endereço de e-mail mudou.",  # pt
    "Meu novo e-mail é ana@nova.example",
    "A Ana não trabalha mais conosco.",
    "O João deixou a empresa.",
    "Questo indirizzo email non è più attivo.",  # it
    "Marco non lavora più presso Azienda Srl.",
    "Il mio nuovo indirizzo è marco@nuovo.example",
    "Pieter is niet meer werkzaam bij Bedrijf BV.",  # nl
    "Dit e-mailadres is niet meer in gebruik.",
    "Mijn nieuwe e-mailadres is p@nieuw.example",
    "Dan has left and this mailbox is no longer monitored.",  # en
    "您好，李娜已离职，此邮箱不再使用。",  # zh
    "該郵箱不再使用",  # zh (traditional)
    "山田は11月末をもちまして退職いたしました。",  # ja
    "このメールアドレスは現在使用しておりません。",  # ja
    "김민수 님은 퇴사하였습니다.",  # ko
    # the address closed or no longer read, as the Iberian, Italian, French, German, Danish and
    # Vietnamese mailboxes say it
    "Este endereço de e-mail foi encerrado e não é mais utilizado.",  # pt
    "Este endereço de correio eletrónico foi desativado.",
    "Esta caixa postal foi cancelada.",
    "Esta dirección de correo electrónico ha sido cerrada.",  # es
    "Esta cuenta ya no se utiliza.",
    "Questo indirizzo e-mail è stato chiuso.",  # it
    "Il mio indirizzo non viene più letto.",
    "Cette adresse e-mail a été désactivée.",  # fr
    "Dieses Postfach wurde geschlossen.",  # de
    "Mein altes Postfach wird nicht mehr abgerufen.",
    "Diese Adresse wurde deaktiviert.",
    "Denne e-mailadresse er nedlagt.",  # da
    "Min gamle adresse bliver ikke længere læst.",
    "Địa chỉ email này đã bị đóng.",  # vi
    "Địa chỉ thư điện tử này đã ngừng hoạt động.",
    # "no longer works here" in ka, hy, az, mn, sq, mk
    "ნინო ბერიძე აღარ მუშაობს ჩვენს კომპანიაში.",
    "Արամն այլևս չի աշխատում մեր ընկերությունում։",
    "Արամն այլեւս չի աշխատում մեզ մոտ։",
    "Elnur artıq şirkətimizdə işləmir.",
    "Бат манай компанид ажиллахаа больсон.",
    "Бат ажлаас гарсан.",
    "Arben nuk punon më në kompaninë tonë.",
    "Arben është larguar nga kompania.",
    "Марија повеќе не работи во нашата компанија.",
    "Марија ја напушти компанијата.",
]

# Words that come near a move's without announcing one.
NOT_MOVES = [
    "Ich bin heute nicht mehr im Büro, ab Montag wieder erreichbar.",
    "Je ne suis plus disponible cette semaine, je reviens lundi.",
    "Ya no quedan plazas para el curso.",
    "Não tenho mais dúvidas, obrigado.",
    "Non c'è più tempo per l'ordine di dicembre.",
    "Ik ben vandaag niet meer bereikbaar.",
    "Please send the invoice to my address plus a copy to accounts.",
    "Este endereço será verificado quando eu voltar das férias.",
    "La inscripción ha sido cerrada.",
    "Il negozio è stato chiuso per ferie fino al 7 gennaio.",
    "Das Büro ist vom 24.12. bis 2.1. geschlossen.",
    "Denne adresse er midlertidigt lukket i julen.",
    "Mən məzuniyyətdəyəm, 5 yanvarda işə qayıdacağam.",
    "Jam me pushime deri më 5 janar.",
    "Сум на одмор до 5 јануари.",
]


@pytest.mark.parametrize("text", MOVES)
def test_moves_in_languages(text: str) -> None:
    assert autoreply._announces_move(f"Guten Tag / Bonjour,\n\n{text}\n")


@pytest.mark.parametrize("text", NOT_MOVES)
def test_near_misses_are_no_moves(text: str) -> None:
    assert not autoreply._announces_move(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.sampled_from([*MOVES, *NOT_MOVES]), st.text(max_size=200))
def test_the_branch_search_finds_what_the_whole_expression_finds(
    before: str, phrase: str, after: str
) -> None:
    text = f"{before}{phrase}{after}"
    expected = re.compile(autoreply._MOVED.pattern, re.IGNORECASE).search(text[:2000]) is not None
    assert autoreply._announces_move(text) is expected


def _notes_reply(subject: str) -> bytes:
    """Notes' out-of-office answer: its own subject, no In-Reply-To, no auto-reply header."""
    return (
        "From: Someone <someone@firma.example>\n"
        "To: news@sender.example\n"
        f"Subject: {Header(subject, 'utf-8').encode()}\n"
        "Date: Sat, 05 Dec 2026 10:00:00 +0100\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\n\n"
        "...\n"
    ).encode()


@pytest.mark.parametrize(
    "subject",
    [
        "AUTO: Hans Müller ist außer Haus (Rückkehr am 12.01.2027)",
        "AUTO: Hans Mueller ist ausser Haus",
        "AUTO: Eva Roth ist nicht im Büro (zurück am 4.1.)",
        "AUTO: Claire Dubois est absente (retour le 05/01/2027)",
        "AUTO: Pieter de Vries is afwezig (terug op 4 januari)",
        "AUTO: Marco Rossi è assente (rientro il 7 gennaio)",
        "AUTO: Luis García está ausente (regreso el 7 de enero)",
    ],
)
def test_translated_notes_subjects(subject: str) -> None:
    result = parse(_notes_reply(subject))
    assert result.message_type == "auto_reply"
    assert [e.classification for e in result.events] == ["ignored"]


def _answer(body: str, *, return_path: str | None) -> bytes:
    """A reply with no auto-reply header and no auto-reply subject: only its sender and words."""
    head = f"Return-Path: {return_path}\n" if return_path is not None else ""
    return (
        f"{head}From: Paul Morel <paul@societe.example>\n"
        "To: news@sender.example\n"
        "Subject: Re: Offres\n"
        "Date: Sat, 05 Dec 2026 10:00:00 +0100\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\n\n"
        f"{body}\n"
    ).encode()


@pytest.mark.parametrize(
    "body",
    [
        "Je suis absent jusqu'au 4 janvier. En cas d'urgence : accueil@societe.example",  # fr
        "Ich bin bis zum 4. Januar nicht im Büro. Vertretung: info@societe.example",  # de
        "Estoy de vacaciones hasta el 7 de enero. Contacto: info@societe.example",  # es
        "Sono in ferie fino al 7 gennaio. Scrivere a info@societe.example",  # it
        "Estou de férias até 7 de janeiro. Contato: info@societe.example",  # pt
        "Ik ben afwezig tot 4 januari. Mail info@societe.example",  # nl
        "Jestem na urlopie do 8 stycznia. Kontakt: biuro@societe.example",  # pl
        "Я в отпуске до 12 января. Пишите на office@societe.example",  # ru
        "Jag är ledig till 6 januari. Kontakta info@societe.example",  # sv
        # "out of the office" and the future tense, and the languages of Exchange's OOF templates
        "Jestem poza biurem do 4 stycznia. Kontakt: biuro@societe.example",  # pl
        "Estarei ausente do escritório até 4 de janeiro. Contacte geral@societe.example",  # pt
        "Estaré fuera de la oficina hasta el 7 de enero. Contacto: info@societe.example",  # es
        "Sarò fuori ufficio fino al 7 gennaio. Scrivere a info@societe.example",  # it
        "Şu anda ofis dışındayım, 5 Ocak'ta döneceğim. Acil: destek@societe.example",  # tr
        "1月4日まで不在にしております。急ぎの場合は info@societe.example まで。",  # ja
        "我目前不在办公室，1月4日返回。如有急事请联系 info@societe.example",  # zh
        "현재 휴가 중입니다. 급한 용무는 info@societe.example 로 연락 주세요.",  # ko
        "Я в командировке до 12 января. Пишите на office@societe.example",  # ru
        # the dates between the words, the future, other English wordings
        "Ich bin vom 21.12. bis 4.1. im Urlaub. Vertretung: info@societe.example",  # de
        "Je serai absente du bureau jusqu'au 4 janvier. Urgences : accueil@societe.example",  # fr
        "I am currently on holiday, returning on 4 January. Urgent: office@societe.example",  # en
        "I will be on leave until 4 January. Please write to office@societe.example",  # en
        "I'm on maternity leave until June; please contact office@societe.example",  # en
    ],
)
def test_null_sender_vacation_words_make_an_auto_reply(body: str) -> None:
    result = parse(_answer(body, return_path="<>"))
    assert result.message_type == "auto_reply"
    assert [(e.recipient, e.classification) for e in result.events] == [("paul@societe.example", "ignored")]


def test_a_persons_own_vacation_words_are_no_auto_reply() -> None:
    # (no null sender, no RFC 3834 keyword: a person telling us about a holiday)
    result = parse(
        _answer(
            "Je suis absent jusqu'au 4 janvier, rappelez-moi ensuite.", return_path="<paul@societe.example>"
        )
    )
    assert result.message_type == "unknown"
    assert result.events == ()
