"""Western and Southern Europe's hosts, and the sender-side reasons that had no family outside English
(issue 12): relaying refused, a virus found, too many connections, too many messages, an
IP on a black list, in French, Italian, Spanish, Portuguese, Dutch, German and Danish. Main read
them as the status alone (security_error under 5.7.1, on_hold under 5.0.0): soft either way, the
reason was wrong. Each sentence is read as the answer to RCPT TO under a 5.0.0 (the text decides),
and again under 5.7.1 (what these refusals carry); the look-alikes (a scan that found nothing) keep
what they had. A delay warning whose "not yet" stands between the negation and the receipt's words
is no delivery receipt."""

from __future__ import annotations

import pytest

from parsers import reasons as r
from parsers.reasons.classify import delivery_receipt
from parsers.reasons.codes import (
    BLOCKED,
    NO_RELAYING,
    RATE_LIMITED,
    TOO_MANY_CONNECTIONS,
    VIRUS_DETECTED,
)
from tests.parsers.languages import check_phrases, reason_under_5_7_1

CASES = [
    # French (OVH, Gandi, Infomaniak, Orange, Free)
    ("550 Relais non autorisé", NO_RELAYING),
    ("554 Accès au relais refusé", NO_RELAYING),
    ("550 Le relais n'est pas autorisé pour ce domaine", NO_RELAYING),
    ("550 Vous n'êtes pas autorisé à relayer", NO_RELAYING),
    ("554 Message rejeté : virus détecté", VIRUS_DETECTED),
    ("554 Ce message contient un virus", VIRUS_DETECTED),
    ("421 Trop de connexions simultanées depuis votre adresse IP", TOO_MANY_CONNECTIONS),
    # Italian (Libero/Italiaonline, Aruba, Register.it, TIM, Virgilio)
    ("550 Relaying non permesso", NO_RELAYING),
    ("550 Relay negato", NO_RELAYING),
    ("554 È stato rilevato un virus nel messaggio", VIRUS_DETECTED),
    ("554 Il messaggio contiene un virus", VIRUS_DETECTED),
    ("421 Troppe connessioni simultanee", TOO_MANY_CONNECTIONS),
    ("450 Troppi messaggi inviati, riprova più tardi", RATE_LIMITED),
    ("554 Il tuo server risulta in blacklist", BLOCKED),
    ("554 Indirizzo IP inserito in lista nera", BLOCKED),
    # Spanish (Telefónica/Movistar, Dinahosting, Arsys, CDmon)
    ("550 Relay denegado", NO_RELAYING),
    ("550 Relay no permitido para este dominio", NO_RELAYING),
    ("554 Virus encontrado en el mensaje", VIRUS_DETECTED),
    ("554 El mensaje contiene un virus", VIRUS_DETECTED),
    ("421 Demasiadas conexiones simultáneas", TOO_MANY_CONNECTIONS),
    ("450 Ha excedido el límite de envío diario", RATE_LIMITED),
    ("450 Demasiados mensajes desde su IP", RATE_LIMITED),
    # Portuguese (SAPO, MEO, PTisp)
    ("550 Relay negado", NO_RELAYING),
    ("550 Relay não autorizado para este domínio", NO_RELAYING),
    ("554 Vírus detetado na mensagem", VIRUS_DETECTED),
    ("554 A mensagem contém um vírus", VIRUS_DETECTED),
    ("421 Demasiadas conexões a partir do seu endereço", TOO_MANY_CONNECTIONS),
    # Dutch (KPN, Ziggo, TransIP, Telenet, Proximus)
    ("550 Relaying niet toegestaan", NO_RELAYING),
    ("550 Relaytoegang geweigerd", NO_RELAYING),
    ("554 Virus aangetroffen in het bericht", VIRUS_DETECTED),
    ("554 Dit bericht bevat een virus", VIRUS_DETECTED),
    ("421 Teveel verbindingen vanaf uw IP-adres", TOO_MANY_CONNECTIONS),
    # German
    ("550 Relay nicht gestattet", NO_RELAYING),
    ("550 Relay-Zugriff verweigert", NO_RELAYING),
    ("554 Virus entdeckt", VIRUS_DETECTED),
    ("554 Die Nachricht enthält einen Virus", VIRUS_DETECTED),
    ("421 Zu viele gleichzeitige Verbindungen", TOO_MANY_CONNECTIONS),
    # Danish
    ("550 Relæadgang nægtet", NO_RELAYING),
    ("554 Virus fundet i meddelelsen", VIRUS_DETECTED),
    ("421 For mange samtidige forbindelser", TOO_MANY_CONNECTIONS),
]

# a scan that found nothing, in each language: never a virus
NO_VIRUS = [
    "550 Aucun virus détecté, message refusé par la politique locale",
    "550 Nessun virus rilevato, messaggio rifiutato",
    "550 Ningún virus detectado, mensaje rechazado",
    "550 El mensaje no contiene virus pero fue rechazado",
    "550 Nenhum vírus detetado, mensagem rejeitada",
    "550 A mensagem não contem virus mas foi rejeitada",
    "550 Geen virus gevonden, bericht geweigerd",
    "550 Kein Virus gefunden, Nachricht abgelehnt",
    "550 Ingen virus fundet, meddelelsen afvist",
    "550 Il messaggio non contiene virus ma è stato rifiutato",
]


def test_sender_side_wordings() -> None:
    check_phrases(CASES)


@pytest.mark.parametrize(("text", "want"), CASES)
def test_under_5_7_1_the_words_decide(text: str, want: str) -> None:
    assert reason_under_5_7_1(text.replace(text[:3], "550", 1)) == want, text


@pytest.mark.parametrize("text", NO_VIRUS)
def test_a_scan_that_found_nothing_is_no_virus(text: str) -> None:
    got = r.derive("5.0.0", "550", text, "failed", "RCPT")
    assert got != VIRUS_DETECTED, (text, got)


@pytest.mark.parametrize(
    "text",
    [
        # (a delay warning: "not yet" between the negation and the receipt's own words)
        "Le message identifié ci-dessous n'a pas encore été remis aux destinataires suivants :\n  a@b.example",
        "Il messaggio non è ancora stato consegnato ai seguenti destinatari:\n  a@b.example",
    ],
)
def test_not_yet_delivered_is_no_receipt(text: str) -> None:
    assert delivery_receipt("Avertissement", text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Votre message a été remis aux destinataires suivants :\n  a@b.example",
        "Il messaggio è stato consegnato ai seguenti destinatari:\n  a@b.example",
    ],
)
def test_a_receipt_stays_a_receipt(text: str) -> None:
    assert delivery_receipt("Remis", text) == "delivered"
