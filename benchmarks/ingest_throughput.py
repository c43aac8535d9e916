"""Messages per second through ingest, end to end (parse, store, policy, outbox) and the write side
alone (`write_batch` over messages parsed beforehand: the database's own rate, whatever the parser
manages), with what each costs in statements and round trips to the database.

Usage (from the repository root):
    .venv/bin/python benchmarks/ingest_throughput.py [--messages 2000] [--backends sqlite,postgresql]
        [--batches 1,100] [--writers 1,8] [--processes 1,2] [--parse-workers N]
        [--modes end-to-end,write-only] [--account]

PostgreSQL: a throwaway database on BOUNCEBACK_TEST_PG_URL's server (default 127.0.0.1:5432) per
measurement, dropped afterwards. SQLite: a file in a temporary directory per measurement. The mix:
soft bounces (most), hard bounces, complaints, auto-replies and delay warnings over a few thousand
addresses, plus 10% redelivered duplicates. Unattributed, unless `--account`: then a sending account
owns the originals' domain, and most messages count in its daily counters at commit.

Prints the parser's own rate (the ceiling for one process), PostgreSQL's commit latency (what each
one-transaction message pays for the disk flush), then one line per backend, batch size, writers
and mode:
- batch 1 = one message per transaction, as the API and the IMAP intake do (`ingest_message`; the
  write-only figure: `write_message` over messages parsed beforehand). With several writers, each
  writes its share from a thread of its own, as concurrent REST intake calls do in one process
  (PostgreSQL then flushes their commits together). With `--processes 2`, the writers are spread
  over that many processes (threads in each), as `serve --workers 2` spreads REST intake calls:
  threads of one process share its one core's worth of Python (the GIL), processes do not; the
  CPU time is then all the writing processes', each process parsing its own share beforehand for
  write-only.
- more = that many per transaction, as `bounceback ingest` does (`ingest_batches`, the next batch
  parsed in worker processes meanwhile; `--parse-workers 0`: parsed in this process; the write-only
  figure: `write_parsed` batch by batch over the stream parsed beforehand).
Each line gives the statements and round trips per message, and the CPU time this process spent
per message (Python's share, which a loaded machine's rates hide: it changes less with the load),
and on PostgreSQL the CPU time its backends spent per message (a server on this machine: read from
/proc; what a message costs the server, which shares the machine's cores with the writers).
On PostgreSQL they are counted in the driver (psycopg, tests/fixtures/round_trips.py): a statement
is a query sent (BEGIN and COMMIT aside), a round trip is a wait for the server's answer (a BEGIN
or COMMIT of its own, a statement, or a pipeline's worth of them). On SQLite, statements
are counted with SQLAlchemy's hooks, and BEGIN and COMMIT added (nothing crosses a network there).
Last, a summary with the issue's figures side by side.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import Engine, create_engine, event, text

import parsers
from service.app import accounts
from service.app import ingest as ingest_module
from service.app.ingest import ingest_message, parse_limits
from service.app.parsing import Parsed, ParsePool, parse_message
from service.config import Settings
from service.store.db import Database
from tests import core_samples as samples
from tests.fixtures.database import create_pg_database, drop_pg_database
from tests.fixtures.round_trips import DriverCounts

END_TO_END = "end-to-end"
# --account: the account that owns the domain the corpus's originals come from (tests/core_samples.py)
BENCH_ACCOUNT = "bench"
SENDER_DOMAIN = "sender.example"
WRITE_ONLY = "write-only"


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


# --- counting what goes to the database ---------------------------------------------------------


class Sent:
    """What an engine sent over one measurement: statements and round trips."""

    def __init__(self, engine: Engine) -> None:
        self.postgresql = engine.dialect.name == "postgresql"
        self._sqlite_statements = self._begins = self._commits = 0
        event.listen(engine, "before_cursor_execute", self._statement)
        event.listen(engine, "begin", self._begin)
        event.listen(engine, "commit", self._commit)
        if self.postgresql:
            DriverCounts.install()
        self.reset()

    def _statement(self, *_args: object) -> None:
        self._sqlite_statements += 1

    def _begin(self, *_args: object) -> None:
        self._begins += 1

    def _commit(self, *_args: object) -> None:
        self._commits += 1

    def reset(self) -> None:
        self._sqlite_statements = self._begins = self._commits = 0
        self._start = DriverCounts.now()

    def statements_and_round_trips(self) -> tuple[int, int]:
        if self.postgresql:
            statements, waits = DriverCounts.now()
            return statements - self._start[0], waits - self._start[1]
        return self._sqlite_statements, self._sqlite_statements + self._begins + self._commits


# --- one measurement ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    backend: str
    batch: int
    writers: int
    mode: str
    messages: int
    rate: float
    statements: float  # per message
    round_trips: float  # per message
    cpu_ms: float  # the writing processes' CPU time per message (parse workers' aside), in milliseconds
    account: bool = False  # the mail attributed to a sending account (--account)
    server_cpu_ms: float | None = None  # PostgreSQL's backends' CPU time per message (a local server)
    processes: int = 1  # the writers spread over this many processes (one per transaction)


@contextmanager
def fresh_database(backend: str) -> Iterator[str]:
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            yield f"sqlite:///{tmp}/bench.db"
    elif backend == "postgresql":
        url = create_pg_database()
        try:
            yield url
        finally:
            drop_pg_database(url)
    else:
        raise SystemExit(f"unknown backend {backend}")


def _in_threads(writers: int, count: int, work: Callable[[int], Any]) -> None:
    """`work(i)` for every i below `count`: in this thread, or shared out among `writers` threads."""
    if writers == 1:
        for i in range(count):
            work(i)
        return

    def share(k: int) -> None:
        for i in range(k, count, writers):
            work(i)

    with ThreadPoolExecutor(writers) as pool:
        list(pool.map(share, range(writers)))


def _settings(url: str) -> Settings:
    # (any key: attribution checks VERP tokens with it, and only SQLite keeps one of its own)
    return Settings(database_url=url, secret_key="benchmark-secret-key-0123456789")


def measure(
    backend: str,
    messages: list[bytes],
    *,
    batch: int,
    writers: int,
    mode: str,
    parse_workers: int | None,
    account: bool = False,
    processes: int = 1,
) -> Figure:
    with fresh_database(backend) as url:
        db = Database(url)
        db.upgrade()
        if account:
            with db.transaction() as session:
                accounts.create(session, BENCH_ACCOUNT, domains=[SENDER_DOMAIN])
        if processes > 1:
            figure = _measure_in_processes(db, messages, writers=writers, mode=mode, processes=processes)
            db.dispose()
            return replace(figure, account=account)
        settings = _settings(url)
        limits = parse_limits(settings)
        # Warm up (imports, connection pool, statement caches) on a few messages of our own.
        for raw in corpus(20, seed=99):
            ingest_message(db, raw, "bench-warmup", settings)
        sources = [f"bench:{i}" for i in range(len(messages))]
        batches = [
            list(zip(messages[i : i + batch], sources[i : i + batch], strict=True))
            for i in range(0, len(messages), batch)
        ]
        work: Callable[[], None]
        if mode == WRITE_ONLY and batch == 1:
            # As the API parses: each message on its own, a redelivery parsed again.
            parsed = [
                parse_message(raw, source, limits) for raw, source in zip(messages, sources, strict=True)
            ]
            items = [p for p in parsed if isinstance(p, Parsed)]
            # (`_commit_one`: its name before it was public, for a before-and-after on older code)
            write_message = getattr(ingest_module, "write_message", None) or ingest_module._commit_one

            def work() -> None:
                _in_threads(writers, len(items), lambda i: write_message(db, items[i], settings))

        elif mode == WRITE_ONLY:
            with ParsePool(limits, workers=0) as pool:  # as a stream: redeliveries marked, not parsed
                parsed_batches = [pool.parse_here(b) for b in batches]

            def work() -> None:
                for parsed_batch in parsed_batches:
                    ingest_module.write_parsed(db, parsed_batch, settings)

        elif batch == 1:

            def work() -> None:
                _in_threads(
                    writers, len(messages), lambda i: ingest_message(db, messages[i], sources[i], settings)
                )

        else:

            def work() -> None:
                for _ in ingest_module.ingest_batches(db, batches, settings, parse_workers=parse_workers):
                    pass

        sent = Sent(db.engine)
        server = ServerCpu(db.engine) if backend == "postgresql" else None
        start, cpu = time.perf_counter(), time.process_time()
        work()
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        server_cpu = server.spent() if server is not None else None
        statements, round_trips = sent.statements_and_round_trips()
        db.dispose()
    n = len(messages)
    return Figure(
        backend,
        batch,
        writers,
        mode,
        n,
        n / elapsed,
        statements / n,
        round_trips / n,
        cpu / n * 1000,
        account,
        None if server_cpu is None else server_cpu / n * 1000,
    )


def _measure_in_processes(
    db: Database, messages: list[bytes], *, writers: int, mode: str, processes: int
) -> Figure:
    """One message per transaction, `writers` threads spread over `processes` processes, each
    process with its own engine (as `serve --workers N`); timed from when every process is ready
    (connected, warmed up, its share parsed for write-only) until the last one is done."""
    context = multiprocessing.get_context("spawn")  # (no pooled connection may cross a fork)
    ready, done = context.Queue(), context.Queue()
    go, finish = context.Event(), context.Event()
    shares = [list(range(p, len(messages), processes)) for p in range(processes)]
    threads = [len(range(p, writers, processes)) for p in range(processes)]
    workers = [
        context.Process(
            target=_writer_process,
            args=(
                db.url,
                mode,
                [messages[i] for i in share],
                share,
                threads[p],
                p,
                (ready, go, done, finish),
            ),
        )
        for p, share in enumerate(shares)
    ]
    for worker in workers:
        worker.start()
    try:
        for _ in workers:
            ready.get(timeout=300)
        server = ServerCpu(db.engine) if db.engine.dialect.name == "postgresql" else None
        start = time.perf_counter()
        go.set()
        answers = [done.get(timeout=600) for _ in workers]
        elapsed = time.perf_counter() - start
        server_cpu = server.spent() if server is not None else None  # (their connections still open)
    finally:
        finish.set()
        for worker in workers:
            worker.join(timeout=60)
    n = len(messages)
    return Figure(
        db.engine.dialect.name,
        1,
        writers,
        mode,
        n,
        n / elapsed,
        sum(a[1] for a in answers) / n,
        sum(a[2] for a in answers) / n,
        sum(a[0] for a in answers) / n * 1000,
        server_cpu_ms=None if server_cpu is None else server_cpu / n * 1000,
        processes=processes,
    )


def _writer_process(
    url: str,
    mode: str,
    messages: list[bytes],
    numbers: list[int],
    threads: int,
    index: int,
    signals: tuple[Any, Any, Any, Any],
) -> None:
    """One writing process of `_measure_in_processes`: its share, one message per transaction from
    `threads` threads; answers (CPU seconds, statements, round trips) once done, and keeps its
    connections until told to finish (the server's CPU time is read from their backends)."""
    ready, go, done, finish = signals
    db = Database(url)
    settings = _settings(url)
    limits = parse_limits(settings)
    for raw in corpus(20, seed=100 + index):  # (a warm-up of its own: new messages, not redeliveries)
        ingest_message(db, raw, f"bench-warmup-{index}", settings)
    sources = [f"bench:{i}" for i in numbers]
    work: Callable[[int], Any]
    if mode == WRITE_ONLY:
        parsed = [parse_message(raw, source, limits) for raw, source in zip(messages, sources, strict=True)]
        items = [p for p in parsed if isinstance(p, Parsed)]
        count = len(items)

        def work(i: int) -> Any:
            return ingest_module.write_message(db, items[i], settings)

    else:
        count = len(messages)

        def work(i: int) -> Any:
            return ingest_message(db, messages[i], sources[i], settings)

    sent = Sent(db.engine)
    ready.put(index)
    go.wait()
    sent.reset()
    cpu = time.process_time()
    _in_threads(threads, count, work)
    cpu = time.process_time() - cpu
    done.put((cpu, *sent.statements_and_round_trips()))
    finish.wait(timeout=600)
    db.dispose()


class ServerCpu:
    """The CPU time PostgreSQL's backends for this benchmark's database spend from now on (read
    from /proc: a server on this machine, the benchmark run by the server's user or root), so that
    what a message costs the server is seen beside what it costs this process. None when the
    server's processes cannot be read."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._start = self._now()

    def _now(self) -> dict[int, float] | None:
        with self._engine.connect() as conn:
            pids = [
                int(pid)
                for pid in conn.execute(
                    text("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
                ).scalars()
            ]
        ticks = os.sysconf("SC_CLK_TCK")
        spent: dict[int, float] = {}
        for pid in pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                return None
            spent[pid] = (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
        return spent

    def spent(self) -> float | None:
        """Seconds of CPU since this was made (backends that came and went in between aside)."""
        end = self._now()
        if self._start is None or end is None:
            return None
        return sum(end[pid] - self._start.get(pid, 0.0) for pid in end)


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


# --- output -------------------------------------------------------------------------------------


def describe(figure: Figure) -> str:
    if figure.batch == 1:
        how = "one per transaction"
        how += ", 1 writer" if figure.writers == 1 else f", {figure.writers} writers at once"
        if figure.processes > 1:
            how += f" in {figure.processes} processes"
    else:
        how = f"{figure.batch} per transaction"
    if figure.account:
        how += ", attributed"
    return (
        f"{figure.backend:<10} {figure.mode:<10} {how:<52} {figure.rate:7.0f} msgs/s;"
        f" per message {figure.statements:.2f} statements, {figure.round_trips:.2f} round trips,"
        f" {figure.cpu_ms:.2f} ms CPU here"
        + ("" if figure.server_cpu_ms is None else f", {figure.server_cpu_ms:.2f} ms in the server")
    )


def summary(figures: list[Figure]) -> list[str]:
    """The issue's figures: PostgreSQL batched rate and its ratio to SQLite's, one per transaction
    with one writer and with several, end to end and write-only."""
    found = {(f.backend, f.batch, f.writers, f.mode): f for f in figures if f.processes == 1}
    in_processes = {(f.backend, f.writers, f.processes, f.mode): f for f in figures if f.processes > 1}
    lines = []
    for mode in (END_TO_END, WRITE_ONLY):
        for batch in sorted({f.batch for f in figures if f.batch > 1}):
            pg = found.get(("postgresql", batch, 1, mode))
            lite = found.get(("sqlite", batch, 1, mode))
            if pg is not None:
                line = f"{mode}: PostgreSQL {batch} per transaction {pg.rate:.0f} msgs/s"
                if lite is not None:
                    line += f", SQLite {lite.rate:.0f}, PostgreSQL / SQLite {pg.rate / lite.rate:.2f}"
                lines.append(line)
        for writers in sorted({f.writers for f in figures if f.batch == 1}):
            pg = found.get(("postgresql", 1, writers, mode))
            if pg is not None:
                who = "1 writer" if writers == 1 else f"{writers} writers at once"
                lines.append(
                    f"{mode}: PostgreSQL one per transaction, {who}: {pg.rate:.0f} msgs/s"
                    f" ({pg.statements:.2f} statements, {pg.round_trips:.2f} round trips per message)"
                )
        for (backend, writers, processes, figure_mode), pg in sorted(in_processes.items()):
            if backend == "postgresql" and figure_mode == mode:
                lines.append(
                    f"{mode}: PostgreSQL one per transaction, {writers} writers in {processes} processes:"
                    f" {pg.rate:.0f} msgs/s ({pg.statements:.2f} statements, {pg.round_trips:.2f} round trips"
                    " per message)"
                )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument(
        "--batches", default="1,100", help="messages per transaction to measure (1 = one each; CLI uses 100)"
    )
    parser.add_argument(
        "--writers",
        default="1,8",
        help="threads writing at once, for one message per transaction (each value measured)",
    )
    parser.add_argument(
        "--processes",
        default="1",
        help=(
            "processes the writers are spread over, for one message per transaction (each value"
            " measured; 1: threads of this process; more: as `serve --workers N`)"
        ),
    )
    parser.add_argument(
        "--modes",
        default=f"{END_TO_END},{WRITE_ONLY}",
        help="end-to-end (parse and write), write-only (write_batch over messages parsed beforehand)",
    )
    parser.add_argument(
        "--account",
        action="store_true",
        help=(
            f"a sending account owns the originals' domain ({SENDER_DOMAIN}): most messages are attributed,"
            " so the account's daily counters (at commit) and account-scoped complaints are on the path"
        ),
    )
    parser.add_argument(
        "--parse-workers",
        type=int,
        default=None,
        help="processes parsing ahead in batched end-to-end runs (default: one per core; 0: in this process)",
    )
    args = parser.parse_args()
    messages = corpus(args.messages)
    batches = [int(b) for b in args.batches.split(",")]
    writer_counts = [int(w) for w in args.writers.split(",")]
    process_counts = [int(p) for p in args.processes.split(",")]
    modes = args.modes.split(",")
    for mode in modes:
        if mode not in (END_TO_END, WRITE_ONLY):
            parser.error(f"unknown mode {mode}")
    print(f"parser alone: {parse_only(messages):.0f} messages/s (the ceiling for one process)")
    backends = args.backends.split(",")
    if "postgresql" in backends:
        with fresh_database("postgresql") as url:
            print(f"postgresql: commit latency {commit_latency_ms(url):.2f} ms")
    figures: list[Figure] = []
    # The backends back to back for each configuration: a comparison between them sees the same
    # load on a shared machine.
    for batch in batches:
        for writers in writer_counts if batch == 1 else [1]:
            for processes in sorted({min(p, writers) for p in process_counts}) if batch == 1 else [1]:
                for mode in modes:
                    for backend in backends:
                        figure = measure(
                            backend,
                            messages,
                            batch=batch,
                            writers=writers,
                            mode=mode,
                            parse_workers=args.parse_workers,
                            account=args.account,
                            processes=processes,
                        )
                        figures.append(figure)
                        print(describe(figure), flush=True)
    print(f"summary ({len(messages)} messages each):")
    for line in summary(figures):
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
