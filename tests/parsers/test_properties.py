"""Property-based checks of the parser contract: it never raises, none of its own code fails on
the way (an exception it catches is reported as a `parser_error` defect), and line endings do not
matter."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsers import ParseResult, parse
from parsers.mail import PARSER_ERROR
from parsers.model import MessageType
from parsers.reasons import REASONS

HERE = Path(__file__).parent
SAMPLES = [p.read_bytes() for p in sorted(HERE.glob("**/fixtures/*/*.eml"))]
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(result: ParseResult) -> None:
    assert not [d for d in result.defects if d.startswith(PARSER_ERROR)], result.defects
    assert result.message_type in get_args(MessageType)
    for event in result.events:
        assert event.recipient and event.recipient == event.recipient.strip().lower()
        assert event.classification in ("hard", "soft", "ignored")
        assert event.reason in REASONS


@FAST
@given(st.binary(max_size=4096))
def test_never_raises_on_arbitrary_bytes(raw: bytes) -> None:
    _check(parse(raw))


@st.composite
def mutated_sample(draw: st.DrawFn) -> bytes:
    """A fixture with a few bytes flipped, a slice deleted, or junk inserted, or truncated."""
    data = bytearray(draw(st.sampled_from(SAMPLES)))
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        kind = draw(st.sampled_from(["flip", "delete", "insert", "truncate"]))
        if kind == "flip":
            data[at] = draw(st.integers(0, 255))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif kind == "insert":
            junk = draw(
                st.sampled_from(
                    [
                        b"\n\n",
                        b"--",
                        b"\r",
                        b"\x00",
                        b":",
                        b"=?utf-8?b?",
                        b"\nContent-Type: multipart/mixed\n",
                        b"\xff\xfe",
                    ]
                )
            )
            data[at:at] = junk
        else:
            del data[at:]
    return bytes(data)


@FAST
@given(mutated_sample())
def test_never_raises_on_mutated_fixtures(raw: bytes) -> None:
    _check(parse(raw))


@FAST
@given(st.sampled_from(SAMPLES), st.integers(0, 2))
def test_lf_and_crlf_give_the_same_events(raw: bytes, style: int) -> None:
    lf = raw.replace(b"\r\n", b"\n")
    other = lf.replace(b"\n", b"\r\n") if style else lf
    if style == 2:
        other = other.replace(b"\r\n", b"\r\r\n", 3)  # stray CRs inside headers happen too
        _check(parse(other))  # (a stray CR may end the header block early: other events)
        return
    _check(parse(lf))
    assert parse(other).events == parse(lf).events


@FAST
@given(st.sampled_from(SAMPLES), st.integers(1, 4096))
def test_bounded_input_never_raises(raw: bytes, limit: int) -> None:
    result = parse(raw, max_bytes=limit)
    _check(result)
    if len(raw) > limit:
        assert any("oversized" in d for d in result.defects)


def _report_in_a_part_that_is_not_text(charset: bytes) -> bytes:
    return (
        b"From: MAILER-DAEMON@mx.example.org\nTo: news-bounces@sender.example\n"
        b"Subject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n"
        b'Content-Type: application/x-unknown; charset="' + charset + b'"\n'
        b"Content-Transfer-Encoding: 8bit\n\n"
        b"This is the mail system at host mx.example.org.\n\n"
        b"<bob@example.net>: host mx.example.net[192.0.2.7] said: 550 5.1.1\n"
        b"    <bob@example.net>: Recipient address rejected: Benutzer unbekannt \xc3\xa9\n"
    )


def test_a_charset_name_holding_a_nul_is_read_as_a_good_one() -> None:
    # (the stdlib's get_payload decodes 8-bit text again with the part's charset name, and a NUL
    # in that name raised from the MTA detectors' body text: a mutation the property test found)
    good = parse(_report_in_a_part_that_is_not_text(b"utf-8"))
    for name in (b"ut\x00f-8", b"\x00", b"utf-8\x00"):
        result = parse(_report_in_a_part_that_is_not_text(name))
        _check(result)
        assert result.events == good.events
    assert [(e.recipient, e.classification) for e in good.events] == [("bob@example.net", "hard")]


def _report_with_headers_under(charset: bytes) -> bytes:
    return (
        b"From: MAILER-DAEMON@mx.example.org\nTo: news-bounces@sender.example\n"
        b"Subject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n"
        b'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\n\n'
        b"--B\nContent-Type: text/plain\n\nYour message could not be delivered.\n"
        b"--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\n"
        b"Final-Recipient: rfc822; bob@example.net\nAction: failed\nStatus: 5.1.1\n"
        b'--B\nContent-Type: text/rfc822-headers; charset="' + charset + b'"\n'
        b"Content-Transfer-Encoding: 8bit\n\n"
        b"From: News <news@sender.example>\nMessage-ID: <n1@sender.example>\n"
        b"Subject: Neuigkeiten f\xc3\xbcr Sie\n\n--B--\n"
    )


def test_an_original_under_a_charset_name_holding_a_nul_is_read() -> None:
    good = parse(_report_with_headers_under(b"utf-8"))
    for name in (b"ut\x00f-8", b"\x00"):
        result = parse(_report_with_headers_under(name))
        _check(result)
        assert result.events == good.events
        assert result.attribution == good.attribution
    assert [(e.recipient, e.original_message_id) for e in good.events] == [
        ("bob@example.net", "<n1@sender.example>")
    ]
