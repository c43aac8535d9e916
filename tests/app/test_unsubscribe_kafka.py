"""A link click's events reach Kafka (real broker, Tansu) as the contract says, on SQLite and
PostgreSQL: `bounceback.unsubscribe` and `bounceback.complaint` attributed by the link, with the
account's scoped suppressions, each once, however often the link was clicked."""

from __future__ import annotations

import pytest

from service.app.unsubscribe import LinkKind, click, links_for
from service.store.db import Database
from tests.accounts_support import create_accounts, verp_settings
from tests.app.test_asyncapi import validate_record
from tests.app.test_relay_end_to_end import relay_once
from tests.fixtures.kafka import KafkaBroker

pytestmark = pytest.mark.kafka


def test_clicks_go_out_on_kafka_once_with_their_account(
    database: Database, running_kafka_broker: KafkaBroker
) -> None:
    create_accounts(database, "shop-a")
    settings = verp_settings(database.url, public_url="https://links.example")
    jane, max_ = links_for(settings, "shop-a", ["jane@example.com", "max@example.com"])
    for _ in range(3):  # a click, and two more of the same: one record
        assert click(database, settings, LinkKind.UNSUBSCRIBE, jane.token) is not None
    assert click(database, settings, LinkKind.REPORT_SPAM, max_.token) is not None

    topic = running_kafka_broker.new_topic()
    published = relay_once(database.url, running_kafka_broker.bootstrap_servers, topic)
    assert published.returncode == 0, published.stderr
    records = running_kafka_broker.read_topic(topic, expect=4)
    seen = []
    for record in records:
        headers = dict(record.headers)
        ce_type = headers["ce_type"].decode()
        validate_record(ce_type, record.key, record.headers, record.value)
        assert headers["ce_bouncebackaccount"] == b"shop-a"
        seen.append((ce_type, record.key))
    assert sorted(seen) == [
        ("bounceback.complaint", b"max@example.com"),
        ("bounceback.suppression.added", b"jane@example.com"),
        ("bounceback.suppression.added", b"max@example.com"),
        ("bounceback.unsubscribe", b"jane@example.com"),
    ]
