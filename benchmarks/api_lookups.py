"""API lookup benchmark: single lookups per second (p50/p99) against a constant-body floor on the same
stack, and the time of a 10,000-address bulk check, with 100,000 global suppressions stored and
20,000 entries scoped to each of two accounts; a global key (round 1's lookups: global entries
only) against a key bound to an account (its entries and the global ones).

    .venv/bin/python benchmarks/api_lookups.py [--database-url URL] [--seconds 5] [--connections 16]
                                                [--baseline TREE] [--suppressions N]
                                                [--lookup-cache on|off] [--lookup-confirmed-entries N]
                                                [--workers-scaling] [--bulk-repeats 10]

`--suppressions N` stores N global entries instead of 100,000, generated in SQL (10 million take
about a minute on PostgreSQL), and prints the serving process's memory (RSS, and its peak) once
its in-memory view is loaded and after the load phases. `--lookup-cache off` measures the
database path alone, `--lookup-confirmed-entries 0` the view with every hit confirmed by the
database (no answers held). A bulk check is timed "cold" (the server first drops the answers it
holds: every suppressed address is confirmed by the database) and "warm" (the same check again).
`--workers-scaling` then also runs `bounceback serve --workers 1` and
`--workers 2` on the same database and compares their lookup rates, with how many of each round's
connections each worker held (read from /proc) and the share of a core each worker took. Every
phase prints how much CPU the load generator itself took (it shares the machine with the server).
Run with another tree's `.venv/bin/python` (e.g. the main checkout's), the `bounceback serve` it
compares is that tree's.

Starts `uvicorn` (as `bounceback serve` configures it) in a subprocess on a free loopback port; the
client is asyncio over raw keep-alive sockets, so it costs far less than the server it measures.
`--baseline TREE` also serves a round-1 checkout (e.g. `git worktree add /tmp/round1 <commit>`)
on a database of its own, seeded by its own script with its 100,000 entries, and measures it in
the same rounds: the account-bound figures are then compared with round 1's own code, not only
with this tree's global lookups. Phases alternate in one-second rounds, so a change in machine load
hits them alike; compare the ratios printed at the end.
"""

from __future__ import annotations

import argparse
import ast
import asyncio
import json
import os
import random
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Coroutine
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STORED = 100_000
SCOPED = 20_000  # entries scoped to each of two accounts
BULK = 10_000
FLOOR_PATH = "/__floor"
VIEW_PATH = "/__view"
FORGET_PATH = "/__forget"
ACCOUNT, OTHER = "shop-a", "shop-b"


def serve(
    database_url: str, port: int, lookup_cache: bool = True, confirmed_entries: int | None = None
) -> None:
    """The server process: the real app plus a hidden constant-body route (the framework's floor),
    one that says whether the in-memory view is loaded, and one that drops the confirmed entries
    it holds (a bulk check's "cold" runs)."""
    import uvicorn
    from fastapi import Response

    from service.api import create_app
    from service.config import Settings
    from service.store.db import Database

    settings = Settings(database_url=database_url, lookup_cache=lookup_cache)
    if confirmed_entries is not None:
        settings = settings.model_copy(update={"lookup_confirmed_entries": confirmed_entries})
    app = create_app(settings, Database(database_url))
    body = b'{"status":"ok"}'

    @app.get(FLOOR_PATH, include_in_schema=False)
    async def floor() -> Response:
        return Response(body, media_type="application/json")

    @app.get(VIEW_PATH, include_in_schema=False)
    async def view() -> dict[str, object]:
        loaded = app.state.suppression_view
        return {"ready": loaded is None or loaded.ready, "entries": len(loaded) if loaded else None}

    @app.post(FORGET_PATH, include_in_schema=False)
    async def forget() -> dict[str, object]:
        loaded = app.state.suppression_view
        held = getattr(loaded, "confirmed", None)  # (none in a round-1 tree)
        if held is not None:
            held.forget_all()
        return {"held": 0}

    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False, server_header=False)


def scoped(i: int) -> str:
    return f"scoped{i}@example.com"


