"""A report in no known format that writes, in its own language, that the message to an address
was not delivered: the address is the failed recipient (parsers.fallback)."""

from __future__ import annotations

import pytest

from parsers import parse
from tests.parsers.languages import plain_report

SENTENCES = {
    "it": "Il messaggio per marco@dest.example non e' stato consegnato.",
    "es": "Su mensaje a lucia@dest.example no pudo ser entregado.",
    "fr": "Votre message à <remi@dest.example> n'a pas été remis.",
    "de": "Die Zustellung an <uwe@dest.example> ist fehlgeschlagen.",
    "ja": "メールは yuki@dest.example に届きませんでした。",
    "zh": "您发给 chen@dest.example 的邮件被退回。",
    "nl": "Uw bericht aan <joost@dest.example> is niet afgeleverd.",
    "ru": "Письмо для ivan@dest.example не доставлено.",
}


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_the_address_in_a_not_delivered_sentence_is_the_recipient(lang: str) -> None:
    result = parse(plain_report(SENTENCES[lang]))
    assert [e.recipient for e in result.events] == [
        next(w.strip("<>.,") for w in SENTENCES[lang].split() if "@" in w).split("に")[0]
    ]
    assert result.events[0].type == "bounce"


def test_the_sender_named_with_from_is_never_the_recipient() -> None:
    sentence = "Your message from <news@sender.example> could not be delivered to <ana@dest.example>."
    assert [e.recipient for e in parse(plain_report(sentence)).events] == ["ana@dest.example"]


def _reply(to: str) -> bytes:
    return (
        "From: Someone <someone@dest.example>\n"
        f"To: {to}\n"
        "Subject: RE: Undeliverable: Spring programme\n"
        "List-Id: Club <club.lists.sender.example>\n\n"
        "Your message could not be delivered to <ana@dest.example>\n"
    ).encode()


def test_a_reply_to_a_list_bounce_mailbox_is_a_failure_report() -> None:
    from parsers.fallback import is_failure_report
    from parsers.mail import load

    assert is_failure_report(load(_reply("club-bounces@lists.sender.example")))
    # a person's mailbox that happens to be called admin is not a list's bounce mailbox
    assert not is_failure_report(load(_reply("admin@sender.example")))


# "Recipient address: a@b" in each language: the label names the recipient's address rather than
# the recipient ("收件人地址", "Adresse du destinataire"); the line after it gives the reason.
ADDRESS_LABELS = {
    "zh": ("收件人地址：", "收件人邮箱不存在"),
    "ja": ("宛先アドレス: ", "このメールアドレスは存在しません"),
    "ko": ("받는 사람 주소: ", "존재하지 않는 사용자입니다"),
    "de": ("Empfängeradresse: ", "Benutzer unbekannt"),
    "fr": ("Adresse du destinataire : ", "utilisateur inconnu"),
    "es": ("Dirección del destinatario: ", "el usuario no existe"),
    "pt": ("Endereço do destinatário: ", "usuário inexistente"),
    "it": ("Indirizzo del destinatario: ", "utente inesistente"),
    "nl": ("Adres van de ontvanger: ", "onbekende gebruiker"),
    "da": ("Modtagerens adresse: ", "Ukendt bruger"),
    "ru": ("Адрес получателя: ", "Пользователь не найден"),
    "vi": ("Địa chỉ người nhận: ", "Người nhận không tồn tại"),
}


@pytest.mark.parametrize("lang", sorted(ADDRESS_LABELS))
def test_a_recipient_address_label_names_the_failed_recipient(lang: str) -> None:
    label, reason = ADDRESS_LABELS[lang]
    result = parse(plain_report(f"{label}{lang}.user@dest.example\n{reason}"))
    assert [(e.recipient, e.classification) for e in result.events] == [(f"{lang}.user@dest.example", "hard")]


@pytest.mark.parametrize(
    "sentence",
    [
        "很抱歉，您发送的邮件无法发送到wu.fang@dest.example\n该用户不存在",
        "메일이 kim.minji@dest.example으로 전달되지 못했습니다. 존재하지 않는 사용자입니다",
        "宛先yamada@dest.example へのメールは配信できませんでした。このメールアドレスは存在しません",
    ],
)
def test_an_address_written_against_chinese_japanese_or_korean_text(sentence: str) -> None:
    # those languages put no space before an address: the letters before it are not its local part
    result = parse(plain_report(sentence))
    assert [(e.recipient.split("@")[1], e.classification) for e in result.events] == [
        ("dest.example", "hard")
    ]
    assert result.events[0].recipient.isascii()


def test_a_longer_latin_word_before_an_address_still_hides_it() -> None:
    from parsers.fallback import _bare_addresses

    assert [m.group(1) for m in _bare_addresses("jürgen@dest.example")] == []
    assert [m.group(1) for m in _bare_addresses("无法发送到wu@dest.example")] == ["wu@dest.example"]


def _html_report(rows: str) -> bytes:
    return (
        "From: Mailer-Daemon <postmaster@mx.dest.example>\n"
        "To: bounces@sender.example\n"
        "Subject: Undeliverable\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/html; charset=utf-8\n"
        "Content-Transfer-Encoding: 8bit\n\n"
        f"<html><body><p>Delivery has failed.</p><table>{rows}</table></body></html>\n"
    ).encode()


@pytest.mark.parametrize(
    "label", ["Recipient", "받는 사람", "Empfänger", "Destinataire", "收件人", "宛先", "Получатель"]
)
def test_an_html_table_names_the_recipient_in_the_cell_after_its_label(label: str) -> None:
    # a report laid out as a table writes no colon: the label cell, then the address cell
    rows = f"<tr><th>{label}</th><td>cell.user@dest.example</td></tr><tr><th>Reason</th><td>User unknown</td></tr>"
    events = parse(_html_report(rows)).events
    assert [(e.recipient, e.classification) for e in events] == [("cell.user@dest.example", "hard")]
