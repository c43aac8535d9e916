"""Issue 5's "done when": with the broker down suppressions still happen and their events wait;
`bounceback relay --once` then delivers them as CloudEvents keyed by address, and only once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from service.app import accounts, lookups
from service.app.ingest import ingest_message
from service.config import Settings
from service.store.db import Database, open_database
from tests import core_samples
from tests.app.test_asyncapi import validate_record
from tests.fixtures.kafka import KafkaBroker, _free_port

pytestmark = pytest.mark.kafka


def relay_once(database_url: str, servers: str, topic: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "BOUNCEBACK_DATABASE_URL": database_url,
        "BOUNCEBACK_KAFKA_BOOTSTRAP_SERVERS": servers,
        "BOUNCEBACK_KAFKA_TOPIC": topic,
        "BOUNCEBACK_INSTANCE": "e2e",
        "BOUNCEBACK_KAFKA_TIMEOUT_SECONDS": "1.5",
        "BOUNCEBACK_LOG_FORMAT": "json",
    }
    return subprocess.run(
        [sys.executable, "-m", "service.wiring", "relay", "--once"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_suppressions_wait_out_an_outage_then_go_out_once(
    database: Database, running_kafka_broker: KafkaBroker, tmp_path: Path
) -> None:
    broker = running_kafka_broker
    topic = broker.new_topic()
    settings = Settings(database_url=database.url)
    with database.transaction() as session:
        accounts.create(session, "shop-a")

    broker.stop()
    ingest_message(database, core_samples.hard_bounce("Gone.User@Example.com", "e1"), "file:e1.eml", settings)
    complaint = core_samples.complaint("angry@example.com", "e2", original={"X-Bounceback-Account": "shop-a"})
    ingest_message(database, complaint, "file:e2.eml", settings)
    ingest_message(database, core_samples.human_mail("e3"), "file:e3.eml", settings)
    with database.session() as session:
        checked = lookups.check(session, ["gone.user@example.com", "angry@example.com"], "shop-a")
    assert [c["suppressed"] for c in checked] == [True, True], "suppression does not wait for Kafka"

    started = time.monotonic()
    down = relay_once(database.url, broker.bootstrap_servers, topic)
    assert down.returncode == 1
    assert time.monotonic() - started < 30
    lines = down.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("bounceback: Kafka broker unreachable"), down.stderr

    broker.start()
    up = relay_once(database.url, broker.bootstrap_servers, topic)
    assert up.returncode == 0, up.stderr
    published = int(up.stdout.split()[1])
    # hard bounce + its suppression, complaint + its suppression, the quarantined human mail
    assert published == 5
    again = relay_once(database.url, broker.bootstrap_servers, topic)
    assert again.returncode == 0 and again.stdout.startswith("published 0 events"), again.stdout

    records = broker.read_topic(topic, expect=published)
    assert len(records) == published, "a second run published nothing again"
    seen: dict[str, list[bytes | None]] = {}
    for record in records:
        headers = dict(record.headers)
        ce_type = headers["ce_type"].decode()
        validate_record(ce_type, record.key, record.headers, record.value)
        assert headers["ce_source"] == b"bounceback/e2e"
        seen.setdefault(ce_type, []).append(record.key)
        # The complaint was shop-a's mail: it and its (scoped) entry carry the account.
        expected_account = b"shop-a" if record.key == b"angry@example.com" else None
        assert headers.get("ce_bouncebackaccount") == expected_account, (ce_type, record.key)
    # Records of different addresses sit on different partitions: compare per type, not globally.
    added = seen.pop("bounceback.suppression.added")
    assert sorted(k or b"" for k in added) == [b"angry@example.com", b"gone.user@example.com"]
    assert seen == {
        "bounceback.bounce.hard": [b"gone.user@example.com"],
        "bounceback.complaint": [b"angry@example.com"],
        "bounceback.message.quarantined": [None],
    }


def test_relay_once_without_kafka_configured_says_so(tmp_path: Path) -> None:
    result = relay_once(f"sqlite:///{tmp_path / 'bb.db'}", "", "unused")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "bounceback: BOUNCEBACK_KAFKA_BOOTSTRAP_SERVERS is not set: events stay in the outbox (API feed)"
    )


def test_relay_once_fails_fast_on_a_closed_port(tmp_path: Path) -> None:
    started = time.monotonic()
    result = relay_once(f"sqlite:///{tmp_path / 'bb.db'}", f"127.0.0.1:{_free_port()}", "unused")
    assert result.returncode == 1
    assert time.monotonic() - started < 30
    assert result.stderr.count("\n") == 1 and "Kafka broker unreachable" in result.stderr


def test_continuous_relay_publishes_new_events_and_stops_on_sigterm(
    running_kafka_broker: KafkaBroker, tmp_path: Path
) -> None:
    broker = running_kafka_broker
    topic = broker.new_topic()
    url = f"sqlite:///{tmp_path / 'bb.db'}"
    db = open_database(url)
    env = {
        **os.environ,
        "BOUNCEBACK_DATABASE_URL": url,
        "BOUNCEBACK_KAFKA_BOOTSTRAP_SERVERS": broker.bootstrap_servers,
        "BOUNCEBACK_KAFKA_TOPIC": topic,
        "BOUNCEBACK_LOG_FORMAT": "json",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "service.wiring", "relay"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # Written by another process: the relay finds it on its next idle poll (1 s).
        ingest_message(db, core_samples.hard_bounce("late@example.com", "c1"), "file:c1.eml", Settings())
        records = broker.read_topic(topic, expect=2, timeout=30)
        assert sorted(dict(r.headers)["ce_type"] for r in records) == [
            b"bounceback.bounce.hard",
            b"bounceback.suppression.added",
        ]
        process.send_signal(signal.SIGTERM)
        started = time.monotonic()
        process.wait(timeout=15)
        assert time.monotonic() - started < 10
        assert process.returncode == 0, process.stderr.read() if process.stderr else ""
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        db.dispose()
