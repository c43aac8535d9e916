"""Set-based ingest decides as one message per transaction does: for random message sequences
(soft and hard bounces, bounces that say the domain takes no mail, complaints attributed to accounts or not, unsubscribes, ignored events,
redeliveries, messages naming nobody; addresses removed before by an operator), writing them in
batches and writing them one transaction each end in the same state, on both backends: the same
messages, events, entries (reason, date, deciding event), audit rows and outbox events in order."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from parsers.model import Attribution, Event, ParseResult
from service.app import suppressions
from service.app.ingest import write_batch
from service.app.parsing import Parsed, content_hash
from service.config import Settings
from service.store.db import Database
from service.store.models import Base, BounceEvent, InboundMessage, OutboxEvent, Recipient, SuppressionChange
from tests.accounts_support import create_accounts
from tests.fixtures.database import drop_pg_database, make_database_url

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
NOW = T0 + timedelta(days=90)
# Two domains: a batch reads the domain rule's rows and bounces for all its domains at once.
ADDRESSES = [f"r{i}@example.com" for i in range(3)] + [f"s{i}@example.net" for i in range(2)]
ACCOUNTS = ["shop-a", "shop-b"]
# Window 20 days over dates spread across 60: some soft bounces share a window, some do not. Two
# addresses at one domain whose domain bounces lie within 7 days suppress *@domain (an operator may
# have removed that entry before: bounces before then no longer count).
SETTINGS = Settings(
    database_url="sqlite:///unused.db",
    soft_bounce_threshold=3,
    soft_bounce_window_days=20,
    domain_threshold=2,
)

_EVENTS = st.sampled_from(
    [
        ("bounce", "soft", "mailbox_full"),
        ("bounce", "soft", "mailbox_full"),
        ("bounce", "soft", "mailbox_full"),
        ("bounce", "soft", "mailbox_full"),
        ("bounce", "soft", "mailbox_full"),
        ("bounce", "soft", "blocklisted"),  # sender-side: never counts
        ("bounce", "hard", "user_unknown"),
        ("bounce", "hard", "host_unknown"),  # speaks of the domain
        ("complaint", "hard", "abuse"),
        ("unsubscribe", "hard", "unsubscribe"),
        ("auto_reply", "ignored", "auto_reply"),
    ]
)
_MESSAGE = st.tuples(
    st.lists(st.tuples(st.sampled_from(ADDRESSES), _EVENTS), min_size=0, max_size=3),
    st.integers(min_value=0, max_value=60),  # its date, in days after T0
    st.sampled_from([None, *ACCOUNTS]),  # the account its header names
)


def _parsed(n: int, message: tuple[list[Any], int, str | None]) -> Parsed:
    events, day, account = message
    result = ParseResult(
        message_type="dsn" if events else "unknown",
        events=tuple(Event(recipient=a, type=t, classification=c, reason=r) for a, (t, c, r) in events),
        date=(T0 + timedelta(days=day)).isoformat(),
        attribution=Attribution(account=account),
    )
    raw = f"message {n}".encode()
    return Parsed(raw, f"test:{n}", content_hash(raw), result)


@pytest.fixture(scope="module")
def pair(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, Database]]:
    """Two migrated databases on the backend under test: one for each path."""
    urls = [make_database_url(backend, tmp_path_factory.mktemp("pair")) for _ in range(2)]
    dbs = (Database(urls[0]), Database(urls[1]))
    for db in dbs:
        db.upgrade()
    yield dbs
    for db, url in zip(dbs, urls, strict=True):
        db.dispose()
        if backend == "postgresql":
            drop_pg_database(url)


def _reset(db: Database, removed: list[tuple[str, int]]) -> None:
    """Empty tables, the accounts, and addresses an operator suppressed and removed on given days."""
    with db.engine.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(table.delete())
    create_accounts(db, *ACCOUNTS)
    for address, day in removed:
        when = T0 + timedelta(days=day)
        with db.transaction() as session:
            suppressions.add_manual(session, address, note=None, actor="test", now=when)
            suppressions.remove(session, address, note=None, actor="test", now=when)


def _state(db: Database) -> dict[str, Any]:
    """Everything ingest writes, with ids replaced by what they stand for."""
    with db.session() as session:
        hashes = {m.id: m.content_hash for m in session.scalars(select(InboundMessage))}
        events = session.scalars(select(BounceEvent).order_by(BounceEvent.id)).all()
        event_key: dict[int | None, Any] = {None: None}
        for e in events:
            event_key[e.id] = (hashes[e.message_id], e.recipient, e.type, e.reason)
        return {
            "messages": sorted(
                repr((m.content_hash, m.outcome, m.account_id, m.attributed_by))
                for m in session.scalars(select(InboundMessage))
            ),
            "events": sorted(str(key) for key in event_key.values() if key is not None),
            "recipients": sorted(
                repr(
                    (
                        r.address,
                        r.account_id,
                        r.suppressed,
                        r.reason,
                        str(r.since),
                        str(event_key[r.source_event_id]),
                        r.note,
                    )
                )
                for r in session.scalars(select(Recipient))
            ),
            "changes": sorted(
                repr(
                    (c.address, c.account_id, c.change, c.reason, str(event_key[c.event_id]), c.actor, c.note)
                )
                for c in session.scalars(select(SuppressionChange))
            ),
            "outbox": [
                (o.ce_type, o.subject, o.account_id, json.dumps(_without_ids(o.data), sort_keys=True))
                for o in session.scalars(select(OutboxEvent).order_by(OutboxEvent.id))
            ],
        }


def _without_ids(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in ("event_id", "message_id", "id")}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    messages=st.lists(_MESSAGE, min_size=1, max_size=14),
    redelivered=st.lists(st.integers(min_value=0, max_value=13), max_size=3),
    removed=st.lists(
        st.tuples(st.sampled_from([*ADDRESSES, "*@example.com"]), st.integers(min_value=0, max_value=40)),
        max_size=2,
        unique_by=lambda r: r[0],
    ),
    batch_size=st.integers(min_value=2, max_value=8),
)
def test_batches_end_where_one_message_per_transaction_ends(
    pair: tuple[Database, Database],
    messages: list[Any],
    redelivered: list[int],
    removed: list[tuple[str, int]],
    batch_size: int,
) -> None:
    parsed = [_parsed(n, m) for n, m in enumerate(messages)]
    # Redeliveries: the same bytes again, later in the sequence (and maybe in the same batch).
    parsed += [parsed[i % len(parsed)] for i in redelivered]
    batched, single = pair
    for db in pair:
        _reset(db, removed)

    batched_results = []
    for i in range(0, len(parsed), batch_size):
        with batched.transaction() as session:
            batched_results += write_batch(session, parsed[i : i + batch_size], SETTINGS, now=NOW)
    single_results = []
    for item in parsed:
        with single.transaction() as session:
            single_results += write_batch(session, [item], SETTINGS, now=NOW)

    assert _state(batched) == _state(single)
    assert [(r.outcome, r.duplicate, r.suppressions_added, r.account) for r in batched_results] == [
        (r.outcome, r.duplicate, r.suppressions_added, r.account) for r in single_results
    ]


def test_a_batch_answers_a_redelivery_of_its_own_message_as_a_duplicate(database: Database) -> None:
    item = _parsed(1, ([("r0@example.com", ("bounce", "hard", "user_unknown"))], 1, None))
    with database.transaction() as session:
        first, again = write_batch(session, [item, item], SETTINGS, now=NOW)
    assert not first.duplicate and first.suppressions_added == ("r0@example.com",)
    assert again.duplicate and again.message_id == first.message_id and again.suppressions_added == ()
    assert [e["id"] for e in again.events] == [e["id"] for e in first.events]
    with database.transaction() as session:
        (later,) = write_batch(session, [item], SETTINGS, now=NOW)
    assert later.duplicate and later.events == first.events


def test_each_message_of_a_batch_keeps_its_own_bytes(database: Database) -> None:
    """The batch's raw bytes travel together (on PostgreSQL one parameter, each message a slice of
    it): every message stored, of any size and in any order, is exactly the bytes it came as."""
    sizes = [3000, 0, 1, 70_000, 12]
    items = [
        Parsed(raw, f"test:{n}", content_hash(raw), ParseResult(message_type="unknown"))
        for n, raw in enumerate(bytes([n + 1]) * size + b"\x00\xff" for n, size in enumerate(sizes))
    ]
    with database.transaction() as session:
        results = write_batch(session, items, SETTINGS, now=NOW)
    with database.session() as session:
        stored = {m.id: m.raw for m in session.scalars(select(InboundMessage))}
    assert [stored[r.message_id] for r in results] == [item.raw for item in items]


def test_a_redelivery_the_parse_step_skipped_is_parsed_when_it_was_not_stored(database: Database) -> None:
    """The parse step skips bytes it saw before in the stream; if their first copy never got
    stored (its batch failed), the write parses them after all."""
    raw = Path(__file__).parent.parent.joinpath("parsers", "fixtures").glob("**/*.eml")
    sample = next(iter(sorted(raw))).read_bytes()
    skipped = Parsed(sample, "test:skipped", content_hash(sample), None)
    with database.transaction() as session:
        (result,) = write_batch(session, [skipped], SETTINGS, now=NOW)
    assert not result.duplicate and result.message_type != ""


def test_a_soft_bounce_later_in_a_batch_is_not_counted_for_an_earlier_message(database: Database) -> None:
    """Three soft bounces in one batch, the last dated first: the third message crosses the
    threshold, as it would one transaction each (the first must not count the ones after it)."""
    soft = ("bounce", "soft", "mailbox_full")
    batch = [_parsed(n, ([("r0@example.com", soft)], day, None)) for n, day in enumerate((10, 12, 5))]
    with database.transaction() as session:
        results = write_batch(session, batch, SETTINGS, now=NOW)
    assert [r.suppressions_added for r in results] == [(), (), ("r0@example.com",)]


def test_a_dead_domain_is_decided_by_the_message_that_completes_it_within_a_batch(database: Database) -> None:
    """Two addresses at one domain say it takes no mail, in one batch: the second message completes
    the domain (threshold 2), as it would one transaction each; the first must not count the second."""
    dead = ("bounce", "hard", "host_unknown")
    batch = [
        _parsed(n, ([(address, dead)], day, None))
        for n, (address, day) in enumerate((("r0@example.com", 10), ("r1@example.com", 12)))
    ]
    with database.transaction() as session:
        results = write_batch(session, batch, SETTINGS, now=NOW)
    assert [r.suppressions_added for r in results] == [
        ("r0@example.com",),
        ("r1@example.com", "*@example.com"),
    ]
    with database.session() as session:
        types = [o.ce_type for o in session.scalars(select(OutboxEvent).order_by(OutboxEvent.id))]
    assert types[-1] == "bounceback.suppression.added" and types.count("bounceback.suppression.added") == 3
