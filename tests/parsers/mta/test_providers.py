"""The mailbox-provider detectors and the remote-host reason rules against our own fixtures.

Each `fixtures/<provider>/<name>.eml` is written from the provider's format description, and
`<name>.json` names the detector the registry must pick first and the events `parsers.parse` must
report, in order; only the fields an expected event names are compared.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

import pytest

from parsers import parse
from parsers.delivery import Delivery
from parsers.mail import load
from parsers.mta import DETECTOR_MODULES, DETECTORS
from parsers.reasons.providers import reason as rhost_reason

FIXTURES = Path(__file__).parent / "fixtures"
PROVIDER_MODULES = (
    "amazonses", "amazonworkmail", "aol", "bigfoot", "biglobe", "einsundeins", "ezweb", "facebook",
    "gmail", "gmx", "googlegroups", "gsuite", "kddi", "mailru", "office365", "outlook",
    "receivingses", "sendgrid", "verizon", "yahoo", "yandex", "zoho",
)  # fmt: skip
CASES = sorted(c for m in PROVIDER_MODULES for c in (FIXTURES / m).glob("*.eml"))
PROVIDERS = [m for m in DETECTORS if m.__name__.rpartition(".")[2] in PROVIDER_MODULES]
IDS = [f"{c.parent.name}/{c.stem}" for c in CASES]


def _expected(case: Path) -> dict[str, Any]:
    return json.loads(case.with_suffix(".json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_detector_finds_every_recipient(case: Path) -> None:
    module = importlib.import_module(f"parsers.mta.{case.parent.name}")
    found = module.inquire(load(case.read_bytes()))
    assert found, "the detector did not recognise its own format"
    assert [d.recipient for d in found] == [e["recipient"] for e in _expected(case)["events"]]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_registry_picks_the_provider(case: Path) -> None:
    mail = load(case.read_bytes())
    first = next((m.NAME for m in DETECTORS if m.inquire(mail)), None)
    assert first == _expected(case)["detector"]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_parse_reports_expected_events(case: Path) -> None:
    events = parse(case.read_bytes()).events
    expected = _expected(case)["events"]
    assert [e.recipient for e in events] == [w["recipient"] for w in expected]
    for event, want in zip(events, expected, strict=True):
        for name, value in want.items():
            assert getattr(event, name) == value, f"{event.recipient}: {name}"


def test_every_provider_is_registered_before_the_mta_software() -> None:
    assert set(PROVIDER_MODULES) <= set(DETECTOR_MODULES)
    assert {c.parent.name for c in CASES} == set(PROVIDER_MODULES)
    # Providers run MTA software (Yandex is Postfix, Mail.ru is Exim): they must be tried first.
    assert DETECTOR_MODULES.index("yandex") < DETECTOR_MODULES.index("postfix")
    assert DETECTOR_MODULES.index("mailru") < DETECTOR_MODULES.index("exim")


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_detectors_survive_damaged_copies(case: Path) -> None:
    raw = case.read_bytes()
    damaged = (raw[: len(raw) // 2], raw.replace(b"\n", b"\r\n"), raw.replace(b"@", b""), b"\xff" + raw[7:])
    for copy in damaged:
        mail = load(copy)
        for module in PROVIDERS:
            found = module.inquire(mail)
            assert found is None or all("@" in d.recipient for d in found)


def test_crlf_copy_reads_the_same() -> None:
    for case in CASES:
        raw = case.read_bytes()
        lf = [(e.recipient, e.classification) for e in parse(raw).events]
        crlf = [(e.recipient, e.classification) for e in parse(raw.replace(b"\n", b"\r\n")).events]
        assert lf == crlf, case.name


def test_human_mail_about_google_is_not_a_bounce() -> None:
    raw = (
        b"From: Alice <alice@example.org>\nTo: bob@example.com\nSubject: Delivery Status Notification\n\n"
        b"Delivery to the following recipient failed permanently:\n\n     carol@example.net\n\nsorry!\n"
    )
    mail = load(raw)
    assert all(m.inquire(mail) is None for m in PROVIDERS)


# --- remote-host vocabulary ------------------------------------------------------------------------


def _delivery(
    diagnostic: str, status: str | None = None, host: str | None = None, rcpt: str = "a@example.net"
) -> Delivery:
    return Delivery(recipient=rcpt, status=status, diagnostic=diagnostic, remote_mta=host)


RHOST_CASES = [
    # Exchange Online refuses an address missing from the tenant with 5.4.1 "Access denied".
    (
        _delivery(
            "550 5.4.1 Recipient address rejected: Access denied. [x.prod.protection.outlook.com]",
            "5.4.1",
            "example-com.mail.protection.outlook.com",
        ),
        "user_unknown",
    ),
    (
        _delivery("550 5.4.1 Relay Access Denied", "5.4.1", "example-com.mail.protection.outlook.com"),
        "no_relaying",
    ),
    (
        _delivery(
            "550 5.7.606 Access denied, banned sending IP [192.0.2.1]",
            "5.7.606",
            "x.mail.protection.outlook.com",
        ),
        "blocked",
    ),
    # The same sentence seen through any relay: Microsoft's wording alone is enough.
    (
        _delivery("550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup"),
        "user_unknown",
    ),
    (
        _delivery(
            "550-5.2.1 The email account that you tried to reach is disabled.",
            "5.2.1",
            "gmail-smtp-in.l.google.com",
        ),
        "account_disabled",
    ),
    (
        _delivery(
            "550-5.7.1 Our system has detected that this message is likely unsolicited mail.",
            "5.7.1",
            "aspmx.l.google.com",
        ),
        "spam_detected",
    ),
    (
        _delivery(
            "554 delivery error: dd This user doesn't have a yahoo.com account",
            "5.0.0",
            "mta7.am0.yahoodns.net",
        ),
        "user_unknown",
    ),
    (
        _delivery(
            "554 30 Sorry, your message cannot be delivered. This mailbox is disabled (554.30)",
            None,
            "mx-aol.mail.gm0.yahoodns.net",
        ),
        "account_disabled",
    ),
    (
        _delivery("550 5.1.6 recipient no longer on server: a@icloud.com", "5.1.6", "mx01.mail.icloud.com"),
        "has_moved",
    ),
    (_delivery("554 5.7.1 AUP#CXBL 192.0.2.1 blocked", "5.7.1", "cxr.mx.a.cox.net"), "blocked"),
    (_delivery("550 5.1.1 recipient rejected", "5.1.1", None, "x@cox.net"), "user_unknown"),
    (
        _delivery("421 4.7.0 AUP#I-1330 too many connections", "4.7.0", None, "x@charter.net"),
        "too_many_connections",
    ),
    (
        _delivery("550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506]", "5.2.0", "smtp-in.orange.fr"),
        "spam_detected",
    ),
    (
        _delivery(
            "550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. LPN007_416",
            "5.1.1",
            None,
            "x@laposte.net",
        ),
        "user_unknown",
    ),
    (
        _delivery(
            "554 192.0.2.1 has sent to too many recipients this hour. IB607", "5.0.0", "smtp.secureserver.net"
        ),
        "rate_limited",
    ),
    (_delivery("550 : User unknown", "5.0.0", "lsean.ezweb.ne.jp"), "filtered"),
    (_delivery("550 <x@ezweb.ne.jp>: User unknown", "5.0.0", "lsean.ezweb.ne.jp"), "user_unknown"),
    (_delivery("550 Unknown user x@docomo.ne.jp", "5.2.0", "mfsmax.docomo.ne.jp"), "filtered"),
    (_delivery("550 Mailbox not found or access denied", "5.0.0", "mx3.qq.com"), "user_unknown"),
    (
        _delivery(
            "550 Invalid Recipient - https://community.mimecast.com/docs",
            "5.0.0",
            "eu-smtp-inbound-1.mimecast.com",
        ),
        "user_unknown",
    ),
    (
        _delivery("DNS Error: DNS type 'mx' lookup of example.invalid responded with code SERVFAIL", "4.0.0"),
        "network_error",
    ),
    (_delivery("550 https://mail.i.ua/err/2/", "5.0.0", "mx.email.ua"), "user_unknown"),
    (
        _delivery("554 delivery error: dd someone@yahoo.com is no longer valid. [-20]", "5.0.0"),
        "account_disabled",
    ),
    # Exchange Online's directory-based edge blocking: Microsoft documents 5.7.504's address as not
    # valid, the same refusal as 5.4.1's
    (_delivery("550 5.7.504 Recipient address rejected: Access denied", "5.7.504"), "user_unknown"),
    # Facebook refuses by the recipient's preferences with 5.1.1: not an unknown address.
    (
        _delivery(
            "550 5.1.1 RCP-P2 http://postmaster.facebook.com/response_codes", "5.1.1", "mx.facebook.com"
        ),
        "filtered",
    ),
]


@pytest.mark.parametrize(
    ("delivery", "expected"), RHOST_CASES, ids=[c[1] + f"-{i}" for i, c in enumerate(RHOST_CASES)]
)
def test_remote_host_vocabulary(delivery: Delivery, expected: str) -> None:
    assert rhost_reason(delivery) == expected


@pytest.mark.parametrize(
    "delivery",
    [
        _delivery("550 5.1.1 <a@example.net>... User Unknown", "5.1.1", "mx.example.net"),
        _delivery("552 5.2.2 Mailbox full", "5.2.2", "mx.example.org"),
        _delivery("", None, "aspmx.l.google.com"),
        # (Google's NXDOMAIN: the domain does not exist, the generic table's host_unknown, whichever
        # reader takes the report)
        _delivery("DNS Error: DNS type 'mx' lookup of example.invalid responded with code NXDOMAIN", "4.0.0"),
        Delivery(recipient="a@example.net"),
    ],
)
def test_unknown_hosts_are_left_to_the_generic_table(delivery: Delivery) -> None:
    assert rhost_reason(delivery) is None
