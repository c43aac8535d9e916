"""Bounce formats whose whole frame is translated: the detector still knows its own format.

Exchange's NDR keeps one line the same in every language, the administrators' block's reply
("host #550 5.1.1 ... ##"); qmail-send's translated notices keep the program's name, and a qmail
log line quoted as the diagnostic writes its spaces as underscores.
"""

from __future__ import annotations

import pytest

from parsers import parse

SENDER = "news@shop.example"

# (Content-Language, subject, administrators' heading, generating server label) as Exchange
# 2010 and later print them
EXCHANGE = {
    "de": ("de-DE", "Unzustellbar:", "Diagnoseinformationen für Administratoren:", "Generierender Server:"),
    "fr": (
        "fr-FR",
        "Non remis :",
        "Informations de diagnostic pour les administrateurs :",
        "Serveur de génération :",
    ),
    "pl": (
        "pl-PL",
        "Niedostarczalne:",
        "Informacje diagnostyczne dla administratorów:",
        "Serwer generujący:",
    ),
    "ru": (
        "ru-RU",
        "Недоставляемое сообщение:",
        "Диагностические сведения для администраторов:",
        "Создающий сервер:",
    ),
    "ja": ("ja-JP", "配信不能:", "管理者向けの診断情報:", "生成サーバー:"),
    "vi": ("vi-VN", "Không thể gửi:", "Thông tin chẩn đoán dành cho người quản trị:", "Máy chủ tạo:"),
}


def exchange_ndr(lang: str, rcpt: str, reply: str) -> bytes:
    language, subject, heading, server = EXCHANGE[lang]
    return (
        f"From: postmaster@corp.example\nTo: {SENDER}\nSubject: {subject} offer\n"
        f"Content-Language: {language}\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
        f"{rcpt}\n\n{heading}\n\n{server} EXCH01.corp.example\n\n{rcpt}\n"
        f"mx.dest.example #{reply} ##\n"
    ).encode()


@pytest.mark.parametrize("lang", sorted(EXCHANGE))
def test_a_translated_exchange_ndr_is_read_from_its_administrators_block(lang: str) -> None:
    rcpt = f"anna@{lang}.dest.example"
    result = parse(exchange_ndr(lang, rcpt, f"550 5.1.1 <{rcpt}>: Recipient address rejected: User unknown"))
    assert result.detector == "Exchange2007"
    [event] = result.events
    assert (event.recipient, event.status, event.classification) == (rcpt, "5.1.1", "hard")


def qmail_notice(intro: str, rcpt: str, diagnostic: str) -> bytes:
    return (
        f"From: MAILER-DAEMON@mail.dest.example\nTo: {SENDER}\nSubject: failure notice\n"
        f"MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n{intro}\n\n<{rcpt}>:\n{diagnostic}\n\n"
        f"--- Ниже находится копия сообщения.\n\nFrom: {SENDER}\nTo: {rcpt}\nSubject: offer\n\nhello\n"
    ).encode()


RUSSIAN = "Здравствуйте. Это программа qmail-send на сервере mail.dest.example."


def test_a_logged_deferral_reads_as_its_words() -> None:
    result = parse(
        qmail_notice(
            RUSSIAN, "a@dest.example", "deferral: Sorry,_I_couldn't_find_a_mail_exchanger_or_IP_address."
        )
    )
    [event] = result.events
    assert (event.reason, event.classification) == ("network_error", "soft")


def test_underscores_in_a_spaced_diagnostic_are_kept() -> None:
    # only a diagnostic with no space after qmail's "failure:" is in the log form
    reply = (
        "192.0.2.5 does not like recipient.\nRemote host said: 550 <jan_kowalski@dest.example>: User unknown"
    )
    result = parse(qmail_notice(RUSSIAN, "jan_kowalski@dest.example", reply))
    [event] = result.events
    assert "<jan_kowalski@dest.example>" in (event.diagnostic or "")
    assert result.detector == "qmail"


def test_the_copy_after_a_translated_separator_is_not_the_diagnostic() -> None:
    result = parse(qmail_notice(RUSSIAN, "b@dest.example", "Sorry, no mailbox here by that name. (#5.1.1)"))
    [event] = result.events
    assert event.diagnostic == "Sorry, no mailbox here by that name. (#5.1.1)"
