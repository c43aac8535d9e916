"""A report in no known format that writes, in its own language, that the message to an address
was not delivered: the address is the failed recipient (parsers.fallback)."""

from __future__ import annotations

import pytest

from parsers import parse
from tests.parsers.languages import plain_report

SENTENCES = {
    "it": "Il messaggio per marco@dest.example non e' stato consegnato.",
    "es": "Su mensaje a lucia@dest.example no pudo ser entregado.",
    "fr": "Votre message à <remi@dest.example> n'a pas été remis.",
    "de": "Die Zustellung an <uwe@dest.example> ist fehlgeschlagen.",
    "ja": "メールは yuki@dest.example に届きませんでした。",
    "zh": "您发给 chen@dest.example 的邮件被退回。",
    "nl": "Uw bericht aan <joost@dest.example> is niet afgeleverd.",
    "ru": "Письмо для ivan@dest.example не доставлено.",
}


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_the_address_in_a_not_delivered_sentence_is_the_recipient(lang: str) -> None:
    result = parse(plain_report(SENTENCES[lang]))
    assert [e.recipient for e in result.events] == [
        next(w.strip("<>.,") for w in SENTENCES[lang].split() if "@" in w).split("に")[0]
    ]
    assert result.events[0].type == "bounce"


def test_the_sender_named_with_from_is_never_the_recipient() -> None:
    sentence = "Your message from <news@sender.example> could not be delivered to <ana@dest.example>."
    assert [e.recipient for e in parse(plain_report(sentence)).events] == ["ana@dest.example"]


def _reply(to: str) -> bytes:
    return (
        "From: Someone <someone@dest.example>\n"
        f"To: {to}\n"
        "Subject: RE: Undeliverable: Spring programme\n"
        "List-Id: Club <club.lists.sender.example>\n\n"
        "Your message could not be delivered to <ana@dest.example>\n"
    ).encode()


def test_a_reply_to_a_list_bounce_mailbox_is_a_failure_report() -> None:
    from parsers.fallback import is_failure_report
    from parsers.mail import load

    assert is_failure_report(load(_reply("club-bounces@lists.sender.example")))
    # a person's mailbox that happens to be called admin is not a list's bounce mailbox
    assert not is_failure_report(load(_reply("admin@sender.example")))
