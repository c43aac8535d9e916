"""The MTA detectors' prefilter (parsers.mta.candidates) never hides a message from a detector.

A detector with `MARKERS` is skipped when none of them is in the message; these tests check, on
every fixture and on case-shifted variants of it (including the non-ASCII letters a
case-insensitive pattern matches to ASCII ones), that each such detector that accepts a message
finds one of its markers, and that parsing gives the same result with the prefilter off.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from unittest import mock

import pytest

import parsers.mta
from parsers import parse
from parsers.mail import Mail, load
from parsers.mta import DETECTORS, candidates, haystack

HERE = Path(__file__).parent
CASES = sorted(HERE.glob("fixtures/*/*.eml")) + sorted(HERE.glob("mta/fixtures/*/*.eml"))
GATED = [d for d in DETECTORS if getattr(d, "MARKERS", None) or getattr(d, "MARKER_HEADERS", None)]


def variants(raw: bytes) -> Iterator[bytes]:
    yield raw
    yield raw.upper()
    yield raw.swapcase()
    yield raw.replace(b"s", "\u017f".encode())  # long s: matches "s" case-insensitively
    yield raw.replace(b"i", "\u0130".encode())  # dotted capital I: matches "i"
    yield raw.replace(b"k", "\u212a".encode())  # Kelvin sign: matches "k"


def marked(mail: Mail, detector: ModuleType) -> bool:
    hay = haystack(mail)
    headers = getattr(detector, "MARKER_HEADERS", ())
    return any(m in hay for m in getattr(detector, "MARKERS", ())) or any(mail.has_header(h) for h in headers)


def test_markers_are_lower_case_literals() -> None:
    assert GATED, "no detector declares prefilter markers"
    for detector in GATED:
        assert all(m and m == m.lower() for m in getattr(detector, "MARKERS", ())), detector.NAME


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_an_accepting_detector_finds_its_markers(case: Path) -> None:
    for raw in variants(case.read_bytes()):
        mail = load(raw)
        for detector in GATED:
            if detector.inquire(mail):
                assert marked(mail, detector), f"{detector.NAME} accepts without its markers"


def test_parse_is_the_same_without_the_prefilter() -> None:
    raws = [raw for case in CASES for raw in variants(case.read_bytes())]
    with_prefilter = [parse(raw) for raw in raws]

    def everyone(mail: Mail, prefilter: bool = True) -> Iterator[ModuleType]:
        return candidates(mail, prefilter=False)

    with mock.patch.object(parsers.mta, "candidates", everyone):
        without = [parse(raw) for raw in raws]
    assert with_prefilter == without


def test_a_message_without_markers_skips_the_gated_detectors() -> None:
    mail = load(b"From: someone@example.org\nSubject: hello\n\nJust a note.\n")
    skipped = set(GATED) - set(candidates(mail))
    assert skipped == set(GATED)
