"""The ingest write path's transaction (`Database.write_transaction`; on PostgreSQL a
`DriverTransaction` over the pooled connection, without an ORM session): what it writes is visible
once it ends and only if it commits, a failing statement anywhere (the pipeline with its BEGIN, the
one with its COMMIT) leaves nothing, an ORM query inside joins the same transaction, and the
Session events (counts once committed, the outbox's rows, the accounts' counters) fire as they do
for a session."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from service import metrics
from service.app.ingest import parse_limits, write_batch
from service.app.parsing import Parsed, parse_message
from service.config import Settings
from service.store import outbox
from service.store.db import Database, count_when_committed, run_together, send_with_commit
from service.store.models import (
    AccountDay,
    BounceEvent,
    InboundMessage,
    OutboxEvent,
    Recipient,
    SuppressionChange,
)
from tests import core_samples as samples
from tests.accounts_support import create_accounts


def _settings(database: Database) -> Settings:
    return Settings(database_url=database.url, secret_key="write-transaction-test-secret-key-0123")


def _parsed(raw: bytes, settings: Settings, source: str = "test:write-transaction") -> Parsed:
    parsed = parse_message(raw, source, parse_limits(settings))
    assert isinstance(parsed, Parsed)
    return parsed


def _stored(database: Database) -> dict[str, int]:
    """How many rows the write path left in each of its tables (read from another connection)."""
    with database.session() as session:
        return {
            model.__tablename__: int(session.scalar(select(func.count()).select_from(model)) or 0)
            for model in (InboundMessage, BounceEvent, Recipient, SuppressionChange, OutboxEvent)
        }


def _hard_bounce(database: Database, settings: Settings, name: str) -> Parsed:
    return _parsed(samples.hard_bounce(f"{name}@example.com", name), settings, f"test:{name}")


def _nothing_left_and_the_next_one_commits(database: Database, settings: Settings) -> None:
    """Nothing of a failed transaction is stored, and its pooled connection is clean: the next
    transaction commits what it writes."""
    assert _stored(database) == dict.fromkeys(_stored(database), 0)
    with database.write_transaction() as session:
        write_batch(session, [_hard_bounce(database, settings, "next")], settings, commit_follows=True)
    assert _stored(database)["messages"] == 1


def _pg(backend: str) -> None:
    if backend != "postgresql":
        pytest.skip("the driver's transaction is PostgreSQL's (SQLite's is the session's)")


def test_a_message_written_is_visible_once_the_block_ends_and_nothing_before(database: Database) -> None:
    settings = _settings(database)
    with database.write_transaction() as session:
        (result,) = write_batch(
            session, [_hard_bounce(database, settings, "a")], settings, commit_follows=True
        )
        assert result.suppressions_added == ("a@example.com",)
        # (another connection: nothing is visible before the commit)
        assert _stored(database) == dict.fromkeys(_stored(database), 0)
    # The message, its event, the entry with its audit row, and their outbox events: all at once.
    assert _stored(database) == {
        "messages": 1,
        "events": 1,
        "recipients": 1,
        "suppression_changes": 1,
        "outbox": 2,
    }


def test_a_block_that_fails_before_its_end_leaves_nothing_and_counts_nothing(database: Database) -> None:
    settings = _settings(database)
    counter = metrics.MESSAGES_INGESTED.labels(source="test", message_type="dsn")
    before = counter._value.get()
    with pytest.raises(RuntimeError), database.write_transaction() as session:
        write_batch(session, [_hard_bounce(database, settings, "b")], settings, commit_follows=True)
        raise RuntimeError("the caller fails before the commit")
    assert counter._value.get() == before
    _nothing_left_and_the_next_one_commits(database, settings)


def test_a_statement_failing_with_the_commit_rolls_back_everything_before_it(
    database: Database, backend: str
) -> None:
    _pg(backend)
    settings = _settings(database)
    with pytest.raises(DBAPIError, match="division by zero"), database.write_transaction() as session:
        write_batch(session, [_hard_bounce(database, settings, "d")], settings, commit_follows=True)
        # Sent with the policy's entries, the outbox rows and COMMIT, in one pipeline: it fails,
        # and the server skips the rest of the pipeline, COMMIT included.
        assert send_with_commit(session, [("SELECT 1 / CAST(%(zero)s AS integer)", {"zero": "0"})])
    _nothing_left_and_the_next_one_commits(database, settings)


def test_a_statement_failing_in_the_first_pipeline_leaves_nothing_and_the_connection_usable(
    database: Database, backend: str
) -> None:
    _pg(backend)
    insert = "INSERT INTO accounts (id, created_at) VALUES (%(id)s, now())"
    with pytest.raises(DBAPIError, match="duplicate key"), database.write_transaction() as session:
        # BEGIN, a good statement, then one the server refuses: all in one round trip.
        run_together(session, [(insert, {"id": "one"}), (insert, {"id": "one"})])
    with database.write_transaction() as session:
        run_together(session, [(insert, {"id": "two"})])
    with database.session() as session:
        assert session.scalars(text("SELECT id FROM accounts ORDER BY id")).all() == ["two"]


@pytest.mark.parametrize("through", ["orm session", "connection"])
def test_a_statement_through_sqlalchemy_runs_in_the_same_transaction(
    database: Database, backend: str, through: str
) -> None:
    """A rare path's ORM query or Core statement (an address row a concurrent writer created, an
    account's standing judged at commit) runs in the transaction the driver's statements run in,
    and commits or rolls back with them, whichever began it."""
    _pg(backend)
    insert = "INSERT INTO accounts (id, created_at) VALUES ('{}', now())"
    for fails in (True, False):
        with pytest.raises(RuntimeError) if fails else _nothing(), database.write_transaction() as session:
            if through == "connection":  # (SQLAlchemy begins its own transaction on the connection)
                session.connection().execute(text(insert.format("by-sqlalchemy")))
            else:
                session.execute(text(insert.format("by-sqlalchemy")))
            run_together(session, [(insert.format("by-driver"), {})])
            # Both are seen inside: one transaction.
            assert session.scalar(text("SELECT count(*) FROM accounts")) == 2
            send_with_commit(session, [(insert.format("with-commit"), {})])
            if fails:
                raise RuntimeError("rolled back")
        with database.session() as reader:
            seen = reader.scalars(text("SELECT id FROM accounts ORDER BY id")).all()
        assert seen == ([] if fails else ["by-driver", "by-sqlalchemy", "with-commit"])


def test_the_session_events_fire_at_its_commit_as_for_a_session(database: Database) -> None:
    """Counts are applied once committed, relays woken, the outbox rows inserted with the commit,
    and the accounts' daily counters added up at commit (the Session events' listeners)."""
    settings = _settings(database)
    create_accounts(database, "shop", domains={"shop": ["sender.example"]})
    woken: list[str] = []

    class Relay:
        def wake(self) -> None:
            woken.append("woken")

    relay = Relay()
    outbox.wake_on_commit(relay)
    counter = metrics.MESSAGES_DUPLICATE.labels(source="write-transaction-test")
    before = counter._value.get()
    with database.write_transaction() as session:
        write_batch(session, [_hard_bounce(database, settings, "f")], settings, commit_follows=True)
        count_when_committed(session, counter)
        assert counter._value.get() == before and woken == []
    assert counter._value.get() == before + 1
    assert woken == ["woken"]
    with database.session() as session:
        day = session.scalars(select(AccountDay)).one()
        assert (day.account_id, day.hard_bounces) == ("shop", 1)
        assert session.scalar(select(func.count()).select_from(OutboxEvent)) == 2


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *_: Any) -> None:
        return None
