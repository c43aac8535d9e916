"""The MTA-software text detectors against our own fixtures (one folder per detector module).

Each `fixtures/<module>/<name>.eml` is a message written from the format's description, and
`<name>.json` lists the deliveries the detector must return, in order (only the fields a fixture
names are compared), the detector the registry must pick first, and the events `parsers.parse`
must report (there is no "expected to fail": a gap is a failure or the documented expected
output). The mailbox-provider fixtures in the same folder have their own test.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers import parse
from parsers.mail import load
from parsers.mta import DETECTOR_MODULES, DETECTORS

FIXTURES = Path(__file__).parent / "fixtures"
# Detector modules for MTA software and filtering appliances (the providers are tested apart).
MTA_MODULES = (
    "activehunter", "amavis", "apachejames", "barracuda", "courier", "domino", "dragonfly",
    "exchange2003", "exchange2007", "exim", "fml", "imailserver", "interscanmss",
    "mailfoundry", "mailmarshalsmtp", "mcafee", "messagelabs", "messagingserver", "mfilter", "mimecast",
    "mxlogic", "notes", "opensmtpd", "postfix", "powermta", "qmail", "sendmail", "surfcontrol",
    "v5sendmail", "x1", "x2", "x3", "x5", "x6",
)  # fmt: skip
CASES = sorted(c for m in MTA_MODULES for c in (FIXTURES / m).glob("*.eml"))
IDS = [f"{c.parent.name}/{c.stem}" for c in CASES]


def _expected(case: Path) -> dict[str, Any]:
    return json.loads(case.with_suffix(".json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_detector_reads_fixture(case: Path) -> None:
    module = importlib.import_module(f"parsers.mta.{case.parent.name}")
    found = module.inquire(load(case.read_bytes()))
    expected = _expected(case)["deliveries"]
    assert found, "the detector did not recognise its own format"
    assert [d.recipient for d in found] == [e["recipient"] for e in expected]
    for delivery, want in zip(found, expected, strict=True):
        for name, value in want.items():
            if name == "diagnostic_contains":
                assert value in (delivery.diagnostic or ""), delivery.diagnostic
            else:
                assert getattr(delivery, name) == value, f"{delivery.recipient}: {name}"


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_registry_picks_the_format(case: Path) -> None:
    mail = load(case.read_bytes())
    first = next((m.NAME for m in DETECTORS if m.inquire(mail)), None)
    assert first == _expected(case)["detector"]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_parse_classifies_fixture(case: Path) -> None:
    # (no way to mark a known gap: a fixture's .json says what the parser reports, and a gap is
    # either fixed or written down there as the expected output, with its description)
    assert set(_expected(case)) <= {"description", "deliveries", "detector", "events"}
    result = parse(case.read_bytes())
    got = [(e.recipient, e.classification) for e in result.events]
    want = [(e["recipient"], e["classification"]) for e in _expected(case)["events"]]
    assert got == want


def test_every_module_is_registered_and_has_fixtures() -> None:
    assert set(MTA_MODULES) <= set(DETECTOR_MODULES)
    assert {c.parent.name for c in CASES} == set(MTA_MODULES)


HUMAN_MAIL = (
    b"From: Alice <alice@example.org>\r\nTo: bob@example.com\r\nSubject: lunch\r\n\r\n"
    b"Hi Bob, the mail system at host example.org was slow today.\r\n"
    b"<carol@example.org>: shall we invite her?\r\n"
)


@pytest.mark.parametrize("name", MTA_MODULES)
def test_detectors_ignore_human_mail(name: str) -> None:
    module = importlib.import_module(f"parsers.mta.{name}")
    assert module.inquire(load(HUMAN_MAIL)) is None


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_detectors_never_raise_on_garbage(raw: bytes) -> None:
    mail = load(b"Subject: Undelivered Mail Returned to Sender\r\nFrom: Mail Delivery System\r\n\r\n" + raw)
    for name in MTA_MODULES:
        result = importlib.import_module(f"parsers.mta.{name}").inquire(mail)  # (raises: fails)
        assert result is None or (result and all(d.recipient for d in result))
