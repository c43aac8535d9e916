"""What one message in a transaction of its own (the REST intake, IMAP) costs PostgreSQL in round
trips: the transaction's BEGIN goes with its first read, the policy's entries and the outbox rows
with its COMMIT (tests/fixtures/round_trips.py counts in the driver)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from service.app import accounts
from service.app.ingest import ingest_message, parse_limits, write_batch
from service.app.parsing import Parsed, parse_message
from service.config import Settings
from service.store.db import Database
from service.store.models import InboundMessage, OutboxEvent, Recipient, SuppressionChange
from tests import core_samples as samples
from tests.fixtures.round_trips import DriverCounts


@pytest.fixture()
def pg(database: Database, backend: str) -> Database:
    if backend != "postgresql":
        pytest.skip("round trips are PostgreSQL's (SQLite has none)")
    DriverCounts.install()
    return database


def _settings(database: Database) -> Settings:
    return Settings(database_url=database.url, secret_key="round-trip-test-secret-key-012345")


def _round_trips(database: Database, raw: bytes, settings: Settings) -> int:
    before = DriverCounts.now()[1]
    ingest_message(database, raw, "test:round-trips", settings)
    return DriverCounts.now()[1] - before


def _warm(database: Database, settings: Settings) -> None:
    # A pooled connection used within the last second is not pinged: measure on a hot one.
    ingest_message(database, samples.delay_warning("warm@example.com", "warm"), "test:warm", settings)


def test_a_new_message_that_suppresses_costs_three_round_trips(pg: Database) -> None:
    settings = _settings(pg)
    _warm(pg, settings)
    # BEGIN with the attribution read; the store pipeline; entries, audit, outbox and COMMIT.
    assert _round_trips(pg, samples.hard_bounce("gone@example.com", "h1"), settings) == 3
    with pg.session() as session:
        assert session.get(Recipient, ("gone@example.com", "")) is not None
        suppressed = session.scalars(
            select(Recipient.suppressed).where(Recipient.address == "gone@example.com")
        )
        assert list(suppressed) == [True]
        # the bounce and the suppression announced, in that order
        types = list(session.scalars(select(OutboxEvent.ce_type).order_by(OutboxEvent.id)))
        assert types[-2:] == ["bounceback.bounce.hard", "bounceback.suppression.added"]


def test_a_redelivery_costs_four_and_answers_with_the_first_outcome(pg: Database) -> None:
    settings = _settings(pg)
    _warm(pg, settings)
    raw = samples.soft_bounce("full@example.com", "s1")
    first = ingest_message(pg, raw, "test:first", settings)
    before = DriverCounts.now()[1]
    again = ingest_message(pg, raw, "test:again", settings)
    # BEGIN with the attribution read; the store pipeline; the stored message with its events; COMMIT.
    assert DriverCounts.now()[1] - before == 4
    assert again.duplicate and again.message_id == first.message_id
    assert [e["id"] for e in again.events] == [e["id"] for e in first.events]
    assert again.events[0]["recipient"] == "full@example.com"


@pytest.mark.parametrize("by", ["header", "domain"])
def test_an_attributed_message_counts_its_account_at_commit(pg: Database, by: str) -> None:
    settings = _settings(pg)
    with pg.transaction() as session:
        accounts.create(session, "acme", domains=["sender.example"] if by == "domain" else [])
    _warm(pg, settings)
    original = {"X-Bounceback-Account": "acme"} if by == "header" else None
    raw = samples.hard_bounce("gone@example.com", "h2", original=original)
    trips = _round_trips(pg, raw, settings)
    # the three, and the reputation counters' one (the event's mark and the day's counter row in
    # one statement); a domain's owner is known to exist from attribution's one read
    assert trips == 4
    with pg.session() as session:
        counted = session.execute(text("SELECT hard_bounces FROM account_days WHERE account_id = 'acme'"))
        assert list(counted.scalars()) == [1]
        attributed = session.scalars(
            select(InboundMessage.account_id).where(InboundMessage.source == "test:round-trips")
        )
        assert list(attributed) == ["acme"]


def test_a_transaction_that_fails_after_its_begin_went_with_a_pipeline_leaves_nothing(pg: Database) -> None:
    settings = _settings(pg)
    _warm(pg, settings)
    parsed = parse_message(samples.hard_bounce("x@example.com", "h3"), "test:x", parse_limits(settings))
    assert isinstance(parsed, Parsed)
    with pytest.raises(RuntimeError), pg.transaction() as session:
        write_batch(session, [parsed], settings, commit_follows=True)
        raise RuntimeError("the caller fails before committing")
    # The same pooled connection again: a plain statement in a transaction that rolls back is gone
    # (were the driver left in autocommit, it would have stayed).
    with pytest.raises(RuntimeError), pg.transaction() as session:
        session.execute(text("INSERT INTO accounts (id, created_at) VALUES ('ghost', now())"))
        raise RuntimeError("and again")
    with pg.session() as session:
        stored = select(func.count()).select_from(InboundMessage).where(InboundMessage.source == "test:x")
        assert session.scalar(stored) == 0
        assert session.scalar(text("SELECT count(*) FROM accounts WHERE id = 'ghost'")) == 0
        assert session.get(Recipient, ("x@example.com", "")) is None
        assert session.scalar(select(func.count()).select_from(SuppressionChange)) == 0
