"""Building the CloudEvents binary-mode record for an outbox row (no broker, no database)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

from service.app.cloudevents import to_kafka_record, to_structured
from service.domain.times import iso_z
from service.store.models import OutboxEvent


def row(subject: str | None, created_at: datetime) -> OutboxEvent:
    return OutboxEvent(
        ce_id="6f1c2b8e-0000-4000-8000-000000000001",
        ce_type="bounceback.suppression.added",
        subject=subject,
        data={"reason": "manual", "address": subject, "note": "é"},
        created_at=created_at,
    )


def test_time_is_utc_with_z_whatever_the_database_returned() -> None:
    aware = datetime(2026, 11, 23, 3, 4, 5, 123000, tzinfo=timezone(timedelta(hours=2)))
    naive_utc = datetime(2026, 11, 23, 1, 4, 5, 123000)  # how SQLite hands it back
    assert iso_z(aware) == "2026-11-23T01:04:05.123000Z"
    assert iso_z(naive_utc) == "2026-11-23T01:04:05.123000Z"
    assert iso_z(datetime(2026, 1, 2, tzinfo=UTC)) == "2026-01-02T00:00:00Z"


def test_key_is_the_lower_cased_subject_and_value_is_stable_json() -> None:
    first = to_kafka_record(row("Mixed.Case@Example.COM", datetime(2026, 11, 23, tzinfo=UTC)), "eu-1")
    assert first.key == b"mixed.case@example.com"
    headers = dict(first.headers)
    assert headers["ce_subject"] == b"Mixed.Case@Example.COM", "the subject itself is not altered"
    assert headers["ce_source"] == b"bounceback/eu-1"
    assert json.loads(first.value) == {"reason": "manual", "address": "Mixed.Case@Example.COM", "note": "é"}
    again = to_kafka_record(row("Mixed.Case@Example.COM", datetime(2026, 11, 23, tzinfo=UTC)), "eu-1")
    assert again.value == first.value, "the same event always has the same bytes"


def test_event_without_subject_has_no_key_and_no_subject_header() -> None:
    record = to_kafka_record(row(None, datetime(2026, 11, 23, tzinfo=UTC)), "default")
    assert record.key is None
    assert [name for name, _ in record.headers] == [
        "ce_specversion",
        "ce_id",
        "ce_type",
        "ce_source",
        "ce_time",
        "content-type",
    ]


def test_structured_form_carries_the_same_attributes() -> None:
    event = to_structured(row("a@example.com", datetime(2026, 11, 23, tzinfo=UTC)), "default")
    assert event["specversion"] == "1.0"
    assert event["subject"] == "a@example.com"
    assert event["time"] == "2026-11-23T00:00:00Z"
    assert event["datacontenttype"] == "application/json"
    assert event["data"]["reason"] == "manual"


def test_the_account_travels_as_the_bouncebackaccount_extension() -> None:
    scoped = row("a@example.com", datetime(2026, 11, 23, tzinfo=UTC))
    scoped.account_id = "shop-a"
    headers = dict(to_kafka_record(scoped, "default").headers)
    assert headers["ce_bouncebackaccount"] == b"shop-a"
    assert to_structured(scoped, "default")["bouncebackaccount"] == "shop-a"
    # None: the attribute is left out (CloudEvents has no null attribute values).
    unscoped = dict(
        to_kafka_record(row("a@example.com", datetime(2026, 11, 23, tzinfo=UTC)), "default").headers
    )
    assert "ce_bouncebackaccount" not in unscoped
