"""Messages per second through the full pipeline (parse, store, policy, outbox), one transaction each.

Usage (from the repository root):
    .venv/bin/python benchmarks/ingest_throughput.py [--messages 2000] [--backends sqlite,postgresql]

PostgreSQL: a throwaway database on BOUNCEBACK_TEST_PG_URL's server (default 127.0.0.1:5432),
dropped afterwards. SQLite: a file in a temporary directory. The mix: soft bounces (most), hard
bounces, complaints, auto-replies and delay warnings over a few thousand addresses, plus 10% redelivered
duplicates. Prints the parser's own rate (the ceiling for one process), PostgreSQL's commit latency
(what each one-transaction message pays for the disk flush), then one line per backend and batch size
(1 = `ingest_message`, as the API and the IMAP intake do; 100 = `ingest_many`, as `bounceback ingest` does).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, text

import parsers
from service.app.ingest import ingest_many, ingest_message
from service.config import Settings
from service.store.db import Database
from tests import core_samples as samples
from tests.fixtures.database import create_pg_database, drop_pg_database


def corpus(n: int, seed: int = 7) -> list[bytes]:
    rng = random.Random(seed)
    base = datetime.now(UTC) - timedelta(days=25)
    builders = (
        [samples.soft_bounce] * 6
        + [samples.hard_bounce] * 2
        + [samples.complaint, samples.auto_reply, samples.delay_warning, samples.blocklist_rejection]
    )
    messages: list[bytes] = []
    for i in range(n):
        if messages and rng.random() < 0.1:
            messages.append(rng.choice(messages))  # a redelivery
            continue
        build = rng.choice(builders)
        address = f"user{rng.randrange(max(n // 3, 10))}@example{rng.randrange(20)}.com"
        messages.append(build(address, f"m{i}", base + timedelta(hours=rng.randrange(24 * 20))))
    return messages


def run(url: str, messages: list[bytes], batch: int, writers: int = 1) -> float:
    """Messages per second; batch 1 = `ingest_message` (one transaction each), else `ingest_many`.

    With several `writers`, each ingests its share of the messages from a thread of its own, as
    concurrent API calls and intake workers do (their commits then contend with each other).
    """
    db = Database(url)
    db.upgrade()
    # (any key: attribution checks VERP tokens with it, and only SQLite keeps one of its own)
    settings = Settings(database_url=url, secret_key="benchmark-secret-key-0123456789")
    # Warm up (imports, connection pool, statement caches) on a few messages of our own.
    for raw in corpus(20, seed=99):
        ingest_message(db, raw, "bench-warmup", settings)
    start = time.perf_counter()
    if batch == 1 and writers > 1:

        def share(k: int) -> None:
            for i in range(k, len(messages), writers):
                ingest_message(db, messages[i], f"bench:{i}", settings)

        with ThreadPoolExecutor(writers) as pool:
            list(pool.map(share, range(writers)))
    elif batch == 1:
        for i, raw in enumerate(messages):
            ingest_message(db, raw, f"bench:{i}", settings)
    else:
        for i in range(0, len(messages), batch):
            ingest_many(
                db, [(raw, f"bench:{i + j}") for j, raw in enumerate(messages[i : i + batch])], settings
            )
    elapsed = time.perf_counter() - start
    db.dispose()
    return len(messages) / elapsed


def commit_latency_ms(url: str) -> float:
    """One-row insert + commit on PostgreSQL: the disk flush every one-transaction message pays."""
    engine = create_engine(url)
    with engine.connect() as conn:
        conn.execute(text("CREATE TABLE commit_probe (x int)"))
        conn.commit()
        start = time.perf_counter()
        for _ in range(100):
            conn.execute(text("INSERT INTO commit_probe VALUES (1)"))
            conn.commit()
        elapsed = time.perf_counter() - start
        conn.execute(text("DROP TABLE commit_probe"))
        conn.commit()
    engine.dispose()
    return elapsed / 100 * 1000


def parse_only(messages: list[bytes]) -> float:
    start = time.perf_counter()
    for raw in messages:
        parsers.parse(raw)
    return len(messages) / (time.perf_counter() - start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument(
        "--batches", default="1,100", help="messages per transaction to measure (1 = one each; CLI uses 100)"
    )
    parser.add_argument(
        "--writers", type=int, default=1, help="threads ingesting at once (one transaction each only)"
    )
    args = parser.parse_args()
    messages = corpus(args.messages)
    print(f"parser alone: {parse_only(messages):.0f} messages/s (the ceiling for one process)")
    for backend in args.backends.split(","):
        for batch in (int(b) for b in args.batches.split(",")):
            if backend == "sqlite":
                with tempfile.TemporaryDirectory() as tmp:
                    rate = run(f"sqlite:///{tmp}/bench.db", messages, batch, args.writers)
            elif backend == "postgresql":
                url = create_pg_database()
                try:
                    if batch == 1:
                        print(f"postgresql: commit latency {commit_latency_ms(url):.1f} ms")
                    rate = run(url, messages, batch, args.writers)
                finally:
                    drop_pg_database(url)
            else:
                parser.error(f"unknown backend {backend}")
            mode = "one transaction each" if batch == 1 else f"{batch} per transaction"
            if batch == 1 and args.writers > 1:
                mode += f", {args.writers} writers at once"
            print(f"{backend}: {rate:.0f} messages/s ({len(messages)} messages, {mode})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
