"""An account expired or closed for non-use is gone (hard), in each language; a temporary
suspension stays soft, and so does a plain block that does not say why.

Issue 12: "An account that is disabled, discontinued, closed or expired for non-use is hard ... A
mailbox temporarily suspended or over quota stays soft." Servers say it in their own language
(an Argentine qmail: "Esta casilla ha expirado por falta de uso."), often with a verb that alone
reads as a suspension ("bloqueada", "gesperrt") but followed by the reason that makes it final.
"""

from __future__ import annotations

import pytest

from parsers import reasons as r

CLOSED = [
    "550 Esta casilla ha expirado por falta de uso.",
    "550 La cuenta fue bloqueada por inactividad",
    "550 La cuenta de correo ha caducado",
    "550 buzón vencido",
    "550 A conta foi bloqueada por inatividade",
    "550 Caixa postal expirada",
    "550 A conta expirou",
    "550 La casella è scaduta per inattività",
    "550 account disattivato per mancato utilizzo",
    "550 Le compte a été désactivé pour inactivité",
    "550 compte bloqué suite à une longue inactivité",
    "550 Votre boîte mail a expiré",
    "550 Das Postfach wurde wegen Inaktivität deaktiviert",
    "550 Konto gesperrt wegen längerer Nichtnutzung",
    "550 Benutzerkonto ist abgelaufen",
    "550 Konto zostało zablokowane z powodu braku aktywności",
    # English says it too (a bounce-rule list's 5.2.1 "mailbox has been blocked due to inactivity")
    "550 5.2.1 mailbox has been blocked due to inactivity",
    "550 This account has been suspended due to prolonged inactivity",
]

PAUSED = [
    "450 La cuenta está temporalmente suspendida",
    "450 La cuenta ha sido bloqueada",
    "450 Conta temporariamente suspensa",
    "450 casella temporaneamente sospesa",
    "450 compte temporairement suspendu",
    "450 Konto vorübergehend gesperrt",
    "450 Konto zostało tymczasowo zablokowane",
]


# An address "no longer in use" / "no longer active": ISPs' wording for a closed account, in each
# language as English's "address no longer in use" and Danish's "ikke længere i brug" (hard).
NO_LONGER_IN_USE = [
    "550 Diese E-Mail-Adresse wird nicht mehr verwendet",
    "550 Die Adresse ist nicht mehr in Gebrauch",
    "550 Cette adresse n'est plus utilisée",
    "550 Cette adresse e-mail n’est plus active",
    "550 Esta dirección ya no está en uso",
    "550 Questo indirizzo non è più attivo",
    "550 Este endereço de e-mail não está mais ativo",
    "550 Este endereço já não está ativo",
    "550 Dit e-mailadres is niet meer in gebruik",
    "550 Adressen är inte längre i bruk",
    "550 Ten adres nie jest już używany",
    "550 Tato adresa se již nepoužívá",
    "550 Adressen er ikke lenger i bruk",
    "550 Osoite ei ole enää käytössä",
    # the address written between the word and the verb, as a person writes it
    "The address robert.king@firm.example.com is no longer valid.",
    "550 Recipient <m.ortiz@mail.example.es> no longer active",
]


@pytest.mark.parametrize("text", CLOSED + NO_LONGER_IN_USE)
def test_closed_for_non_use_is_hard(text: str) -> None:
    reason = r.derive("5.0.0", "550", text, "failed", "RCPT")
    assert reason == r.ACCOUNT_DISABLED, text
    assert r.classify(reason, "5.0.0", "550") == "hard"


@pytest.mark.parametrize("text", PAUSED)
def test_a_suspension_that_gives_no_final_reason_stays_soft(text: str) -> None:
    reason = r.derive("4.0.0", "450", text, "failed", "RCPT")
    assert reason == r.SUSPEND, text
    assert r.classify(reason, "4.0.0", "450") == "soft"


def test_casilla_is_a_mailbox_in_spanish() -> None:
    assert r.derive("5.0.0", "550", "550 casilla inexistente", "failed", "RCPT") == r.USER_UNKNOWN
    assert r.derive("5.0.0", "552", "552 casilla llena", "failed", "RCPT") == r.MAILBOX_FULL
    assert r.derive("5.0.0", "550", "550 casilla dada de baja", "failed", "RCPT") == r.ACCOUNT_DISABLED


@pytest.mark.parametrize(
    "text",
    [
        "550 La dirección de correo no es válida",
        "550 Cette adresse n'existe pas",
        "550 Votre adresse e-mail n'existe pas",
    ],
)
def test_an_address_said_not_to_exist_or_be_valid_is_unknown(text: str) -> None:
    assert r.derive("5.0.0", "550", text, "failed", "RCPT") == r.USER_UNKNOWN
