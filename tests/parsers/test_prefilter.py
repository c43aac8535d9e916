"""The MTA detectors' prefilter (parsers.mta.candidates) never hides a message from a detector.

A detector with `MARKERS` (or marker headers, header values or body markers) is skipped when
none of them is in the message; these tests check, on every fixture and on case-shifted variants
of it (including the non-ASCII letters a case-insensitive pattern matches to ASCII ones), that each
such detector that accepts a message finds one of its markers, and that parsing gives the same
result with the prefilter off.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import parsers.core
from parsers import parse
from parsers.mail import Mail, load
from parsers.mta import DETECTORS, candidates, haystack, heading
from parsers.mta._common import body_text

HERE = Path(__file__).parent
CASES = sorted(HERE.glob("fixtures/*/*.eml")) + sorted(HERE.glob("mta/fixtures/*/*.eml"))
KINDS = ("MARKERS", "HEADING_MARKERS", "MARKER_HEADERS", "MARKER_VALUES", "BODY_MARKERS")
GATED = [d for d in DETECTORS if any(getattr(d, kind, None) for kind in KINDS)]


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
    values = getattr(detector, "MARKER_VALUES", {})
    body = body_text(mail)
    required = getattr(detector, "REQUIRED_HEADERS", ())
    if required and not any(mail.has_header(h) for h in required):
        return False
    return (
        any(m in hay for m in getattr(detector, "MARKERS", ()))
        or any(m in heading(mail) for m in getattr(detector, "HEADING_MARKERS", ()))
        or any(mail.has_header(h) for h in headers)
        or any(mail.may_hold(name, needles) for name, needles in values.items())
        or any(m in body for m in getattr(detector, "BODY_MARKERS", ()))
    )


def test_markers_are_lower_case_literals() -> None:
    assert GATED, "no detector declares prefilter markers"
    for detector in GATED:
        for kind in ("MARKERS", "HEADING_MARKERS"):
            assert all(m and m == m.lower() for m in getattr(detector, kind, ())), detector.NAME
        assert all(getattr(detector, "BODY_MARKERS", ())), detector.NAME
        for needles in getattr(detector, "MARKER_VALUES", {}).values():
            # (compared with raw values, whose white space decoding would collapse)
            assert all(n and not any(c.isspace() for c in n) for n in needles), detector.NAME


def test_every_detector_is_gated() -> None:
    """A detector without markers runs on every message that reaches the text formats."""
    assert [d.NAME for d in DETECTORS if d not in GATED] == []


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
    asked = 0

    def everyone(mail: Mail) -> Iterator[ModuleType]:
        nonlocal asked
        asked += 1
        return candidates(mail, prefilter=False)

    # (the parse looks the registry up through parsers.core._mta_candidates, kept once imported:
    # patching parsers.mta.candidates would not reach it)
    with mock.patch.object(parsers.core, "_mta_candidates", lambda: everyone):
        without = [parse(raw) for raw in raws]
    assert asked, "the parse never asked for the detectors: the patch did not reach it"
    assert with_prefilter == without


def test_a_message_without_markers_skips_the_gated_detectors() -> None:
    mail = load(b"From: someone@example.org\nSubject: hello\n\nJust a note.\n")
    skipped = set(GATED) - set(candidates(mail))
    assert skipped == set(GATED)


def test_a_header_value_or_the_body_after_the_original_lets_a_detector_run() -> None:
    names = {d.NAME: d for d in GATED}
    received = load(b"Received: from mx.ezweb.ne.jp (EZweb Mail) with SMTP\nSubject: hi\n\nText.\n")
    assert names["EZweb"] in set(candidates(received))
    assert names["Bigfoot"] not in set(candidates(received))
    transcript = (
        b"From: MAILER-DAEMON\nContent-Type: multipart/mixed; boundary=b\n\n--b\n"
        b"Content-Type: message/rfc822\n\nSubject: x\n\nbody\n--b\nContent-Type: text/plain\n\n"
        b"----- Transcript of session follows -----\n--b--\n"
    )
    mail = load(transcript)
    assert "transcript of session" not in haystack(mail)  # (after the original)
    assert names["V5sendmail"] not in set(candidates(load(transcript.replace(b"Transcript", b"Copy"))))
    assert names["V5sendmail"] in set(candidates(mail))


def test_a_detector_without_its_required_headers_is_skipped() -> None:
    names = {d.NAME: d for d in GATED}
    report = b"From: postmaster@example.org\nSubject: Undeliverable: hi\n\nDiagnostic information for administrators:\n"
    assert names["Exchange2007"] not in set(candidates(load(report)))
    assert names["Exchange2007"] in set(candidates(load(b"Content-Language: en-US\n" + report)))
    assert names["Exchange2007"] in set(candidates(load(b"X-MS-Exchange-Message-Is-Ndr: \n" + report)))


def test_a_marker_an_earlier_detector_shares_is_looked_for_again_when_that_one_ran() -> None:
    """Postfix shares "undeliverable mail" with Courier: when Courier was rejected by its markers,
    Postfix does not look for that one again; when Courier ran (by that marker), Postfix runs too."""
    names = {d.NAME: d for d in GATED}
    shared = list(candidates(load(b"From: a@example.org\nSubject: Undeliverable mail\n\nText.\n")))
    assert names["Courier"] in shared and names["Postfix"] in shared
    assert names["Postfix"] not in set(candidates(load(b"From: a@example.org\nSubject: Delayed\n\nText.\n")))
    carrier = b"Received: from mx.ezweb.ne.jp\nReply-To: no-reply@app.auone-net.jp\nSubject: x\n\nText.\n"
    assert {names["EZweb"], names["KDDI"]} <= set(candidates(load(carrier)))
    reply_to = carrier.replace(b"ezweb.ne.jp", b"example.jp")
    assert names["KDDI"] in set(candidates(load(reply_to)))
    assert names["EZweb"] not in set(candidates(load(reply_to)))


def test_heading_markers_are_looked_for_in_the_subject_and_the_from_only() -> None:
    """A provider's sender named in the report text alone (a quoted address, a forwarded notice)
    does not run its detector: its markers are looked for in the subject and the From."""
    names = {d.NAME: d for d in GATED}
    quoted = load(b"From: someone@example.org\nSubject: hello\n\nmailer-daemon@google.com wrote: no.\n")
    assert "mailer-daemon@google" in haystack(quoted)
    assert names["Gmail"] not in set(candidates(quoted))
    sender = load(b"From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\nSubject: hi\n\nText.\n")
    assert names["Gmail"] in set(candidates(sender))
    listserv = load(b"From: LISTSERV@lists.example.org\nSubject: hi\n\nText.\n")
    assert names["ListManager"] in set(candidates(listserv))


def _straightforward(mail: Mail) -> list[ModuleType]:
    """The detectors candidates() yields, by the rule as the module doc states it: those without
    markers, and those one of whose markers the message has."""
    return [d for d in DETECTORS if d not in GATED or marked(mail, d)]


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_candidates_are_the_detectors_whose_markers_the_message_has(case: Path) -> None:
    """The fast paths of candidates() (marker headers first, then the heading markers, the report
    text last) give the detectors the plain rule gives, in the same order."""
    for raw in variants(case.read_bytes()):
        mail = load(raw)
        assert list(candidates(mail)) == _straightforward(mail)


def test_a_shared_needle_is_spared_only_under_the_same_header() -> None:
    from parsers.mta import _spared

    earlier = ((), (("received", ("ezweb.ne.jp",)),), ())
    later = (("x",), (("received", ("mx.ezweb.ne.jp", ".au.com")), ("reply-to", ("ezweb.ne.jp",))), ())
    assert _spared(earlier, later) == (
        ("x",),
        (("received", (".au.com",)), ("reply-to", ("ezweb.ne.jp",))),
        (),
    )


def _report_pieces() -> list[str]:
    """The report-text markers, their shared phrases and the markers cut in two at each shared
    phrase (a phrase without its marker, a marker's ends without the phrase)."""
    from parsers.mta import _SHARED

    markers = sorted({m for d in GATED for m in getattr(d, "MARKERS", ())})
    pieces = [*markers, *_SHARED]
    for marker in markers:
        for key in _SHARED:
            at = marker.find(key)
            if at >= 0:
                pieces += [marker[:at], marker[at + len(key) :], marker[: at + len(key) - 1]]
    return [p for p in pieces if p]


_PIECES = _report_pieces()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=6), st.sampled_from(["", " ", "\n"]))
def test_shared_phrases_skip_only_absent_markers(pieces: list[str], glue: str) -> None:
    """Report texts made of the markers, the phrases they share and the markers cut at those
    phrases: candidates() (a marker holding a shared phrase searched only when the text holds
    the phrase) yields what the plain rule does."""
    raw = "From: someone@example.org\nSubject: hi\n\n" + glue.join(pieces) + "\n"
    mail = load(raw.encode())
    assert list(candidates(mail)) == _straightforward(mail)
