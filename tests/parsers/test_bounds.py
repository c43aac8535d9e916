"""The parser's work is bounded on hostile input: what it reads is capped (each cap reported as a
defect) and its memory stays a small multiple of the message (tracemalloc; wall time is for
benchmarks/parse_throughput.py to print, never asserted here)."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable

import pytest

from parsers import ParseResult, parse
from parsers.mail import MAX_HEADER_CHARS, PARSER_ERROR, WORDS_LEFT_UNDECODED, load
from parsers.mime import MAX_BOUNDARY, MAX_CONTAINERS, MAX_LINES, MAX_PARAMS_CHARS, MAX_PARTS
from tests.parsers.hostile import (
    DAEMON,
    FILLERS,
    HOSTILE,
    MB,
    REPORT,
    WORD,
    blank_lines,
    boundary_of,
    encoded_subject,
    many_parts,
    nested_multiparts,
    nested_originals,
    recipient_blocks,
)


def peak_memory(raw: bytes) -> tuple[ParseResult, int]:
    tracemalloc.start()
    try:
        result = parse(raw)
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def no_parser_error(result: ParseResult) -> None:
    assert not [d for d in result.defects if d.startswith(PARSER_ERROR)], result.defects


@pytest.mark.parametrize("name", HOSTILE)
def test_memory_is_a_small_multiple_of_a_hostile_message(name: str) -> None:
    raw = HOSTILE[name](MB)
    result, peak = peak_memory(raw)
    no_parser_error(result)
    # (a 5 MB boundary took 870 MB in the email package alone; 1 MB of nesting raised)
    assert peak < 12 * len(raw), f"{peak / len(raw):.1f} times the message"


def test_an_encoded_subject_is_decoded_up_to_the_cap() -> None:
    result = parse(encoded_subject(MB))
    no_parser_error(result)
    assert result.subject is not None
    assert result.subject.startswith("abcabcabc")
    assert len(result.subject) <= MAX_HEADER_CHARS


def test_encoded_words_past_the_allowance_are_left_as_they_are() -> None:
    value = (WORD * 250).strip()  # 4000 characters of encoded words a header
    raw = DAEMON + b"".join(b"Received: " + value + b"\n" for _ in range(200)) + b"\nbody\n"
    mail = load(raw)
    received = mail.headers("Received")
    assert received[0].startswith("abcabc")
    assert received[-1].startswith("=?utf-8?q?abc?=")
    assert WORDS_LEFT_UNDECODED in mail.defects


def test_an_overlong_boundary_is_a_defect_and_not_split_on() -> None:
    mail = load(boundary_of(MAX_BOUNDARY + 1))
    assert any(d.startswith("over-long MIME boundary") for d in mail.defects)
    assert not mail.message.is_multipart()
    within = load(boundary_of(70))  # RFC 2046's limit
    assert within.message.is_multipart() and "first part" in within.text
    assert not any(d.startswith("over-long") for d in within.defects)


def test_parameters_past_the_first_characters_of_a_header_are_not_read() -> None:
    filler = b"; x=" + b"y" * MAX_PARAMS_CHARS
    raw = DAEMON + b"Content-Type: text/plain" + filler + b"; charset=utf-8\n\nhi\n"
    assert load(raw).message.get_param("charset") is None
    near = DAEMON + b"Content-Type: text/plain; charset=utf-8" + filler + b"\n\nhi\n"
    assert load(near).message.get_param("charset") == "utf-8"


def test_parts_past_the_cap_are_not_made() -> None:
    mail = load(many_parts(MB))
    assert any(d.startswith("too many parts: parsed the first") for d in mail.defects)
    assert len(mail.message.get_payload()) <= MAX_PARTS + 8192 // len(b"--b\n\nx\n")


def test_recipient_blocks_past_the_cap_are_not_made() -> None:
    # (a delivery-status part's blocks are parts too: see mime._Splitter.status_blocks)
    mail = load(recipient_blocks(MB))
    assert any(d.startswith("too many parts: parsed the first") for d in mail.defects)
    (report,) = mail.delivery_status
    assert report.count("Final-Recipient:") < MAX_PARTS


@pytest.mark.parametrize("shape", [nested_originals, nested_multiparts])
def test_nesting_past_the_cap_is_cut(shape: Callable[[int], bytes]) -> None:
    mail = load(shape(MB))
    assert any(d.startswith("too many multipart or message parts") for d in mail.defects)
    depth, part = 0, mail.message
    while part.is_multipart():
        depth, part = depth + 1, part.get_payload()[-1]
    assert depth <= MAX_CONTAINERS


def test_lines_past_the_cap_are_not_parsed() -> None:
    mail = load(blank_lines(4 * MAX_LINES))
    assert f"too many lines: parsed the first {MAX_LINES}" in mail.defects


@pytest.mark.parametrize("filler", FILLERS)
def test_a_report_before_hostile_filler_is_still_read(filler: bytes) -> None:
    # (these fillers made detector patterns backtrack: minutes for 64 KiB of spaces)
    result = parse(REPORT + filler * (MB // len(filler)))
    no_parser_error(result)
    assert [e.recipient for e in result.events] == ["gone@dest.example"]
