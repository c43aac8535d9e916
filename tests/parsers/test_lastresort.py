"""flufl.bounce as the recipient extractor of last resort (parsers.lastresort).

Each fixture in fixtures/lastresort/ is written in the style of one of flufl.bounce's detectors.
The extractor is run on it directly (our own detectors bypassed): it must find the fixture's
recipient, whichever reader answers in `parse` (test_fixtures checks that). Where no reader of ours
finds anybody, `parse` names flufl.bounce as the detector. Ordinary mail, list mail, replies and
Amazon SES's JSON notifications give nobody.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parsers import lastresort, parse
from parsers.fallback import is_failure_report
from parsers.mail import load

HERE = Path(__file__).parent
STYLES = sorted(p for p in (HERE / "fixtures" / "lastresort").glob("*.eml") if not p.name.startswith("not-a"))
NOT_BOUNCES = [
    *sorted((HERE / "fixtures" / "lastresort").glob("not-a-*.eml")),
    *sorted((HERE / "fixtures" / "human").glob("*.eml")),
    HERE / "fixtures" / "complaints" / "list-mail-not-a-complaint.eml",
    HERE / "fixtures" / "complaints" / "human-forward-not-a-complaint.eml",
    *sorted((HERE / "mta" / "fixtures" / "amazonses").glob("*.eml")),
]


def expected_recipients(case: Path) -> list[str]:
    want = json.loads(case.with_suffix(".json").read_text(encoding="utf-8"))
    return [e["recipient"] for e in want["events"]]


def extract(raw: bytes) -> list[str]:
    return [d.recipient for d in lastresort.inquire(load(raw), raw) or []]


@pytest.mark.parametrize("case", STYLES, ids=[c.stem for c in STYLES])
def test_the_extractor_finds_the_recipient_of_each_style(case: Path) -> None:
    raw = case.read_bytes()
    assert extract(raw) == expected_recipients(case)


def test_it_finds_recipients_no_reader_of_ours_finds() -> None:
    only_flufl = [c.stem for c in STYLES if parse(c.read_bytes()).detector == lastresort.NAME]
    # (a floor, not a list: a reader of ours may learn a style later, and then it answers first)
    assert len(only_flufl) >= 8, only_flufl


@pytest.mark.parametrize("case", NOT_BOUNCES, ids=[f"{c.parent.name}/{c.stem}" for c in NOT_BOUNCES])
def test_it_finds_nobody_in_mail_that_is_no_failure_report(case: Path) -> None:
    assert extract(case.read_bytes()) == []


def test_what_flufl_reads_in_an_ses_notification_is_no_address() -> None:
    # flufl.bounce's heuristics take JSON text for addresses in SES's notifications (in the
    # bounded copy, where long lines are cut, or whole); the checks throw those away even where
    # the failure-report gate would have let the message through.
    case = HERE / "mta" / "fixtures" / "amazonses" / "sns-bounce.eml"
    raw = case.read_bytes()
    temporary, permanent = lastresort.failures(load(raw).message)
    assert temporary or permanent  # (what it reads: not addresses)
    assert lastresort.checked(load(raw), [*temporary, *permanent]) == []
    temporary, permanent = lastresort.failures(lastresort.bounded_copy(raw))
    assert lastresort.checked(load(raw), [*temporary, *permanent]) == []


REPORT = (
    b"Return-Path: <>\nFrom: Mail Delivery Subsystem <MAILER-DAEMON@mx.dest.example>\n"
    b"To: bounces@sender.example\nSubject: Returned mail\n\n"
    b"Your message to the following could not be delivered, %s, mailbox unknown,\n"
    b"please check it.\n"
)


@pytest.mark.parametrize(
    "candidate",
    [
        "bounces@sender.example",  # the report's own addressee (the original's return path)
        "mailer-daemon@mx.dest.example",  # its own sender
        "postmaster@dest.example",  # a daemon
        "someone@elsewhere.example",  # not written in the report
        '"bounce":{"bouncetype":"permanent"}@x.example',  # not an address
        "no-at-sign",
    ],
)
def test_a_candidate_that_fails_a_check_is_dropped(candidate: str) -> None:
    raw = REPORT % b"bounces@sender.example, postmaster@dest.example"
    assert lastresort.checked(load(raw), [candidate]) == []


def test_a_written_address_passes_the_checks() -> None:
    raw = REPORT % b"gone@dest.example"
    assert lastresort.checked(load(raw), ["gone@dest.example"]) == [
        ("gone@dest.example", "gone@dest.example")
    ]
    assert extract(raw) == ["gone@dest.example"]


def test_a_bare_name_counts_only_with_the_reporting_systems_domain() -> None:
    raw = REPORT % b"gone"
    mail = load(raw)
    assert lastresort.checked(mail, ["gone@dest.example"]) == [("gone@dest.example", "gone")]
    assert lastresort.checked(mail, ["gone@other.example"]) == []
    assert lastresort.checked(mail, ["gon@dest.example"]) == []  # (part of a word is no name)


def test_a_warning_is_a_delay_never_a_bounce() -> None:
    case = HERE / "fixtures" / "lastresort" / "simplewarning-message-switch.eml"
    raw = case.read_bytes()
    assert [d.action for d in lastresort.inquire(load(raw), raw) or []] == ["delayed"]
    assert [(e.type, e.classification) for e in parse(raw).events] == [("delay", "ignored")]


@pytest.mark.parametrize(
    ("headers", "failure"),
    [
        # (the null sender alone, on a text that states no failure: no report, see below)
        (b"Return-Path: <>\nFrom: Jo <jo@a.example>\nSubject: hello\n", False),
        (b"From: MAILER-DAEMON@a.example\nSubject: hello\n", True),  # a daemon
        (b"From: Jo <jo@a.example>\nSubject: Unzustellbar: Newsletter\n", True),  # a failure subject
        (b"From: Jo <jo@a.example>\nSubject: =?utf-8?b?7KCE7IahIOyLpO2MqA==?=\n", True),  # Korean
        (b"From: Jo <jo@a.example>\nSubject: Re: Undeliverable: Newsletter\n", False),  # a reply
        (b"From: Jo <jo@a.example>\nSubject: Returned mail\nIn-Reply-To: <a@b>\n", False),
        (b"From: Jo <jo@a.example>\nSubject: Returned mail\nList-Id: <l.a.example>\n", False),  # a list post
        (b"From: Jo <jo@a.example>\nSubject: Lunch?\n", False),
    ],
)
def test_what_counts_as_a_failure_report(headers: bytes, failure: bool) -> None:
    assert is_failure_report(load(headers + b"\nbody\n")) is failure


@pytest.mark.parametrize(
    ("body", "failure"),
    [
        (b"Your message to ann@b.example could not be delivered.\n", True),
        (b"550 5.1.1 ann@b.example\n", True),
        (b"Die Nachricht an ann@b.example konnte nicht zugestellt werden.\n", True),
        (b"Thank you, we received your request. Support: help@b.example\n", False),
        (b"I am on leave until Monday; please write to desk@b.example\n", False),
    ],
)
def test_the_null_sender_makes_a_report_of_a_text_that_states_a_failure(body: bytes, failure: bool) -> None:
    # (help desks and vacation programs answer with the null sender too, RFC 3834)
    raw = b"Return-Path: <>\nFrom: Desk <desk@b.example>\nSubject: Your request\n\n" + body
    assert is_failure_report(load(raw)) is failure


def test_a_disposition_notification_is_no_failure_report() -> None:
    # (RFC 8098: what the reader's client did with the message, never its delivery)
    raw = (
        b"Return-Path: <>\nFrom: edi@b.example\nSubject: MDN\nMIME-Version: 1.0\n"
        b'Content-Type: multipart/report; report-type=disposition-notification; boundary="x"\n\n'
        b"--x\nContent-Type: text/plain\n\nThe message could not be processed.\n"
        b"--x\nContent-Type: message/disposition-notification\n\n"
        b"Final-Recipient: rfc822; edi@b.example\nDisposition: automatic-action/MDN-sent-automatically; processed/error\n"
        b"--x--\n"
    )
    assert is_failure_report(load(raw)) is False


def test_flufl_bounce_is_not_asked_about_mail_that_is_no_failure_report() -> None:
    # A person's mail whose words flufl.bounce's LLNL detector would read as a failed address.
    raw = b"From: Jo <jo@a.example>\nTo: team@a.example\nSubject: Lunch?\n\nI asked Ann, ann@b.example, to come.\n"
    _temporary, permanent = lastresort.failures(lastresort.bounded_copy(raw))
    assert permanent  # (what flufl.bounce alone would say)
    assert extract(raw) == []
    assert parse(raw).events == ()


def test_a_from_without_an_address_does_not_stop_flufl_bounce() -> None:
    # (its Yale detector indexes the From's first address: an IndexError without one)
    raw = b"Subject: Returned mail\nReturn-Path: <>\n\nHi. This is the qmail-send program.\n\n<a@b.example>:\nno mailbox here by that name\n"
    msg = lastresort.bounded_copy(raw)
    assert msg["From"] == "<>"
    lastresort.failures(msg)  # does not raise


def test_a_charset_that_names_no_codec_does_not_stop_flufl_bounce() -> None:
    # (the email package lets a charset name holding a NUL raise ValueError while it decodes)
    raw = (
        b"From: MAILER-DAEMON@mx.example\nSubject: Returned mail\n"
        b'Content-Type: text/plain; charset="utf\x00-8"\n\n'
        b"Failed addresses follow:\n gone@dest.example ... unknown user \xff\n"
    )
    lastresort.failures(lastresort.bounded_copy(raw))  # does not raise
    assert [e.recipient for e in parse(raw).events] == ["gone@dest.example"]
