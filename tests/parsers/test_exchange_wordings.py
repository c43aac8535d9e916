"""Wordings found missing in localized Exchange and Notes reports and ISP notices: the
address "entered was not found" with a participle between, and an account locked for non-use
(gone, hard) against one locked for now (soft). Also the Portuguese sentence that a delivery
failed, which makes a text report's address line count."""

from __future__ import annotations

import pytest

from parsers import parse
from parsers import reasons as r

CASES = [
    ("550 L'indirizzo di posta elettronica immesso non è stato trovato.", r.USER_UNKNOWN),
    ("550 L'indirizzo email inserito non e stato trovato", r.USER_UNKNOWN),
    ("550 O endereço de email inserido não foi encontrado.", r.USER_UNKNOWN),
    ("550 O endereco de e-mail digitado nao foi localizado", r.USER_UNKNOWN),
    ("550 Учётная запись заблокирована за неактивность", r.ACCOUNT_DISABLED),
    ("550 Аккаунт заблокирован из-за неактивности", r.ACCOUNT_DISABLED),
    ("450 Аккаунт временно заблокирован", r.SUSPEND),
    ("550 Tài khoản đã bị khóa do không sử dụng trong thời gian dài", r.ACCOUNT_DISABLED),
    ("550 Hộp thư bị khóa do lâu ngày không sử dụng", r.ACCOUNT_DISABLED),
    ("450 Tài khoản đã bị khóa", r.SUSPEND),
    # Notes/Domino: the user is not in the directory
    ("ユーザー a は Domino ディレクトリに登録されていません", r.USER_UNKNOWN),
    ("用户 a 未在 Domino 目录中列出", r.USER_UNKNOWN),
    ("Gebruiker a staat niet in de Domino-directory", r.USER_UNKNOWN),
    ("El usuario a no aparece en el directorio de Domino", r.USER_UNKNOWN),
    ("L'utente a non è presente nella directory Domino", r.USER_UNKNOWN),
    ("O usuário a não está listado no diretório Domino", r.USER_UNKNOWN),
]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_reason(text: str, want: str) -> None:
    assert r.derive("5.0.0", "550", text, "failed", "RCPT") == want


def test_a_portuguese_exchange_text_report_names_its_recipient() -> None:
    raw = (
        "From: postmaster@correio.example.pt\nTo: bounces@sender.example\n"
        "Subject: =?utf-8?q?N=C3=A3o_=C3=A9_poss=C3=ADvel_entregar=3A_Ofertas?=\n"
        "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
        "Falha na entrega para estes destinatários ou grupos:\n\n"
        "joana.reis@correio.example.pt\nO endereço de email inserido não foi encontrado.\n"
    ).encode()
    events = parse(raw).events
    assert [(e.recipient, e.classification, e.reason) for e in events] == [
        ("joana.reis@correio.example.pt", "hard", r.USER_UNKNOWN)
    ]
