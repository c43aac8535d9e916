"""Real messages through the real parser and the whole pipeline, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from service.app.ingest import ingest_message
from service.config import Settings
from service.store.db import Database
from service.store.models import (
    GLOBAL_SLOT,
    BounceEvent,
    InboundMessage,
    OutboxEvent,
    Recipient,
    SuppressionChange,
)
from tests import core_samples as samples

SETTINGS = Settings(database_url="sqlite:///unused.db")
DAY = timedelta(days=1)
BASE = datetime.now(UTC) - 20 * DAY  # inside the default 30-day window of today


def suppressed(db: Database, address: str) -> tuple[bool, str | None]:
    with db.transaction() as session:
        row = session.get(Recipient, (address, GLOBAL_SLOT))
        return (bool(row.suppressed), row.reason) if row else (False, None)


def rows(db: Database, model: type) -> int:
    with db.transaction() as session:
        return int(session.execute(select(func.count()).select_from(model)).scalar_one())


def test_five_distinct_soft_bounces_suppress_and_four_do_not(database: Database) -> None:
    for i in range(4):
        r = ingest_message(
            database, samples.soft_bounce("Soft@Example.com", f"s{i}", BASE + i * DAY), "test", SETTINGS
        )
        assert r.outcome == "processed" and r.events[0]["classification"] == "soft"
    assert suppressed(database, "soft@example.com") == (False, None)
    r = ingest_message(
        database, samples.soft_bounce("soft@example.com", "s4", BASE + 4 * DAY), "test", SETTINGS
    )
    assert r.suppressions_added == ("soft@example.com",)
    assert suppressed(database, "soft@example.com") == (True, "soft_bounce_threshold")
    with database.transaction() as session:
        entry = session.get(Recipient, ("soft@example.com", GLOBAL_SLOT))
        assert entry is not None and entry.since is not None
        # `since` is the fifth bounce's own date, not the time it was ingested.
        assert entry.since.replace(tzinfo=UTC) == (BASE + 4 * DAY).replace(microsecond=0)


def test_a_redelivered_copy_counts_nothing(database: Database) -> None:
    raw = samples.soft_bounce("again@example.com", "once", BASE)
    first = ingest_message(database, raw, "test", SETTINGS)
    for _ in range(6):
        copy = ingest_message(database, raw, "test", SETTINGS)
        assert copy.duplicate and copy.message_id == first.message_id and copy.suppressions_added == ()
    assert suppressed(database, "again@example.com") == (False, None)
    assert rows(database, BounceEvent) == 1


@pytest.mark.parametrize(
    ("build", "reason"), [(samples.hard_bounce, "hard_bounce"), (samples.complaint, "complaint")]
)
def test_hard_bounces_and_complaints_suppress_at_once(database: Database, build, reason) -> None:  # type: ignore[no-untyped-def]
    r = ingest_message(database, build("now@example.com"), "test", SETTINGS)
    assert r.suppressions_added == ("now@example.com",)
    assert suppressed(database, "now@example.com") == (True, reason)
    with database.transaction() as session:
        change = session.execute(select(SuppressionChange)).scalar_one()
        assert change.event_id == r.events[0]["id"] and change.actor == "policy"
        types = [o.ce_type for o in session.execute(select(OutboxEvent).order_by(OutboxEvent.id)).scalars()]
    assert types[-1] == "bounceback.suppression.added"
    assert types[0] == ("bounceback.bounce.hard" if reason == "hard_bounce" else "bounceback.complaint")


@pytest.mark.parametrize("build", [samples.auto_reply, samples.delay_warning, samples.blocklist_rejection])
def test_auto_replies_delays_and_blocklist_rejections_never_suppress(database: Database, build) -> None:  # type: ignore[no-untyped-def]
    for i in range(6):
        r = ingest_message(database, build("keep@example.com", f"k{i}", BASE + i * DAY), "test", SETTINGS)
        assert r.outcome == "processed"
    assert suppressed(database, "keep@example.com") == (False, None)
    assert rows(database, SuppressionChange) == 0


def test_announced_event_data_follows_the_contract(database: Database) -> None:
    r = ingest_message(
        database, samples.hard_bounce("data@example.com", "x", BASE), "imap://mx/INBOX;UID=7", SETTINGS
    )
    with database.transaction() as session:
        bounce = session.execute(
            select(OutboxEvent).where(OutboxEvent.ce_type == "bounceback.bounce.hard")
        ).scalar_one()
    assert bounce.subject == "data@example.com"
    assert set(bounce.data) == {
        "event_id", "message_id", "recipient", "type", "classification", "reason", "status", "smtp_code",
        "diagnostic", "remote_mta", "action", "feedback_type", "original_message_id", "original_mail_from",
        "occurred_at", "source", "account", "attributed_by",
    }  # fmt: skip
    assert (bounce.data["account"], bounce.data["attributed_by"], bounce.account_id) == (None, None, None)
    assert bounce.data["event_id"] == r.events[0]["id"]
    assert bounce.data["message_id"] == r.message_id
    assert bounce.data["status"] == "5.1.1"
    assert bounce.data["source"] == "imap://mx/INBOX;UID=7"
    assert bounce.data["occurred_at"] == BASE.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def test_human_mail_is_kept_as_quarantined(database: Database) -> None:
    r = ingest_message(database, samples.human_mail(), "test", SETTINGS)
    assert r.outcome == "quarantined" and r.quarantine_reason
    with database.transaction() as session:
        msg = session.execute(select(InboundMessage)).scalar_one()
        assert msg.raw == samples.human_mail() and msg.quarantine_reason == r.quarantine_reason


def test_a_backfill_of_old_mail_is_judged_as_it_happened(database: Database) -> None:
    # Five soft bounces a year ago, spread over 100 days: never five inside 30 days.
    old = datetime.now(UTC) - 365 * DAY
    for i in range(5):
        ingest_message(
            database, samples.soft_bounce("old@example.com", f"o{i}", old + 25 * i * DAY), "test", SETTINGS
        )
    assert suppressed(database, "old@example.com") == (False, None)
    # Five inside one week a year ago (arriving newest first): suppressed, dated when it happened.
    for i in reversed(range(5)):
        ingest_message(
            database, samples.soft_bounce("week@example.com", f"w{i}", old + i * DAY), "test", SETTINGS
        )
    assert suppressed(database, "week@example.com") == (True, "soft_bounce_threshold")
