"""A Content-Type whose folding was lost: its parameter lines are folded back, nothing else."""

from __future__ import annotations

from parsers import parse
from parsers.refold import refold

LOST = (
    b'From: a@b.example\nContent-Type: multipart/mixed;\nboundary="X"; charset=us-ascii\n'
    b"Message-ID: <m@b.example>\n\n--X\nContent-Type: text/plain\n\nhi\n--X--\n"
)


def test_parameter_lines_after_the_content_type_are_folded_back() -> None:
    fixed = refold(LOST)
    assert fixed == LOST.replace(b'\nboundary="X"', b'\n\tboundary="X"')


def test_crlf_lines_are_folded_back_too() -> None:
    fixed = refold(LOST.replace(b"\n", b"\r\n"))
    assert fixed is not None and b'\r\n\tboundary="X"; charset=us-ascii\r\n' in fixed


def test_a_header_field_line_is_not_a_parameter() -> None:
    raw = b"From: a@b.example\nContent-Type: multipart/mixed;\nX-Note: a=b\n\nbody\n"
    assert refold(raw) is None


def test_a_folded_header_stays_as_it_is() -> None:
    raw = b'From: a@b.example\nContent-Type: multipart/mixed;\n boundary="X"\n\n--X--\n'
    assert refold(raw) is None


def test_body_lines_are_never_folded() -> None:
    raw = b"From: a@b.example\nContent-Type: text/plain;\n\nname=value\n"
    assert refold(raw) is None


def test_a_text_message_whose_body_starts_with_a_parameter_is_left_alone() -> None:
    raw = b'From: a@b.example\nSubject: x\nContent-Type: text/plain\n\nboundary="X"\n'
    assert "content-type folding repaired" not in parse(raw).defects


def test_the_message_is_read_as_multipart_after_the_repair() -> None:
    result = parse(LOST)
    assert "content-type folding repaired" in result.defects
