"""A sender black-listed in the South Slavic languages is blocked (the sender's standing, soft), too
many connections in Turkish is the sender's pace, and Mail.ru's one-word "Ratelimit" is a rate
limit. (Those servers' delay notices, warnings and not failures, are in test_delay_languages.)"""

from __future__ import annotations

import pytest

from parsers import reasons as r
from parsers.reasons import is_delay_notice
from tests.parsers.languages import reason_under_5_7_1


@pytest.mark.parametrize(
    "text",
    [
        "550 Vaša IP adresa je na crnoj listi",
        "550 IP adresa pošiljatelja nalazi se na crnoj listi (DNSBL)",
        "550 Ваша ИП адреса је на црној листи",
        "550 IP naslov pošiljatelja je na črnem seznamu",
    ],
)
def test_a_black_listed_sender_is_blocked_not_a_security_error(text: str) -> None:
    assert reason_under_5_7_1(text) == r.BLOCKED
    assert r.classify(r.BLOCKED, "5.7.1", "550") == "soft"


def test_too_many_connections_in_turkish_is_the_senders_pace() -> None:
    got = r.derive(
        "4.7.1", "451", "451 4.7.1 Çok fazla bağlantı; lütfen daha sonra tekrar deneyin", "failed", "RCPT"
    )
    assert got == r.TOO_MANY_CONNECTIONS


def test_a_one_word_ratelimit_is_a_rate_limit() -> None:
    text = "421 4.7.1 [mxs.mail.ru] Ratelimit exceeded for mailbox a@mail.example. Try again later."
    assert r.derive("4.7.1", "421", text, "failed", "RCPT") == r.RATE_LIMITED


@pytest.mark.parametrize(
    "text",
    [
        # the words with no refusal or warning in them
        "Crna lista je ažurirana",
        "Teslim tarihi: 8 Aralık",
        "Доставката е безплатна",
    ],
)
def test_ordinary_sentences_are_no_delay_and_no_block(text: str) -> None:
    assert not is_delay_notice("", text)
    assert r.derive(None, None, text, "failed", None) != r.BLOCKED
