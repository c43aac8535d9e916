"""A recipient pastes the spam, full headers and all, under the forward marker their mail client
writes in their language: the report is a complaint for the original's recipient whatever the
client and language (parsers.forwarded)."""

from __future__ import annotations

import pytest

from parsers import parse

MARKERS = {
    "outlook-de": "-----Ursprüngliche Nachricht-----",
    "outlook-nl": "-----Oorspronkelijk bericht-----",
    "outlook-da": "-----Oprindelig meddelelse-----",
    "outlook-sv": "-----Ursprungligt meddelande-----",
    "outlook-fi": "-----Alkuperäinen viesti-----",
    "outlook-pl": "-----Wiadomość oryginalna-----",
    "outlook-cs": "-----Původní zpráva-----",
    "gmail-fr": "---------- Message transféré ---------",
    "gmail-pl": "---------- Przekazana wiadomość ---------",
    "gmail-vi": "---------- Thư đã chuyển tiếp ---------",
    "gmail-ja": "---------- 転送されたメッセージ ---------",
    "gmail-zh": "---------- 转发的邮件 ---------",
    "gmail-ko": "---------- 전달된 메시지 ----------",
    "gmail-tr": "---------- Yönlendirilmiş ileti ----------",
    "foxmail-zh": "------------------ 原始邮件 ------------------",
    "thunderbird-sv": "-------- Vidarebefordrat meddelande --------",
    # Outlook's HTML forward read as text: a rule of underscores before From/Sent/To/Subject
    "outlook-html": "________________________________",
    # an abuse desk's own dashed title over the original it forwards
    "abuse-desk": "------------- Reported message -------------",
}


def _forward(marker: str) -> bytes:
    return (
        "From: A Recipient <someone@dest.example>\n"
        "To: abuse@sender.example\n"
        "Subject: Spam\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: 8bit\n\n"
        "Never asked for this.\n\n"
        f"{marker}\n"
        "Received: from mta1.sender.example (mta1.sender.example [192.0.2.10])\n"
        "\tby mx.dest.example with ESMTP id 4AbC\n"
        "\tfor <someone@dest.example>; Mon, 02 Mar 2026 09:00:00 +0100\n"
        "From: News <news@sender.example>\n"
        "To: someone@dest.example\n"
        "Subject: Offers\n\n"
        "Buy now.\n"
    ).encode()


@pytest.mark.parametrize("client", sorted(MARKERS))
def test_a_forward_marker_in_the_clients_language_starts_the_pasted_original(client: str) -> None:
    events = parse(_forward(MARKERS[client])).events
    assert [(e.recipient, e.type) for e in events] == [("someone@dest.example", "complaint")]


def test_a_marker_without_the_original_s_transport_headers_is_no_complaint() -> None:
    # a person's forward of another person's mail keeps only From, Date, Subject, To: not a report
    raw = (
        _forward(MARKERS["outlook-de"])
        .replace(b"Received: from", b"X-Seen: from")
        .replace(b"To: someone@dest.example", b"To: colleague@dest.example")
    )
    assert parse(raw).events == ()


@pytest.mark.parametrize("client", ["outlook-html", "abuse-desk"])
def test_a_rule_or_a_title_without_the_original_s_transport_headers_is_no_complaint(client: str) -> None:
    # a rule in a signature, a dashed heading over another person's mail: not a pasted original
    raw = (
        _forward(MARKERS[client])
        .replace(b"Received: from", b"X-Seen: from")
        .replace(b"To: someone@dest.example", b"To: colleague@dest.example")
    )
    assert parse(raw).events == ()


def test_a_dashed_title_over_headers_without_transport_headers_starts_no_forward() -> None:
    # only a client's own marker may start a forward whose To is the forwarder's address; a dashed
    # title of any words needs the original's Received field: sent to a friend, no complaint
    raw = (
        _forward(MARKERS["abuse-desk"])
        .replace(b"Received: from", b"X-Seen: from")
        .replace(b"To: abuse@sender.example", b"To: friend@other.example")
        .replace(b"Subject: Spam", b"Subject: Offers")
    )
    assert parse(raw).events == ()
    # addressed as a report (to the abuse mailbox, "Spam"), the block sent to its writer is the
    # complaint's original as it is with no title at all (parsers.forwarded._unmarked_original)
    raw = _forward(MARKERS["abuse-desk"]).replace(b"Received: from", b"X-Seen: from")
    assert [(e.recipient, e.type) for e in parse(raw).events] == [("someone@dest.example", "complaint")]


