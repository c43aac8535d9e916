"""The Kafka sends topic: good records stored once, unreadable ones dead-lettered and quarantined
(never dropped), offsets committed after the database, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import threading
import time
from datetime import UTC, datetime

import pytest
from kafka import KafkaProducer
from sqlalchemy import select

from consumers.kafka_sends import SendsConsumer
from service.app.runner import IntakeRunner
from service.app.sends import SendIntake
from service.config import Settings
from service.domain import event_types
from service.store.db import Database
from service.store.models import InboundMessage, OutboxEvent
from tests.accounts_support import create_accounts
from tests.fixtures.kafka import KafkaBroker
from tests.reputation_support import send_items, status_of

pytestmark = pytest.mark.kafka


def _settings(database: Database, broker: KafkaBroker, topic: str) -> Settings:
    return Settings(
        database_url=database.url,
        kafka_bootstrap_servers=broker.bootstrap_servers,
        kafka_sends_topic=topic,
        kafka_dead_letter_topic=f"{topic}.dlq",
        kafka_group_id=f"{topic}-group",
    )


def _run_until(consumer: SendsConsumer, done: int, timeout: float = 60) -> None:
    stop = threading.Event()
    thread = threading.Thread(target=consumer.run, args=(stop,), daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + timeout
        while consumer.processed + consumer.dead_lettered < done and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        stop.set()
        thread.join(30)
        consumer.close()


def test_sends_records_good_and_bad(database: Database, running_kafka_broker: KafkaBroker) -> None:
    broker = running_kafka_broker
    topic = broker.new_topic()
    settings = _settings(database, broker, topic)
    create_accounts(database, "shop-a")
    now = datetime.now(UTC)
    good = [json.dumps(item).encode() for item in send_items("shop-a", 50, now)]
    bad = [
        b"not json",
        b"[1, 2]",
        b"",
        json.dumps({**send_items("shop-a", 1, now)[0], "account": "nobody"}).encode(),
        json.dumps({**send_items("shop-a", 1, now)[0], "recipient": "nope"}).encode(),
    ]
    producer = KafkaProducer(bootstrap_servers=broker.bootstrap_servers, acks="all")
    try:
        for value in [*good[:25], *bad, *good[25:], good[0]]:  # and one send twice
            producer.send(topic, value=value)
        producer.flush(timeout=30)
    finally:
        producer.close()

    consumer = SendsConsumer(settings, IntakeRunner(SendIntake(database, settings)))
    _run_until(consumer, len(good) + 1 + len(bad))
    assert (consumer.processed, consumer.dead_lettered) == (51, 5)
    assert status_of(database, settings, "shop-a")["sent"] == 50

    letters = broker.read_topic(f"{topic}.dlq", expect=5)
    assert sorted(record.value for record in letters) == sorted(bad)
    errors = {record.value: dict(record.headers)["error"].decode() for record in letters}
    assert errors[b"not json"].startswith("send record is not JSON")
    assert errors[bad[3]] == "send rejected: no account 'nobody'"
    assert errors[bad[4]].startswith("send rejected: recipient is not an address")
    assert all(dict(record.headers)["original_topic"] == topic.encode() for record in letters)
    with database.session() as session:
        quarantined = session.scalars(
            select(InboundMessage).where(InboundMessage.outcome == "quarantined")
        ).all()
        announced = session.scalars(
            select(OutboxEvent).where(OutboxEvent.ce_type == event_types.MESSAGE_QUARANTINED)
        ).all()
    assert len(quarantined) == len(announced) == 5
    assert {m.source.split("/")[0] for m in quarantined} == {f"kafka:{topic}"}

    # The group's offsets moved past everything: a new member finds nothing left to read.
    again = SendsConsumer(settings, IntakeRunner(SendIntake(database, settings)))
    _run_until(again, 1, timeout=4)
    assert (again.processed, again.dead_lettered) == (0, 0)
