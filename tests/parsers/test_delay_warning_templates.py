"""Postfix's delay notice as ISPs translate it is a delay (ignored), in each language.

Postfix lets an ISP replace its notices (`bounce_template_file`); ISPs outside the English-speaking
world ship translations of the delay notice: "THIS IS A WARNING ONLY. YOU DO NOT NEED TO RESEND
YOUR MESSAGE" and "will keep trying until ...". When such a notice arrives without its
delivery-status part (relayed, forwarded, or from an MTA that copies the wording), the sentence is
what says the message is still queued (issue 12: a delay report is ignored, not soft).
"""

from __future__ import annotations

import pytest

from parsers.reasons import is_delay_notice

WARNING_ONLY = {
    "es": "ÉSTE ES SÓLO UN MENSAJE DE AVISO. NO ES NECESARIO QUE REENVÍE EL MENSAJE.",
    "es-retry": "Se seguirá intentando enviar el mensaje hasta que pasen 5 días.",
    "fr": "Ceci est un simple avertissement. Vous n'avez pas besoin de renvoyer votre message.",
    "fr-retry": "Le serveur continuera d'essayer pendant 5 jours.",
    "it": "Questo è solo un avviso: non è necessario inviare di nuovo il messaggio.",
    "pt": "Esta é apenas uma mensagem de aviso. Não é necessário reenviar a mensagem.",
    "pt-retry": "O servidor continuará tentando entregar a mensagem por 5 dias.",
    "nl": "Dit is alleen een waarschuwing. U hoeft het bericht niet opnieuw te verzenden.",
    "de": "Dies ist nur eine Warnung. Sie müssen die Nachricht nicht erneut senden.",
    "da": "Dette er kun en advarsel. Du behøver ikke at sende beskeden igen.",
    "vi": "Đây chỉ là thông báo cảnh báo. Bạn không cần gửi lại thư.",
    "pl": "To jest tylko ostrzeżenie. Nie musisz ponownie wysyłać wiadomości.",
    "ru": "Это только предупреждение. Не нужно повторно отправлять сообщение.",
}


@pytest.mark.parametrize("lang", sorted(WARNING_ONLY))
def test_a_translated_warning_only_notice_is_a_delay(lang: str) -> None:
    assert is_delay_notice("", WARNING_ONLY[lang])


@pytest.mark.parametrize(
    "text",
    [
        "No ha sido posible entregar su mensaje a uno o más destinatarios.",
        "Votre message n'a pas pu être remis. Aucune nouvelle tentative ne sera effectuée.",
        "Não foi possível entregar a sua mensagem.",
    ],
)
def test_the_translated_failure_notice_is_not(text: str) -> None:
    assert not is_delay_notice("", text)


@pytest.mark.parametrize(
    "text",
    [
        # Exchange's German delay notice ends by saying when it will report a failure
        "Diese Nachricht wurde noch nicht zugestellt. Es wird weiterhin versucht, die Nachricht "
        "zuzustellen. Sie werden benachrichtigt, wenn die Nachricht bis dahin nicht zugestellt werden kann.",
        # a warning that names the day it will give up
        "This is a warning only; you do not need to resend your message. "
        "We will retry for 3 more days before giving up.",
    ],
)
def test_a_warning_that_says_when_it_would_give_up_is_a_delay(text: str) -> None:
    assert is_delay_notice("", text)


@pytest.mark.parametrize(
    "text",
    [
        "Die Zustellung wurde verzögert und ist nun fehlgeschlagen: die Nachricht konnte nicht zugestellt werden.",
        "Your message has been delayed for 5 days and we are now giving up on it.",
    ],
)
def test_a_final_report_that_mentions_retrying_is_not(text: str) -> None:
    assert not is_delay_notice("", text)
