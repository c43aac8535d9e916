"""The in-memory suppression view (service/app/suppression_view.py) against the database, on both
backends: it agrees with the reference model after any sequence of adds, removals and restarts
(merges and reloads included), a process reads its own writes at once, and a change committed by
another process reaches it within the documented bound."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert, update

from service.app import accounts, lookups, suppressions
from service.app import suppression_view as view_module
from service.app.suppression_view import FRESHNESS_BOUND_SECONDS, RETRY_SECONDS, SuppressionView
from service.domain.scope import Entry, Reason, domain_key, is_suppressed_for
from service.store.db import Database
from service.store.models import GLOBAL_SLOT, Recipient
from tests.fixtures.other_process import commit_elsewhere
from tests.fixtures.outage import CuttableDatabase

ADDRESSES = ["ann@a.example", "bob@a.example", "cy@b.example"]
KEYS = [*ADDRESSES, domain_key("a.example"), domain_key("b.example")]
ACCOUNTS = [None, "shop-a", "shop-b"]
FREE = [f"free{i}@example.org" for i in range(40)]  # never suppressed
SYNC_SECONDS = 10.0  # a generous wait for the follower thread on a loaded machine


@pytest.fixture()
def view(database: Database) -> Iterator[SuppressionView]:
    started = SuppressionView(database)
    started.start()
    assert started.wait_ready(SYNC_SECONDS)
    yield started
    started.close()


def _set(db: Database, key: str, account: str | None, suppressed: bool) -> None:
    """The row's state written directly (Core): the triggers, not a use case, announce it."""
    slot = GLOBAL_SLOT if account is None else account
    now = datetime.now(UTC)
    with db.engine.begin() as connection:
        changed = connection.execute(
            update(Recipient)
            .where(Recipient.address == key, Recipient.account_id == slot)
            .values(suppressed=suppressed, reason="manual", updated_at=now)
        ).rowcount
        if not changed:
            connection.execute(
                insert(Recipient).values(
                    address=key,
                    account_id=slot,
                    suppressed=suppressed,
                    reason="manual",
                    since=now,
                    updated_at=now,
                )
            )


operations = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.sampled_from(KEYS), st.sampled_from(ACCOUNTS)),
        st.tuples(st.just("remove"), st.sampled_from(KEYS), st.sampled_from(ACCOUNTS)),
        st.tuples(st.just("delete"), st.sampled_from(KEYS), st.sampled_from(ACCOUNTS)),
        st.tuples(st.just("restart"), st.just(""), st.just(None)),
    ),
    max_size=25,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=operations)