def seed(database_url: str, stored: int = STORED) -> tuple[str, str]:
    """`stored` global entries (user0@example.com ...), generated in SQL, and 20,000 for each of two
    accounts; (a global read key, shop-a's key)."""
    from sqlalchemy import func, insert, select, text

    from service.app import accounts
    from service.app.apikeys import create_key
    from service.store.db import open_database
    from service.store.models import Recipient

    db = open_database(database_url, migrate=True)
    with db.session() as session:
        if session.scalar(select(func.count()).select_from(Recipient)):
            raise SystemExit("the benchmark needs an empty database (it stores its own test entries)")
    now = datetime.now(UTC)
    started = time.perf_counter()
    with db.engine.begin() as connection:
        if db.is_sqlite:
            connection.execute(
                text(
                    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < :stored)"
                    " INSERT INTO recipients (address, account_id, suppressed, reason, since, updated_at)"
                    " SELECT 'user' || i || '@example.com', '', 1, 'hard_bounce', :now, :now FROM n"
                ),
                {"stored": stored, "now": now.replace(tzinfo=None).isoformat(sep=" ")},
            )
            # The notices of a fresh list are of no use to anyone (no process follows yet).
            connection.execute(text("DELETE FROM suppression_notices"))
        else:
            # No NOTIFY per generated row (no process listens yet): triggers off for this transaction.
            connection.execute(text("SET LOCAL session_replication_role = replica"))
            connection.execute(text("SET LOCAL statement_timeout = 0"))  # (the service's bound: 30 s)
            connection.execute(
                text(
                    "INSERT INTO recipients (address, account_id, suppressed, reason, since, updated_at)"
                    " SELECT 'user' || i || '@example.com', '', true, 'hard_bounce', :now, :now"
                    " FROM generate_series(0, :stored - 1) AS i"
                ),
                {"stored": stored, "now": now},
            )
    if not db.is_sqlite:
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("SET statement_timeout = 0"))
            connection.execute(text("VACUUM ANALYZE recipients"))
    print(f"  {stored:,} generated in {time.perf_counter() - started:.1f} s", flush=True)
    # shop-a's complaints on scoped0..; shop-b's on the next 20,000, which shop-a's key never sees.
    rows = [("complaint", ACCOUNT, scoped(i)) for i in range(SCOPED)]
    rows += [("complaint", OTHER, scoped(SCOPED + i)) for i in range(SCOPED)]
    with db.transaction() as session:
        for account in (ACCOUNT, OTHER):
            accounts.create(session, account)
        for start in range(0, len(rows), 10_000):
            session.execute(
                insert(Recipient),
                [
                    {
                        "address": address,
                        "account_id": account,
                        "suppressed": True,
                        "reason": reason,
                        "since": now,
                        "updated_at": now,
                    }
                    for reason, account, address in rows[start : start + 10_000]
                ],
            )
        _, global_key = create_key(session, "benchmark", "read")
        _, account_key = create_key(session, "benchmark-shop-a", "read", account=ACCOUNT)
    db.dispose()
    return global_key, account_key


def seed_in(tree: Path, database_url: str, stored: int) -> tuple[str, str]:
    """`seed` as another tree's own code runs it: its migrations make the schema (a tree compared
    with `--compare` may not have this one's indexes), its keys are returned."""
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import importlib.util as u; "
        "spec = u.spec_from_file_location('b', sys.argv[1] + '/benchmarks/api_lookups.py'); "
        "m = sys.modules['b'] = u.module_from_spec(spec); spec.loader.exec_module(m); "
        "print(repr(tuple(m.seed(sys.argv[2], int(sys.argv[3])))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tree), database_url, str(stored)],
        cwd=tree,
        env=_clean_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    global_key, account_key = ast.literal_eval(done.stdout.strip().splitlines()[-1])
    return str(global_key), str(account_key)


def seed_baseline(tree: Path, database_url: str) -> str:
    """Seed a database with the round-1 tree's own seed function (its schema, its 100,000 rows), then
    add 40,000 more global rows, so that both tables hold as many rows as each other (a PostgreSQL
    bulk check reads the whole table: a smaller one would flatter round 1)."""
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import importlib.util as u; "
        "spec = u.spec_from_file_location('b', sys.argv[1] + '/benchmarks/api_lookups.py'); "
        "m = u.module_from_spec(spec); spec.loader.exec_module(m); print(m.seed(sys.argv[2]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tree), database_url],
        cwd=tree,
        env=_clean_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    from sqlalchemy import create_engine, text

    engine = create_engine(database_url)
    now = datetime.now(UTC)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO recipients (address, suppressed, reason, since, updated_at)"
                " VALUES (:address, true, 'complaint', :now, :now)"
            ),
            [{"address": scoped(i), "now": now} for i in range(2 * SCOPED)],
        )
    engine.dispose()
    return done.stdout.strip().splitlines()[-1]


