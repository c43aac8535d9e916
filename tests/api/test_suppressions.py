"""The suppression routes as a sending service and an operator use them, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert

from service.store.models import Recipient
from tests.api_support import Api, api_fixture  # noqa: F401  (the `api` fixture)

PROBLEM = "application/problem+json"


def seed(api: Api, addresses: list[str], reason: str = "hard_bounce", since: datetime | None = None) -> None:
    """Suppressed entries written directly, as the policy would leave them."""
    when = since or datetime(2026, 11, 1, tzinfo=UTC)
    with api.db.transaction() as session:
        session.execute(
            insert(Recipient),
            [
                {"address": a, "suppressed": True, "reason": reason, "since": when, "updated_at": when}
                for a in addresses
            ],
        )


def test_lookup_answers_200_with_reason_and_since_and_404_when_free(api: Api) -> None:
    seed(api, ["gone@example.org"], reason="complaint")
    hit = api.client.get("/v1/suppressions/Gone@Example.ORG", headers=api.auth("read"))
    assert hit.status_code == 200
    body = hit.json()
    assert body["address"] == "gone@example.org"
    assert body["reason"] == "complaint"
    assert body["since"].startswith("2026-11-01T00:00:00")
    miss = api.client.get("/v1/suppressions/free@example.org", headers=api.auth("read"))
    assert miss.status_code == 404
    assert miss.headers["content-type"] == PROBLEM
    assert miss.json()["detail"] == "free@example.org is not suppressed"
    bad = api.client.get("/v1/suppressions/not-an-address", headers=api.auth("read"))
    assert bad.status_code == 422
    assert bad.headers["content-type"] == PROBLEM


def test_bulk_check_of_ten_thousand_answers_in_input_order(api: Api) -> None:
    suppressed = [f"user{i}@example.com" for i in range(0, 10_000, 7)]
    seed(api, suppressed)
    asked = [f"User{i}@Example.com" for i in range(10_000)]
    response = api.client.post("/v1/suppressions/check", json={"addresses": asked}, headers=api.auth("read"))
    assert response.status_code == 200
    results = response.json()["results"]
    assert len(results) == 10_000
    assert [r["address"] for r in results] == [a.lower() for a in asked]
    assert [r["suppressed"] for r in results] == [i % 7 == 0 for i in range(10_000)]
    assert {r["reason"] for r in results if r["suppressed"]} == {"hard_bounce"}
    assert {r["reason"] for r in results if not r["suppressed"]} == {None}


def test_bulk_check_refuses_more_than_the_limit(api: Api) -> None:
    too_many = [f"u{i}@example.com" for i in range(10_001)]
    response = api.client.post(
        "/v1/suppressions/check", json={"addresses": too_many}, headers=api.auth("read")
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    assert "at most 10,000 addresses" in response.json()["detail"]


def test_bulk_check_answers_every_address_and_says_why_a_bad_one_is_bad(api: Api) -> None:
    seed(api, ["gone@example.com"])
    asked = [f"user{i}@example.com" for i in range(9_995)]
    asked[10:10] = ["Gone@Example.com", "a@b@c", "nonsense", "ja\x00ne@example.com", "x@-bad-.com"]
    response = api.client.post("/v1/suppressions/check", json={"addresses": asked}, headers=api.auth("read"))
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert len(results) == 10_000
    assert results[10] == {
        "address": "gone@example.com",
        "valid": True,
        "suppressed": True,
        "reason": "hard_bounce",
        "scope": "global",
        "account": None,
        "error": None,
    }
    for result, given in zip(results[11:15], asked[11:15], strict=True):
        assert result["address"] == given and result["valid"] is False and result["suppressed"] is False
        assert result["error"].startswith("not an email address")
    assert all(r["valid"] and not r["suppressed"] for r in results[:10] + results[15:])


def test_list_pages_through_everything_with_the_cursor_and_filters(api: Api) -> None:
    old = datetime(2026, 1, 1, tzinfo=UTC)
    seed(api, [f"h{i:03d}@example.com" for i in range(25)], reason="hard_bounce", since=old)
    seed(api, [f"c{i:03d}@example.com" for i in range(5)], reason="complaint", since=old + timedelta(days=30))
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params: dict[str, str | int] = {"limit": 10}
        if cursor:
            params["cursor"] = cursor
        page = api.client.get("/v1/suppressions", params=params, headers=api.auth("read")).json()
        seen += [item["address"] for item in page["items"]]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert pages == 3
    assert seen == sorted(seen) and len(set(seen)) == 30
    complaints = api.client.get("/v1/suppressions", params={"reason": "complaint"}, headers=api.auth("read"))
    assert [i["reason"] for i in complaints.json()["items"]] == ["complaint"] * 5
    recent = api.client.get(
        "/v1/suppressions", params={"since": "2026-01-15T00:00:00Z"}, headers=api.auth("read")
    )
    assert len(recent.json()["items"]) == 5
    garbage = api.client.get("/v1/suppressions", params={"cursor": "%%%"}, headers=api.auth("read"))
    assert garbage.status_code == 422


def test_operator_adds_and_removes_and_every_change_is_in_the_history(api: Api) -> None:
    admin = api.auth("admin")
    added = api.client.post(
        "/v1/suppressions", json={"address": "Jane@Example.com", "note": "asked by phone"}, headers=admin
    )
    assert added.status_code == 201
    assert added.json()["reason"] == "manual"
    again = api.client.post("/v1/suppressions", json={"address": "jane@example.com"}, headers=admin)
    assert again.status_code == 200
    assert api.client.get("/v1/suppressions/jane@example.com", headers=api.auth("read")).status_code == 200

    removed = api.client.delete(
        "/v1/suppressions/jane@example.com", params={"note": "resubscribed"}, headers=admin
    )
    assert removed.status_code == 204
    assert api.client.get("/v1/suppressions/jane@example.com", headers=api.auth("read")).status_code == 404
    twice = api.client.delete("/v1/suppressions/jane@example.com", headers=admin)
    assert twice.status_code == 404

    history = api.client.get("/v1/suppressions/jane@example.com/history", headers=api.auth("read")).json()
    assert history["suppressed"] is False
    changes = [(i["change"], i["actor"], i["note"]) for i in history["items"] if i["kind"] == "change"]
    assert changes == [
        ("removed", "api:admin-caller", "resubscribed"),
        ("added", "api:admin-caller", "asked by phone"),
    ]
    feed = api.client.get("/v1/events", headers=api.auth("read")).json()
    assert [e["type"] for e in feed["events"]] == [
        "bounceback.suppression.added",
        "bounceback.suppression.removed",
    ]


def test_import_csv_and_json_then_export_streams_everything(api: Api) -> None:
    admin = api.auth("admin")
    csv_body = (
        "address,reason,since,note\r\n"
        "a@example.com,complaint,2026-10-01T00:00:00+00:00,from the old ESP\r\n"
        "not an address,manual,,\r\n"
        "B@example.com,,,\r\n"
    )
    imported = api.client.post(
        "/v1/suppressions/import", content=csv_body, headers={**admin, "Content-Type": "text/csv"}
    )
    assert imported.status_code == 200, imported.text
    assert imported.json() == {
        "added": 2,
        "already_suppressed": 0,
        "invalid": ["not an address"],
        "invalid_count": 1,
    }
    as_json = api.client.post(
        "/v1/suppressions/import",
        json={"addresses": ["a@example.com", "c@example.com"], "note": "batch"},
        headers=admin,
    )
    assert as_json.json()["added"] == 1 and as_json.json()["already_suppressed"] == 1

    exported = api.client.get("/v1/suppressions/export", headers=api.auth("read"))
    assert exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert [(r["address"], r["reason"]) for r in rows] == [
        ("a@example.com", "complaint"),
        ("b@example.com", "manual"),
        ("c@example.com", "manual"),
    ]
    assert rows[0]["since"].startswith("2026-10-01T00:00:00")
    lines = api.client.get("/v1/suppressions/export", params={"format": "ndjson"}, headers=api.auth("read"))
    assert [json.loads(line)["address"] for line in lines.text.splitlines()] == [r["address"] for r in rows]


def test_export_of_more_than_one_page(api: Api) -> None:
    seed(api, [f"u{i:05d}@example.com" for i in range(4500)])
    exported = api.client.get(
        "/v1/suppressions/export", params={"format": "ndjson"}, headers=api.auth("read")
    )
    addresses = [json.loads(line)["address"] for line in exported.text.splitlines()]
    assert len(addresses) == 4500 and len(set(addresses)) == 4500


def test_request_latency_is_labelled_by_route_template_not_by_address(api: Api) -> None:
    api.client.get("/v1/suppressions/someone@example.com", headers=api.auth("read"))
    api.client.get("/no/such/path/for/anyone@example.com")
    metrics = api.client.get("/metrics")
    assert metrics.status_code == 200
    assert (
        'bounceback_api_request_seconds_count{method="GET",route="/v1/suppressions/{address}",status="404"}'
        in metrics.text
    )
    assert 'route="unmatched"' in metrics.text
    assert "someone@example.com" not in metrics.text and "anyone@example.com" not in metrics.text
