"""Spam refusals in Spanish, Chinese and German that name the spam by what the message holds or
how it was judged ("contiene contenido no deseado (spam)", "被判定为垃圾邮件", "als unerwünschte
Werbung (Spam) eingestuft"): the message's fault (soft, spam_detected), under a bare 550 and under
5.7.1 (where the sentence, not the status's security_error, names it); then sentences that hold the
words but refuse nothing as spam.
"""

from __future__ import annotations

import pytest

from parsers import reasons as r
from tests.parsers.languages import Case, check_phrases, reason_under_5_7_1

SPAM: list[Case] = [
    ("550 Rechazado porque contiene contenido no deseado (spam)", r.SPAM_DETECTED),
    ("550 El mensaje contiene correo no deseado y no fue aceptado", r.SPAM_DETECTED),
    ("550 Mensaje bloqueado: contenido no solicitado", r.SPAM_DETECTED),
    ("550 您的邮件被判定为垃圾邮件，已被拒收", r.SPAM_DETECTED),
    ("550 郵件被識別為垃圾郵件，已被拒絕", r.SPAM_DETECTED),
    ("550 该邮件被认定为垃圾邮件", r.SPAM_DETECTED),
    ("550 疑似垃圾邮件，拒绝接收", r.SPAM_DETECTED),
    ("550 Ihre Nachricht wurde als unerwünschte Werbung (Spam) eingestuft und abgelehnt", r.SPAM_DETECTED),
    ("550 Die Nachricht wurde als unerwünschte E-Mail erkannt", r.SPAM_DETECTED),
    ("550 Als unerwuenschte Nachricht markiert", r.SPAM_DETECTED),
]


def test_a_spam_refusal_is_spam_detected() -> None:
    check_phrases(SPAM)


@pytest.mark.parametrize("text", [text for text, _ in SPAM])
def test_a_spam_refusal_under_5_7_1_is_spam_not_a_security_error(text: str) -> None:
    assert reason_under_5_7_1(text) == r.SPAM_DETECTED


@pytest.mark.parametrize(
    "text",
    [
        "El mensaje no contiene correo no deseado",
        "Revise su carpeta de correo no deseado",
        "请检查您的垃圾邮件文件夹",
        "垃圾邮件过滤器已更新",
        "Bitte prüfen Sie Ihren Ordner für unerwünschte E-Mails",
        "Unerwünschte Werbung ist verboten",
    ],
)
def test_sentences_about_spam_that_refuse_nothing_as_spam(text: str) -> None:
    assert r.derive(None, None, text, "failed", None) != r.SPAM_DETECTED
