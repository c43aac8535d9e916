"""The outbox relay against a real Kafka-protocol broker, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from prometheus_client import REGISTRY
from sqlalchemy import func, select

from service.app.relay import BrokerUnavailable, OutboxRelay
from service.config import Settings
from service.domain.event_types import BOUNCE_HARD, MESSAGE_QUARANTINED
from service.store import outbox
from service.store.db import Database
from service.store.models import OutboxEvent
from service.store.outbox import Announcement
from tests.fixtures.kafka import KafkaBroker

pytestmark = pytest.mark.kafka

# Short broker timeouts keep the outage tests quick; the defaults only make them slower.
FAST = 1500


def relay_settings(db: Database, broker: KafkaBroker | None, topic: str = "unused", **extra: Any) -> Settings:
    return Settings(
        database_url=db.url,
        kafka_bootstrap_servers=broker.bootstrap_servers if broker else "",
        kafka_topic=topic,
        instance="test",
        **extra,
    )


def enqueue_bounces(db: Database, addresses: list[str], *, start: int = 0) -> list[str]:
    """One hard-bounce outbox row per address, numbered in order; returns their ce_ids."""
    with db.transaction() as session:
        return outbox.write(
            session,
            [
                Announcement(
                    BOUNCE_HARD,
                    address,
                    {
                        "n": start + i,
                        "recipient": address,
                        "classification": "hard",
                        "reason": "user_unknown",
                    },
                )
                for i, address in enumerate(addresses)
            ],
            now=datetime.now(UTC),
        )


def pending(db: Database) -> int:
    with db.session() as session:
        return int(
            session.scalar(
                select(func.count()).select_from(OutboxEvent).where(OutboxEvent.published_at.is_(None))
            )
            or 0
        )


def header_map(record: Any) -> dict[str, bytes]:
    return dict(record.headers)


def wait_for(condition: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def test_publishes_cloudevents_keyed_by_address(
    database: Database, running_kafka_broker: KafkaBroker
) -> None:
    broker = running_kafka_broker
    topic = broker.new_topic()
    created = datetime(2026, 11, 23, 1, 2, 3, 456789, tzinfo=UTC)
    with database.transaction() as session:
        bounce_id, quarantined_id = outbox.write(
            session,
            [
                Announcement(BOUNCE_HARD, "Alice@example.com", {"recipient": "Alice@example.com"}),
                Announcement(MESSAGE_QUARANTINED, None, {"message_id": 7, "reason": "no_events"}),
            ],
            now=created,
        )

    relay = OutboxRelay(relay_settings(database, broker, topic, kafka_topic_partitions=4), database)
    published_before = REGISTRY.get_sample_value("bounceback_events_published_total") or 0
    try:
        assert relay.publish_pending() == 2
        assert relay.publish_pending() == 0, "a second run publishes nothing again"
    finally:
        relay.close()

    assert pending(database) == 0
    assert REGISTRY.get_sample_value("bounceback_outbox_backlog") == 0
    assert REGISTRY.get_sample_value("bounceback_events_published_total") == published_before + 2
    assert broker.partition_count(topic) == 4, "the topic is created with the configured partitions"
    records = {header_map(r)["ce_id"].decode(): r for r in broker.read_topic(topic, expect=2)}
    assert set(records) == {bounce_id, quarantined_id}

    hard = records[bounce_id]
    assert hard.key == b"alice@example.com"
    assert header_map(hard) == {
        "ce_specversion": b"1.0",
        "ce_id": bounce_id.encode(),
        "ce_type": b"bounceback.bounce.hard",
        "ce_source": b"bounceback/test",
        "ce_time": b"2026-11-23T01:02:03.456789Z",
        "ce_subject": b"Alice@example.com",
        "content-type": b"application/json",
    }
    assert json.loads(hard.value) == {"recipient": "Alice@example.com"}

    lost = records[quarantined_id]
    assert lost.key is None
    assert "ce_subject" not in header_map(lost)
    assert header_map(lost)["ce_type"] == b"bounceback.message.quarantined"
    assert json.loads(lost.value) == {"message_id": 7, "reason": "no_events"}


def test_per_address_order_holds_across_batches(
    database: Database, running_kafka_broker: KafkaBroker
) -> None:
    broker = running_kafka_broker
    topic = broker.new_topic()
    addresses = [f"user{i % 5}@example.com" for i in range(120)]
    enqueue_bounces(database, addresses)

    relay = OutboxRelay(relay_settings(database, broker, topic), database, batch_size=25)
    try:
        assert relay.publish_pending() == 120
    finally:
        relay.close()

    records = broker.read_topic(topic, expect=120)
    assert len(records) == 120
    by_key: dict[bytes, list[int]] = {}
    for record in records:
        by_key.setdefault(record.key, []).append(json.loads(record.value)["n"])
    assert len(by_key) == 5
    for numbers in by_key.values():
        assert numbers == sorted(numbers)


def test_broker_down_events_wait_and_go_out_once_when_back(
    database: Database, running_kafka_broker: KafkaBroker
) -> None:
    broker = running_kafka_broker
    topic = broker.new_topic()
    relay = OutboxRelay(relay_settings(database, broker, topic), database, broker_timeout_ms=FAST)
    try:
        before = enqueue_bounces(database, ["a@example.com", "b@example.com"])
        assert relay.publish_pending() == 2
        assert len(broker.read_topic(topic, expect=2)) == 2

        broker.stop()
        during = enqueue_bounces(database, [f"c{i}@example.com" for i in range(10)], start=2)
        started = time.monotonic()
        with pytest.raises(BrokerUnavailable) as failure:
            relay.publish_pending()
        assert time.monotonic() - started < 30, "an unreachable broker is reported in bounded time"
        assert "\n" not in str(failure.value) and broker.bootstrap_servers in str(failure.value)
        assert pending(database) == 10, "nothing of the failed batch is marked published"
        assert REGISTRY.get_sample_value("bounceback_outbox_backlog") == 10

        # The bundled broker keeps data in memory: after the restart the topic holds only what the
        # relay sends now, so a re-sent early event would show up here.
        broker.start()
        assert relay.publish_pending() == 10
        assert relay.publish_pending() == 0
    finally:
        relay.close()

    records = broker.read_topic(topic, expect=10)
    ids = [header_map(r)["ce_id"].decode() for r in records]
    assert sorted(ids) == sorted(during), "everything waiting went out, once"
    assert not set(ids) & set(before), "nothing published before the outage went out again"
    assert pending(database) == 0


def test_run_survives_a_broker_restart_and_wakes_promptly(
    database: Database, running_kafka_broker: KafkaBroker
) -> None:
    broker = running_kafka_broker
    topic = broker.new_topic()
    relay = OutboxRelay(
        relay_settings(database, broker, topic),
        database,
        idle_poll_seconds=30,
        max_backoff_seconds=0.5,
        broker_timeout_ms=FAST,
    )
    stop = threading.Event()
    worker = threading.Thread(target=relay.run, args=(stop,), daemon=True)
    worker.start()
    try:
        time.sleep(0.3)  # let the first (empty) pass finish, so only a wake can start the next
        enqueue_bounces(database, ["early@example.com"])
        # The idle poll is 30 s: only the wake-up that a commit of new events gives makes this quick.
        assert wait_for(lambda: pending(database) == 0, 5), "a commit of new events wakes the relay"

        broker.stop()
        later = enqueue_bounces(database, [f"late{i}@example.com" for i in range(5)], start=1)
        time.sleep(1.0)
        assert pending(database) == 5, "while the broker is down the events wait"
        broker.start()
        assert wait_for(lambda: pending(database) == 0, 40), "the relay resumes when the broker is back"
    finally:
        stop.set()
        worker.join(timeout=15)
    assert not worker.is_alive(), "run() returns promptly once stop is set"
    ids = [header_map(r)["ce_id"].decode() for r in broker.read_topic(topic, expect=5)]
    assert sorted(ids) == sorted(later)


def test_two_relays_never_publish_a_row_twice(database: Database, running_kafka_broker: KafkaBroker) -> None:
    broker = running_kafka_broker
    topic = broker.new_topic()
    ce_ids = enqueue_bounces(database, [f"u{i % 3}@example.com" for i in range(200)])
    settings = relay_settings(database, broker, topic)
    relays = [OutboxRelay(settings, Database(database.url), batch_size=20) for _ in range(2)]
    counts: list[int] = []

    def drain(relay: OutboxRelay) -> None:
        # Like two workers: keep going until the outbox is empty.
        total = 0
        while pending(relay.db):
            total += relay.publish_pending()
        counts.append(total)

    threads = [threading.Thread(target=drain, args=(r,)) for r in relays]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    for r in relays:
        r.close()
        r.db.dispose()

    assert sum(counts) == 200
    records = broker.read_topic(topic, expect=200)
    ids = [header_map(r)["ce_id"].decode() for r in records]
    assert sorted(ids) == sorted(ce_ids), "every row once, none twice"
    by_key: dict[bytes, list[int]] = {}
    for record in records:
        by_key.setdefault(record.key, []).append(json.loads(record.value)["n"])
    for numbers in by_key.values():
        assert numbers == sorted(numbers), "relays taking turns keep each address's order"


def test_without_kafka_nothing_is_published_and_nothing_lost(database: Database) -> None:
    enqueue_bounces(database, ["kept@example.com"])
    relay = OutboxRelay(relay_settings(database, None), database)
    assert not relay.enabled
    assert relay.publish_pending() == 0
    assert pending(database) == 1

    stop = threading.Event()
    worker = threading.Thread(target=relay.run, args=(stop,), daemon=True)
    worker.start()
    time.sleep(0.3)
    stop.set()
    worker.join(timeout=30)
    assert not worker.is_alive()
    assert pending(database) == 1


def test_prune_removes_only_published_rows_past_retention(database: Database) -> None:
    now = datetime.now(UTC)
    enqueue_bounces(database, ["old@example.com", "recent@example.com", "waiting@example.com"])
    with database.transaction() as session:
        rows = list(session.scalars(select(OutboxEvent).order_by(OutboxEvent.id)))
        rows[0].published_at = now - timedelta(days=8)
        rows[1].published_at = now - timedelta(days=6)
        rows[2].created_at = now - timedelta(days=30)  # old, but never published: must stay

    relay = OutboxRelay(relay_settings(database, None, outbox_retention_days=7), database)
    assert relay.prune(now=now) == 1
    with database.session() as session:
        left = list(session.scalars(select(OutboxEvent.subject).order_by(OutboxEvent.id)))
    assert left == ["recent@example.com", "waiting@example.com"]

    keep_forever = OutboxRelay(relay_settings(database, None, outbox_retention_days=0), database)
    assert keep_forever.prune(now=now + timedelta(days=365)) == 0


def test_stop_during_an_outage_returns_promptly_and_marks_nothing(
    database: Database, running_kafka_broker: KafkaBroker
) -> None:
    broker = running_kafka_broker
    topic = broker.new_topic()
    # Long timeouts: a delivery to the dead broker would take 30 s to give up on its own.
    relay = OutboxRelay(relay_settings(database, broker, topic), database, broker_timeout_ms=15000)
    stop = threading.Event()
    worker = threading.Thread(target=relay.run, args=(stop,), daemon=True)
    worker.start()
    try:
        enqueue_bounces(database, ["first@example.com"])
        assert wait_for(lambda: pending(database) == 0, 10)
        broker.stop()
        enqueue_bounces(database, ["stranded@example.com"])  # wakes the relay: a pass starts
        time.sleep(0.5)
        stop.set()
        # Well before the delivery would time out: the stop, not the broker, ends the pass.
        worker.join(timeout=20)
        assert not worker.is_alive(), "shutdown waited out the delivery timeout"
        assert pending(database) == 1
    finally:
        stop.set()
