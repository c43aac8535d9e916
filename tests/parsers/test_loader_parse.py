"""The loader's parse of a message equals the email package's, except that an attached original's
body is skipped (its headers kept) and detectors that look inside an original get the full tree."""

from __future__ import annotations

import email
import email.policy
from email.message import Message
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers import feed, mail

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "dev"


def _tree(msg: Message, inside_original: bool = False) -> object:
    """Everything the parse decides about a message, but the payload of an original's body."""
    facts: list[object] = [
        msg._headers,  # type: ignore[attr-defined]
        msg.get_unixfrom(),
        msg.get_content_type(),
        msg.get_default_type(),
        msg.preamble,
        msg.epilogue,
        [(type(d), str(d)) for d in msg.defects],
    ]
    payload = msg.get_payload()
    if inside_original:
        return facts[:4]  # the body of an attached original is not parsed (nor its defects found)
    original = msg.get_content_type() in ("message/rfc822", "message/global")
    if isinstance(payload, list):
        facts.append([_tree(p, original) for p in payload if isinstance(p, Message)])
    else:
        facts.append(payload)
    return facts


def _stdlib(raw: bytes) -> Message:
    return email.message_from_bytes(raw, policy=email.policy.compat32)


def _samples() -> list[bytes]:
    paths = sorted(FIXTURES.rglob("*.eml"))
    if CORPUS.is_dir():
        paths += sorted(
            p for p in CORPUS.rglob("*") if p.is_file() and p.suffix not in {".jsonl", ".json", ".md", ".txt"}
        )
    return [p.read_bytes() for p in paths]


def test_same_tree_as_the_email_package_on_the_fixtures_and_corpus() -> None:
    skipped = 0
    for raw in _samples():
        loaded = mail.load(raw)
        assert _tree(loaded.message) == _tree(_stdlib(raw))
        full = loaded.full_message()
        assert _tree(full, False) == _tree(_stdlib(raw), False)
        assert full.as_string() == _stdlib(raw).as_string()
        skipped += full is not loaded.message
    assert skipped > 10  # the corpus attaches many originals with bodies


NESTED = (
    b"From: MAILER-DAEMON\nContent-Type: multipart/report; boundary=outer\n\n"
    b"--outer\nContent-Type: text/plain\n\nreturned\n"
    b"--outer\nContent-Type: message/rfc822\n\n"
    b"Subject: original\nContent-Type: multipart/mixed; boundary=inner\n\n"
    b"--inner\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; x\n\nFinal-Recipient: rfc822; a@b.example\nAction: failed\n"
    b"--inner--\n"
    b"--outer--\n"
)

PIECES = [
    b"--outer\n",
    b"--outer--\n",
    b"--inner\n",
    b"--inner--\n",
    b"\n",
    b"\r\n",
    b"\r",
    b"x: y\n",
    b"text\n",
    b"-",
    b"From x\n",
]
PIECES += [b"Content-Type: message/rfc822\n", b"Content-Type: multipart/mixed; boundary=inner\n"]


def test_a_nested_report_inside_an_original_is_left_to_the_full_tree() -> None:
    loaded = mail.load(NESTED)
    assert loaded.original is not None and loaded.original["Subject"] == "original"
    assert loaded.original.get_payload() == ""
    kinds = [p.get_content_type() for p in loaded.full_message().walk()]
    assert "message/delivery-status" in kinds


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map(b"".join))
def test_same_tree_on_shuffled_boundaries(tail: bytes) -> None:
    raw = NESTED[: NESTED.index(b"Subject: original")] + tail
    assert _tree(mail.load(raw).message) == _tree(_stdlib(raw))


def test_a_loaded_message_answers_like_a_message_after_changes() -> None:
    raw = b"Subject: s\nContent-Type: multipart/mixed; boundary=b\n\n--b\n\nx\n--b--\n"
    msg, _ = feed.parse_bytes(raw)
    plain = _stdlib(raw)
    changes = [
        lambda m: m.replace_header("Content-Type", "text/html"),
        lambda m: m.__delitem__("Content-Type"),
        lambda m: m.set_default_type("message/rfc822"),
        lambda m: m.add_header("Content-Type", "text/csv"),
        lambda m: m.__setitem__("X-Other", "1"),
        lambda m: m.set_raw("Content-Type", "image/png"),
    ]
    for change in changes:
        change(msg)
        change(plain)
        assert msg.get_content_type() == plain.get_content_type()
        assert msg.get("content-type") == plain.get("content-type")
        assert msg["X-Other"] == plain["X-Other"]
        assert msg.get_all("Content-Type") == plain.get_all("Content-Type")
        assert ("x-other" in msg) == ("x-other" in plain)
