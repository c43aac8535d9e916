"""A failure report whose sentence puts the negation before a modal ("cannot be delivered to the
following recipients") holds a translated receipt's words ("delivered to the following
recipients"): it is no delivery receipt, in each language the receipts are read in."""

from __future__ import annotations

import importlib

import pytest

classify = importlib.import_module("parsers.reasons.classify")


@pytest.mark.parametrize(
    "opening",
    [
        "Ваше сообщение не может быть доставлено следующим получателям:",
        "Wiadomość nie może zostać dostarczona do następujących odbiorców:",
        "Zpráva nemohla být doručena následujícím příjemcům:",
        "Su mensaje no pudo ser entregado a los siguientes destinatarios:",
        "Il messaggio non può essere recapitato ai seguenti destinatari:",
        "A mensagem não pode ser entregue aos seguintes destinatários:",
    ],
)
def test_cannot_be_delivered_is_no_receipt(opening: str) -> None:
    assert classify.delivery_receipt("", opening + "\n\na@b.example\n") is None


@pytest.mark.parametrize(
    "opening",
    [
        "Ваше сообщение доставлено следующим получателям:",
        "Su mensaje se entregó a los siguientes destinatarios:",
        "Il messaggio è stato recapitato ai seguenti destinatari:",
    ],
)
def test_the_receipts_stay_receipts(opening: str) -> None:
    assert classify.delivery_receipt("", opening + "\n\na@b.example\n") == "delivered"
