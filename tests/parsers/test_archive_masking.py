"""Addresses a list archive masked ("local at domain", Mailman's pipermail) are read back where
they stand as addresses, and only there (parsers.mail.unmasked)."""

from __future__ import annotations

import pytest

from parsers.mail import html_to_text, load, unmasked


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("<m.gonzalez at telco.example>: host said", "<m.gonzalez@telco.example>: host said"),
        ("  reef.watch at oceanic.example\n", "  reef.watch@oceanic.example\n"),
        ("Final-Recipient: rfc822; ann at alpha.example", "Final-Recipient: rfc822; ann@alpha.example"),
        # the object of "to"/"for" in a report's sentence (Gmail's, Exchange's)
        (
            "wasn't delivered to ann.b at alpha.example because",
            "wasn't delivered to ann.b@alpha.example because",
        ),
        ("Your message to r at firm.example couldn't", "Your message to r@firm.example couldn't"),
        # prose keeps its words
        ("forwarded to the host at mx.example.org", "forwarded to the host at mx.example.org"),
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


def test_numeric_character_references_of_an_archive_page_are_read() -> None:
    # (an archive's HTML writes "@" as "&#64;"; a reference to an escaped ampersand stays text)
    text = html_to_text("<pre>&lt;ann&#64;alpha.example&gt; &#x40; &amp;#64; &#9999999;</pre>")
    assert text.strip() == "<ann@alpha.example> @ &#64; &#9999999;"
