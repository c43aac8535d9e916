"""The one outbox writer: rows in the caller's transaction, and a commit that wrote some wakes the relay."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, update

from service.app.ingest import ingest_many, ingest_message
from service.config import Settings
from service.domain.event_types import BOUNCE_HARD
from service.store import outbox
from service.store.db import Database
from service.store.models import OutboxEvent
from service.store.outbox import Announcement
from tests import core_samples as samples

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


class Relay:
    """Counts its wake-ups, as OutboxRelay.wake would cut its idle wait short."""

    def __init__(self) -> None:
        self.woken = 0

    def wake(self) -> None:
        self.woken += 1


def rows(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(OutboxEvent)) or 0)


def test_rows_are_written_in_order_and_a_commit_wakes_the_relay(database: Database) -> None:
    relay = Relay()
    outbox.wake_on_commit(relay)
    with database.transaction() as session:
        ids = outbox.write(
            session,
            [Announcement(BOUNCE_HARD, f"a{i}@example.com", {"n": i}) for i in range(3)],
            now=NOW,
        )
        assert relay.woken == 0, "not before the commit"
    assert relay.woken == 1
    with database.session() as session:
        stored = list(session.scalars(select(OutboxEvent).order_by(OutboxEvent.id)))
    assert [r.ce_id for r in stored] == ids
    assert [r.data for r in stored] == [{"n": 0}, {"n": 1}, {"n": 2}]


def test_a_rolled_back_write_wakes_nobody_and_a_commit_without_rows_neither(database: Database) -> None:
    relay = Relay()
    outbox.wake_on_commit(relay)
    with pytest.raises(RuntimeError), database.transaction() as session:
        outbox.write(session, [Announcement(BOUNCE_HARD, "a@example.com", {})], now=NOW)
        raise RuntimeError("the change it announces failed")
    with database.transaction() as session:
        session.execute(select(1))
    assert relay.woken == 0
    assert rows(database) == 0


def test_ingest_wakes_the_relay_one_message_or_a_batch(database: Database) -> None:
    # Event rows are inserted in bulk; the relay used to miss them and wait for its next poll.
    relay = Relay()
    outbox.wake_on_commit(relay)
    settings = Settings(database_url=database.url)
    ingest_message(database, samples.hard_bounce("one@example.com", "w1"), "test", settings)
    assert relay.woken == 1
    ingest_many(
        database, [(samples.soft_bounce(f"b{i}@example.com", f"w2{i}"), "test") for i in range(3)], settings
    )
    assert relay.woken == 2
    assert rows(database) == 2 + 3  # bounce and suppression, then three soft bounces


def test_an_unknown_event_type_is_refused(database: Database) -> None:
    with database.transaction() as session, pytest.raises(ValueError, match="unknown event type"):
        outbox.write(session, [Announcement("bounceback.nonsense", None, {})], now=NOW)


def test_rows_of_a_transaction_that_ended_without_commit_are_never_written(database: Database) -> None:
    session = database.session()
    outbox.write(session, [Announcement(BOUNCE_HARD, "dropped@example.com", {})], now=NOW)
    session.close()  # neither commit nor rollback: the transaction just ends
    # The same session, used again (SQLAlchemy allows it): only the new transaction's rows go in.
    outbox.write(session, [Announcement(BOUNCE_HARD, "kept@example.com", {})], now=NOW)
    session.commit()
    session.close()
    with database.session() as reader:
        assert list(reader.scalars(select(OutboxEvent.subject))) == ["kept@example.com"]


def test_feed_positions_never_come_round_again_after_published_rows_are_pruned(database: Database) -> None:
    """A follower that saw id N must never be handed a new event with an id at or below N."""
    with database.transaction() as session:
        outbox.write(
            session, [Announcement(BOUNCE_HARD, f"old{i}@example.com", {}) for i in range(3)], now=NOW
        )
    with database.session() as session:
        seen = max(session.scalars(select(OutboxEvent.id)))
    with database.transaction() as session:
        session.execute(update(OutboxEvent).values(published_at=NOW))
        assert outbox.prune_published(session, before=NOW + timedelta(days=1)) == 3
    with database.transaction() as session:
        outbox.write(session, [Announcement(BOUNCE_HARD, "new@example.com", {})], now=NOW)
    with database.session() as session:
        assert session.scalar(select(OutboxEvent.id)) > seen
