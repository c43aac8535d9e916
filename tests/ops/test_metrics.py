"""`/metrics` shows the ingest figures moving when mail is posted to the API."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from service.api import create_app
from service.app import apikeys
from service.config import Settings
from service.store.db import Database

HARD_BOUNCE = b"""\
From: Mail Delivery System <MAILER-DAEMON@mx.sender.example>
To: bounces@sender.example
Subject: Undelivered Mail Returned to Sender
Date: Mon, 23 Nov 2026 00:10:00 +0000
Message-ID: <dsn-ops-metrics-1@mx.sender.example>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="BOUNDARY"

--BOUNDARY
Content-Type: text/plain

Your message could not be delivered to gone@recipient.example.

--BOUNDARY
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.sender.example
Arrival-Date: Mon, 23 Nov 2026 00:09:58 +0000

Final-Recipient: rfc822; gone@recipient.example
Original-Recipient: rfc822; gone@recipient.example
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.recipient.example
Diagnostic-Code: smtp; 550 5.1.1 <gone@recipient.example>: Recipient address rejected: User unknown

--BOUNDARY
Content-Type: text/rfc822-headers

From: news@sender.example
To: gone@recipient.example
Subject: Our November news
Message-ID: <campaign-1@sender.example>

--BOUNDARY--
"""

HUMAN_MAIL = b"""\
From: Alice <alice@recipient.example>
To: bounces@sender.example
Subject: please stop sending me this
Date: Mon, 23 Nov 2026 00:11:00 +0000
Message-ID: <human-ops-metrics-1@recipient.example>

Hello, who are you?
"""


def metric(text: str, name: str, **labels: str) -> float:
    """The sum of `name`'s samples whose labels include `labels` (0 when there are none yet)."""
    total = 0.0
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name and all(sample.labels.get(k) == v for k, v in labels.items()):
                total += sample.value
    return total


@pytest.fixture()
def client(database: Database) -> Iterator[tuple[TestClient, str]]:
    settings = Settings(database_url=database.url)
    with database.transaction() as session:
        _, key = apikeys.create_key(session, "ops-metrics", "ingest")
    with TestClient(create_app(settings, database)) as test_client:
        yield test_client, key


def post_message(client: TestClient, key: str, raw: bytes) -> None:
    resp = client.post(
        "/v1/messages",
        content=raw,
        headers={"Authorization": f"Bearer {key}", "Content-Type": "message/rfc822"},
    )
    assert resp.status_code in (200, 201), resp.text


def scrape(client: TestClient) -> str:
    resp = client.get("/metrics")
    assert resp.status_code == 200
    return resp.text


def test_ingest_figures_move_when_mail_is_posted(client: tuple[TestClient, str]) -> None:
    http, key = client
    before = scrape(http)

    post_message(http, key, HARD_BOUNCE)
    post_message(http, key, HARD_BOUNCE)  # a redelivery: counted as a duplicate, nothing else
    post_message(http, key, HUMAN_MAIL)
    after = scrape(http)

    def moved(name: str, **labels: str) -> float:
        return metric(after, name, **labels) - metric(before, name, **labels)

    assert moved("bounceback_messages_ingested_total", source="api", message_type="dsn") == 1
    assert moved("bounceback_messages_ingested_total", source="api") == 2  # the DSN and the human mail
    assert moved("bounceback_messages_duplicate_total", source="api") == 1
    assert moved("bounceback_messages_quarantined_total", source="api") == 1
    assert moved("bounceback_events_total", classification="hard", reason="user_unknown") == 1
    assert moved("bounceback_suppressions_added_total", reason="hard_bounce") == 1
    assert moved("bounceback_api_request_seconds_count", method="POST") >= 3
    # Families an operator alerts on are exported even before they first move.
    for family in (
        "bounceback_outbox_backlog",
        "bounceback_outbox_oldest_age_seconds",
        "bounceback_imap_poll_errors_total",
        "bounceback_suppressions_removed_total",
    ):
        assert f"# TYPE {family} " in after, family


def test_made_up_request_methods_do_not_become_label_values(client: tuple[TestClient, str]) -> None:
    test_client, _ = client
    for n in range(20):
        test_client.request(f"BOGUS{n}", "/healthz")
    methods = {
        sample.labels["method"]
        for family in text_string_to_metric_families(test_client.get("/metrics").text)
        if family.name == "bounceback_api_request_seconds"
        for sample in family.samples
        if "method" in sample.labels
    }
    assert methods and methods <= {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "other"}, (
        methods
    )
