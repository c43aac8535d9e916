"""The recipient-side wordings every language shares with English's "invalid recipient", "no such
user", "unknown address", "user not found in our system" and "<whose> account was deleted": an
invalid or unknown address, no user with that address, a user absent from the server's system, the
recipient's account, domain or mailbox named between noun and verb, an account closed after long
non-use. Servers and providers in the
recipients' countries write them so; each must read as the address being gone (hard), while the
same words about the sender stay about the sender."""

from __future__ import annotations

import pytest

from parsers import reasons as r
from parsers.reasons.derive import match_text
from tests.parsers.languages import Case, check_phrases

CASES: dict[str, list[Case]] = {
    "es": [
        ("550 Dirección de correo electrónico incorrecta", r.USER_UNKNOWN),
        ("550 No hay ningún usuario con esa dirección", r.USER_UNKNOWN),
        ("550 La cuenta del destinatario ha sido desactivada", r.ACCOUNT_DISABLED),
    ],
    "pt": [
        ("550 Endereço de e-mail inválido", r.USER_UNKNOWN),
        ("550 Nenhum usuário com esse endereço", r.USER_UNKNOWN),
        ("550 E-mail inexistente", r.USER_UNKNOWN),
    ],
    "de": [
        ("550 Kein Benutzer mit dieser Adresse", r.USER_UNKNOWN),
        ("550 Diese E-Mail-Adresse ist nicht mehr gültig", r.USER_UNKNOWN),
        ("550 Die Domain des Empfängers existiert nicht", r.HOST_UNKNOWN),
        ("550 Unbekannte E-Mail-Adresse", r.USER_UNKNOWN),
        ("550 Der Benutzer ist in unserem System nicht vorhanden", r.USER_UNKNOWN),
    ],
    "fr": [
        ("550 Adresse électronique invalide", r.USER_UNKNOWN),
        ("550 Aucun utilisateur ne correspond à cette adresse", r.USER_UNKNOWN),
        ("550 Ce destinataire n'existe pas sur ce serveur", r.USER_UNKNOWN),
        ("550 Le compte du destinataire a été supprimé", r.ACCOUNT_DISABLED),
        ("550 Le domaine du destinataire n'existe pas", r.HOST_UNKNOWN),
        ("550 L'utilisateur n'existe pas dans notre système", r.USER_UNKNOWN),
    ],
    "it": [
        ("550 Indirizzo email non valido", r.USER_UNKNOWN),
        ("550 Nessun utente con questo indirizzo", r.USER_UNKNOWN),
    ],
    "nl": [
        ("550 Ongeldig e-mailadres", r.USER_UNKNOWN),
        ("550 Geen gebruiker met dit adres", r.USER_UNKNOWN),
        ("550 Het account van de ontvanger is verwijderd", r.ACCOUNT_DISABLED),
        ("550 Onbekend e-mailadres", r.USER_UNKNOWN),
    ],
    "da": [
        ("550 Ugyldig e-mailadresse", r.USER_UNKNOWN),
        ("550 Ingen bruger med denne adresse", r.USER_UNKNOWN),
        ("550 Bruger ikke fundet", r.USER_UNKNOWN),
        ("550 Ukendt e-mailadresse", r.USER_UNKNOWN),
    ],
    "ja": [
        ("550 無効なメールアドレスです", r.USER_UNKNOWN),
        ("550 ユーザー不明", r.USER_UNKNOWN),
        ("550 不明なメールアドレスです", r.USER_UNKNOWN),
        ("550 このユーザーは当システムに存在しません", r.USER_UNKNOWN),
        ("550 メールボックスが存在しません", r.USER_UNKNOWN),
        ("550 アカウントは長期間未使用のため削除されました", r.ACCOUNT_DISABLED),
    ],
    "zh": [
        ("550 无效的邮箱地址", r.USER_UNKNOWN),
        ("550 無效的電子郵件地址", r.USER_UNKNOWN),
        ("550 未知的邮件地址", r.USER_UNKNOWN),
        ("550 该用户在本系统中不存在", r.USER_UNKNOWN),
        ("550 账户因长期未使用已被注销", r.ACCOUNT_DISABLED),
        ("450 账户已被临时冻结", r.SUSPEND),
    ],
    "ru": [
        ("550 Неверный адрес электронной почты", r.USER_UNKNOWN),
        ("550 Нет пользователя с таким адресом", r.USER_UNKNOWN),
        ("550 Пользователь отсутствует в нашей системе", r.USER_UNKNOWN),
    ],
    "vi": [
        ("550 Tài khoản người nhận đã bị xóa", r.ACCOUNT_DISABLED),
        ("550 Người dùng không có trong hệ thống", r.USER_UNKNOWN),
        ("550 Địa chỉ email không xác định", r.USER_UNKNOWN),
    ],
}

# The same words about the sender's address: never an unknown recipient.
ABOUT_THE_SENDER = [
    "553 Adresse de l'expéditeur invalide",
    "553 Dirección del remitente incorrecta",
    "553 Endereço do remetente inválido",
    "553 Indirizzo del mittente non valido",
    "553 Ongeldig afzenderadres",
    "553 Ugyldig afsenderadresse",
    "553 Неверный адрес отправителя",
    "553 無効な送信者アドレス",
    "553 无效的发件人地址",
]


@pytest.mark.parametrize("code", sorted(CASES))
def test_recipient_side_wordings(code: str) -> None:
    check_phrases(CASES[code])


@pytest.mark.parametrize("text", ABOUT_THE_SENDER)
def test_the_sender_s_invalid_address_is_no_unknown_recipient(text: str) -> None:
    assert match_text(text) != r.USER_UNKNOWN
