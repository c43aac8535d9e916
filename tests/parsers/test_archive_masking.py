"""Addresses a list archive masked ("local at domain", Mailman's pipermail) are read back where
they stand as addresses, and only there (parsers.mail.unmasked)."""

from __future__ import annotations

import pytest

from parsers.mail import load, unmasked


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("<m.gonzalez at telco.example>: host said", "<m.gonzalez@telco.example>: host said"),
        ("  reef.watch at oceanic.example\n", "  reef.watch@oceanic.example\n"),
        ("Final-Recipient: rfc822; ann at alpha.example", "Final-Recipient: rfc822; ann@alpha.example"),
        # prose keeps its words
        (
            "The message was received at mx.example.org today",
            "The message was received at mx.example.org today",
        ),
        ("arrived at 10:42 at the gate", "arrived at 10:42 at the gate"),
    ],
)
def test_masked_addresses_are_read_back_where_they_stand_as_addresses(text: str, want: str) -> None:
    assert unmasked(text) == want


def test_only_a_message_with_a_masked_from_is_unmasked() -> None:
    # (a person writing "write to info at example.org" in ordinary mail is left as written)
    raw = b"From: Ann <ann@example.org>\nSubject: hi\n\nwrite to\n  info at hall.example.org\n"
    assert "info at hall.example.org" in load(raw).text
    masked = raw.replace(b"Ann <ann@example.org>", b"ann at example.org (Ann)")
    mail = load(masked)
    assert mail.from_ == "ann@example.org (Ann)"
    assert "info@hall.example.org" in mail.text