def _clean_env() -> dict[str, str]:
    # No BOUNCEBACK_* of the caller's; no .pyc files written into a baseline tree.
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOUNCEBACK_")}
    return {
        **env,
        "PYTHONDONTWRITEBYTECODE": "1",
        "BOUNCEBACK_SECRET_KEY": "benchmark-secret-0123456789abcdef",
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_ready(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                if s.recv(100).startswith(b"HTTP/1.1 200"):
                    return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the server did not start")


async def exchange(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes
) -> tuple[int, bytes]:
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = 0
    for line in head.split(b"\r\n"):
        if line[:15].lower() == b"content-length:":
            length = int(line[15:])
    body = await reader.readexactly(length) if length else b""
    return status, body


def get(path: str, key: str) -> bytes:
    return f"GET {path} HTTP/1.1\r\nHost: bench\r\nAuthorization: Bearer {key}\r\n\r\n".encode()


async def load(
    port: int, paths: list[bytes], connections: int, seconds: float
) -> tuple[float, list[float], dict[int, int]]:
    """Requests per second and latencies over `connections` keep-alive connections for `seconds`."""
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    stop_at = time.perf_counter() + seconds

    async def worker(seed: int) -> None:
        rng = random.Random(seed)
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        while (now := time.perf_counter()) < stop_at:
            status, _ = await exchange(reader, writer, paths[rng.randrange(len(paths))])
            latencies.append(time.perf_counter() - now)
            statuses[status] = statuses.get(status, 0) + 1
        writer.close()

    started = time.perf_counter()
    cpu = _cpu_seconds()
    await asyncio.gather(*(worker(i) for i in range(connections)))
    wall = time.perf_counter() - started
    GENERATOR_CPU.append((_cpu_seconds() - cpu, wall))
    return len(latencies) / wall, latencies, statuses


async def ask_each(port: int, paths: list[bytes], connections: int) -> None:
    """Every one of `paths` once, over `connections` keep-alive connections."""

    async def worker(share: list[bytes]) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        for request in share:
            await exchange(reader, writer, request)
        writer.close()

    distinct = list(dict.fromkeys(paths))
    await asyncio.gather(*(worker(distinct[i::connections]) for i in range(connections)))


# (CPU seconds, wall seconds) of each load phase: the share of the machine the client itself took.
GENERATOR_CPU: list[tuple[float, float]] = []


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def generator_share() -> str:
    cpu = sum(c for c, _ in GENERATOR_CPU)
    wall = sum(w for _, w in GENERATOR_CPU)
    GENERATOR_CPU.clear()
    return f"the load generator took {cpu / wall:.0%} of one core ({os.cpu_count()} cores on this machine)"


def memory_of(pid: int) -> str:
    """The process's resident memory now (VmRSS) and at its peak (VmHWM), from /proc."""
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line
    )
    rss, peak = (int(fields[name].split()[0]) // 1024 for name in ("VmRSS", "VmHWM"))
    return f"RSS {rss} MB (peak {peak} MB)"


def wait_view(port: int, timeout: float = 1800.0) -> None:
    """Until the server's in-memory view is loaded (it answers from the database meanwhile)."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
            s.sendall(f"GET {VIEW_PATH} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
            answer = b""
            while chunk := s.recv(4096):
                answer += chunk
        state = json.loads(answer.split(b"\r\n\r\n", 1)[1])
        if state["ready"]:
            if state["entries"] is not None:
                print(
                    f"in-memory view of {state['entries']:,} entries ready after {time.monotonic() - started:.1f} s",
                    flush=True,
                )
            return
        time.sleep(0.5)
    raise SystemExit("the in-memory view did not load")


def forget_answers(port: int) -> None:
    """The server drops the database answers it holds (the next bulk check is confirmed by the
    database, as the first check of a list is)."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(
            f"POST {FORGET_PATH} HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".encode()
        )
        answer = b""
        while chunk := s.recv(4096):
            answer += chunk
    if not answer.startswith(b"HTTP/1.1 200"):
        raise SystemExit(f"the server did not drop its answers: {answer[:200]!r}")


def bulk_body(for_account: bool, stored: int = STORED) -> bytes:
    """10,000 addresses, every other one suppressed for the key that asks, mixed case so that
    normalisation does real work. `for_account`: a third of the suppressed ones are shop-a's own
    entries, and half of the free ones are shop-b's (free for shop-a)."""
    rng = random.Random(7)
    addresses = []
    for i in range(BULK):
        if i % 2:
            own = for_account and i % 3 == 0
            addresses.append(
                scoped(rng.randrange(SCOPED)) if own else f"User{rng.randrange(stored)}@Example.com"
            )
        else:
            foreign = for_account and i % 4 == 0
            addresses.append(
                scoped(SCOPED + rng.randrange(SCOPED)).upper() if foreign else f"new{i}@example.org"
            )
    return json.dumps({"addresses": addresses}).encode()


async def bulk_checks(port: int, key: str, body: bytes, repeats: int) -> list[float]:
    request = (
        f"POST /v1/suppressions/check HTTP/1.1\r\nHost: bench\r\nAuthorization: Bearer {key}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    times = []
    for _ in range(repeats):
        cpu = _cpu_seconds()
        started = time.perf_counter()
        status, answer = await exchange(reader, writer, request)
        times.append(time.perf_counter() - started)
        GENERATOR_CPU.append((_cpu_seconds() - cpu, times[-1]))
        assert status == 200, answer[:300]
    writer.close()
    results = json.loads(answer)["results"]
    assert len(results) == BULK and sum(r["suppressed"] for r in results) == BULK // 2, "wrong answers"
    return times


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def report(name: str, rate: float, latencies: list[float], statuses: dict[int, int]) -> None:
    print(
        f"{name:<26} {rate:>9,.0f} req/s   p50 {pct(latencies, 0.5) * 1000:6.2f} ms   "
        f"p99 {pct(latencies, 0.99) * 1000:6.2f} ms   statuses {statuses}"
    )


@dataclass
class Server:
    name: str
    port: int
    process: subprocess.Popen[bytes]


def start(script: Path, database_url: str, cwd: Path, extra: tuple[str, ...] = ()) -> Server:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(script), "--serve", str(port), "--database-url", database_url, *extra],
        env=_clean_env(),
        cwd=cwd,
    )
    return Server(str(script), port, process)


