"""API lookup benchmark: single lookups per second (p50/p99) against a constant-body floor on the same
stack, and the time of a 10,000-address bulk check, with 100,000 suppressions stored.

    .venv/bin/python benchmarks/api_lookups.py [--database-url URL] [--seconds 5] [--connections 16]

Starts `uvicorn` (as `bounceback serve` configures it) in a subprocess on a free loopback port; the
client is asyncio over raw keep-alive sockets, so it costs far less than the server it measures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STORED = 100_000
BULK = 10_000
FLOOR_PATH = "/__floor"


def serve(database_url: str, port: int) -> None:
    """The server process: the real app plus a hidden constant-body route (the framework's floor)."""
    import uvicorn
    from fastapi import Response

    from service.api import create_app
    from service.config import Settings
    from service.store.db import Database

    app = create_app(Settings(database_url=database_url), Database(database_url))
    body = b'{"status":"ok"}'

    @app.get(FLOOR_PATH, include_in_schema=False)
    async def floor() -> Response:
        return Response(body, media_type="application/json")

    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False, server_header=False)


def seed(database_url: str) -> str:
    """100,000 suppressed addresses and a read key; returns the key."""
    from sqlalchemy import func, insert, select

    from service.app.apikeys import create_key
    from service.store.db import open_database
    from service.store.models import Recipient

    db = open_database(database_url, migrate=True)
    with db.session() as session:
        if session.scalar(select(func.count()).select_from(Recipient)):
            raise SystemExit("the benchmark needs an empty database (it stores 100,000 test entries)")
    now = datetime.now(UTC)
    with db.transaction() as session:
        for start in range(0, STORED, 10_000):
            session.execute(
                insert(Recipient),
                [
                    {
                        "address": f"user{i}@example.com",
                        "suppressed": True,
                        "reason": "hard_bounce",
                        "since": now,
                        "updated_at": now,
                    }
                    for i in range(start, start + 10_000)
                ],
            )
        _, key = create_key(session, "benchmark", "read")
    db.dispose()
    return key


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
    await asyncio.gather(*(worker(i) for i in range(connections)))
    return len(latencies) / (time.perf_counter() - started), latencies, statuses


async def bulk_checks(port: int, key: str, repeats: int) -> list[float]:
    rng = random.Random(7)
    # Half stored (suppressed), half unknown; mixed case so normalisation does real work.
    addresses = [
        f"User{rng.randrange(STORED)}@Example.com" if i % 2 else f"new{i}@example.org" for i in range(BULK)
    ]
    body = json.dumps({"addresses": addresses}).encode()
    request = (
        f"POST /v1/suppressions/check HTTP/1.1\r\nHost: bench\r\nAuthorization: Bearer {key}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    times = []
    for _ in range(repeats + 1):
        started = time.perf_counter()
        status, answer = await exchange(reader, writer, request)
        times.append(time.perf_counter() - started)
        assert status == 200, answer[:300]
    writer.close()
    results = json.loads(answer)["results"]
    assert len(results) == BULK and sum(r["suppressed"] for r in results) == BULK // 2
    return times[1:]  # the first one warms caches


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def report(name: str, rate: float, latencies: list[float], statuses: dict[int, int]) -> None:
    print(
        f"{name:<26} {rate:>9,.0f} req/s   p50 {pct(latencies, 0.5) * 1000:6.2f} ms   "
        f"p99 {pct(latencies, 0.99) * 1000:6.2f} ms   statuses {statuses}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", help="default: a fresh SQLite file in a temporary directory")
    parser.add_argument("--seconds", type=float, default=5.0, help="duration of each load phase")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--bulk-repeats", type=int, default=10)
    parser.add_argument("--serve", type=int, metavar="PORT", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.serve:
        serve(args.database_url, args.serve)
        return 0

    tmp = tempfile.TemporaryDirectory()
    url = args.database_url or f"sqlite:///{Path(tmp.name) / 'bench.db'}"
    print(f"seeding {STORED:,} suppressions into {url.split('@')[-1]} ...", flush=True)
    key = seed(url)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOUNCEBACK_")}
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", str(port), "--database-url", url], env=env
    )
    try:
        wait_ready(port)
        hits = [get(f"/v1/suppressions/user{i}@example.com", key) for i in range(0, STORED, 37)]
        misses = [get(f"/v1/suppressions/free{i}@example.org", key) for i in range(3000)]
        floor = [get(FLOOR_PATH, key)]
        asyncio.run(load(port, floor + hits, args.connections, 1.0))  # warm-up: connections, caches, pools
        print(
            f"{args.connections} keep-alive connections, {args.seconds:g} s per phase, server pid {server.pid}"
        )
        # The phases alternate in one-second rounds, so a change in machine load hits them alike.
        phases = {
            "floor (constant body)": floor,
            "lookup, suppressed (200)": hits,
            "lookup, free (404)": misses,
        }
        totals = {name: (0.0, [], {}) for name in phases}
        rounds = max(1, round(args.seconds))
        for _ in range(rounds):
            for name, paths in phases.items():
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
        hit_rate = rates["lookup, suppressed (200)"]
        miss_rate = rates["lookup, free (404)"]
        print(
            f"single lookups at {hit_rate / floor_rate:.0%} (200) and {miss_rate / floor_rate:.0%} (404)"
            " of the floor's rate (aim: >= 50%)"
        )
        times = asyncio.run(bulk_checks(port, key, args.bulk_repeats))
        print(
            f"bulk check of {BULK:,} addresses: median {statistics.median(times) * 1000:.0f} ms, "
            f"best {min(times) * 1000:.0f} ms, worst {max(times) * 1000:.0f} ms over {len(times)} runs (aim: <= 100 ms)"
        )
    finally:
        server.terminate()
        server.wait(10)
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
