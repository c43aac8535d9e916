"""Phrase families per language: real server wording for the reasons that decide hard vs soft.

One test per language, each over the four families that matter (user unknown, mailbox full, an
account disabled or closed, domain unknown), with the wording servers and relays in that language
use, accented and as relays that drop accents send it. A 5.0.0 (or no status) leaves the text to
decide; the command is RCPT where the wording answers RCPT TO.
"""

from __future__ import annotations

import pytest

from parsers import reasons as r
from parsers.reasons.phrases import LANGUAGES, language

Case = tuple[str, str]  # (diagnostic, reason)


def _check(cases: list[Case]) -> None:
    for text, want in cases:
        got = r.derive("5.0.0", "550", text, "failed", "RCPT")
        assert got == want, f"{text!r}: {got} != {want}"
        expected_class = "hard" if want in r.HARD else "soft"
        assert r.classify(got, "5.0.0", "550") == expected_class, text


def test_english() -> None:
    _check(
        [
            ("550 5.0.0 <ana@dest.example>: Recipient address rejected: User unknown", r.USER_UNKNOWN),
            ("552 Mailbox full", r.MAILBOX_FULL),
            ("550 This account has been disabled or discontinued", r.ACCOUNT_DISABLED),
            ("550 account expired due to inactivity", r.ACCOUNT_DISABLED),
            ("450 Account temporarily suspended", r.SUSPEND),
            ("550 No such domain", r.HOST_UNKNOWN),
        ]
    )


def test_spanish() -> None:
    _check(
        [
            ("550 5.1.1 <ana@dest.example>: usuario desconocido", r.USER_UNKNOWN),
            ("550 El usuario no existe", r.USER_UNKNOWN),
            ("550 La dirección de correo electrónico no existe", r.USER_UNKNOWN),
            ("552 Buzón lleno", r.MAILBOX_FULL),
            ("552 buzon lleno", r.MAILBOX_FULL),
            ("550 La cuenta ha sido deshabilitada", r.ACCOUNT_DISABLED),
            ("550 La cuenta de correo fue dada de baja", r.ACCOUNT_DISABLED),
            ("450 La cuenta está temporalmente suspendida", r.SUSPEND),
            ("550 El dominio no existe", r.HOST_UNKNOWN),
        ]
    )


def test_portuguese() -> None:
    _check(
        [
            ("550 Usuário desconhecido", r.USER_UNKNOWN),
            ("550 O endereço de e-mail não existe", r.USER_UNKNOWN),
            ("552 Caixa postal cheia", r.MAILBOX_FULL),
            ("552 A caixa de correio do destinatário está cheia", r.MAILBOX_FULL),
            ("550 A conta foi desativada", r.ACCOUNT_DISABLED),
            ("550 Domínio inexistente", r.HOST_UNKNOWN),
        ]
    )


def test_german() -> None:
    _check(
        [
            ("550 Benutzer unbekannt", r.USER_UNKNOWN),
            ("550 Empfänger unbekannt", r.USER_UNKNOWN),
            ("550 Empfaenger unbekannt", r.USER_UNKNOWN),
            ("550 Die E-Mail-Adresse wurde nicht gefunden", r.USER_UNKNOWN),
            ("552 Postfach voll", r.MAILBOX_FULL),
            ("552 Das Postfach des Empfängers ist voll", r.MAILBOX_FULL),
            ("552 Speicherplatz überschritten", r.MAILBOX_FULL),
            ("550 Das Konto wurde deaktiviert", r.ACCOUNT_DISABLED),
            ("450 Postfach vorübergehend gesperrt", r.SUSPEND),
            ("550 Domain existiert nicht", r.HOST_UNKNOWN),
        ]
    )


def test_french() -> None:
    _check(
        [
            ("550 Utilisateur inconnu", r.USER_UNKNOWN),
            ("550 Adresse e-mail inexistante", r.USER_UNKNOWN),
            ("552 Boîte aux lettres pleine", r.MAILBOX_FULL),
            ("552 boite du destinataire pleine", r.MAILBOX_FULL),
            ("550 Ce compte a été désactivé", r.ACCOUNT_DISABLED),
            ("550 Boite du destinataire archivee", r.ACCOUNT_DISABLED),
            ("450 Compte temporairement suspendu", r.SUSPEND),
            ("550 Domaine inexistant", r.HOST_UNKNOWN),
        ]
    )


