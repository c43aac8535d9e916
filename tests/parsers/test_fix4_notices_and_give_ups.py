"""Leftovers of issue 12's first round: a list's or a platform's notice that the reader was taken
off is no unsubscribe request of its own sender; a give-up sentence in Polish, Russian or Spanish is an
expired soft bounce, a "delivery attempts will continue" warning a delay; "the recipient's domain is
unknown" a gone domain."""

from __future__ import annotations

from email.header import Header

import pytest

from parsers import parse


def _notice(sender: str, subject: str) -> bytes:
    encoded = Header(subject, "utf-8").encode()
    return (
        f"From: {sender}\nTo: pia@isp.example\nSubject: {encoded}\nPrecedence: bulk\n"
        "Content-Type: text/plain\n\nYou are no longer on the list.\n"
    ).encode()


@pytest.mark.parametrize(
    ("sender", "subject"),
    [
        # Mailman 3's goodbye (from list-leave@), Mailman 2's (from list-bounces@ / -request@)
        ("rowing-leave@lists.example.org", "You have been unsubscribed from the Rowing mailing list"),
        ("rowing-request@lists.example.org", "You have been unsubscribed from the Rowing mailing list"),
        ("rowing-leave@lists.example.org", "Unsubscribe: Rowing"),
        # LISTSERV, Sympa
        ("LISTSERV@LISTS.EXAMPLE.EDU", "Your subscription to the PHYS-L list has been cancelled"),
        ("sympa@lists.example.org", "Unsubscribe from list rowing"),
        # a group host and newsletter platforms: a notice in the second person or the passive
        ("groups@groups.example.com", "You have been removed from the Rowing mailing list"),
        ("news@brand.example", "You've been unsubscribed from our newsletter"),
        ("news@brand.example", "Your subscription has been cancelled"),
        ("news@brand.example", "Vous avez bien été désabonné de la newsletter"),
        ("news@brand.example", "Zostałeś wypisany z newslettera"),
    ],
)
def test_a_notice_that_the_reader_was_taken_off_is_no_request(sender: str, subject: str) -> None:
    assert [e.type for e in parse(_notice(sender, subject)).events] == []


@pytest.mark.parametrize(
    "subject",
    ["Unsubscribe: Rowing", "Please remove me from your mailing list", "Cancel my subscription"],
)
def test_a_member_who_asks_is_still_a_request(subject: str) -> None:
    # (the member's own request, to the list's -leave or -request address, names the member)
    message = _notice("pia@isp.example", subject).replace(
        b"To: pia@isp.example", b"To: rowing-request@lists.example.org"
    )
    assert [(e.recipient, e.type) for e in parse(message).events] == [("pia@isp.example", "unsubscribe")]


def _plain_report(text: str) -> bytes:
    return (
        "Return-Path: <>\nFrom: MAILER-DAEMON@mx.isp.example\nTo: bounces@sender.example\n"
        "Subject: Mail\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
        f"Content-Transfer-Encoding: 8bit\n\n{text}\n"
    ).encode()


def _events(text: str) -> list[tuple[str, str, str]]:
    return [(e.recipient, e.classification, e.reason) for e in parse(_plain_report(text)).events]


@pytest.mark.parametrize(
    "text",
    [
        # Polish and Russian: "no further delivery attempts", "delivery stopped"
        "Wiadomość do anna@mx.example.pl nie mogła zostać dostarczona.\n"
        "Serwer odbiorcy nie odpowiadał przez 5 dni. Zaprzestano dalszych prób doręczenia.",
        "Сообщение для anna@mx.example.ru не доставлено.\nДоставка прекращена: сервер получателя не отвечал 5 дней.",
        "Письмо для anna@mx.example.ru не доставлено: не удалось доставить письмо в течение 5 дней.",
        # Spanish: "could not be delivered in the last 72 hours", "no more attempts will be made"
        "No se ha podido entregar su mensaje a anna@mx.example.es en las últimas 72 horas.\n"
        "El servidor de destino no responde.",
        # (with a "not delivered yet" too: the report gave up, it is no warning)
        "Su mensaje a anna@mx.example.es todavía no ha sido entregado. No se realizarán más intentos.",
    ],
)
def test_a_give_up_sentence_is_an_expired_soft_bounce(text: str) -> None:
    assert [(c, r) for _, c, r in _events(text)] == [("soft", "expired")]


def test_a_warning_that_delivery_attempts_will_continue_is_a_delay() -> None:
    # (Symantec's delay notice: "could not be delivered to the following recipients" over the list,
    # then that attempts will go on for days)
    text = (
        "Your message with Subject: swarm season\n\ncould not be delivered to the following recipients:\n\n"
        "anna@mx.example.com\n\nPlease do not resend your original message.\n\n"
        "Delivery attempts will continue to be made for 5 day(s)."
    )
    assert [c for _, c, _ in _events(text)] == ["ignored"]
    # (the same sentence with no warning after it is a final report)
    assert [c for _, c, _ in _events(text.rpartition("\n\n")[0])] == ["soft"]


def test_the_recipients_domain_unknown_is_a_gone_domain() -> None:
    text = "Delivery to anna@mx.example.net failed.\nThe recipient's domain is unknown."
    assert [(c, r) for _, c, r in _events(text)] == [("hard", "host_unknown")]
    # (a lookup that says to try again says nothing about the domain)
    retry = (
        "Delivery to anna@mx.example.net failed.\nThe recipient's domain could not be found. Try again later."
    )
    assert [c for _, c, _ in _events(retry)] == ["soft"]
