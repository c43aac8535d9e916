"""Messages per second a replay reads again and applies (`bounceback replay --apply`), on PostgreSQL.

Usage (from the repository root):
    .venv/bin/python benchmarks/replay_throughput.py [--messages 2000] [--batch 100] [--backends postgresql]

The database holds `--messages` stored messages as an older parser read them: a fifth with a
different reading (a user-unknown bounce recorded as a full mailbox, so the replay supersedes the
event, suppresses the address and audits and announces it), the rest as today's parser reads them
(re-parsed and compared, nothing to apply). Prints, per backend: the dry run's rate (re-parse,
compare, and the decisions rolled back), the apply's rate, and a second apply's (all unchanged),
after the parser's own rate on such messages (the ceiling: every message is parsed again).
PostgreSQL: a throwaway database on BOUNCEBACK_TEST_PG_URL's server (default 127.0.0.1:5432),
dropped afterwards; SQLite: a file in a temporary directory.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import parsers
from parsers.model import Event
from service.app import replay
from service.app.ingest import ingest_parsed
from service.config import Settings
from service.store.db import Database
from tests import core_samples as samples
from tests.fixtures.database import create_pg_database, drop_pg_database

SECRET = "benchmark-secret-key-0123456789abcdef"


def fill(db: Database, settings: Settings, n: int) -> int:
    """Store `n` messages; every fifth as an older parser read it. The number read differently."""
    base = datetime.now(UTC) - timedelta(days=20)
    different = 0
    with db.transaction() as session:
        for i in range(n):
            address = f"user{i}@example{i % 20}.com"
            builder = samples.hard_bounce if i % 2 else samples.soft_bounce
            raw = builder(address, f"r{i}", base + timedelta(minutes=i))
            result = parsers.parse(raw)
            if i % 5 == 0:
                different += 1
                older = Event(recipient=address, type="bounce", classification="soft", reason="expired")
                result = replace(result, events=(older,))
            ingest_parsed(session, raw, "benchmark", settings, result)
    return different


def measure(url: str, n: int, batch: int) -> None:
    db = Database(url)
    db.upgrade()
    settings = Settings(database_url=url, secret_key=SECRET)
    try:
        different = fill(db, settings, n)
        raws = [samples.hard_bounce(f"user{i}@example.com", f"p{i}") for i in range(min(n, 500))]
        start = time.perf_counter()
        for raw in raws:
            parsers.parse(raw)
        rate = len(raws) / (time.perf_counter() - start)
        print(
            f"{db.engine.dialect.name:10} {'parse only':12} {rate:8.0f} messages/s (the ceiling: replay parses each message)"
        )
        for label, apply in (("dry run", False), ("apply", True), ("second apply", True)):
            start = time.perf_counter()
            summary = replay.replay(db, settings, apply=apply, batch_size=batch)
            seconds = time.perf_counter() - start
            print(
                f"{db.engine.dialect.name:10} {label:12} {summary.messages:6} messages"
                f" ({summary.changed_messages} changed of {different} read differently)"
                f" in {seconds:6.2f} s: {summary.messages / seconds:8.0f} messages/s"
            )
    finally:
        db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=replay.BATCH)
    parser.add_argument("--backends", default="postgresql")
    args = parser.parse_args()
    for backend in args.backends.split(","):
        if backend == "postgresql":
            url = create_pg_database()
            try:
                measure(url, args.messages, args.batch)
            finally:
                drop_pg_database(url)
        else:
            with tempfile.TemporaryDirectory() as folder:
                measure(f"sqlite:///{folder}/replay.db", args.messages, args.batch)


if __name__ == "__main__":
    main()
