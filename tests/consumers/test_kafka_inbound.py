"""Kafka intake: a consumer group of workers ingests raw mail from a topic, losing and doubling nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from kafka import KafkaProducer
from kafka.admin import KafkaAdminClient, NewTopic
from sqlalchemy import func, select

from consumers.kafka_inbound import InboundConsumer
from service.app.mail_intake import MailIntake
from service.app.runner import IntakeRunner
from service.config import Settings
from service.store.db import Database
from service.store.models import InboundMessage, OutboxEvent, Recipient, SuppressionChange
from tests import core_samples as samples
from tests.fixtures.database import drop_pg_database, make_database_url
from tests.fixtures.kafka import KafkaBroker

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


# What `_messages()` plus the two poison records must leave behind, written out by hand (not
# computed by the code under test): 31 distinct messages and 2 poison records stored; the human
# mail and the poison quarantined; 12 hard bounces, five@ (5 soft bounces), 3 complaints suppressed.
EXPECTED = {
    "messages": {"processed": 29, "quarantined": 4},
    "suppressed": sorted(
        [(f"gone{i}@example.com", "hard_bounce") for i in range(12)]
        + [("five@example.com", "soft_bounce_threshold")]
        + [(f"angry{i}@example.com", "complaint") for i in range(3)]
    ),
    "changes": 16,
    "outbox": {
        "bounceback.bounce.hard": 12,
        "bounceback.bounce.soft": 10,  # five@ 5, four@ 4, the blocklist rejection 1
        "bounceback.complaint": 3,
        "bounceback.auto_reply": 3,
        "bounceback.delay": 1,
        "bounceback.suppression.added": 16,
        "bounceback.message.quarantined": 4,  # 2 human mails, the empty record, the oversized one
    },
}


def _state(db: Database) -> dict[str, Any]:
    with db.session() as session:
        return {
            "messages": dict(Counter(session.scalars(select(InboundMessage.outcome)))),
            "suppressed": sorted(
                (r.address, r.reason)
                for r in session.scalars(select(Recipient).where(Recipient.suppressed.is_(True)))
            ),
            "changes": int(session.scalar(select(func.count()).select_from(SuppressionChange)) or 0),
            "outbox": dict(Counter(session.scalars(select(OutboxEvent.ce_type)))),
        }


def _quarantine_reasons(db: Database) -> list[str]:
    with db.session() as session:
        return sorted(
            r or ""
            for r in session.scalars(
                select(InboundMessage.quarantine_reason).where(InboundMessage.outcome == "quarantined")
            )
        )


def _message_count(db: Database) -> int:
    with db.transaction() as session:
        return int(session.execute(select(func.count()).select_from(InboundMessage)).scalar_one())


def _wait(condition: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
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
    consumer = InboundConsumer(settings, IntakeRunner(MailIntake(database, settings)))
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
    assert _state(database) == EXPECTED
    # The poison is kept in the database too, quarantined with its reason, as every intake does.
    reasons = _quarantine_reasons(database)
    assert [r for r in reasons if r.startswith(("empty", "too large"))] == [
        "empty message (no bytes)",
        f"too large: more than {MAX_BYTES} bytes (BOUNCEBACK_MAX_MESSAGE_BYTES)",
    ]

    dead = running_kafka_broker.read_topic(settings.kafka_dead_letter_topic, expect=len(poison))
    assert len(dead) == len(poison)
    headers = [dict(r.headers) for r in dead]
    assert all(h["original_topic"] == topic.encode() for h in headers)
    assert {r.value for r in dead} == set(poison)
    assert all(h["error"] for h in headers)


def _commits(log: Path) -> list[dict[str, int]]:
    """The offsets a worker committed, batch by batch (its `records committed` log lines)."""
    out = []
    for line in log.read_text(errors="replace").splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if entry.get("event") == "records committed":
            out.append(entry["offsets"])
    return out


def test_two_workers_survive_losing_one_mid_work_and_end_in_the_expected_state(
    pg_database: Database, running_kafka_broker: KafkaBroker, tmp_path: Path
) -> None:
    broker = running_kafka_broker
    topic = broker.new_topic()
    _create_topic(broker, topic, 4)
    messages = _messages()
    # Spread over 4 partitions, every message many times over, the copies in different partitions:
    # enough polls per worker that a kill lands while its partitions still hold work.
    copies = 48  # (duplicates are cheap: enough of them that the kill lands mid-work)
    records = [((i + c) % 4, m) for c in range(copies) for i, m in enumerate(messages)]
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
    paths = [tmp_path / f"worker{i}.log" for i in range(2)]
    logs = [path.open("wb") for path in paths]
    first = subprocess.Popen(cmd, env=env, stdout=logs[0], stderr=subprocess.STDOUT)
    second = subprocess.Popen(cmd, env=env, stdout=logs[1], stderr=subprocess.STDOUT)
    try:
        # Kill the first member with SIGKILL once it has committed work of its own.
        _wait(lambda: _commits(paths[0]), 90, "the first worker to commit a batch")
        first.send_signal(signal.SIGKILL)
        first.wait(10)
        killed = _commits(paths[0])
        ends = {f"{topic}/{n}": count for n, count in Counter(partition for partition, _ in records).items()}

        def consumed_to_the_end() -> bool:
            last: dict[str, int] = {}
            for offsets in killed + _commits(paths[1]):
                for partition, offset in offsets.items():
                    last[partition] = max(offset, last.get(partition, 0))
            return last == ends

        _wait(consumed_to_the_end, 120, "the survivor to consume every partition to its end")
        dead = broker.read_topic(settings.kafka_dead_letter_topic, expect=len(poison), timeout=30)
    finally:
        for proc in (first, second):
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        second_code = second.wait(15)
        first.wait(15)
        for log in logs:
            log.close()
    assert second_code == 0, paths[1].read_text()[-2000:]
    assert _state(pg_database) == EXPECTED
    # The kill hit mid-work: in some partition the killed worker had committed up to an offset,
    # and the survivor committed records after it there (the killed worker's unfinished share).
    last_by_killed: dict[str, int] = {}
    for offsets in killed:
        last_by_killed.update(offsets)
    by_survivor = _commits(paths[1])
    taken_over = [
        partition
        for partition, offset in last_by_killed.items()
        if any(offsets.get(partition, 0) > offset for offsets in by_survivor)
    ]
    assert killed and taken_over, (killed, by_survivor)
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
