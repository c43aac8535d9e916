"""A bounce or complaint report forwarded whole (message/rfc822) to the bounce/FBL mailbox.

The fixtures are in `fixtures/forwardedreport/` (their events are checked by test_fixtures.py);
these tests check what sets them apart: the forwarder is never the recipient, the report inside
reads as it does on its own, and a report is unwrapped through at most FORWARD_CHAIN forwards.
"""

from __future__ import annotations

import email.utils
from pathlib import Path

import pytest

from parsers import parse
from parsers.forwarded import FORWARD_CHAIN

HERE = Path(__file__).parent / "fixtures" / "forwardedreport"
FIXTURES = sorted(HERE.glob("*.eml"))
IDS = [case.stem for case in FIXTURES]
BOUNDARY = {"forwarded-dsn": b"--outer-fwd-1", "forwarded-arf": b"--outer-fwd-2"}


def _outer_addresses(raw: bytes) -> set[str]:
    head = raw.split(b"\n\n", 1)[0].decode()
    found = email.utils.getaddresses(
        [
            line.split(":", 1)[1]
            for line in head.splitlines()
            if line.startswith(("From:", "To:", "Return-Path:"))
        ]
    )
    return {address.lower() for _name, address in found if address}


def _attached(raw: bytes, boundary: bytes) -> bytes:
    """The message attached as the forward's second part (after its part headers)."""
    second = raw.split(boundary + b"\n")[2]
    body = second.split(b"\n\n", 1)[1]
    return body.rsplit(b"\n" + boundary + b"--", 1)[0]


def _forward(raw: bytes, boundary: str) -> bytes:
    return (
        (
            "From: Someone <someone@desk.example>\nTo: bounces@sender.example\nSubject: Fwd: see attached\n"
            f'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="{boundary}"\n\n'
            f"--{boundary}\nContent-Type: text/plain\n\nsee attached\n\n"
            f"--{boundary}\nContent-Type: message/rfc822\n\n"
        ).encode()
        + raw
        + f"\n--{boundary}--\n".encode()
    )


@pytest.mark.parametrize("case", FIXTURES, ids=IDS)
def test_the_forwarder_is_never_the_recipient(case: Path) -> None:
    raw = case.read_bytes()
    result = parse(raw)
    assert result.events
    forwarder = _outer_addresses(raw)
    assert forwarder and not {e.recipient for e in result.events} & forwarder


@pytest.mark.parametrize("case", FIXTURES, ids=IDS)
def test_the_report_inside_reads_as_it_does_on_its_own(case: Path) -> None:
    raw = case.read_bytes()
    alone = parse(_attached(raw, BOUNDARY[case.stem]))
    assert alone.events
    forwarded = parse(raw)
    assert (forwarded.message_type, forwarded.detector, forwarded.events) == (
        alone.message_type,
        alone.detector,
        alone.events,
    )


@pytest.mark.parametrize("case", FIXTURES, ids=IDS)
def test_a_report_forwarded_twice_reads_as_forwarded_once(case: Path) -> None:
    # A forward of a forward (an abuse desk passes on what its postmaster forwarded): the report
    # attached to the attached forward is read.
    raw = case.read_bytes()
    once, twice = parse(raw), parse(_forward(raw, "twice"))
    assert (twice.message_type, twice.detector, twice.events) == (
        once.message_type,
        once.detector,
        once.events,
    )


@pytest.mark.parametrize("case", FIXTURES, ids=IDS)
def test_a_report_beyond_the_forward_chain_is_not_unwrapped(case: Path) -> None:
    raw = case.read_bytes()
    for level in range(FORWARD_CHAIN):  # (the fixture is one forward already)
        raw = _forward(raw, f"level{level}")
    result = parse(raw)
    assert result.message_type == "unknown" and not result.events


def test_a_dsn_returning_a_forwarded_report_is_read_as_the_dsn() -> None:
    # The outer message is itself a report: its returned original is never unwrapped, even when
    # that original is a forwarded report.
    arf = _attached((HERE / "forwarded-arf.eml").read_bytes(), BOUNDARY["forwarded-arf"])
    dsn = (
        b"From: MAILER-DAEMON@mx.sender.example\nTo: fbl@sender.example\nSubject: Delivery failure\n"
        b'MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary="b"\n\n'
        b"--b\nContent-Type: text/plain\n\nnot delivered\n\n"
        b"--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.sender.example\n\n"
        b"Final-Recipient: rfc822; full.box@desk.example\nAction: failed\nStatus: 5.2.2\n\n"
        b"--b\nContent-Type: message/rfc822\n\n" + arf + b"\n--b--\n"
    )
    result = parse(dsn)
    assert result.message_type == "dsn"
    assert [e.recipient for e in result.events] == ["full.box@desk.example"]
