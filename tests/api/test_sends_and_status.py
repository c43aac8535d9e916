"""The sends and reputation routes over HTTP, on SQLite and PostgreSQL: issue 15's "done when",
per-item errors for bad sends, bad requests, and each account's numbers visible to its own keys only."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.api import create_app
from service.app.apikeys import create_key
from service.config import Settings
from service.domain.sends import MAX_SENDS_PER_CALL
from service.store.db import Database
from tests import core_samples as samples
from tests.accounts_support import create_accounts
from tests.reputation_support import send_items

A, B = "shop-a", "shop-b"


@dataclass
class Client:
    client: TestClient
    keys: dict[str, str]

    def call(self, method: str, path: str, who: str, **kwargs: Any) -> Any:
        headers = {"Authorization": f"Bearer {self.keys[who]}", **kwargs.pop("headers", {})}
        return self.client.request(method, path, headers=headers, **kwargs)


@pytest.fixture()
def api(database: Database) -> Iterator[Client]:
    create_accounts(database, A, B)
    keys: dict[str, str] = {}
    with database.transaction() as session:
        for who, scope, account in (
            ("read", "read", None),
            ("ingest", "ingest", None),
            ("admin", "admin", None),
            ("a-read", "read", A),
            ("a-ingest", "ingest", A),
            ("a-admin", "admin", A),
        ):
            _, keys[who] = create_key(session, who, scope, account=account)
    settings = Settings(database_url=database.url)
    with TestClient(create_app(settings, database), raise_server_exceptions=False) as client:
        yield Client(client, keys)


def test_done_when_1000_sends_and_60_hard_bounces_make_warning_1(api: Client) -> None:
    now = datetime.now(UTC) - timedelta(minutes=1)
    sent = api.call("POST", "/v1/sends", "ingest", json={"sends": send_items(A, 1000, now)})
    assert sent.status_code == 200
    assert sent.json() == {"received": 1000, "stored": 1000, "duplicates": 0, "errors": []}
    for i in range(60):
        raw = samples.hard_bounce(f"r{i}@example.com", f"{A}-{i}", now)
        answer = api.call(
            "POST", "/v1/messages", "ingest", content=raw, headers={"Content-Type": "message/rfc822"}
        )
        assert answer.status_code == 201, answer.text
    status = api.call("GET", f"/v1/accounts/{A}/status", "a-read")
    assert status.status_code == 200
    body = status.json()
    assert (body["status"], body["send_rate_factor"]) == ("warning_1", 0.5)
    assert (body["sent"], body["hard_bounces"], body["bounce_rate"]) == (1000, 60, 0.06)
    feed = api.call("GET", "/v1/events", "read", params={"limit": 1000}).json()["events"]
    changes = [e for e in feed if e["type"] == "bounceback.account.status_changed"]
    assert len(changes) == 1
    assert {
        k: changes[0]["data"][k] for k in ("account", "from", "to", "threshold", "hard_bounces", "sent")
    } == {
        "account": A,
        "from": "ok",
        "to": "warning_1",
        "threshold": "bounce_warning_1",
        "hard_bounces": 60,
        "sent": 1000,
    }
    # The same reports again change nothing.
    again = api.call("POST", "/v1/sends", "ingest", json={"sends": send_items(A, 1000, now)})
    assert again.json()["duplicates"] == 1000
    assert api.call("GET", f"/v1/accounts/{A}/status", "read").json()["sent"] == 1000


def test_bad_sends_are_answered_item_by_item_and_the_rest_stored(api: Client) -> None:
    now = datetime.now(UTC)
    good = send_items(A, 2, now)
    sends = [
        good[0],
        {**good[1], "account": "nobody"},
        {**good[1], "recipient": "not an address"},
        {**good[1], "sent_at": (now + timedelta(hours=1)).isoformat()},
        {**good[1], "sent_at": (now - timedelta(days=8)).isoformat()},
        {**good[1], "sent_at": "yesterday"},
        {**good[1], "sent_at": "2026-12-05T08:00:00"},
        {**good[1], "message_id": "<>"},
        {**good[1], "message_id": "a\u0000b"},
        {key: value for key, value in good[1].items() if key != "account"},
        {**good[1], "account": "Shop A!"},
        good[1],
    ]
    answer = api.call("POST", "/v1/sends", "ingest", json={"sends": sends})
    assert answer.status_code == 200
    body = answer.json()
    assert (body["received"], body["stored"], body["duplicates"]) == (12, 2, 0)
    reasons = {error["index"]: error["reason"] for error in body["errors"]}
    assert sorted(reasons) == list(range(1, 11))
    assert reasons[1] == "no account 'nobody'"
    assert reasons[2].startswith("recipient is not an address")
    assert "in the future" in reasons[3]
    assert "older than the retention of 7 days" in reasons[4]
    assert "not an ISO 8601 time" in reasons[5]
    assert "no time zone" in reasons[6]
    assert reasons[7] == "message_id is empty"
    assert "NUL" in reasons[8]
    assert "account is required" in reasons[9]
    assert "invalid account id" in reasons[10]
    assert api.call("GET", f"/v1/accounts/{A}/status", "read").json()["sent"] == 2


@pytest.mark.parametrize(
    ("body", "why"),
    [
        ({"sends": "no"}, "sends"),
        (
            {"sends": [{"account": A, "recipient": "a@example.com", "sent_at": "2026-12-05T00:00:00Z"}]},
            "message_id",
        ),
        (
            {"sends": [{"account": A, "message_id": 5, "recipient": "a@example.com", "sent_at": "x"}]},
            "message_id",
        ),
        ({}, "sends"),
    ],
)
def test_a_malformed_call_is_a_422_and_stores_nothing(api: Client, body: dict[str, Any], why: str) -> None:
    answer = api.call("POST", "/v1/sends", "ingest", json=body)
    assert answer.status_code == 422
    assert answer.headers["content-type"] == "application/problem+json"
    assert why in answer.json()["detail"]


def test_more_than_10000_sends_in_one_call_is_a_422(api: Client) -> None:
    now = datetime.now(UTC)
    answer = api.call(
        "POST", "/v1/sends", "ingest", json={"sends": send_items(A, MAX_SENDS_PER_CALL + 1, now)}
    )
    assert answer.status_code == 422
    assert api.call("GET", f"/v1/accounts/{A}/status", "read").json()["sent"] == 0
    ok = api.call("POST", "/v1/sends", "ingest", json={"sends": send_items(A, MAX_SENDS_PER_CALL, now)})
    assert ok.json()["stored"] == MAX_SENDS_PER_CALL


def test_an_account_bound_key_reports_and_reads_its_own_account_only(api: Client) -> None:
    now = datetime.now(UTC)
    mine = [{k: v for k, v in item.items() if k != "account"} for item in send_items(A, 3, now)]
    theirs = send_items(B, 1, now)
    answer = api.call("POST", "/v1/sends", "a-ingest", json={"sends": [*mine, *theirs]}).json()
    assert answer["stored"] == 3
    assert answer["errors"] == [{"index": 3, "reason": "this key acts for account 'shop-a' only"}]
    assert api.call("GET", f"/v1/accounts/{A}/status", "a-read").json()["sent"] == 3
    # Another account's numbers do not exist for this key: the same 404 as an unknown account.
    for path in (f"/v1/accounts/{B}/status", f"/v1/accounts/{B}/reputation", "/v1/accounts/nobody/status"):
        answer = api.call("GET", path, "a-read")
        assert answer.status_code == 404, path
        assert answer.json()["title"] == "Not Found"
    assert api.call("GET", f"/v1/accounts/{B}/status", "read").json()["sent"] == 0
    # Pausing and resuming is an operator's: a bound admin key may do neither, even for its own.
    for action in ("pause", "resume"):
        assert (
            api.call("POST", f"/v1/accounts/{A}/{action}", "a-admin", json={"note": "x"}).status_code == 403
        )
    # Reporting sends needs the ingest scope.
    assert api.call("POST", "/v1/sends", "a-read", json={"sends": mine}).status_code == 403
    assert api.client.get(f"/v1/accounts/{A}/status").status_code == 401


def test_reputation_rows_and_bad_parameters(api: Client) -> None:
    now = datetime.now(UTC)
    api.call("POST", "/v1/sends", "ingest", json={"sends": send_items(A, 5, now)})
    body = api.call("GET", f"/v1/accounts/{A}/reputation", "read", params={"days": 2}).json()
    assert (body["status"], body["send_rate_factor"], len(body["days"])) == ("ok", 1.0, 2)
    assert body["days"][0]["day"] == now.date().isoformat() and body["days"][0]["sent"] == 5
    assert body["days"][1]["sent"] == 0 and body["days"][1]["bounce_rate"] is None
    for days in (0, 367, "x"):
        assert (
            api.call("GET", f"/v1/accounts/{A}/reputation", "read", params={"days": days}).status_code == 422
        )
    assert api.call("GET", "/v1/accounts/Not%20An%20Id/status", "read").status_code == 422
    assert api.call("GET", "/v1/accounts/nobody/reputation", "read").status_code == 404


def test_pause_and_resume_over_http(api: Client) -> None:
    paused = api.call("POST", f"/v1/accounts/{A}/pause", "admin", json={"note": "abuse desk"})
    assert paused.status_code == 200
    assert paused.json() == {
        "account": A,
        "changed": True,
        "status": "paused",
        "message": f"account {A} paused",
    }
    status = api.call("GET", f"/v1/accounts/{A}/status", "a-read").json()
    assert (status["status"], status["send_rate_factor"]) == ("paused", 0.0)
    assert api.call("POST", f"/v1/accounts/{A}/resume", "admin").json()["changed"] is True
    unchanged = api.call("POST", f"/v1/accounts/{A}/resume", "admin").json()
    assert unchanged["changed"] is False
    assert unchanged["message"] == "the account is not paused (its status is ok); nothing changed"
    # The audit trail, newest first, in the account's reputation.
    changes = api.call("GET", f"/v1/accounts/{A}/reputation", "a-read").json()["changes"]
    assert [(c["from"], c["to"], c["actor"], c["note"], c["threshold"]) for c in changes] == [
        ("paused", "ok", "api:admin", None, None),
        ("ok", "paused", "api:admin", "abuse desk", None),
    ]
    assert api.call("GET", f"/v1/accounts/{B}/reputation", "read").json()["changes"] == []
    assert api.call("POST", "/v1/accounts/nobody/pause", "admin").status_code == 404
    assert api.call("POST", f"/v1/accounts/{A}/pause", "admin", json={"note": "a\u0000"}).status_code == 422