# A forward by the recipient keeps only From, Sent, To and Subject, under the names the mail client
# writes in its language (Outlook, Gmail, Thunderbird): the To that is the forwarder's own address
# says the forwarder is the recipient, whatever the language of the names.
LOCALISED_BLOCKS = {
    "outlook-de": ("________________________________", "Von: {f}\nGesendet: Dienstag, 3. März 2026 10:00\nAn: {t}\nBetreff: Angebote"),
    "outlook-fr": ("-----Message d'origine-----", "De : {f}\nEnvoyé : mardi 3 mars 2026 10:00\nÀ : {t}\nObjet : Offres"),
    "outlook-es": ("-----Mensaje original-----", "De: {f}\nEnviado el: martes, 3 de marzo de 2026 10:00\nPara: {t}\nAsunto: Ofertas"),
    "outlook-pt": ("-----Mensagem original-----", "De: {f}\nEnviada em: terça-feira, 3 de março de 2026 10:00\nPara: {t}\nAssunto: Ofertas"),
    "outlook-nl": ("-----Oorspronkelijk bericht-----", "Van: {f}\nVerzonden: dinsdag 3 maart 2026 10:00\nAan: {t}\nOnderwerp: Aanbiedingen"),
    "outlook-da": ("-----Oprindelig meddelelse-----", "Fra: {f}\nSendt: 3. marts 2026 10:00\nTil: {t}\nEmne: Tilbud"),
    "outlook-pl": ("-----Wiadomość oryginalna-----", "Od: {f}\nWysłano: wtorek, 3 marca 2026 10:00\nDo: {t}\nTemat: Oferty"),
    "outlook-ru": ("-----Исходное сообщение-----", "От: {f}\nОтправлено: 3 марта 2026 г. 10:00\nКому: {t}\nТема: Скидки"),
    "outlook-ja": ("-----Original Message-----", "差出人: {f}\n送信日時: 2026年3月3日 10:00\n宛先: {t}\n件名: セール"),
    "thunderbird-de": ("-------- Weitergeleitete Nachricht --------", "Betreff: \tAngebote\nDatum: \tTue, 3 Mar 2026 10:00:00 +0000\nVon: \t{f}\nAn: \t{t}"),
}  # fmt: skip


def _localised_forward(client: str, forwarder: str = "someone@dest.example") -> bytes:
    marker, block = LOCALISED_BLOCKS[client]
    return (
        f"From: A Recipient <{forwarder}>\nTo: abuse@sender.example\nSubject: Spam\nMIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\nNever asked for this.\n\n"
        f"{marker}\n{block.format(f='News <news@sender.example>', t='someone@dest.example')}\n\nBuy now.\n"
    ).encode()


@pytest.mark.parametrize("client", sorted(LOCALISED_BLOCKS))
def test_a_forward_by_the_recipient_under_localised_field_names_is_a_complaint(client: str) -> None:
    events = parse(_localised_forward(client)).events
    assert [(e.recipient, e.type) for e in events] == [("someone@dest.example", "complaint")]


@pytest.mark.parametrize("client", sorted(LOCALISED_BLOCKS))
def test_a_localised_forward_of_another_persons_mail_is_no_complaint(client: str) -> None:
    # the To names someone else: the forwarder passes on mail that was not sent to them
    assert parse(_localised_forward(client, forwarder="colleague@dest.example")).events == ()


# Apple Mail writes an undashed line ending in a colon, in the language it is set to.
APPLE_MARKERS = {
    "en": "Begin forwarded message:",
    "de": "Anfang der weitergeleiteten Nachricht:",
    "fr": "Début du message réexpédié :",
    "it": "Inizio messaggio inoltrato:",
    "es": "Comienzo del mensaje reenviado:",
    "pt": "Início da mensagem reencaminhada:",
    "nl": "Doorgestuurd bericht:",
    "da": "Videresendt besked:",
    "sv": "Vidarebefordrat mejl:",
    "pl": "Początek przekazywanej wiadomości:",
    "cs": "Začátek přeposlané zprávy:",
    "ru": "Начало переадресованного сообщения:",
    "ja": "転送されたメッセージ:",
    "zh": "以下是转发的邮件：",
    "vi": "Bắt đầu tin nhắn được chuyển tiếp:",
    "tr": "İletilmiş ileti başlangıcı:",
}


@pytest.mark.parametrize("language", sorted(APPLE_MARKERS))
def test_apple_mails_forward_line_in_its_language_starts_the_pasted_original(language: str) -> None:
    raw = _forward(APPLE_MARKERS[language]).replace(b"\nReceived: from", b"\n\nReceived: from", 1)
    events = parse(raw).events
    assert [(e.recipient, e.type) for e in events] == [("someone@dest.example", "complaint")]
