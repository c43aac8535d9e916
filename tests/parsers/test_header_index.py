"""The Mail header index answers as the email package does, and its raw test never hides a value."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.mail import decode_header_value, load

PIECES = [*"ab.Xy \t\r\n=?", "\u00e9", "ezweb.ne.jp", "=?utf-8?q?ab?="]
VALUE = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


def _message(values: list[str]) -> bytes:
    head = "".join(f"Received: {v.replace(chr(10), chr(10) + ' ')}\n" for v in values)
    return (head + "X-Other: 1\nSubject: s\n\nbody\n").encode("utf-8", "surrogateescape")


@settings(max_examples=300, deadline=None)
@given(st.lists(VALUE, max_size=4), st.sampled_from(["ezweb.ne.jp", "ab", "X", "a.b"]), st.booleans())
def test_may_hold_is_false_only_when_no_decoded_value_holds_the_needle(
    values: list[str], needle: str, ignore_case: bool
) -> None:
    mail = load(_message(values))
    decoded = mail.headers("Received")
    assert decoded == [decode_header_value(v) for v in mail.message.get_all("Received") or []]
    wanted = needle.lower() if ignore_case else needle
    held = any(wanted in (d.lower() if ignore_case else d) for d in decoded)
    if held:
        assert mail.may_hold("Received", (wanted,), ignore_case=ignore_case)


def test_index_answers_like_message_get() -> None:
    mail = load(b"Subject: one\nsubject: two\nDate: Mon, 23 Nov 2026 02:17:37 +0000\n\nbody\n")
    assert mail.raw_header("SUBJECT") == mail.message.get("Subject") == "one"
    assert mail.headers("subject") == ["one", "two"]
    assert mail.has_header("date") and not mail.has_header("From")
    assert mail.raw_header("From") is None


NAMES = st.sampled_from(["From", "from", "FROM", "Return-Path", "Message-ID", "DKIM-Signature", "X-A"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(NAMES, VALUE), max_size=8))
def test_an_attached_originals_index_is_its_first_header_of_each_name(fields: list[tuple[str, str]]) -> None:
    """Attribution reads an attached original's headers from the split's own index
    (Part.first_fields): the first (name, value) of each name, as the plain scan finds it."""
    from parsers.attribution import _index

    head = "".join(f"{name}: {value.replace(chr(10), chr(10) + ' ')}\n" for name, value in fields)
    raw = (
        "From: MAILER-DAEMON\nContent-Type: multipart/report; boundary=b\n\n--b\n"
        "Content-Type: message/rfc822\n\n" + head + "\nbody\n--b--\n"
    ).encode("utf-8", "surrogateescape")
    original = load(raw).original
    assert original is not None
    plain: dict[str, tuple[str, object]] = {}
    for field in original.raw_items():
        plain.setdefault(field[0].lower(), field)
    assert _index(original) == plain
