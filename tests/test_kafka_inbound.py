"""Kafka intake: a consumer group of workers ingests raw mail from a topic like one process would."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from kafka import KafkaProducer
from kafka.admin import KafkaAdminClient, NewTopic
from sqlalchemy import func, select

from consumers.kafka_inbound import InboundConsumer
from service.app.ingest import ingest_message
from service.config import Settings
from service.store.db import Database
from service.store.models import InboundMessage
from tests import core_samples as samples
from tests.fixtures.database import drop_pg_database, make_database_url
from tests.fixtures.kafka import KafkaBroker
from tests.test_concurrency import snapshot

MAX_BYTES = 8192  # small, so that an oversized record is cheap to make


def _settings(database_url: str, broker: KafkaBroker, topic: str, group: str) -> Settings:
    return Settings(
        database_url=database_url,
        kafka_bootstrap_servers=broker.bootstrap_servers,
        kafka_topic=f"{topic}.events",
        kafka_inbound_topic=topic,
        kafka_dead_letter_topic=f"{topic}.dlq",
        kafka_group_id=group,
        max_message_bytes=MAX_BYTES,
    )


def _create_topic(broker: KafkaBroker, topic: str, partitions: int) -> None:
    admin = KafkaAdminClient(bootstrap_servers=broker.bootstrap_servers, request_timeout_ms=10000)
    try:
        admin.create_topics([NewTopic(topic, num_partitions=partitions, replication_factor=1)])
    finally:
        admin.close()


def _messages() -> list[bytes]:
    """Hard bounces, five soft bounces for one address and four for another, a complaint, auto-
    replies, a delay warning, a blocklist rejection and human mail."""
    base = samples.DEFAULT_DATE
    out = [samples.hard_bounce(f"gone{i}@example.com", f"kh{i}") for i in range(12)]
    out += [samples.soft_bounce("five@example.com", f"k5-{i}", base - timedelta(days=i)) for i in range(5)]
    out += [samples.soft_bounce("four@example.com", f"k4-{i}", base - timedelta(days=i)) for i in range(4)]
    out += [samples.complaint(f"angry{i}@example.com", f"kc{i}") for i in range(3)]
    out += [samples.auto_reply(f"away{i}@example.com", f"ka{i}") for i in range(3)]
    out += [
        samples.delay_warning("slow@example.com", "kd"),
        samples.blocklist_rejection("blocked@example.com", "kb"),
    ]
    out += [samples.human_mail(f"km{i}") for i in range(2)]
    return out


def _publish(broker: KafkaBroker, topic: str, records: list[tuple[int, bytes]]) -> None:
    producer = KafkaProducer(bootstrap_servers=broker.bootstrap_servers, acks="all", max_request_size=1048576)
    try:
        for partition, value in records:
            producer.send(topic, value=value, partition=partition, headers=[("source", b"test")])
        producer.flush(timeout=30)
    finally:
        producer.close()


def _reference_state(messages: list[bytes], tmp_path: Path) -> dict[str, Any]:
    """What one process ingesting the same messages ends with."""
    ref = Database(make_database_url("sqlite", tmp_path))
    ref.upgrade()
    settings = Settings(database_url=ref.url, max_message_bytes=MAX_BYTES)
    for raw in messages:
        ingest_message(ref, raw, "reference", settings)
    state = snapshot(ref)
    ref.dispose()
    return state


def _message_count(db: Database) -> int:
    with db.transaction() as session:
        return int(session.execute(select(func.count()).select_from(InboundMessage)).scalar_one())


def _wait(condition: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


@pytest.fixture()
def pg_database(tmp_path: Path) -> Iterator[Database]:
    url = make_database_url("postgresql", tmp_path)
    db = Database(url)
    db.upgrade()
    yield db
    db.dispose()
    drop_pg_database(url)


def test_consumer_ingests_dead_letters_poison_and_ignores_redelivery(
    database: Database, running_kafka_broker: KafkaBroker, tmp_path: Path
) -> None:
    topic = running_kafka_broker.new_topic()
    _create_topic(running_kafka_broker, topic, 2)
    messages = _messages()
    poison = [b"", b"X-Filler: " + b"x" * (MAX_BYTES * 2)]
    # Every message on partition 0, a second copy of each on partition 1: a redelivery in another
    # partition must count nothing.
    records = [(0, m) for m in messages] + [(1, m) for m in messages] + [(1, p) for p in poison]
    _publish(running_kafka_broker, topic, records)

    settings = _settings(database.url, running_kafka_broker, topic, f"g-{topic}")
    consumer = InboundConsumer(settings, database)
    stop = threading.Event()
    thread = threading.Thread(target=consumer.run, args=(stop,))
    thread.start()
    try:
        _wait(lambda: consumer.processed + consumer.dead_lettered >= len(records), 60, "all records")
    finally:
        stop.set()
        thread.join(15)
        consumer.close()
    assert not thread.is_alive()
    assert consumer.dead_lettered == len(poison)
    assert snapshot(database) == _reference_state(messages, tmp_path)

    dead = running_kafka_broker.read_topic(settings.kafka_dead_letter_topic, expect=len(poison))
    assert len(dead) == len(poison)
    headers = [dict(r.headers) for r in dead]
    assert all(h["original_topic"] == topic.encode() for h in headers)
    assert {r.value for r in dead} == set(poison)
    assert all(h["error"] for h in headers)


def test_two_workers_survive_losing_one_and_match_a_single_process(
    pg_database: Database, running_kafka_broker: KafkaBroker, tmp_path: Path
) -> None:
    broker = running_kafka_broker
    topic = broker.new_topic()
    _create_topic(broker, topic, 4)
    messages = _messages() * 1
    # Spread over 4 partitions, every message twice, the copies in different partitions.
    records = [(i % 4, m) for i, m in enumerate(messages)] + [
        ((i + 1) % 4, m) for i, m in enumerate(messages)
    ]
    poison = [b"", b"X-Filler: " + b"y" * (MAX_BYTES * 2)]
    records += [(2, p) for p in poison]
    _publish(broker, topic, records)

    settings = _settings(pg_database.url, broker, topic, f"g-{topic}")
    env = {
        **os.environ,
        "BOUNCEBACK_DATABASE_URL": settings.database_url,
        "BOUNCEBACK_KAFKA_BOOTSTRAP_SERVERS": settings.kafka_bootstrap_servers,
        "BOUNCEBACK_KAFKA_TOPIC": settings.kafka_topic,
        "BOUNCEBACK_KAFKA_INBOUND_TOPIC": topic,
        "BOUNCEBACK_KAFKA_DEAD_LETTER_TOPIC": settings.kafka_dead_letter_topic,
        "BOUNCEBACK_KAFKA_GROUP_ID": settings.kafka_group_id,
        "BOUNCEBACK_MAX_MESSAGE_BYTES": str(MAX_BYTES),
        "BOUNCEBACK_IMAP_URLS": "",
        "BOUNCEBACK_LOG_FORMAT": "json",
    }
    cmd = [sys.executable, "-m", "service.wiring", "worker"]
    logs = [open(tmp_path / f"worker{i}.log", "wb") for i in range(2)]  # noqa: SIM115 - closed below
    first = subprocess.Popen(cmd, env=env, stdout=logs[0], stderr=subprocess.STDOUT)
    second = subprocess.Popen(cmd, env=env, stdout=logs[1], stderr=subprocess.STDOUT)
    try:
        # Kill one member with SIGKILL once it is under way: its partitions must move to the survivor.
        _wait(lambda: _message_count(pg_database) >= 3, 60, "the workers to start ingesting")
        first.send_signal(signal.SIGKILL)
        first.wait(10)
        distinct = len(set(messages))
        _wait(lambda: _message_count(pg_database) >= distinct, 90, "the survivor to ingest everything")
        dead = broker.read_topic(settings.kafka_dead_letter_topic, expect=len(poison), timeout=30)
    finally:
        for proc in (first, second):
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        second_code = second.wait(15)
        first.wait(15)
        for log in logs:
            log.close()
    assert second_code == 0, (tmp_path / "worker1.log").read_text()[-2000:]
    assert snapshot(pg_database) == _reference_state(messages, tmp_path)
    # The dead-letter topic holds exactly the records that cannot be processed. (A poison record
    # being handled by the killed member right at the kill could appear twice: at least once.)
    assert {r.value for r in dead} == set(poison)


def test_publish_inbound_sends_every_message_with_its_source(
    running_kafka_broker: KafkaBroker, tmp_path: Path
) -> None:
    broker = running_kafka_broker
    topic = broker.new_topic()
    folder = tmp_path / "mail"
    raws = [samples.hard_bounce(f"p{i}@example.com", f"pub{i}") for i in range(3)]
    for i, raw in enumerate(raws):
        samples.write(folder, f"{i}.eml", raw)
    env = {
        **os.environ,
        "BOUNCEBACK_KAFKA_BOOTSTRAP_SERVERS": broker.bootstrap_servers,
        "BOUNCEBACK_KAFKA_INBOUND_TOPIC": topic,
    }
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "service.wiring",
            "publish-inbound",
            str(folder),
            str(tmp_path / "missing.eml"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    # The unreadable path is reported and the rest still goes out.
    assert done.returncode == 1
    assert "missing.eml" in done.stderr and "published 3 messages" in done.stderr
    records = broker.read_topic(topic, expect=3)
    assert sorted(r.value for r in records) == sorted(raws)
    assert {dict(r.headers)["source"].decode() for r in records} == {
        str(folder / f"{i}.eml") for i in range(3)
    }


def test_publish_inbound_without_kafka_is_one_clear_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOUNCEBACK_")}
    done = subprocess.run(
        [sys.executable, "-m", "service.wiring", "publish-inbound", str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == ["bounceback: BOUNCEBACK_KAFKA_BOOTSTRAP_SERVERS is not set"]