def cpu_ticks(pid: int) -> int:
    """utime + stime of a process, in clock ticks."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def cpu_ticks_or_none(pid: int) -> int:
    """`cpu_ticks`, 0 for a process that has ended."""
    try:
        return cpu_ticks(pid)
    except OSError:
        return 0


def database_backends(database_url: str | None) -> list[int]:
    """The PostgreSQL server processes connected to the database of `database_url` (none for
    SQLite): a pool's connections stay, so these are the ones a check's statements run in."""
    if database_url is None or not database_url.startswith("postgresql"):
        return []
    import psycopg

    name = database_url.rsplit("/", 1)[1].split("?")[0]
    with psycopg.connect(
        database_url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True
    ) as c:
        rows = c.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()", (name,)
        ).fetchall()
    return [pid for (pid,) in rows]


def wait_until_closed(port: int, seconds: float = 5.0) -> None:
    """Until the server on `port` has closed the connections a phase's client closed (none of its
    side left established or in CLOSE_WAIT): each phase starts from the same state. A worker that
    has not yet read a client's closes still counts those connections, and took fewer of the next
    phase's (rounds of 11/5 and 4/12 when phases followed each other at once)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        states = [line.split() for line in Path("/proc/net/tcp").read_text().splitlines()[1:]]
        if not any(int(f[1].rsplit(":", 1)[1], 16) == port and f[3] in ("01", "08") for f in states):
            return
        time.sleep(0.01)


async def watched_load(
    port: int, paths: list[bytes], connections: int, seconds: float, workers: list[int]
) -> tuple[float, list[int], list[float]]:
    """`load`, and while it runs, which worker holds each connection and each worker's share of
    one core over the phase."""
    from tests.fixtures.processes import connections_held

    held: list[int] = []

    async def look() -> None:
        await asyncio.sleep(seconds / 2)
        held.extend(connections_held(port, workers))

    before, started = [cpu_ticks(pid) for pid in workers], time.perf_counter()
    (rate, _, _), _ = await asyncio.gather(load(port, paths, connections, seconds), look())
    wall = time.perf_counter() - started
    ticks = os.sysconf("SC_CLK_TCK")
    shares = [(cpu_ticks(pid) - b) / ticks / wall for pid, b in zip(workers, before, strict=True)]
    generator, _ = GENERATOR_CPU[-1]  # (this phase's, appended by `load`)
    return rate, held, [*shares, generator / wall]


