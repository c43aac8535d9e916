"""The ladder end to end (issue 15's "done when" and its tests): sends in through the Kafka sends
topic, attributed hard bounces and complaints in through ingest, statuses and status_changed events
out (on the feed and on Kafka), on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from kafka import KafkaProducer

from consumers.kafka_sends import SendsConsumer
from service.app import accounts, reputation
from service.app.runner import IntakeRunner
from service.app.sends import SendIntake
from service.config import Settings
from service.store.db import Database
from tests.accounts_support import create_accounts
from tests.app.test_asyncapi import validate_record
from tests.app.test_relay_end_to_end import relay_once
from tests.fixtures.kafka import KafkaBroker
from tests.reputation_support import (
    complaint,
    hard_bounce,
    report_sends,
    send_items,
    status_events,
    status_of,
    yesterday_noon,
)


def _consume_sends(
    db: Database, settings: Settings, broker: KafkaBroker, items: list[dict[str, object]]
) -> None:
    """Put the sends on the sends topic and let a consumer store them (until every one is counted)."""
    import json

    producer = KafkaProducer(bootstrap_servers=broker.bootstrap_servers, acks="all")
    try:
        for item in items:
            producer.send(settings.kafka_sends_topic, value=json.dumps(item).encode())
        producer.flush(timeout=30)
    finally:
        producer.close()
    consumer = SendsConsumer(settings, IntakeRunner(SendIntake(db, settings)))
    stop = threading.Event()
    thread = threading.Thread(target=consumer.run, args=(stop,), daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 60
        while consumer.processed < len(items):
            assert time.monotonic() < deadline, f"only {consumer.processed} of {len(items)} sends consumed"
            assert thread.is_alive()
            time.sleep(0.1)
    finally:
        stop.set()
        thread.join(30)
        consumer.close()
    assert consumer.dead_lettered == 0


@pytest.mark.kafka
def test_the_bounce_ladder_end_to_end(
    database: Database, running_kafka_broker: KafkaBroker, tmp_path: Path
) -> None:
    broker = running_kafka_broker
    topic = broker.new_topic()
    settings = Settings(
        database_url=database.url,
        kafka_bootstrap_servers=broker.bootstrap_servers,
        kafka_sends_topic=f"{topic}.sends",
        kafka_group_id=f"{topic}-group",
        kafka_topic=topic,
    )
    create_accounts(database, "shop-a", "shop-b")
    day = yesterday_noon()  # the day the sends and bounces happen; "today" is the next day
    _consume_sends(
        database, settings, broker, send_items("shop-a", 1000, day) + send_items("shop-b", 1000, day)
    )
    assert status_of(database, settings, "shop-a", now=day)["sent"] == 1000

    for i in range(59):
        hard_bounce(database, settings, "shop-a", i, day)
    assert status_of(database, settings, "shop-a", now=day)["status"] == "ok"
    assert status_events(database) == []

    hard_bounce(database, settings, "shop-a", 59, day)
    answer = status_of(database, settings, "shop-a", now=day)
    assert answer == {
        "account": "shop-a",
        "status": "warning_1",
        "send_rate_factor": 0.5,
        "day": day.date().isoformat(),
        "sent": 1000,
        "hard_bounces": 60,
        "complaints": 0,
        "bounce_rate": 0.06,
        "complaint_rate": 0.0,
    }
    (event,) = status_events(database)
    assert event == {
        "account": "shop-a",
        "from": "ok",
        "to": "warning_1",
        "day": day.date().isoformat(),
        "sent": 1000,
        "hard_bounces": 60,
        "complaints": 0,
        "bounce_rate": 0.06,
        "complaint_rate": 0.0,
        "threshold": "bounce_warning_1",
        "threshold_percent": "6",
        "send_rate_factor": 0.5,
        "manual": False,
        "actor": "reputation",
        "note": None,
    }

    for i in range(60, 70):
        hard_bounce(database, settings, "shop-a", i, day)
    assert status_of(database, settings, "shop-a", now=day)["status"] == "warning_2"
    for i in range(70, 100):
        hard_bounce(database, settings, "shop-a", i, day)
    assert status_of(database, settings, "shop-a", now=day)["status"] == "paused"
    assert [(e["from"], e["to"], e["hard_bounces"], e["threshold"]) for e in status_events(database)] == [
        ("ok", "warning_1", 60, "bounce_warning_1"),
        ("warning_1", "warning_2", 70, "bounce_warning_2"),
        ("warning_2", "paused", 100, "bounce_paused"),
    ]

    # shop-b only reaches warning_1 that day.
    for i in range(60):
        hard_bounce(database, settings, "shop-b", i, day)
    assert status_of(database, settings, "shop-b", now=day)["status"] == "warning_1"

    # The next day (today): the warned account starts at ok, the paused one stays paused, even
    # after a clean day's sends, until an operator resumes it.
    assert status_of(database, settings, "shop-b")["status"] == "ok"
    assert status_of(database, settings, "shop-b")["send_rate_factor"] == 1.0
    early_today = day + timedelta(hours=12)  # midnight: today, and never in the future
    report_sends(database, settings, "shop-a", 200, early_today, prefix="next-day-")
    paused = status_of(database, settings, "shop-a")
    assert (paused["status"], paused["send_rate_factor"], paused["sent"]) == ("paused", 0.0, 200)
    resumed = reputation.resume_account(database, "shop-a", settings, note="cleaned the list", actor="cli")
    assert (resumed.changed, resumed.status) == (True, "ok")
    assert status_of(database, settings, "shop-a")["status"] == "ok"
    again = reputation.resume_account(database, "shop-a", settings, note="", actor="cli")
    assert (again.changed, again.status) == (False, "ok")
    assert "not paused" in again.message

    # On the feed and on Kafka: the same five changes, each valid against the asyncapi document.
    changes = [(e["account"], e["from"], e["to"]) for e in status_events(database)]
    assert changes == [
        ("shop-a", "ok", "warning_1"),
        ("shop-a", "warning_1", "warning_2"),
        ("shop-a", "warning_2", "paused"),
        ("shop-b", "ok", "warning_1"),
        ("shop-a", "paused", "ok"),
    ]
    relayed = relay_once(database.url, broker.bootstrap_servers, topic)
    assert relayed.returncode == 0, relayed.stderr
    records = broker.read_topic(topic, expect=1000)
    on_kafka = []
    for record in records:
        headers = dict(record.headers)
        if headers["ce_type"] == b"bounceback.account.status_changed":
            validate_record("bounceback.account.status_changed", record.key, record.headers, record.value)
            import json

            data = json.loads(record.value)
            assert record.key == data["account"].encode() == headers["ce_bouncebackaccount"]
            on_kafka.append((data["account"], data["from"], data["to"]))
    # (one partition per account: compare each account's changes in order)
    for account in ("shop-a", "shop-b"):
        assert [c for c in on_kafka if c[0] == account] == [c for c in changes if c[0] == account]


def test_the_complaint_ladder(database: Database) -> None:
    settings = Settings(database_url=database.url)
    create_accounts(database, "shop-a")
    day = yesterday_noon()
    report_sends(database, settings, "shop-a", 1000, day)
    # 0.1% of 1,000 is one complaint, 0.3% three, 0.5% five.
    expected = {0: "warning_1", 1: "warning_1", 2: "warning_2", 3: "warning_2", 4: "paused"}
    for i, status in expected.items():
        complaint(database, settings, "shop-a", i, day)
        assert status_of(database, settings, "shop-a", now=day)["status"] == status, i
    assert [(e["to"], e["complaints"], e["threshold"]) for e in status_events(database)] == [
        ("warning_1", 1, "complaint_warning_1"),
        ("warning_2", 3, "complaint_warning_2"),
        ("paused", 5, "complaint_paused"),
    ]
    (last,) = status_events(database)[-1:]
    assert (last["complaint_rate"], last["bounce_rate"], last["sent"]) == (0.005, 0.0, 1000)
    # The next day it is still paused; resumed, it is ok.
    assert status_of(database, settings, "shop-a")["status"] == "paused"
    reputation.resume_account(database, "shop-a", settings, note="", actor="cli")
    assert status_of(database, settings, "shop-a")["status"] == "ok"


def test_a_day_below_the_minimum_is_not_judged(database: Database) -> None:
    settings = Settings(database_url=database.url)
    create_accounts(database, "shop-a")
    day = yesterday_noon()
    report_sends(database, settings, "shop-a", 99, day)
    for i in range(50):
        hard_bounce(database, settings, "shop-a", i, day)
    answer = status_of(database, settings, "shop-a", now=day)
    assert (answer["status"], answer["hard_bounces"], answer["bounce_rate"]) == ("ok", 50, round(50 / 99, 6))
    with database.transaction() as session:
        accounts.require(session, "shop-a")
    assert status_events(database) == []
