"""Leftovers of issue 12's first round: a list's or a platform's notice that the reader was taken
off is no unsubscribe request of its own sender; (more below as added)."""

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
    message = _notice("pia@isp.example", subject).replace(b"To: pia@isp.example", b"To: rowing-request@lists.example.org")
    assert [(e.recipient, e.type) for e in parse(message).events] == [("pia@isp.example", "unsubscribe")]
