"""Messages per second through the full pipeline (parse, store, policy, outbox), and what each costs in
statements and round trips to the database.

Usage (from the repository root):
    .venv/bin/python benchmarks/ingest_throughput.py [--messages 2000] [--backends sqlite,postgresql]
        [--batches 1,100] [--parse-workers N] [--writers N]

PostgreSQL: a throwaway database on BOUNCEBACK_TEST_PG_URL's server (default 127.0.0.1:5432),
dropped afterwards. SQLite: a file in a temporary directory. The mix: soft bounces (most), hard
bounces, complaints, auto-replies and delay warnings over a few thousand addresses, plus 10% redelivered
duplicates. Prints the parser's own rate (the ceiling for one process), PostgreSQL's commit latency
(what each one-transaction message pays for the disk flush), then one line per backend and batch size:
1 = `ingest_message`, one transaction each, as the API and the IMAP intake do; more = `ingest_batches`,
that many per transaction with the next batch parsed in worker processes meanwhile, as
`bounceback ingest` does (`--parse-workers 0`: parsed in this process, as `ingest_many` does). Each line
gives the statements and the round trips (statements, BEGINs, COMMITs and pings: what waits for the
server on PostgreSQL) per message, counted with SQLAlchemy's event hooks on the engine.
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

from sqlalchemy import Engine, create_engine, event, text

import parsers
from service.app import ingest as ingest_module
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


class RoundTrips:
    """Counts what an engine sends: statements, transactions begun, commits, pings."""

    def __init__(self, engine: Engine) -> None:
        self.statements = self.begins = self.commits = self.pings = 0
        event.listen(engine, "before_cursor_execute", self._statement)
        event.listen(engine, "begin", self._begin)
        event.listen(engine, "commit", self._commit)
        dialect = engine.dialect
        ping = dialect.do_ping

        def counted_ping(dbapi_connection: object) -> bool:
            self.pings += 1
            return bool(ping(dbapi_connection))

        dialect.do_ping = counted_ping  # type: ignore[method-assign]

    def _statement(self, *_args: object) -> None:
        self.statements += 1

    def _begin(self, *_args: object) -> None:
        self.begins += 1

    def _commit(self, *_args: object) -> None:
        self.commits += 1

    def reset(self) -> None:
        self.statements = self.begins = self.commits = self.pings = 0

    @property
    def total(self) -> int:
        return self.statements + self.begins + self.commits + self.pings


def run(
    url: str, messages: list[bytes], batch: int, writers: int = 1, parse_workers: int | None = None
) -> tuple[float, RoundTrips]:
    """Messages per second and what they sent; batch 1 = `ingest_message` (one transaction each),
    else `ingest_batches` (`ingest_many` batch by batch where there is no `ingest_batches`).

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
    sent = RoundTrips(db.engine)
    batches = [
        [(raw, f"bench:{i + j}") for j, raw in enumerate(messages[i : i + batch])]
        for i in range(0, len(messages), batch)
    ]
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
    elif hasattr(ingest_module, "ingest_batches"):
        for _ in ingest_module.ingest_batches(db, batches, settings, parse_workers=parse_workers):
            pass
    else:  # (the code before set-based ingest, for a before-and-after)
        for items in batches:
            ingest_many(db, items, settings)
    elapsed = time.perf_counter() - start
    db.dispose()
    return len(messages) / elapsed, sent


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
    parser.add_argument(
        "--parse-workers",
        type=int,
        default=None,
        help="processes parsing ahead in batched runs (default: one per core; 0: parse in this process)",
    )
    args = parser.parse_args()
    messages = corpus(args.messages)
    print(f"parser alone: {parse_only(messages):.0f} messages/s (the ceiling for one process)")
    rates: dict[tuple[str, int], float] = {}
    for backend in args.backends.split(","):
        for batch in (int(b) for b in args.batches.split(",")):
            if backend == "sqlite":
                with tempfile.TemporaryDirectory() as tmp:
                    rate, sent = run(
                        f"sqlite:///{tmp}/bench.db", messages, batch, args.writers, args.parse_workers
                    )
            elif backend == "postgresql":
                url = create_pg_database()
                try:
                    if batch == 1:
                        print(f"postgresql: commit latency {commit_latency_ms(url):.1f} ms")
                    rate, sent = run(url, messages, batch, args.writers, args.parse_workers)
                finally:
                    drop_pg_database(url)
            else:
                parser.error(f"unknown backend {backend}")
            rates[(backend, batch)] = rate
            mode = "one transaction each" if batch == 1 else f"{batch} per transaction"
            if batch == 1 and args.writers > 1:
                mode += f", {args.writers} writers at once"
            n = len(messages)
            print(
                f"{backend}: {rate:.0f} messages/s ({n} messages, {mode});"
                f" per message {sent.statements / n:.2f} statements, {sent.total / n:.2f} round trips"
                f" ({sent.begins} BEGIN, {sent.commits} COMMIT, {sent.pings} pings in all)"
            )
    for batch in {b for _, b in rates if b > 1}:
        if ("sqlite", batch) in rates and ("postgresql", batch) in rates:
            ratio = rates[("postgresql", batch)] / rates[("sqlite", batch)]
            print(f"postgresql / sqlite, {batch} per transaction: {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
