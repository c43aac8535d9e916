"""`parsers.parse` against hand-written sample messages, one parametrised case per file.

Each `fixtures/<format>/<name>.eml` is written from the RFCs and format descriptions, with the
expected result beside it in `<name>.json`: the events in order (only the fields a fixture names
are compared; `diagnostic_contains` checks a substring) and optionally the message type, detector,
date and message id. The MTA helpers' fixtures (`mta/fixtures/`, same layout) run here too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from parsers import DEFAULT_MAX_BYTES, parse
from parsers.mail import PARSER_ERROR
from parsers.reasons import REASONS

HERE = Path(__file__).parent
OURS = sorted((HERE / "fixtures").glob("*/*.eml"))
THEIRS = sorted((HERE / "mta" / "fixtures").glob("*/*.eml"))
CASES = OURS + THEIRS
IDS = [str(c.relative_to(HERE).with_suffix("")) for c in CASES]


def expected_for(case: Path) -> dict[str, Any]:
    return json.loads(case.with_suffix(".json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def assert_events(case: Path, raw: bytes) -> None:
    result = parse(raw)
    assert not [d for d in result.defects if d.startswith(PARSER_ERROR)], result.defects
    want = expected_for(case)
    got = [e.to_dict() for e in result.events]
    assert [e["recipient"] for e in got] == [e["recipient"] for e in want["events"]], result
    assert all(e["reason"] in REASONS for e in got), "a reason outside the taxonomy"
    for event, fields in zip(got, want["events"], strict=True):
        for name, value in fields.items():
            if name == "diagnostic_contains":
                assert value in (event["diagnostic"] or ""), event
            else:
                assert event[name] == value, f"{event['recipient']}: {name} = {event[name]!r}"
    if case in OURS:
        for name in ("message_type", "detector", "date", "message_id"):
            if name in want:
                assert getattr(result, name) == want[name], name


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_fixture(case: Path) -> None:
    assert_events(case, case.read_bytes())


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_crlf_gives_the_same_events(case: Path) -> None:
    raw = case.read_bytes().replace(b"\r\n", b"\n")
    assert parse(raw.replace(b"\n", b"\r\n")).events == parse(raw).events


def test_mbox_from_line_is_tolerated() -> None:
    case = HERE / "fixtures" / "dsn" / "single-user-unknown.eml"
    raw = b"From MAILER-DAEMON Mon Mar  2 09:05:00 2026\n" + case.read_bytes()
    assert_events(case, raw)


def test_oversized_input_is_cut_and_reported() -> None:
    case = HERE / "fixtures" / "dsn" / "single-user-unknown.eml"
    raw = case.read_bytes() + b"x" * 2048
    result = parse(raw, max_bytes=len(raw) - 1024)
    assert any("oversized" in d for d in result.defects)
    assert [e.recipient for e in result.events] == ["alice@dest.example"]
    assert DEFAULT_MAX_BYTES >= 1024 * 1024


def test_a_bounce_from_mailer_daemon_is_not_an_auto_reply() -> None:
    raw = (
        b"From: MAILER-DAEMON@mx.example\nTo: news@sender.example\n"
        b"Auto-Submitted: auto-replied\nSubject: Auto reply: returned mail\n\nsorry\n"
    )
    assert parse(raw).message_type != "auto_reply"


def test_parse_accepts_non_bytes_without_raising() -> None:
    assert parse(bytearray(b"Subject: x\n\nhello")).message_type == "unknown"  # type: ignore[arg-type]
    assert parse(None).message_type == "unknown"  # type: ignore[arg-type]
