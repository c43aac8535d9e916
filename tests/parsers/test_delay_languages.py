"""Delay warnings in the languages the reason table reads are delay notices (ignored), and the
final report in the same language is not."""

from __future__ import annotations

import pytest

from parsers.reasons import is_delay_notice

STILL_TRYING = {
    "de": "Ihre Nachricht konnte bisher nicht zugestellt werden. Der Server versucht es weiter.",
    "fr": "Votre message n'a pas encore pu être remis au destinataire.",
    "es": "Su mensaje todavía no ha podido ser entregado.",
    # ("aún no": not yet, as often as "todavía no"; "seguirá intentándolo": it will keep trying)
    "es-aun": "Su mensaje para garcia@dest.example aún no ha podido ser entregado.",
    "es-seguira": "El servidor seguirá intentándolo durante 5 días.",
    "pt": "Sua mensagem ainda não foi entregue. Novas tentativas serão realizadas.",
    "it": "Il messaggio non è ancora stato recapitato: verrà ritentato.",
    "nl": "Uw bericht is nog niet afgeleverd; het wordt later opnieuw geprobeerd.",
    "ru": "Ваше письмо пока не доставлено. Попытки доставки будут продолжены.",
    "ja": "メールの配送が遅延しています。配信を再試行します。",
    "zh": "邮件延迟投递，系统将继续尝试。",
}
FINAL = {
    "de": "Ihre Nachricht konnte nicht zugestellt werden. Der Server hat aufgegeben.",
    "fr": "Votre message n'a pas pu être remis. Aucune nouvelle tentative ne sera effectuée.",
    "es": "No se ha podido entregar su mensaje.",
    "it": "Il messaggio non è stato recapitato.",
}


@pytest.mark.parametrize("lang", sorted(STILL_TRYING))
def test_a_warning_that_delivery_goes_on_is_a_delay(lang: str) -> None:
    assert is_delay_notice("", STILL_TRYING[lang])


@pytest.mark.parametrize("lang", sorted(FINAL))
def test_a_final_report_is_not_a_delay(lang: str) -> None:
    assert not is_delay_notice("", FINAL[lang])


def test_an_old_queue_warning_is_a_delay() -> None:
    # (MMDF-style: still pending, attempts continue, nothing to do)
    text = (
        "After 12 days your message has not yet been fully delivered. Attempts to deliver the message\n"
        "will continue for 2 more days. No further action is required by you.\n"
    )
    assert is_delay_notice("Failed mail", text.replace("message\nwill", "message will"))
