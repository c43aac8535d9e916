"""Attribution evidence: who sent the original, as plain data read from the returned message."""

from __future__ import annotations

import json
from pathlib import Path

from parsers import parse

FIXTURES = Path(__file__).parent / "fixtures"


def _raw(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def test_a_dsn_reports_the_originals_sender_evidence() -> None:
    found = parse(_raw("languages/es-account-disabled.eml")).attribution
    assert found is not None
    assert found.verp_local_part == "bounces+acme.t1"  # the original's Return-Path
    assert found.account == "acme"
    assert found.original_message_id == "<es-account-disabled@sender.example>"
    assert found.from_domain == "sender.example"
    assert found.mail_from_domain == "mail.sender.example"


def test_the_account_header_name_is_an_option() -> None:
    raw = _raw("languages/es-account-disabled.eml").replace(
        b"X-Bounceback-Account: acme", b"X-Sent-For: globex"
    )
    assert parse(raw).attribution.account is None  # type: ignore[union-attr]
    assert parse(raw, account_header="X-Sent-For").attribution.account == "globex"  # type: ignore[union-attr]


def test_a_complaint_reports_feedback_id_dkim_and_mail_from() -> None:
    found = parse(_raw("complaints/arf-opt-out.eml")).attribution
    assert found is not None
    assert found.feedback_id == "march:newsletter:acme-mail:acme"
    assert found.feedback_sender_id == "acme"
    assert found.dkim_domain == "acme.example"
    assert found.from_domain == "acme.example"
    assert found.mail_from_domain == "mail.sender.example"  # ARF Original-Mail-From
    assert found.verp_local_part == "bounces+acme.r1"


def test_a_text_bounce_reads_the_original_pasted_after_its_marker() -> None:
    found = parse(_raw("hardness/mail-from-stage.eml")).attribution
    assert found is not None
    assert found.original_message_id == "<mail-from-stage@mail.sender.example>"
    assert found.from_domain == "acme.example"


def test_the_reports_envelope_recipient_carries_the_verp_local_part() -> None:
    # Apple's unsubscribe mail comes back to the List-Unsubscribe mailto address: no original.
    found = parse(_raw("complaints/apple-unsubscribe.eml")).attribution
    assert found is not None and found.verp_local_part == "unsubscribe+acme.r1"
    assert found.original_message_id is None


def test_the_json_shape_carries_an_attribution_object() -> None:
    data = json.loads(json.dumps(parse(_raw("complaints/forwarded-attached.eml")).to_dict()))
    assert data["attribution"]["account"] == "acme"
    assert data["attribution"]["original_message_id"] == "<fwd-att@mail.sender.example>"
    assert json.loads(json.dumps(parse(b"Subject: hello\n\nhi\n").to_dict()))["attribution"] is None


def test_every_envelope_address_is_reported_whatever_its_separator() -> None:
    # The service's VERP separator may be '-': the parser reports every address a return path may
    # come back as (the original's Return-Path first, then the report's envelope recipients, then
    # the stated MAIL FROM), and leaves it to the service to know its own.
    found = parse(_raw("languages/es-account-disabled.eml")).attribution
    assert found is not None
    assert found.envelope_addresses == (
        "bounces+acme.t1@mail.sender.example",
        "bounces+x2@mail.sender.example",
    )
    raw = _raw("complaints/arf-opt-out.eml").replace(
        b"To: fbl@sender.example", b"To: Feedback <bounces-abc123@bounce.sender.example>, fbl@sender.example"
    )
    found = parse(raw).attribution
    assert found is not None
    assert found.envelope_addresses == (
        "bounces+acme.r1@mail.sender.example",  # the original's Return-Path, and the ARF MAIL FROM
        "bounces-abc123@bounce.sender.example",
        "fbl@sender.example",
    )
    assert parse(raw).to_dict()["attribution"]["envelope_addresses"] == list(found.envelope_addresses)
