"""The wording ISPs outside the English-speaking world put in their own reports, as their help
pages quote it (Libero/Virgilio, Interia, Polish qmail translations, Brazilian hosts, Chinese
hosted mail, Indonesian MDaemon setups, Forpsi, Mail.Ru): a relative clause between the noun and
its verb, the verb before its subject, "full" written without its auxiliary. Then the sentences
that look alike and must not read as those reasons.
"""

from __future__ import annotations

import pytest

from parsers import reasons as r
from tests.parsers.languages import Case, check_phrases

CASES: list[Case] = [
    # Italian: "the address you are writing to does not exist", "the mailbox ... reached its capacity"
    ("550 L'indirizzo di posta al quale stai scrivendo non esiste.", r.USER_UNKNOWN),
    ("550 L'indirizzo email a cui hai scritto non esiste", r.USER_UNKNOWN),
    (
        "552 La casella alla quale stai scrivendo ha raggiunto il limite massimo di capienza consentito",
        r.MAILBOX_FULL,
    ),
    # Polish: "the account you are trying to send to does not exist", "too little space on the
    # recipient's account", "the account ... is full"
    ("550 Konto do którego próbujesz wysłać maila nie istnieje", r.USER_UNKNOWN),
    ("550 Adres, na który wysłano wiadomość, nie istnieje", r.USER_UNKNOWN),
    ("552 Za mało miejsca na koncie adresata", r.MAILBOX_FULL),
    ("552 Konto e-mail, na które chciałeś wysłać wiadomość, jest pełne", r.MAILBOX_FULL),
    # Portuguese: the verb first, the e-mail or address its subject
    ("550 Não existe o e-mail no servidor de destino", r.USER_UNKNOWN),
    ("550 Nao existe o endereco informado", r.USER_UNKNOWN),
    # Chinese: the capacity "full" (满) without 已
    ("552 收件容量满", r.MAILBOX_FULL),
    # Indonesian: "not registered on the receiving server" after an English noun
    ("550 recipient tidak terdaftar di server penerima", r.USER_UNKNOWN),
]


def test_providers_own_words() -> None:
    check_phrases(CASES)


def test_a_5_1_0_blocked_by_spf_is_the_senders_authentication() -> None:
    """Forpsi's "550 5.1.0 <id> blocked by SPF": the addressing status says nothing of the
    recipient when the reply names the SPF check as the cause."""
    got = r.derive("5.1.0", "550", "550 5.1.0 0bcW1i00G0jifNx01bcmHa blocked by SPF", "failed", "RCPT")
    assert got == r.AUTH_FAILURE
    assert r.classify(got, "5.1.0", "550") == "soft"


def test_sending_disabled_for_this_account_is_the_senders_account() -> None:
    """Mail.Ru's submission server: "550 message sending for this account is disabled" is the
    sender's own account, never the recipient's address closed."""
    got = r.derive("5.0.0", "550", "550 message sending for this account is disabled", "failed", "DATA")
    assert got != r.ACCOUNT_DISABLED
    assert r.classify(got, "5.0.0", "550") == "soft"


@pytest.mark.parametrize(
    "text",
    [
        "550 容量满足要求",  # "the capacity meets the requirement": 满足 is to satisfy
        "550 Non esiste un dominio con questo nome",  # Italian: a domain, not an address
        "550 Não existe o domínio de destino",  # Portuguese: the domain, not the mailbox
    ],
)
def test_look_alikes_are_not_a_full_mailbox_or_unknown_user(text: str) -> None:
    assert r.derive("5.0.0", "550", text, "failed", "RCPT") not in (r.MAILBOX_FULL, r.USER_UNKNOWN)