def test_italian() -> None:
    _check(
        [
            ("550 Utente sconosciuto", r.USER_UNKNOWN),
            ("550 Utente inesistente", r.USER_UNKNOWN),
            ("552 Casella di posta piena", r.MAILBOX_FULL),
            ("550 La casella è stata disattivata", r.ACCOUNT_DISABLED),
            ("550 Dominio inesistente", r.HOST_UNKNOWN),
        ]
    )


def test_dutch() -> None:
    _check(
        [
            ("550 Gebruiker onbekend", r.USER_UNKNOWN),
            ("550 Dit e-mailadres bestaat niet", r.USER_UNKNOWN),
            ("552 Mailbox is vol", r.MAILBOX_FULL),
            ("550 Account is opgeheven", r.ACCOUNT_DISABLED),
            ("550 Domein bestaat niet", r.HOST_UNKNOWN),
        ]
    )


def test_danish() -> None:
    _check(
        [
            ("550 Modtageren findes ikke", r.USER_UNKNOWN),
            ("550 Ukendt modtager", r.USER_UNKNOWN),
            ("552 Postkassen er fuld", r.MAILBOX_FULL),
            ("552 Ikke tilstrækkelig plads", r.MAILBOX_FULL),
            ("550 Kontoen er lukket", r.ACCOUNT_DISABLED),
            ("550 Domænet findes ikke", r.HOST_UNKNOWN),
        ]
    )


def test_vietnamese() -> None:
    _check(
        [
            ("550 Địa chỉ email không tồn tại", r.USER_UNKNOWN),
            ("550 Nguoi dung khong ton tai", r.USER_UNKNOWN),
            ("552 Hộp thư đầy", r.MAILBOX_FULL),
            ("552 Hop thu da day", r.MAILBOX_FULL),
            ("550 Tài khoản đã bị vô hiệu hóa", r.ACCOUNT_DISABLED),
            ("550 Tên miền không tồn tại", r.HOST_UNKNOWN),
        ]
    )


def test_japanese() -> None:
    _check(
        [
            ("550 宛先不明", r.USER_UNKNOWN),
            ("550 指定されたユーザーは存在しません", r.USER_UNKNOWN),
            ("552 メールボックスの容量が不足しています", r.MAILBOX_FULL),
            ("552 容量超過", r.MAILBOX_FULL),
            ("550 このアカウントは無効になっています", r.ACCOUNT_DISABLED),
            ("550 ドメインが存在しません", r.HOST_UNKNOWN),
        ]
    )


def test_chinese() -> None:
    _check(
        [
            ("550 用户不存在", r.USER_UNKNOWN),
            ("550 收件人地址不存在", r.USER_UNKNOWN),
            ("550 用戶不存在", r.USER_UNKNOWN),
            ("552 邮箱已满", r.MAILBOX_FULL),
            ("552 郵箱空間不足", r.MAILBOX_FULL),
            ("550 该账户已被停用", r.ACCOUNT_DISABLED),
            ("550 域名不存在", r.HOST_UNKNOWN),
        ]
    )


def test_russian() -> None:
    _check(
        [
            ("550 Пользователь не найден", r.USER_UNKNOWN),
            ("550 Такого пользователя нет", r.USER_UNKNOWN),
            ("552 Почтовый ящик переполнен", r.MAILBOX_FULL),
            ("552 Ящик переполнен", r.MAILBOX_FULL),
            ("550 Учётная запись удалена", r.ACCOUNT_DISABLED),
            ("450 Ящик временно заблокирован", r.SUSPEND),
            ("550 Домен не найден", r.HOST_UNKNOWN),
        ]
    )


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_language_names_the_four_families(code: str) -> None:
    families = language(code)
    for reason in (r.USER_UNKNOWN, r.MAILBOX_FULL, r.ACCOUNT_DISABLED, r.HOST_UNKNOWN):
        assert families.get(reason), f"{code} has no {reason} phrases"


@pytest.mark.parametrize(
    "text",
    [
        "550 Your account has been disabled for sending",  # the sender's account, not the address
        "554 Sending account deactivated: contact support",
        "550 Mailbox unavailable",  # vague: not proof that the address is gone
        "421 Service temporarily unavailable, try again later",
    ],
)
def test_sender_or_vague_wording_is_not_a_disabled_account(text: str) -> None:
    assert r.derive("5.0.0", "550", text, "failed", None) != r.ACCOUNT_DISABLED
