"""What European and Latin American providers and their translated MTA templates write that the
phrase families missed (probe accintl7): Gmail's localised "because the address was not found"
sentence, Exchange's localised "the address you entered was not found", closed accounts with
whose account between noun and verb or the account as object, and verb-less status lines."""

from __future__ import annotations

from parsers import reasons as r
from tests.parsers.languages import check_phrases


def test_unknown_recipients_in_provider_and_template_wordings() -> None:
    check_phrases(
        [
            ("Ingen bruger med denne e-mailadresse findes på serveren", r.USER_UNKNOWN),  # da
            ("Cuenta de correo inexistente", r.USER_UNKNOWN),  # es
            ("Käyttäjätunnusta ei ole olemassa", r.USER_UNKNOWN),  # fi: the user name does not exist
            ("Cuenta inexistente", r.USER_UNKNOWN),
            # Gmail's sentence: "... because the address was not found or cannot receive mail"
            ("Uw bericht is niet bezorgd bij x@y.nl omdat het adres niet is gevonden.", r.USER_UNKNOWN),
            ("Votre message n'a pas été distribué, car l'adresse est introuvable.", r.USER_UNKNOWN),
            ("Sua mensagem não foi entregue porque o endereço não foi encontrado.", r.USER_UNKNOWN),
            ("Wiadomość nie została dostarczona, ponieważ nie znaleziono adresu.", r.USER_UNKNOWN),
            ("Az üzenetet nem kézbesítettük, mert a cím nem található.", r.USER_UNKNOWN),
            ("Съобщението не бе доставено, защото адресът не бе намерен.", r.USER_UNKNOWN),
            ("Sporočilo ni bilo dostavljeno, ker naslova ni bilo mogoče najti.", r.USER_UNKNOWN),
            ("Ziņojums netika piegādāts, jo adrese netika atrasta.", r.USER_UNKNOWN),
            # Exchange's "the e-mail address you entered couldn't be found", other word orders
            ("Nie można odnaleźć wprowadzonego adresu e-mail.", r.USER_UNKNOWN),
            ("Η διεύθυνση ηλεκτρονικού ταχυδρομείου που πληκτρολογήσατε δεν βρέθηκε.", r.USER_UNKNOWN),
            ("Въведеният от вас имейл адрес не може да бъде намерен.", r.USER_UNKNOWN),
            ("Jūsų įvesto el. pašto adreso rasti nepavyko.", r.USER_UNKNOWN),
        ]
    )


def test_closed_and_expired_accounts_are_gone() -> None:
    check_phrases(
        [
            ("Denne e-mailadresse eksisterer ikke længere", r.ACCOUNT_DISABLED),  # da: no longer exists
            ("Het account van deze ontvanger is opgeheven", r.ACCOUNT_DISABLED),  # nl
            ("Le compte de ce destinataire a été supprimé", r.ACCOUNT_DISABLED),  # fr
            ("Adresse résiliée", r.ACCOUNT_DISABLED),
            ("Účet vypršel", r.ACCOUNT_DISABLED),  # cs
            ("A fiókot letiltották", r.ACCOUNT_DISABLED),  # hu: the account as object
            ("A postafiókot véglegesen törölték", r.ACCOUNT_DISABLED),
            ("Contul a expirat", r.ACCOUNT_DISABLED),  # ro
            ("Cont închis", r.ACCOUNT_DISABLED),
            ("Ο λογαριασμός διαγράφηκε", r.ACCOUNT_DISABLED),  # el: simple past
            ("Ο λογαριασμός έχει λήξει", r.ACCOUNT_DISABLED),  # el: expired
        ]
    )


def test_temporary_blocks_stay_pauses() -> None:
    check_phrases(
        [
            ("Konto czasowo zablokowane", r.SUSPEND),  # pl: "czasowo" beside "tymczasowo"
            ("Konto odbiorcy zostało czasowo zablokowane", r.SUSPEND),
            ("A fiók ideiglenesen fel van függesztve", r.SUSPEND),  # hu
        ]
    )
    # blocked for non-use is closed, whichever word says "temporarily" is absent
    check_phrases([("Konto zablokowane z powodu braku aktywności", r.ACCOUNT_DISABLED)])


def test_full_mailboxes_in_more_word_orders() -> None:
    check_phrases(
        [
            ("Postkassen er fyldt op", r.MAILBOX_FULL),  # da
            ("Postilaatikko täynnä", r.MAILBOX_FULL),  # fi: no verb
            ("Das Postfach hat die maximale Größe erreicht", r.MAILBOX_FULL),  # de: mailbox as subject
            ("Das Postfach des Empfängers hat sein Speicherlimit erreicht", r.MAILBOX_FULL),
            ("A caixa postal excedeu o limite de espaço", r.MAILBOX_FULL),  # pt
            ("A címzett postaládája megtelt", r.MAILBOX_FULL),  # hu
            ("Cutia poștală este plină", r.MAILBOX_FULL),  # ro
            ("Pastkaste pārpildīta", r.MAILBOX_FULL),  # lv: no verb
        ]
    )


def test_unknown_domains() -> None:
    check_phrases(
        [
            ("Die Domäne ist nicht vorhanden.", r.HOST_UNKNOWN),
            ("Доменът не съществува.", r.HOST_UNKNOWN),
            ("Domēns nepastāv.", r.HOST_UNKNOWN),
        ]
    )


