"""The shared helpers of the MTA text detectors: addresses, codes, inline report fields."""

from __future__ import annotations

import pytest

from parsers.mta import _common as c


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("550 5.1.1 <a@example.org>: User unknown", "5.1.1"),
        ("451 4.7.1 Greylisted", "4.7.1"),
        ("550-5.7.26 Unauthenticated email", "5.7.26"),
        ("version 5.65.1 of the software", None),  # subject above 7 is not a status code
        ("192.0.2.10 said no", None),  # an IP address is not a status code
        ("no code here", None),
    ],
)
def test_find_status(text: str, status: str | None) -> None:
    assert c.find_status(text) == status


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("<alice@example.org>", "alice@example.org"),
        ("rfc822; bob@example.com", "bob@example.com"),
        ('"carol@example.net".', "carol@example.net"),
        ("|/usr/bin/procmail", None),
        ("postmaster@", None),
    ],
)
def test_clean_address(text: str, address: str | None) -> None:
    assert c.clean_address(text) == address


def test_remote_host_and_command() -> None:
    text = "host mx.example.org[192.0.2.1] said: 550 5.1.1 unknown (in reply to RCPT TO command)"
    assert c.remote_host(text) == "mx.example.org"
    assert c.smtp_command(text) == "RCPT"
    assert c.smtp_command("SMTP error from remote mail server after end of data: 554") == "DATA"


def test_dsn_fields_splits_recipient_blocks() -> None:
    text = (
        "Reporting-MTA: dns; mx.example.net\n\n"
        "Original-Recipient: rfc822;alias@example.net\n"
        "Final-Recipient: rfc822; a@example.org\n"
        "Action: failed\n"
        "Status: 5.1.1\n"
        "Diagnostic-Code: smtp; 550 5.1.1 <a@example.org>:\n"
        "    User unknown\n\n"
        "Final-Recipient: rfc822; b@example.org\n"
        "Action: delayed\n"
        "Status: 4.4.1\n"
        "Remote-MTA: dns; mx.example.org\n"
    )
    first, second = c.dsn_fields(text)
    assert (first.recipient, first.alias, first.status, first.action) == (
        "a@example.org",
        "alias@example.net",
        "5.1.1",
        "failed",
    )
    assert first.diagnostic == "550 5.1.1 <a@example.org>: User unknown"
    assert (second.recipient, second.action, second.remote_mta) == (
        "b@example.org",
        "delayed",
        "mx.example.org",
    )


def test_dsn_fields_without_final_recipient() -> None:
    text = "Original-Recipient: <a@example.org>\nAction: failed\nDiagnostic-Code: smtp; 550 Unknown user\n"
    (only,) = c.dsn_fields(text)
    assert (only.recipient, only.smtp_code) == ("a@example.org", "550")


def test_delay_notice_defaults_to_expired() -> None:
    assert c.make("a@example.org", "451 4.7.1 try later", action="delayed").reason == c.EXPIRED
    assert c.make("a@example.org", "550 5.1.1 unknown").reason is None


def test_long_lines_are_cut() -> None:
    from parsers.mail import load

    mail = load(b"Subject: x\r\n\r\n" + b"a" * 10_000 + b"\r\nend\r\n")
    assert max(len(line) for line in c.body_text(mail).split("\n")) <= c.MAX_LINE