def test_the_view_agrees_with_the_database(
    database: Database, steps: list[tuple[str, str, str | None]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small thresholds, so that examples fold the overlay into the array and reload for removals.
    monkeypatch.setattr(view_module, "MERGE_AT", 2)
    monkeypatch.setattr(view_module, "MAX_REMOVED", 3)
    with database.engine.begin() as connection:
        connection.execute(delete(Recipient))
    entries: dict[tuple[str, str | None], Entry] = {}
    view = SuppressionView(database)
    view.start()
    try:
        for action, key, account in steps:
            if action == "restart":
                view.close()
                view = SuppressionView(database)
                view.start()
            elif action == "add":
                _set(database, key, account, True)
                entries[(key, account)] = Entry(key, account, Reason.MANUAL)
            elif action == "remove":
                _set(database, key, account, False)
                entries.pop((key, account), None)
            else:
                with database.engine.begin() as connection:
                    connection.execute(
                        delete(Recipient).where(
                            Recipient.address == key,
                            Recipient.account_id == (GLOBAL_SLOT if account is None else account),
                        )
                    )
                entries.pop((key, account), None)
            assert view.wait_ready(SYNC_SECONDS), "the view did not catch up"
            for address in ADDRESSES:
                for asking in ACCOUNTS:
                    expected = is_suppressed_for(entries.values(), address, asking).suppressed
                    assert view.might_suppress(address, asking) == expected, (address, asking, steps)
                    assert lookups.known_free(view, address, asking) == (not expected)
            # A bulk check's sifting, for a few addresses and for many (the overlay of changes
            # since the load is matched to the asked keys both ways: see `_overlaid`).
            for asking in ACCOUNTS:
                expected_hits = {
                    a for a in ADDRESSES if is_suppressed_for(entries.values(), a, asking).suppressed
                }
                for asked in (ADDRESSES, [*FREE, *ADDRESSES]):
                    assert set(view.possibly_suppressed(asked, asking)) == expected_hits, (asking, steps)
    finally:
        view.close()


def test_a_process_reads_its_own_writes_at_once(database: Database, view: SuppressionView) -> None:
    assert lookups.known_free(view, "new@example.com")
    with database.transaction() as session:
        suppressions.add_manual(session, "new@example.com", note=None, actor="test")
    # No wait: the view is behind this process's own commit, so the lookup asks the database.
    assert not lookups.known_free(view, "new@example.com")
    with database.engine.connect() as connection:
        entry = lookups.find(connection, "new@example.com")
    assert entry is not None and entry["reason"] == "manual"


def test_a_bulk_check_asks_the_database_only_for_what_the_view_cannot_clear(
    database: Database, view: SuppressionView
) -> None:
    with database.transaction() as session:
        suppressions.add_manual(session, "kept@example.com", note=None, actor="test")
        suppressions.add_manual(session, "mine@example.com", note=None, actor="test", account=None)
    assert view.wait_ready(SYNC_SECONDS)
    asked = [f"free{i}@example.org" for i in range(1000)] + ["Kept@Example.com", "not an address"]
    assert view.possibly_suppressed([f"free{i}@example.org" for i in range(1000)], None) == []
    results = lookups.check(database.engine, asked, None, view)
    assert [r["address"] for r in results if r["suppressed"]] == ["kept@example.com"]
    assert results[-1]["valid"] is False


def test_a_hash_collision_never_makes_a_false_suppressed(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every key hashed alike: the view says "maybe" for every address, and each answer, of a bulk
    check (read aside, then held) and of a lookup, is the database's, for each account."""
    monkeypatch.setattr(view_module, "_hash", lambda _key: 7)
    with database.transaction() as session:
        for account in ("shop-a", "shop-b"):
            accounts.create(session, account)
        suppressions.add_manual(session, "kept@example.com", note=None, actor="test")
        suppressions.add_manual(session, "b-only@example.com", note=None, actor="test", account="shop-b")
    view = SuppressionView(database)
    view.start()
    try:
        assert view.wait_ready(SYNC_SECONDS)
        free = [f"free{i}@example.org" for i in range(lookups.READ_ASIDE_FROM + 100)]
        asked = [*free, "kept@example.com", "b-only@example.com"]
        assert view.possibly_suppressed(asked, "shop-a") == asked  # every one collides
        for account, expected in [
            (None, ["kept@example.com"]),
            ("shop-a", ["kept@example.com"]),
            ("shop-b", ["kept@example.com", "b-only@example.com"]),
        ]:
            for _ in range(2):  # read from the database, then with its answers held
                results = lookups.check(database.engine, asked, account, view)
                assert [r["address"] for r in results if r["suppressed"]] == expected, account
            with database.engine.connect() as connection:
                assert lookups.find_remembered(connection, view, "free0@example.org", account) is None
                assert lookups.find_remembered(connection, view, "b-only@example.com", account) == (
                    None if account != "shop-b" else lookups.find(connection, "b-only@example.com", "shop-b")
                )
    finally:
        view.close()


def test_another_process_s_commit_is_seen_within_the_bound(database: Database, view: SuppressionView) -> None:
    address = "elsewhere@example.com"
    assert lookups.known_free(view, address)
    committed = commit_elsewhere(database, "add", address)
    while lookups.known_free(view, address) and time.monotonic() - committed < FRESHNESS_BOUND_SECONDS:
        time.sleep(0.01)
    assert not lookups.known_free(view, address), f"not seen within {FRESHNESS_BOUND_SECONDS} s"
    # A removal elsewhere: the view (which only ever says "ask") clears it again within the bound,
    # and meanwhile the database answers.
    committed = commit_elsewhere(database, "remove", address)
    while not lookups.known_free(view, address) and time.monotonic() - committed < FRESHNESS_BOUND_SECONDS:
        time.sleep(0.01)
    assert lookups.known_free(view, address)
    with database.engine.connect() as connection:
        assert lookups.find(connection, address) is None


def test_after_losing_the_database_the_view_asks_it_then_loads_again(
    cuttable_database: CuttableDatabase, database: Database, tmp_path: Path
) -> None:
    db = cuttable_database.db
    with db.transaction() as session:
        suppressions.add_manual(session, "before@example.com", note=None, actor="test")
    view = SuppressionView(db)
    view.start()
    try:
        assert view.wait_ready(SYNC_SECONDS) and view.loads == 1
        cuttable_database.cut()
        deadline = time.monotonic() + SYNC_SECONDS
        while view.ready and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not view.ready  # lookups ask the database now (and get its outage, a 503)
        assert not lookups.known_free(view, "free@example.com")
        # Written while the view could not hear of it: the load after the outage finds it.
        behind = database if not db.is_sqlite else Database(f"sqlite:///{tmp_path / 'db-away' / 'bb.db'}")
        with behind.transaction() as session:
            suppressions.add_manual(session, "during@example.com", note=None, actor="test")
        cuttable_database.restore()
        assert view.wait_ready(SYNC_SECONDS + RETRY_SECONDS)
        assert view.loads >= 2
        assert view.might_suppress("before@example.com", None)
        assert view.might_suppress("during@example.com", None)
        assert not view.might_suppress("free@example.com", None)
    finally:
        view.close()