def test_the_senders_own_address_is_not_the_recipients() -> None:
    # the new sentences name the address itself; the sender's address named so stays no unknown user
    for text in (
        "L'adresse de l'expéditeur est introuvable",
        "A feladó címe nem létezik",
        "Het adres van de afzender is niet geldig",
    ):
        assert r.derive("5.0.0", "550", text, "failed", "RCPT") != r.USER_UNKNOWN, text


def test_the_recipients_domain_unknown_is_the_domain_not_the_user() -> None:
    # whose domain after the noun: the domain is gone (host_unknown, which also marks the domain),
    # neither an unknown user ("recipient does not exist" inside it) nor a vague soft reason
    check_phrases(
        [
            ("Domænet for modtageren findes ikke", r.HOST_UNKNOWN),
            ("Het domein van de ontvanger bestaat niet", r.HOST_UNKNOWN),
            ("El dominio del destinatario no existe", r.HOST_UNKNOWN),
            ("El dominio del destinatario es desconocido", r.HOST_UNKNOWN),
            ("O domínio do destinatário não existe", r.HOST_UNKNOWN),
            ("Il dominio del destinatario non esiste", r.HOST_UNKNOWN),
            ("Domena odbiorcy nie istnieje", r.HOST_UNKNOWN),
            ("Doména příjemce neexistuje", r.HOST_UNKNOWN),
            ("Domeniul destinatarului nu există", r.HOST_UNKNOWN),
            ("A címzett domainje nem létezik", r.HOST_UNKNOWN),
            ("Домен получателя не существует", r.HOST_UNKNOWN),
            ("Домен одержувача не існує", r.HOST_UNKNOWN),
            ("Ο τομέας του παραλήπτη δεν υπάρχει", r.HOST_UNKNOWN),
            ("Domena primatelja ne postoji", r.HOST_UNKNOWN),
            ("Domena prejemnika ne obstaja", r.HOST_UNKNOWN),
        ]
    )
    # a user unknown *in* the recipient's domain is still the user
    check_phrases(
        [
            ("El usuario no existe en el dominio del destinatario", r.USER_UNKNOWN),
            ("Usuário não existe no domínio do destinatário", r.USER_UNKNOWN),
            ("Пользователь не найден в домене получателя", r.USER_UNKNOWN),
        ]
    )


def test_a_refusal_of_the_sender_overrules_a_user_unknown_status() -> None:
    # the sender's address or domain refused or unknown, in the language of the answer to MAIL
    # FROM, under a 5.1.0/5.1.1: the sender's (soft, sender-side), as English's "Sender address
    # rejected" is; a recipient unknown under the same code stays hard
    for status, text in (
        ("5.1.0", "550 5.1.0 Absenderadresse abgelehnt: Domain nicht gefunden"),
        ("5.1.0", "550 5.1.0 Adresse de l'expéditeur refusée : domaine introuvable"),
        ("5.1.0", "550 5.1.0 Dirección del remitente rechazada: dominio no encontrado"),
        ("5.1.0", "550 5.1.0 Endereço do remetente rejeitado: domínio não encontrado"),
        ("5.1.0", "550 5.1.0 Indirizzo del mittente rifiutato: dominio non trovato"),
        ("5.1.0", "550 5.1.0 Afzenderadres geweigerd: domein bestaat niet"),
        ("5.1.0", "550 5.1.0 Afsenderadressen blev afvist: domænet findes ikke"),
        ("5.1.0", "550 5.1.0 Avsändaradressen avvisades: domänen finns inte"),
        ("5.1.0", "550 5.1.0 Adres nadawcy odrzucony: domena nie istnieje"),
        ("5.1.0", "550 5.1.0 Adresa odesílatele odmítnuta: doména neexistuje"),
        ("5.1.0", "550 5.1.0 A feladó címe elutasítva: a domain nem létezik"),
        ("5.1.0", "550 5.1.0 Adresa expeditorului respinsă: domeniul nu există"),
        ("5.1.0", "550 5.1.0 Адрес отправителя отклонён: домен не найден"),
        ("5.1.0", "550 5.1.0 Адресу відправника відхилено: домен не знайдено"),
        ("5.1.0", "550 5.1.0 Η διεύθυνση αποστολέα απορρίφθηκε"),
        ("5.1.1", "550 5.1.1 Der Absender ist unbekannt"),
        ("5.1.1", "550 5.1.1 Expéditeur inconnu"),
        ("5.1.1", "550 5.1.1 Remitente desconocido"),
        ("5.1.1", "550 5.1.1 Mittente sconosciuto"),
        ("5.1.1", "550 5.1.1 Nadawca nieznany"),
        ("5.1.1", "550 5.1.1 Onbekende afzender"),
        ("5.1.1", "550 5.1.1 Tuntematon lähettäjä"),
        ("5.1.1", "550 5.1.1 Ukjent avsender"),
        ("5.1.1", "550 5.1.1 Неизвестный отправитель"),
    ):
        reason = r.derive(status, "550", text, "failed", "RCPT")
        assert reason == r.REJECTED, text
        assert r.classify(r.sender_side(reason, "RCPT", False), status, "550") == "soft", text
    for text in (
        "550 5.1.1 Empfänger unbekannt",
        "550 5.1.1 Destinatario sconosciuto (mittente: a@b.example)",
    ):
        assert r.derive("5.1.1", "550", text, "failed", "RCPT") == r.USER_UNKNOWN, text