T = TypeVar("T")


def run_cheaply(work: Coroutine[Any, Any, T]) -> T:
    """`asyncio.run` on uvloop when installed: the load generator then takes less of the cores the
    workers it measures share with it (here, where two workers and it compete for 2 cores)."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(work)
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        return runner.run(work)


def workers_scaling(url: str, key: str, user_hits: list[str], args: argparse.Namespace) -> None:
    """`bounceback serve --workers 1` against `--workers 2` (API only) on the same database, the
    single lookups of both kinds, alternating in rounds; with which worker held each of the load
    generator's connections, and how much of a core each worker and the load generator took."""
    from tests.fixtures.processes import worker_processes

    bounceback = str(Path(sys.executable).with_name("bounceback"))
    env = {**_clean_env(), "BOUNCEBACK_DATABASE_URL": url, "BOUNCEBACK_LOOKUP_CACHE": args.lookup_cache}
    if args.lookup_confirmed_entries is not None:
        env["BOUNCEBACK_LOOKUP_CONFIRMED_ENTRIES"] = str(args.lookup_confirmed_entries)
    misses = [f"/v1/suppressions/free{i}@example.org" for i in range(3000)]
    ports = {workers: free_port() for workers in (1, 2)}
    logs = tempfile.TemporaryDirectory()
    log_files = {n: Path(logs.name) / f"workers-{n}.log" for n in ports}
    processes = {
        n: subprocess.Popen(
            [bounceback, "serve", "--no-background", "--workers", str(n), "--port", str(port)],
            env={**env, "BOUNCEBACK_LOG_FORMAT": "json"},
            stderr=log_files[n].open("wb"),
        )
        for n, port in ports.items()
    }
    try:
        for port in ports.values():
            wait_ready(port, 120)
        if args.lookup_cache == "on":  # until every worker's view is loaded (each logs it)
            started = time.monotonic()
            while sum(path.read_text().count("suppression view loaded") for path in log_files.values()) < 3:
                if time.monotonic() - started > 1800:
                    raise SystemExit("the workers' views did not load")
                time.sleep(0.5)
            print(f"the 3 workers' views loaded after {time.monotonic() - started:.0f} s", flush=True)
        # One worker is the serving process itself; N are its children.
        workers = {n: worker_processes(processes[n].pid) if n > 1 else [processes[n].pid] for n in ports}
        assert [len(workers[n]) for n in ports] == list(ports), workers
        phases = {
            (n, kind): [get(p, key) for p in paths]
            for n in ports
            for kind, paths in (("404", misses), ("200", user_hits))
        }
        for (n, _), requests in phases.items():
            run_cheaply(load(ports[n], requests, args.connections, 0.5))
            wait_until_closed(ports[n])
        GENERATOR_CPU.clear()
        rates: dict[tuple[int, str], list[float]] = {phase: [] for phase in phases}
        spreads: list[list[int]] = []
        shares: dict[int, list[list[float]]] = {n: [] for n in ports}
        for _ in range(max(1, round(args.seconds))):
            for (n, kind), requests in phases.items():
                rate, held, share = run_cheaply(
                    watched_load(ports[n], requests, args.connections, 1.0, workers[n])
                )
                wait_until_closed(ports[n])
                rates[(n, kind)].append(rate)
                shares[n].append(share)
                if n == 2:
                    spreads.append(held)
        for kind in ("404", "200"):
            one, two = (statistics.median(rates[(n, kind)]) for n in (1, 2))
            print(
                f"serve --workers 2 vs 1, lookups {kind}: {two:,.0f} vs {one:,.0f} req/s = {two / one:.2f}x"
            )
        print(
            f"serve --workers 2: the {args.connections} connections of each round held by worker 1 / "
            "worker 2: " + ", ".join("/".join(map(str, held)) for held in spreads)
        )
        for n in ports:
            *each, generator = (statistics.median(share[i] for share in shares[n]) for i in range(n + 1))
            print(
                f"serve --workers {n}: each worker took "
                + " / ".join(f"{s:.0%}" for s in each)
                + f" of one core, the load generator {generator:.0%}: {sum(each) + generator:.0%} of one"
                " core in all (medians over the rounds)"
            )
        # Where the workers and the generator took no more in all with two workers than with one,
        # the machine gave them no more: other work had the rest (and with the kernel's autogroup
        # scheduling, processes of one session share one session's share of the cores).
        # The most 2 workers could reach on 2 otherwise idle cores, from CPU per request: one
        # worker alone would fill a core (and the generator take `generator / one_worker` of
        # one); two fill two cores, less what the generator takes at their rate.
        one_worker, generator = (statistics.median(share[i] for share in shares[1]) for i in (0, 1))
        cores = min(2, os.cpu_count() or 1)
        print(
            f"the most 2 workers could reach on {cores} otherwise idle cores: {cores} / (1 + "
            f"{generator:.0%} generator / {one_worker:.0%} one worker) = {cores / (1 + generator / one_worker):.2f}x"
        )
        print(generator_share())
        print(f"load average now: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    finally:
        for process in processes.values():
            process.terminate()
            process.wait(30)
        logs.cleanup()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", help="default: a fresh SQLite file in a temporary directory")
    parser.add_argument(
        "--baseline-database-url", help="the baseline's database (default: SQLite, like ours)"
    )
    parser.add_argument(
        "--baseline", type=Path, metavar="TREE", help="a round-1 checkout to measure alongside"
    )
    parser.add_argument("--seconds", type=float, default=5.0, help="duration of each load phase")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--bulk-repeats", type=int, default=10)
    parser.add_argument("--suppressions", type=int, default=STORED, help="global entries stored")
    parser.add_argument("--lookup-cache", choices=("on", "off"), default="on")
    parser.add_argument(
        "--lookup-confirmed-entries",
        type=int,
        metavar="N",
        help="BOUNCEBACK_LOOKUP_CONFIRMED_ENTRIES for the server (0: every hit confirmed by the database)",
    )
    parser.add_argument("--workers-scaling", action="store_true", help="also compare serve --workers 1 and 2")
    parser.add_argument(
        "--compare",
        type=Path,
        metavar="TREE",
        help="also serve TREE's code (e.g. main's: `git archive main | tar -x -C DIR`) on a database of its"
        " own (--compare-database-url) seeded alike, and time its bulk checks alternately with ours",
    )
    parser.add_argument("--compare-database-url", help="TREE's database (default: SQLite)")
    parser.add_argument("--bulk-only", action="store_true", help="skip the single-lookup phases")
    parser.add_argument("--serve", type=int, metavar="PORT", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.serve:
        serve(args.database_url, args.serve, args.lookup_cache == "on", args.lookup_confirmed_entries)
        return 0

    tmp = tempfile.TemporaryDirectory()
    url = args.database_url or f"sqlite:///{Path(tmp.name) / 'bench.db'}"
    print(
        f"seeding {args.suppressions:,} global and {2 * SCOPED:,} scoped entries into {url.split('@')[-1]} ...",
        flush=True,
    )
    stored = args.suppressions
    global_key, account_key = seed(url, stored)
    extra = ("--lookup-cache", args.lookup_cache)
    if args.lookup_confirmed_entries is not None:
        extra += ("--lookup-confirmed-entries", str(args.lookup_confirmed_entries))
    servers = {"this tree": start(Path(__file__), url, ROOT, extra)}
    baseline_key = None
    if args.baseline:
        base_url = args.baseline_database_url or f"sqlite:///{Path(tmp.name) / 'round1.db'}"
        print(f"seeding the round-1 tree {args.baseline} into {base_url.split('@')[-1]} ...", flush=True)
        baseline_key = seed_baseline(args.baseline.resolve(), base_url)
        servers["round 1"] = start(
            args.baseline.resolve() / "benchmarks" / "api_lookups.py", base_url, args.baseline
        )
    if args.compare:
        compare_url = args.compare_database_url or f"sqlite:///{Path(tmp.name) / 'compare.db'}"
        print(f"seeding {compare_url.split('@')[-1]} for {args.compare} ...", flush=True)
        compare_tree = args.compare.resolve()
        compare_keys = seed_in(compare_tree, compare_url, stored)
        servers["compared"] = start(
            compare_tree / "benchmarks" / "api_lookups.py", compare_url, compare_tree, extra
        )
    ours = servers["this tree"].port
    try:
        for server in servers.values():
            wait_ready(server.port)
        wait_view(ours)
        if args.compare:
            wait_view(servers["compared"].port)
        ours_pid = servers["this tree"].process.pid
        print(f"serving process, view loaded: {memory_of(ours_pid)}", flush=True)
        sample = random.Random(3)
        user_hits = [f"/v1/suppressions/user{sample.randrange(stored)}@example.com" for _ in range(2700)]
        own_hits = [f"/v1/suppressions/{scoped(i)}" for i in range(0, SCOPED, 7)]
        misses = [f"/v1/suppressions/free{i}@example.org" for i in range(3000)]
        foreign = [f"/v1/suppressions/{scoped(SCOPED + i)}" for i in range(0, SCOPED, 7)]
        phases: dict[str, tuple[int, list[bytes]]] = {
            "floor (constant body)": (ours, [get(FLOOR_PATH, global_key)]),
            "global key, 200": (ours, [get(p, global_key) for p in user_hits]),
            "global key, 404": (ours, [get(p, global_key) for p in misses]),
            # Global entries and its own, half each: every answer a 200.
            "account key, 200": (ours, [get(p, account_key) for p in user_hits[: len(own_hits)] + own_hits]),
            # Free for it: unknown addresses, and shop-b's entries.
            "account key, 404": (ours, [get(p, account_key) for p in misses[: len(foreign)] + foreign]),
            "global key, account=, 200": (
                ours,
                [get(f"{p}?account={ACCOUNT}", global_key) for p in own_hits],
            ),
        }
        if baseline_key is not None:
            base = servers["round 1"].port
            phases["round 1, 200"] = (base, [get(p, baseline_key) for p in user_hits])
            phases["round 1, 404"] = (base, [get(p, baseline_key) for p in misses])
        for port, paths in ({} if args.bulk_only else phases).values():
            asyncio.run(load(port, paths, args.connections, 0.3))  # warm-up: connections, caches, pools
            # Every address asked once: the 200s measured are of addresses asked before, whose
            # answers the server holds (`--lookup-confirmed-entries 0`: none held, every hit read).
            asyncio.run(ask_each(port, paths, args.connections))
        if not args.bulk_only:
            GENERATOR_CPU.clear()
            print(f"{args.connections} keep-alive connections, {args.seconds:g} s per phase")
            totals: dict[str, tuple[float, list[float], dict[int, int]]] = {
                name: (0.0, [], {}) for name in phases
            }
            rounds = max(1, round(args.seconds))
            for _ in range(rounds):
                for name, (port, paths) in phases.items():
                    rate, lat, st = asyncio.run(load(port, paths, args.connections, args.seconds / rounds))
                    seconds, latencies, statuses = totals[name]
                    latencies += lat
                    for code, count in st.items():
                        statuses[code] = statuses.get(code, 0) + count
                    totals[name] = (seconds + len(lat) / rate, latencies, statuses)
            rates = {}
            for name, (seconds, latencies, statuses) in totals.items():
                rates[name] = len(latencies) / seconds
                report(name, rates[name], latencies, statuses)
            floor_rate = rates["floor (constant body)"]
            print(
                f"single lookups at {rates['global key, 200'] / floor_rate:.0%} (200) and "
                f"{rates['global key, 404'] / floor_rate:.0%} (404) of the floor's rate, account key "
                f"{rates['account key, 200'] / floor_rate:.0%} (200) and {rates['account key, 404'] / floor_rate:.0%} "
                "(404) (aim: >= 70%); " + generator_share()
            )
            p99 = {name: pct(latencies, 0.99) * 1000 for name, (_, latencies, _) in totals.items()}
            print(
                f"p99 at {args.connections} connections: floor {p99['floor (constant body)']:.1f} ms, "
                f"lookups 200 {p99['global key, 200']:.1f} ms, 404 {p99['global key, 404']:.1f} ms (aim: <= 10 ms)"
            )
            for status in ("200", "404"):
                line = f"single lookups, {status}: account key / global key {rates[f'account key, {status}'] / rates[f'global key, {status}']:.0%}"
                if baseline_key is not None:
                    line += f", account key / round 1 {rates[f'account key, {status}'] / rates[f'round 1, {status}']:.0%}"
                    line += f", global key / round 1 {rates[f'global key, {status}'] / rates[f'round 1, {status}']:.0%}"
                print(line + " of the rate (aim: >= 90%)")
        # Each check twice in a row: "cold" right after the server dropped the database answers it
        # held (every suppressed address confirmed by the database), "warm" the same check again
        # (the answers the first one read are held). Round 1 holds nothing: one run each round.
        bulk: dict[str, list[float]] = {}
        plain, mixed = bulk_body(False, stored), bulk_body(True, stored)
        runs = [("global key", ours, global_key, plain), ("account key", ours, account_key, mixed)]
        if args.compare:
            there = servers["compared"].port
            runs += [
                ("compared global key", there, compare_keys[0], plain),
                ("compared account key", there, compare_keys[1], mixed),
            ]
        if baseline_key is not None:
            runs.append(("round 1", servers["round 1"].port, baseline_key, plain))
        for _name, port, key, body in runs:
            asyncio.run(bulk_checks(port, key, body, 1))  # warm-up
        # The serving process's CPU time per check too (its clock ticks over all runs of a kind):
        # other load on the machine changes it far less than the time a check takes.
        pids = {server.port: server.process.pid for server in servers.values()}
        ticks: dict[str, int] = {}
        # On PostgreSQL, the CPU time of the server processes serving each tree's database too
        # (the confirmation's probes run there, beside the serving process).
        databases = {ours: url}
        if args.compare:
            databases[servers["compared"].port] = compare_url
        database_ticks: dict[str, int] = {}

        def timed(name: str, port: int, key: str, body: bytes) -> None:
            backends = database_backends(databases.get(port))
            before, before_database = cpu_ticks(pids[port]), sum(map(cpu_ticks_or_none, backends))
            bulk.setdefault(name, []).extend(asyncio.run(bulk_checks(port, key, body, 1)))
            ticks[name] = ticks.get(name, 0) + cpu_ticks(pids[port]) - before
            database_ticks[name] = (
                database_ticks.get(name, 0) + sum(map(cpu_ticks_or_none, backends)) - before_database
            )

        for _ in range(args.bulk_repeats):  # alternating, like the single lookups
            for name, port, key, body in runs:
                if name != "round 1":
                    forget_answers(port)
                    timed(f"{name}, cold", port, key, body)
                    timed(f"{name}, warm", port, key, body)
                else:
                    timed(name, port, key, body)
        tick_ms = 1000 / os.sysconf("SC_CLK_TCK")
        for name, times in bulk.items():
            print(
                f"bulk check of {BULK:,} addresses ({BULK // 2:,} suppressed), {name:<26}: "
                f"median {statistics.median(times) * 1000:.0f} ms, best {min(times) * 1000:.0f} ms, "
                f"worst {max(times) * 1000:.0f} ms over {len(times)} runs (aim: <= 30 ms);"
                f" server CPU {ticks[name] * tick_ms / len(times):.1f} ms a check"
                + (
                    f", the database's {database_ticks[name] * tick_ms / len(times):.1f} ms"
                    if url.startswith("postgresql")
                    else ""
                )
            )
        median = {name: statistics.median(t) for name, t in bulk.items()}
        for state in ("cold", "warm"):
            account, global_ = median[f"account key, {state}"], median[f"global key, {state}"]
            line = f"bulk check, {state}: account key / global key {account / global_:.0%}"
            if baseline_key is not None:
                line += f", account key / round 1 {account / median['round 1']:.0%}"
                line += f", global key / round 1 {global_ / median['round 1']:.0%}"
            print(line + " of the time (aim: <= 110%)")
        if args.compare:
            for state in ("cold", "warm"):
                for key in ("global key", "account key"):
                    ratio = median[f"{key}, {state}"] / median[f"compared {key}, {state}"]
                    print(
                        f"bulk check, {key}, {state}: this tree / {args.compare} {ratio:.0%} of the time (median)"
                    )
        print(f"{BULK:,}-address bulk checks: " + generator_share())
        print(f"serving process after the load phases: {memory_of(ours_pid)}")
        if args.workers_scaling:
            workers_scaling(url, global_key, user_hits, args)
    finally:
        for server in servers.values():
            server.process.terminate()
            server.process.wait(10)
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
