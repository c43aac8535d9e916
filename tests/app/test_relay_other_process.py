"""A relay hears commits of outbox rows made by other processes (PostgreSQL LISTEN/NOTIFY).

`serve --workers N` answers the API in N worker processes while the relay runs once, in the
supervisor: a worker's commit must not wait for the relay's idle poll. The relay here polls every
ten minutes, so only the notification can make it publish the other process's row in time.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable

import pytest
from sqlalchemy import text

from service.app.relay import OutboxRelay
from service.config import Settings
from service.store.db import Database
from service.store.outbox import OUTBOX_CHANNEL
from tests.fixtures.kafka import KafkaBroker

pytestmark = pytest.mark.kafka

IDLE_POLL = 600.0  # far beyond every wait below: a relay that only polls fails this test

WRITE_ONE_ROW = """
import sys
from datetime import UTC, datetime
from service.domain.event_types import BOUNCE_HARD
from service.store import outbox
from service.store.db import Database

db = Database(sys.argv[1])
with db.transaction() as session:
    outbox.write(session, [outbox.Announcement(BOUNCE_HARD, sys.argv[2], {"recipient": sys.argv[2]})],
                 now=datetime.now(UTC))
db.dispose()
"""


def wait_for(condition: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def listeners(db: Database) -> int:
    """Connections of this test's database that LISTEN on the outbox channel."""
    with db.engine.connect() as connection:
        return int(
            connection.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND query = :listen"
                ),
                {"listen": f"LISTEN {OUTBOX_CHANNEL}"},
            ).scalar_one()
        )


def pending(db: Database) -> int:
    with db.engine.connect() as connection:
        return int(
            connection.execute(text("SELECT count(*) FROM outbox WHERE published_at IS NULL")).scalar_one()
        )


def write_in_another_process(database_url: str, address: str) -> None:
    subprocess.run(
        [sys.executable, "-c", WRITE_ONE_ROW, database_url, address],
        check=True,
        timeout=60,
        capture_output=True,
    )


def test_a_row_committed_by_another_process_is_published_before_the_idle_poll(
    database: Database, backend: str, running_kafka_broker: KafkaBroker
) -> None:
    if backend != "postgresql":
        pytest.skip("PostgreSQL only: SQLite has no notifications (its relay polls, README 'Processes')")
    broker = running_kafka_broker
    topic = broker.new_topic()
    settings = Settings(
        database_url=database.url, kafka_bootstrap_servers=broker.bootstrap_servers, kafka_topic=topic
    )
    relay = OutboxRelay(settings, database, idle_poll_seconds=IDLE_POLL)
    stop = threading.Event()
    running = threading.Thread(target=relay.run, args=(stop,), daemon=True)
    running.start()
    try:
        # (a precondition, not the assertion: without a listener the publish below fails anyway)
        wait_for(lambda: listeners(database) == 1, timeout=30)
        time.sleep(0.5)  # the relay's first passes, with nothing pending, are over
        write_in_another_process(database.url, "first@example.com")
        assert wait_for(lambda: pending(database) == 0, timeout=60), "published without waiting for the poll"
        write_in_another_process(database.url, "second@example.com")
        assert wait_for(lambda: pending(database) == 0, timeout=60), "and again: it keeps listening"
        keys = sorted(record.key for record in broker.read_topic(topic, expect=2))
        assert keys == [b"first@example.com", b"second@example.com"]
    finally:
        stop.set()
        running.join(timeout=30)
    assert not running.is_alive(), "the relay and its listener stop when told"
    assert wait_for(lambda: listeners(database) == 0, timeout=10), "the listening connection is closed"
