"""Where a notice names the mailbox our message was addressed to (parsers.fallback.addressee), and
when it says that message failed there (failed_addressee)."""

from __future__ import annotations

import pytest

from parsers.fallback import addressee, failed_addressee


@pytest.mark.parametrize(
    ("text", "mailbox"),
    [
        ("Your message to a@b.example has been waitlisted", "a@b.example"),
        ('Your message about "Spring sale" to a@b.example is held', "a@b.example"),
        ("your email to Ann Lee <a@b.example> is held", "a@b.example"),
        ("Il messaggio che hai inviato a a@b.example è in attesa", "a@b.example"),
        ("Il tuo messaggio a a@b.example è stato trattenuto", "a@b.example"),
        ("Ваше письмо на адрес a@b.example задержано", "a@b.example"),
        ("Twoja wiadomość do a@b.example została wstrzymana", "a@b.example"),
    ],
)
def test_the_addressee_is_read_in_each_language(text: str, mailbox: str) -> None:
    m = addressee(text.lower())
    assert m is not None and m.group(1) == mailbox


def test_a_text_without_an_addressee_names_none() -> None:
    assert addressee("a virus was found in a message sent from your address") is None
    assert addressee("the message was sent by news@sender.example") is None


def test_the_failure_must_be_said_of_the_addressee() -> None:
    assert (
        failed_addressee("Your message to A@B.example could not be delivered: mailbox full.") == "a@b.example"
    )
    assert failed_addressee("Your message to a@b.example will be read when I return.") is None
    assert failed_addressee("The message to a@b.example could not be delivered.") is None
