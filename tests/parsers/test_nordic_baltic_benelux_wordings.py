"""Wordings of Nordic, Baltic and Benelux mail systems that the families missed (probe of their
ISPs' and hosts' notices): Nynorsk's own spellings ("finst ikkje", "ukjend"), Faroese and
Luxembourgish (new), French's address itself deleted or disabled, the sender's server blocked in
Danish, and "too many messages" (a sender's rate) in Danish, Norwegian, Swedish and Dutch."""

from __future__ import annotations

import pytest

from parsers import reasons as r
from tests.parsers.languages import check_phrases


def test_nordic_baltic_benelux_wordings() -> None:
    check_phrases(
        [
            # nn: does not exist, unknown (Bokmål's "finnes ikke", "ukjent" still read)
            ("550 Mottakaren finst ikkje", r.USER_UNKNOWN),
            ("550 Adressa vart ikkje funnen", r.USER_UNKNOWN),
            ("550 Ukjend brukar", r.USER_UNKNOWN),
            ("550 Mottakeren finnes ikke", r.USER_UNKNOWN),
            # fo: does not exist, full, closed, the domain
            ("550 Móttakarin finst ikki", r.USER_UNKNOWN),
            ("550 Ókendur móttakari", r.USER_UNKNOWN),
            ("552 Postkassin hjá móttakaranum er fullur", r.MAILBOX_FULL),
            ("550 Kontan er latin aftur", r.ACCOUNT_DISABLED),
            ("550 Økisnavnið finst ikki", r.HOST_UNKNOWN),
            # lb: does not exist, full, closed, the domain
            ("550 Dëse Benotzer gëtt et net", r.USER_UNKNOWN),
            ("550 Onbekannten Empfänger", r.USER_UNKNOWN),
            ("552 D'Bréifkëscht ass voll", r.MAILBOX_FULL),
            ("550 De Kont gouf zougemaach", r.ACCOUNT_DISABLED),
            ("550 Den Domain existéiert net", r.HOST_UNKNOWN),
            # fr: the address itself deleted or disabled
            ("550 Cette adresse e-mail a été désactivée", r.ACCOUNT_DISABLED),
            ("550 Adresse de messagerie supprimée", r.ACCOUNT_DISABLED),
            # da: the sender's mail server blocked (the sender's, soft)
            ("554 Din mailserver er blokeret på grund af spam", r.BLOCKED),
            # too many messages: a sender's rate, soft
            ("550 For mange meddelelser sendt", r.RATE_LIMITED),
            ("550 For mange meldingar frå avsendaren", r.RATE_LIMITED),
            ("550 Du har skickat för många meddelanden", r.RATE_LIMITED),
            ("550 Te veel berichten verzonden, probeer het later opnieuw", r.RATE_LIMITED),
        ]
    )


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # too many connections, not messages: stays its own reason
        ("421 For mange samtidige forbindelser", r.TOO_MANY_CONNECTIONS),
        ("421 Te veel verbindingen", r.TOO_MANY_CONNECTIONS),
    ],
)
def test_too_many_connections_is_not_a_message_rate(text: str, want: str) -> None:
    assert r.derive("4.0.0", "421", text, "failed", "RCPT") == want
