"""A failure report in no known format whose own text names one address (beside its own, the
returned original's sender and the daemons): that address failed (parsers.lastresort._sole).
Two or more such addresses are a guess: no event."""

from __future__ import annotations

from parsers import parse

HEAD = (
    b"From: Mail Gateway <postmaster@gw.example>\nTo: owner-list@lists.example.org\n"
    b"Subject: Undeliverable Message\nDate: Tue, 21 Jan 1997 18:42:10 -0500\n\n"
)


def recipients(body: bytes) -> list[str]:
    return [e.recipient for e in parse(HEAD + body).events]


def test_the_one_address_a_report_names_failed() -> None:
    assert recipients(b"Receiver not found: kim@dest.example\n\nNot delivered as addressed.\n") == [
        "kim@dest.example"
    ]


def test_two_addresses_are_not_guessed_between() -> None:
    body = b"Receiver not found: kim@dest.example\nCopy sent to lee@other.example\n\nNot delivered.\n"
    assert recipients(body) == []


def test_the_reports_own_addresses_and_daemons_are_not_recipients() -> None:
    body = b"Mail to owner-list@lists.example.org failed.\nPlease reply to postmaster@gw.example\n"
    assert recipients(body) == []


def test_a_help_desk_the_report_points_to_is_not_a_recipient() -> None:
    body = b"Your message could not be delivered.\nFor help, write to helpdesk@gw.example.\n"
    assert recipients(body) == []
