"""Two processes ingesting overlapping messages at once end where one process would: nothing twice.

Runs on PostgreSQL (row locks, unique-key waits) and on SQLite (one writer at a time).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from service.app.ingest import ingest_many
from service.config import Settings
from service.sources import iter_messages
from service.store.db import Database
from service.store.models import BounceEvent, InboundMessage, OutboxEvent, Recipient, SuppressionChange
from tests import core_samples as samples
from tests.fixtures.database import drop_pg_database, make_database_url

BASE = datetime.now(UTC).replace(microsecond=0) - timedelta(days=20)
GROUPS = 5

# Each process waits for this file, so both start ingesting within a few milliseconds.
_WORKER = """
import os, sys, time
from service.wiring.main import main
import service.app.ingest, service.cli.ingest
ready, go = sys.argv[1], sys.argv[2]
open(ready, "w").close()
while not os.path.exists(go):
    time.sleep(0.005)
sys.exit(main(["ingest", "--quiet", *sys.argv[3:]]))
"""


def build_inputs(root: Path) -> tuple[Path, Path]:
    """Two folders: a shared part (same bytes in both, opposite order) and a part of their own each."""
    a, b = root / "a", root / "b"
    for k in range(GROUPS):
        shared = [
            samples.soft_bounce(f"shared{k}@example.com", f"sh{k}-{i}", BASE + timedelta(days=i))
            for i in range(5)
        ]
        shared.append(samples.hard_bounce(f"hard{k}@example.com", f"hd{k}", BASE))
        for i, raw in enumerate(shared):
            samples.write(a, f"0-{k:03}-{i}.eml", raw)
            samples.write(b, f"0-{GROUPS - k:03}-{9 - i}.eml", raw)
        # Three soft bounces in a, two more in b: only together are they five.
        for i in range(3):
            samples.write(
                a,
                f"1-{k:03}-{i}.eml",
                samples.soft_bounce(f"split{k}@example.com", f"sa{k}-{i}", BASE + timedelta(days=i)),
            )
        for i in range(3, 5):
            samples.write(
                b,
                f"1-{k:03}-{i}.eml",
                samples.soft_bounce(f"split{k}@example.com", f"sb{k}-{i}", BASE + timedelta(days=i)),
            )
        # Two different hard bounces for one address: exactly one suppression.
        samples.write(a, f"2-{k:03}.eml", samples.hard_bounce(f"both{k}@example.com", f"ba{k}", BASE))
        samples.write(b, f"2-{k:03}.eml", samples.hard_bounce(f"both{k}@example.com", f"bb{k}", BASE))
        for i in range(4):
            samples.write(
                b,
                f"3-{k:03}-{i}.eml",
                samples.soft_bounce(f"four{k}@example.com", f"fo{k}-{i}", BASE + timedelta(days=i)),
            )
    return a, b


def snapshot(db: Database) -> dict[str, Any]:
    """The state, without ids (which differ between runs)."""
    with db.transaction() as session:
        hashes = {m.id: m.content_hash for m in session.execute(select(InboundMessage)).scalars()}
        events = list(session.execute(select(BounceEvent)).scalars())
        event_key = {e.id: (hashes[e.message_id], e.recipient) for e in events}
        recipients = list(session.execute(select(Recipient).where(Recipient.suppressed.is_(True))).scalars())
        changes = list(session.execute(select(SuppressionChange)).scalars())
        return {
            "messages": sorted(hashes.values()),
            "events": sorted(event_key.values()),
            "suppressed": sorted(
                (r.address, r.reason, r.since.replace(tzinfo=UTC).isoformat() if r.since else None)
                for r in recipients
            ),
            # Which of two equally dated hard bounces won is a race; that it was one of them is not.
            "sources_valid": all(
                r.source_event_id in event_key and event_key[r.source_event_id][1] == r.address
                for r in recipients
            ),
            "changes": sorted((c.address, c.change, c.reason) for c in changes),
            "outbox": sorted(
                Counter(o.ce_type for o in session.execute(select(OutboxEvent)).scalars()).items()
            ),
        }


def test_two_processes_with_overlapping_input_reach_the_single_process_state(
    database: Database, backend: str, tmp_path: Path
) -> None:
    a, b = build_inputs(tmp_path / "in")
    go = tmp_path / "go"
    env = {**os.environ, "BOUNCEBACK_DATABASE_URL": database.url}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WORKER, str(tmp_path / f"ready{n}"), str(go), str(folder)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n, folder in enumerate((a, b))
    ]
    deadline = time.monotonic() + 120
    while not all((tmp_path / f"ready{n}").exists() for n in range(2)):  # both imported, waiting
        assert time.monotonic() < deadline and all(p.poll() is None for p in procs), "workers did not start"
        time.sleep(0.01)
    go.touch()
    started = time.monotonic()
    for proc in procs:
        _out, err = proc.communicate(timeout=240)
        assert proc.returncode == 0, err
    print(f"concurrent ingest took {time.monotonic() - started:.1f}s")
    concurrent = snapshot(database)

    # The same messages through one process, in a fresh database.
    url = make_database_url(backend, tmp_path)
    single = Database(url)
    try:
        single.upgrade()
        settings = Settings(database_url=url)
        items = [(item.raw, item.source) for item in iter_messages([str(a), str(b)]) if item.raw is not None]
        for i in range(0, len(items), 50):  # as `bounceback ingest` does, in one process
            ingest_many(single, items[i : i + 50], settings)
        expected = snapshot(single)
    finally:
        single.dispose()
        if backend == "postgresql":
            drop_pg_database(url)

    assert concurrent == expected
    # And that state is the right one.
    suppressed = {address: reason for address, reason, _ in concurrent["suppressed"]}
    for k in range(GROUPS):
        assert suppressed[f"shared{k}@example.com"] == "soft_bounce_threshold"
        assert suppressed[f"split{k}@example.com"] == "soft_bounce_threshold"
        assert suppressed[f"hard{k}@example.com"] == "hard_bounce"
        assert suppressed[f"both{k}@example.com"] == "hard_bounce"
        assert f"four{k}@example.com" not in suppressed
    assert len(concurrent["changes"]) == len(set(concurrent["changes"])) == 4 * GROUPS
    assert concurrent["sources_valid"]


def test_a_batch_that_deadlocks_is_redone_without_losing_or_doubling_anything(
    database: Database, backend: str
) -> None:
    if backend != "postgresql":
        pytest.skip("row locks and deadlocks are PostgreSQL's; SQLite has one writer at a time")
    settings = Settings(database_url=database.url)
    batch = [
        (samples.hard_bounce("a@example.com", "dl-a"), "test:a"),
        (samples.hard_bounce("b@example.com", "dl-b"), "test:b"),
    ]
    other = database.engine.connect()
    other.begin()
    # Another writer holds b@example.com ...
    other.execute(
        text(
            "INSERT INTO recipients (address, suppressed, updated_at) VALUES ('b@example.com', false, now())"
        )
    )
    results: list[Any] = []
    worker = threading.Thread(target=lambda: results.extend(ingest_many(database, batch, settings)))
    worker.start()
    # ... the batch locks a@example.com and waits for b@example.com ...
    wait_for_a_lock_wait(database, other, worker, "the batch never waited for the other writer's row lock")
    # ... and the other writer now wants a@example.com: a deadlock, which PostgreSQL breaks.
    try:
        other.execute(
            text(
                "INSERT INTO recipients (address, suppressed, updated_at) VALUES ('a@example.com', false, now()) ON CONFLICT DO NOTHING"
            )
        )
        other.commit()
    except Exception:
        other.rollback()
    finally:
        other.close()
    worker.join(timeout=60)
    assert not worker.is_alive()

    assert [r.suppressions_added for r in results] == [("a@example.com",), ("b@example.com",)]
    state = snapshot(database)
    assert [(a, r) for a, r, _ in state["suppressed"]] == [
        ("a@example.com", "hard_bounce"),
        ("b@example.com", "hard_bounce"),
    ]
    assert state["changes"] == [
        ("a@example.com", "added", "hard_bounce"),
        ("b@example.com", "added", "hard_bounce"),
    ]
    assert len(state["messages"]) == 2 and len(state["events"]) == 2


def test_a_message_waiting_for_its_twin_holds_no_address_lock_meanwhile(
    database: Database, backend: str
) -> None:
    """One message per transaction inserts its message and locks its addresses in one statement:
    the insert comes first, so a writer that holds the same message and then takes the address
    waits for nobody (locking the address first would close a cycle: a deadlock)."""
    if backend != "postgresql":
        pytest.skip("row locks and deadlocks are PostgreSQL's; SQLite has one writer at a time")
    from service.app.ingest import ingest_message
    from service.app.parsing import content_hash

    settings = Settings(database_url=database.url)
    raw = samples.hard_bounce("twin@example.com", "twin")
    other = database.engine.connect()
    other.begin()
    # Another writer has stored the same message, not committed yet ...
    other.execute(
        text(
            "INSERT INTO messages (content_hash, source, received_at, size, raw, message_type, outcome)"
            " VALUES (:hash, 'test:other', now(), :size, :raw, 'dsn', 'processed')"
        ),
        {"hash": content_hash(raw), "size": len(raw), "raw": raw},
    )
    results: list[Any] = []
    worker = threading.Thread(
        target=lambda: results.append(ingest_message(database, raw, "test:twin", settings))
    )
    worker.start()
    # ... the per-message write waits for it at the message's unique key ...
    wait_for_a_lock_wait(database, other, worker, "the write never waited for the other writer's message")
    # ... and the other writer now takes the message's address: free, as nothing holds it. (Were it
    # held, this would wait, and fail at the lock timeout, set below the deadlock timeout of 1 s:
    # a deadlock would end in the other write's retry, which would hide it.)
    other.execute(text("SET LOCAL lock_timeout = '500ms'"))
    other.execute(
        text(
            "INSERT INTO recipients (address, account_id, suppressed, updated_at)"
            " VALUES ('twin@example.com', '', false, now())"
        )
    )
    other.commit()
    other.close()
    worker.join(timeout=60)
    assert not worker.is_alive()
    # The other writer's copy stands; this one is its duplicate and added nothing.
    assert len(results) == 1 and results[0].duplicate and results[0].suppressions_added == ()
    state = snapshot(database)
    assert len(state["messages"]) == 1 and state["events"] == [] and state["suppressed"] == []


def wait_for_a_lock_wait(database: Database, other: Any, worker: threading.Thread, failure: str) -> None:
    """Until a session of the test's database waits for a lock (the worker's write, on what `other`
    holds); after 30 s `other` lets go, so nothing outlives the test, and the test fails."""
    deadline = time.monotonic() + 30
    # Autocommit: pg_stat_activity is a snapshot taken once per transaction, so polling it inside
    # one transaction would never see the wait begin.
    with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as watcher:
        while not watcher.execute(
            text(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
            )
        ).scalar_one():
            if time.monotonic() > deadline:
                other.rollback()
                other.close()
                worker.join(timeout=60)
                raise AssertionError(failure)
            time.sleep(0.02)
