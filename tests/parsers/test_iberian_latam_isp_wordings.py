"""What Spanish, Portuguese and Catalan providers in Iberia and Latin America write that the phrase
families missed (probe accintl29): the sender's server on a block list ("lista negra", "lista de
bloqueio", "llista negra"), without reverse DNS ("DNS inverso", "registro PTR", "DNS reverso"),
sending too much ("Limite de envio excedido"), "No existe tal usuario", a mailbox that "superó"
its space, a blocked mailbox ("caixa postal bloqueada") and a refusal "por considerarse correo no
deseado", Basque's "ez da aurkitu idatzi duzun helbide"; and the look-alikes that keep their
reasons."""

from __future__ import annotations

from parsers import reasons as r
from tests.parsers.languages import check_phrases


def test_sender_side_refusals_name_their_cause() -> None:
    check_phrases(
        [
            ("554 Rechazado: la direccion IP de origen se encuentra en una lista negra", r.BLOCKED),  # es
            ("550 Su servidor figura en nuestra lista de bloqueo", r.BLOCKED),
            ("554 Mensagem rejeitada: seu IP esta listado em nossa lista de bloqueio", r.BLOCKED),  # pt
            ("550 L'adreça IP del vostre servidor és en una llista negra", r.BLOCKED),  # ca
            ("550 Su servidor no tiene DNS inverso configurado", r.REQUIRE_PTR),
            ("550 Falta el registro PTR de la IP de origen", r.REQUIRE_PTR),
            ("550 Seu servidor nao possui DNS reverso", r.REQUIRE_PTR),
            ("421 Limite de envio excedido para o seu IP", r.RATE_LIMITED),
            ("450 Limite de envío excedido, intente más tarde", r.RATE_LIMITED),
            ("450 Voce excedeu o limite de envio por hora", r.RATE_LIMITED),
            ("550 Mensaje rechazado por considerarse correo no deseado", r.SPAM_DETECTED),
        ]
    )


def test_recipient_side_wordings() -> None:
    check_phrases(
        [
            ("550 No existe tal usuario aqui", r.USER_UNKNOWN),
            ("550 No existe tal cuenta en este servidor", r.USER_UNKNOWN),
            ("553 La casilla del destinatario superó su espacio asignado", r.MAILBOX_FULL),
            ("552 El buzón excedió su cuota", r.MAILBOX_FULL),
            ("550 Caixa postal bloqueada temporariamente por falta de pagamento", r.SUSPEND),
            # (Basque, a relative clause between: "the e-mail address you entered was not found")
            ("550 Ez da aurkitu idatzi duzun helbide elektronikoa", r.USER_UNKNOWN),
        ]
    )


def test_look_alikes_keep_their_reasons() -> None:
    check_phrases(
        [
            # (closed for non-use is gone, not paused, whichever noun)
            ("550 Caixa postal bloqueada por falta de uso", r.ACCOUNT_DISABLED),
            ("550 Cuenta bloqueada por falta de uso", r.ACCOUNT_DISABLED),
            ("550 Conta suspensa temporariamente", r.SUSPEND),
            ("550 La casilla no existe", r.USER_UNKNOWN),
            ("552 Caixa postal cheia", r.MAILBOX_FULL),
            ("550 Cuenta suspendida temporalmente", r.SUSPEND),
        ]
    )
