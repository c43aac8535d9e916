"""The loader's Part answers `get` and `in` from a header index: after every kind of change to its
headers it must still answer exactly as the email package's own Message does."""

from __future__ import annotations

from collections.abc import Callable
from email.message import Message

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.mime import Part, parse_bytes

RAW = (
    b"From: a@example.org\nSubject: one\nsubject: two\n"
    b'Content-Type: multipart/mixed; boundary="b1"; charset=utf-8\n\n'
    b"--b1\nContent-Type: text/plain\n\nhello\n--b1--\n"
)
NAMES = ("from", "SUBJECT", "content-type", "Content-Transfer-Encoding", "MIME-Version", "X-New", "to")

CHANGES: dict[str, Callable[[Message], None]] = {
    "set_param": lambda m: m.set_param("charset", "us-ascii"),
    "set_type": lambda m: m.set_type("text/html"),
    "del_param": lambda m: m.del_param("charset"),
    "set_boundary": lambda m: m.set_boundary("b2"),
    "replace_header": lambda m: m.replace_header("Subject", "three"),
    "delete": lambda m: m.__delitem__("subject"),
    "delete then set": lambda m: (m.__delitem__("Content-Type"), m.__setitem__("Content-Type", "text/x")),
    "set": lambda m: m.__setitem__("X-New", "1"),
    "add_header": lambda m: m.add_header("X-New", "v", name="p"),
    "set_raw": lambda m: m.set_raw("To", "b@example.org"),
}


def _pair() -> tuple[Message, Message]:
    ours, _cuts = parse_bytes(RAW)
    assert isinstance(ours, Part)
    theirs = Message()
    for name, value in ours.raw_items():
        theirs.set_raw(name, value)
    return ours, theirs


def _answers(message: Message) -> list[object]:
    return [
        *(message.get(name) for name in NAMES),
        *(name in message for name in NAMES),
        message.get_content_type(),
        message.get_param("charset"),
        message.get_boundary(),
        message.get("to", "absent"),
    ]


@pytest.mark.parametrize("change", CHANGES.values(), ids=list(CHANGES))
def test_index_answers_like_message_after_a_change(change: Callable[[Message], None]) -> None:
    ours, theirs = _pair()
    assert _answers(ours) == _answers(theirs)  # (the index is built here)
    change(ours)
    change(theirs)
    assert _answers(ours) == _answers(theirs)
    assert list(ours.raw_items()) == list(theirs.raw_items())


CONTENT_TYPE_PIECES = st.sampled_from(
    [
        "text",
        "/",
        "plain",
        "Multipart",
        "REPORT",
        " ",
        "\t",
        ";",
        "charset=x",
        "a/b/c",
        "\u00e9",
        "\r\n ",
        '"',
        "",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(CONTENT_TYPE_PIECES, max_size=8).map("".join), st.booleans(), st.booleans())
def test_the_content_type_is_the_one_message_gives(value: str, present: bool, digest_default: bool) -> None:
    ours, theirs = Part(), Message()
    for message in (ours, theirs):
        message.set_raw("Subject", "x")
        if present:
            message.set_raw("Content-Type", value)
        if digest_default:
            message.set_default_type("message/rfc822")
    assert ours.get_content_type() == theirs.get_content_type()
    assert ours.get_content_type() == theirs.get_content_type()  # (remembered)
    ours.set_default_type("text/x-changed")
    theirs.set_default_type("text/x-changed")
    assert ours.get_content_type() == theirs.get_content_type()


HEADER_NAMES = st.sampled_from(
    [
        "Content-Type",
        "content-type",
        "CONTENT-TYPE",
        "cOnTeNt-TyPe",
        "Content-Typ",  # (one short)
        "Content-Types",  # (one long)
        "X-Content-Type",
        "Content-Tуpe",  # (a Cyrillic u: twelve characters, not the name)
        "\u0130Content-Type",  # (lower-cases to one character more)
        "MIME-Version",  # (twelve characters, another name)
        "Subject",
    ]
)
CONTENT_TYPES = st.sampled_from(["text/html", "Multipart/Mixed; boundary=b", "message/rfc822", "a/b/c", "x"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(HEADER_NAMES, CONTENT_TYPES), max_size=5), st.booleans(), st.booleans())
def test_the_content_type_is_found_under_any_spelling_of_its_name(
    fields: list[tuple[str, str]], indexed_first: bool, scanned: bool
) -> None:
    """A part reads its content type from the first header named Content-Type in any case,
    from its header index or by a scan (scanned_content_type, for delivery-status blocks),
    whether the index is built yet or not."""
    ours, theirs = Part(), Message()
    for message in (ours, theirs):
        for name, value in fields:
            message.set_raw(name, value)
    if indexed_first:
        assert ours.get("subject") == theirs.get("subject")  # (builds the index)
    read = ours.scanned_content_type if scanned else ours.get_content_type
    assert read() == theirs.get_content_type()
    for message in (ours, theirs):
        del message["content-type"]
    assert read() == theirs.get_content_type()
    for message in (ours, theirs):
        message.set_raw("Content-Type", "text/x-later")
    assert read() == theirs.get_content_type()
