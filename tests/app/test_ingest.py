"""The pipeline's storage and policy half, driven with constructed parse results (parser-independent)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from parsers.model import Event, ParseResult
from service.app import suppressions
from service.app.ingest import IngestResult, MessageTooLarge, ingest, ingest_parsed
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

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
SETTINGS = Settings(database_url="sqlite:///unused.db")


def soft(addr: str, status: str = "4.2.2", reason: str = "mailbox_full") -> Event:
    return Event(recipient=addr, type="bounce", classification="soft", reason=reason, status=status)


def hard(addr: str) -> Event:
    return Event(recipient=addr, type="bounce", classification="hard", reason="user_unknown", status="5.1.1")


def complaint(addr: str) -> Event:
    return Event(
        recipient=addr, type="complaint", classification="hard", reason="abuse", feedback_type="abuse"
    )


def auto_reply(addr: str) -> Event:
    return Event(recipient=addr, type="auto_reply", classification="ignored", reason="auto_reply")


def delay(addr: str) -> Event:
    return Event(recipient=addr, type="delay", classification="ignored", reason="delayed", action="delayed")


def feed(
    db: Database,
    tag: str,
    *events: Event,
    date: datetime | None = None,
    now: datetime = T0,
    settings: Settings = SETTINGS,
) -> IngestResult:
    """Ingest one distinct message (`tag` makes its bytes unique) that parses to `events`."""
    result = ParseResult(
        message_type="dsn" if events else "unknown",
        events=events,
        date=(date or now).isoformat(),
    )
    with db.transaction() as session:
        return ingest_parsed(session, f"message {tag}".encode(), f"test:{tag}", settings, result, now=now)


def state(db: Database, address: str) -> tuple[bool, str | None]:
    with db.transaction() as session:
        row = session.get(Recipient, (address, GLOBAL_SLOT))
        return (bool(row.suppressed), row.reason) if row else (False, None)


def count(db: Database, model: type) -> int:
    with db.transaction() as session:
        return int(session.execute(select(func.count()).select_from(model)).scalar_one())


def test_five_distinct_soft_bounces_suppress_and_four_do_not(database: Database) -> None:
    for i in range(4):
        r = feed(database, f"s{i}", soft("a@example.com"), date=T0 + timedelta(days=i))
        assert r.suppressions_added == ()
    assert state(database, "a@example.com") == (False, None)
    r = feed(database, "s4", soft("a@example.com"), date=T0 + timedelta(days=4), now=T0 + timedelta(days=5))
    assert r.suppressions_added == ("a@example.com",)
    assert state(database, "a@example.com") == (True, "soft_bounce_threshold")
    with database.transaction() as session:
        change = session.execute(select(SuppressionChange)).scalar_one()
        assert (change.change, change.reason, change.actor) == ("added", "soft_bounce_threshold", "policy")
        assert change.event_id == r.events[0]["id"]
        types = [o.ce_type for o in session.execute(select(OutboxEvent).order_by(OutboxEvent.id)).scalars()]
    assert types.count("bounceback.bounce.soft") == 5
    assert types[-1] == "bounceback.suppression.added"


def test_soft_bounces_outside_the_window_do_not_add_up(database: Database) -> None:
    for i in range(5):
        feed(
            database,
            f"s{i}",
            soft("w@example.com"),
            date=T0 + timedelta(days=10 * i),
            now=T0 + timedelta(days=60),
        )
    assert state(database, "w@example.com") == (False, None)


def test_no_window_counts_every_soft_bounce(database: Database) -> None:
    settings = Settings(database_url="sqlite:///unused.db", soft_bounce_window_days=0)
    for i in range(5):
        feed(
            database,
            f"s{i}",
            soft("w@example.com"),
            date=T0 + timedelta(days=100 * i),
            now=T0 + timedelta(days=500),
            settings=settings,
        )
    assert state(database, "w@example.com") == (True, "soft_bounce_threshold")


def test_a_redelivered_message_counts_nothing(database: Database) -> None:
    first = feed(database, "same", soft("r@example.com"))
    for _ in range(5):
        again = feed(database, "same", soft("r@example.com"))
        assert again.duplicate
        assert again.message_id == first.message_id
        assert again.outcome == "processed"
        assert [e["id"] for e in again.events] == [e["id"] for e in first.events]
    assert count(database, BounceEvent) == 1
    assert count(database, InboundMessage) == 1
    assert state(database, "r@example.com") == (False, None)


def test_two_events_for_one_address_in_one_message_count_once(database: Database) -> None:
    for i in range(4):
        feed(database, f"d{i}", soft("d@example.com"), soft("D@Example.com"))
    assert count(database, BounceEvent) == 8
    assert state(database, "d@example.com") == (False, None)


@pytest.mark.parametrize(("event", "reason"), [(hard, "hard_bounce"), (complaint, "complaint")])
def test_hard_bounces_and_complaints_suppress_at_once(database: Database, event, reason) -> None:  # type: ignore[no-untyped-def]
    r = feed(database, "h", event("<H@Example.COM>"), date=T0 - timedelta(days=3))
    assert r.suppressions_added == ("h@example.com",)
    with database.transaction() as session:
        row = session.get(Recipient, ("h@example.com", GLOBAL_SLOT))
        assert row is not None and row.suppressed and row.reason == reason
        assert row.since is not None and row.since.replace(tzinfo=UTC) == T0 - timedelta(days=3)
        assert row.source_event_id == r.events[0]["id"]
    # A second one changes nothing: no second audit row, no second announcement.
    feed(database, "h2", event("h@example.com"))
    assert count(database, SuppressionChange) == 1


def test_a_complaint_naming_nobody_is_recorded_but_suppresses_nothing(database: Database) -> None:
    # The parser reports an ARF report whose recipient was redacted entirely with a reserved
    # .invalid address; that must never become a suppression list entry.
    r = feed(database, "anon", complaint("undisclosed-recipient@unknown.invalid"))
    assert r.outcome == "processed" and len(r.events) == 1
    assert r.suppressions_added == ()
    assert state(database, "undisclosed-recipient@unknown.invalid") == (False, None)
    assert count(database, SuppressionChange) == 0


@pytest.mark.parametrize("event", [auto_reply, delay, lambda a: soft(a, "5.7.1", "blocked")])
def test_ignored_events_and_blocklist_rejections_never_suppress(database: Database, event) -> None:  # type: ignore[no-untyped-def]
    for i in range(6):
        r = feed(database, f"i{i}", event("i@example.com"))
        assert r.outcome == "processed"
    assert state(database, "i@example.com") == (False, None)
    assert count(database, SuppressionChange) == 0


def test_a_message_without_events_is_quarantined_with_a_reason(database: Database) -> None:
    r = feed(database, "human")
    assert r.outcome == "quarantined"
    assert r.quarantine_reason and "no events" in r.quarantine_reason
    again = feed(database, "human")
    assert again.duplicate and again.outcome == "quarantined"
    with database.transaction() as session:
        msg = session.execute(select(InboundMessage)).scalar_one()
        assert msg.outcome == "quarantined" and msg.raw == b"message human"
        out = session.execute(select(OutboxEvent)).scalar_one()
        assert out.ce_type == "bounceback.message.quarantined"
        assert out.data["message_id"] == r.message_id


def test_events_with_invalid_recipients_quarantine_the_message(database: Database) -> None:
    r = feed(database, "bad", hard("not an address"))
    assert r.outcome == "quarantined"
    assert r.quarantine_reason and "no usable recipient" in r.quarantine_reason


def test_oversized_input_is_refused_before_anything_is_stored(database: Database) -> None:
    settings = Settings(database_url="sqlite:///unused.db", max_message_bytes=1024)
    with pytest.raises(MessageTooLarge), database.transaction() as session:
        ingest(session, b"x" * 2000, "test", settings)
    assert count(database, InboundMessage) == 0


def test_removal_resets_the_soft_bounce_count(database: Database) -> None:
    for i in range(5):
        feed(database, f"s{i}", soft("x@example.com"), date=T0 + timedelta(hours=i))
    assert state(database, "x@example.com")[0]
    with database.transaction() as session:
        assert suppressions.remove(
            session, "x@example.com", note="fixed", actor="cli", now=T0 + timedelta(days=1)
        )
    # Old bounces (a backfill from before the removal) no longer act; four new ones are not enough.
    feed(database, "old", hard("x@example.com"), date=T0, now=T0 + timedelta(days=2))
    for i in range(4):
        feed(
            database,
            f"n{i}",
            soft("x@example.com"),
            date=T0 + timedelta(days=2, hours=i),
            now=T0 + timedelta(days=3),
        )
    assert state(database, "x@example.com") == (False, None)
    feed(
        database,
        "n4",
        soft("x@example.com"),
        date=T0 + timedelta(days=2, hours=5),
        now=T0 + timedelta(days=3),
    )
    assert state(database, "x@example.com") == (True, "soft_bounce_threshold")


def test_a_future_date_is_clamped_to_receipt(database: Database) -> None:
    r = feed(database, "f", hard("f@example.com"), date=T0 + timedelta(days=400))
    assert r.events[0]["occurred_at"] == "2026-03-01T12:00:00Z"


def test_the_real_parser_path_stores_unknown_mail_as_quarantined(database: Database) -> None:
    raw = b"From: friend@example.org\r\nSubject: hello\r\n\r\nJust saying hi.\r\n"
    with database.transaction() as session:
        r = ingest(session, raw, "test", SETTINGS)
    assert r.outcome == "quarantined"


def test_odd_parsed_text_is_stored_on_every_backend(database: Database) -> None:
    odd = Event(
        recipient="odd@example.com",
        type="bounce",
        classification="soft",
        reason="mailbox_full",
        status="4.2.2",
        action="failed " + "x" * 100,
        diagnostic="NUL \x00 and a lone surrogate \ud800 from a broken header",
        remote_mta="m" * 600,
    )
    result = ParseResult(
        message_type="dsn", events=(odd,), subject="sub\x00ject", message_id="<" + "i" * 2000 + ">"
    )
    with database.transaction() as session:
        r = ingest_parsed(session, b"odd message", "test", SETTINGS, result, now=T0)
    assert r.outcome == "processed"
    event = r.events[0]
    assert "\x00" not in event["diagnostic"] and "\ud800" not in event["diagnostic"]
    assert len(event["action"]) == 32 and len(event["remote_mta"]) == 512
    with database.transaction() as session:
        msg = session.execute(select(InboundMessage)).scalar_one()
        assert msg.subject == "sub\ufffdject" and len(msg.header_message_id or "") == 1000


def test_arrival_order_does_not_change_the_stored_outcome(database: Database) -> None:
    # The same ten soft bounces (five inside one week, five spread out) for two addresses, one fed
    # oldest first, the other newest first: both end suppressed, since the same date.
    days = [0, 1, 2, 3, 4, 40, 80, 120, 160, 200]
    for i, day in enumerate(days):
        feed(
            database,
            f"fwd{i}",
            soft("fwd@example.com"),
            date=T0 + timedelta(days=day),
            now=T0 + timedelta(days=300),
        )
    for i, day in reversed(list(enumerate(days))):
        feed(
            database,
            f"rev{i}",
            soft("rev@example.com"),
            date=T0 + timedelta(days=day),
            now=T0 + timedelta(days=300),
        )
    with database.transaction() as session:
        fwd = session.get(Recipient, ("fwd@example.com", GLOBAL_SLOT))
        rev = session.get(Recipient, ("rev@example.com", GLOBAL_SLOT))
        assert fwd is not None and rev is not None
        assert (fwd.suppressed, fwd.reason, fwd.since) == (rev.suppressed, rev.reason, rev.since)
        assert fwd.suppressed and fwd.since is not None
        assert fwd.since.replace(tzinfo=UTC) == T0 + timedelta(days=4)


def test_figures_count_committed_work_only(database: Database) -> None:
    from prometheus_client import REGISTRY

    def added() -> float:
        return (
            REGISTRY.get_sample_value("bounceback_suppressions_added_total", {"reason": "hard_bounce"}) or 0.0
        )

    before = added()
    with pytest.raises(RuntimeError), database.transaction() as session:
        ingest_parsed(
            session, b"rolled back", "test", SETTINGS, ParseResult("dsn", (hard("rb@example.com"),))
        )
        raise RuntimeError("the caller fails after ingesting")
    assert added() == before
    assert state(database, "rb@example.com") == (False, None)
    feed(database, "kept", hard("rb@example.com"))
    assert added() == before + 1
