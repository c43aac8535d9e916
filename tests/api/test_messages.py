"""Raw-message intake over HTTP: the same pipeline as every intake, size limits, duplicates, the feed."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi.testclient import TestClient

from service.api import create_app
from tests.api_support import HARD_BOUNCE_DSN, Api, api_fixture, make_settings  # noqa: F401  (`api`)

RFC822 = {"Content-Type": "message/rfc822"}


def test_a_relay_posts_a_bounce_and_the_address_is_suppressed_with_its_history(api: Api) -> None:
    headers = {**api.auth("ingest"), **RFC822}
    first = api.client.post("/v1/messages", content=HARD_BOUNCE_DSN, headers=headers)
    assert first.status_code == 201, first.text
    body = first.json()
    assert body["outcome"] == "processed" and body["duplicate"] is False
    assert body["message_type"] == "dsn"
    assert [(e["recipient"], e["classification"], e["reason"]) for e in body["events"]] == [
        ("gone.user@example.org", "hard", "user_unknown")
    ]
    assert body["suppressions_added"] == ["gone.user@example.org"]

    again = api.client.post("/v1/messages", content=HARD_BOUNCE_DSN, headers=headers)
    assert again.status_code == 200
    assert again.json()["duplicate"] is True
    assert again.json()["message_id"] == body["message_id"]

    entry = api.client.get("/v1/suppressions/gone.user@example.org", headers=api.auth("read")).json()
    assert entry["reason"] == "hard_bounce"
    assert entry["source_event_id"] == body["events"][0]["id"]
    history = api.client.get(
        "/v1/suppressions/gone.user@example.org/history", headers=api.auth("read")
    ).json()
    assert [(i["kind"], i.get("change"), i.get("classification")) for i in history["items"]] == [
        ("change", "added", None),
        ("event", None, "hard"),
    ]
    assert history["items"][0]["event_id"] == body["events"][0]["id"]
    assert history["items"][0]["actor"] == "policy"

    feed = api.client.get("/v1/events", params={"after": 0}, headers=api.auth("read")).json()
    assert [e["type"] for e in feed["events"]] == ["bounceback.bounce.hard", "bounceback.suppression.added"]
    assert {e["subject"] for e in feed["events"]} == {"gone.user@example.org"}
    rest = api.client.get("/v1/events", params={"after": feed["next_after"]}, headers=api.auth("read")).json()
    assert rest == {"events": [], "next_after": feed["next_after"]}


def test_human_mail_is_stored_as_quarantined(api: Api) -> None:
    human = b"From: someone@example.net\r\nSubject: lunch?\r\n\r\nAre you free on Friday?\r\n"
    response = api.client.post("/v1/messages", content=human, headers={**api.auth("ingest"), **RFC822})
    assert response.status_code == 201
    assert response.json()["outcome"] == "quarantined"
    assert response.json()["quarantine_reason"]


def test_wrong_content_type_and_empty_bodies_are_refused(api: Api) -> None:
    wrong = api.client.post(
        "/v1/messages", content=HARD_BOUNCE_DSN, headers={**api.auth("ingest"), "Content-Type": "text/plain"}
    )
    assert wrong.status_code == 415
    empty = api.client.post("/v1/messages", content=b"", headers={**api.auth("ingest"), **RFC822})
    assert empty.status_code == 422


def test_oversized_messages_get_413_declared_or_streamed(api: Api) -> None:
    settings = make_settings(api.db.url, max_message_bytes=4096)
    with TestClient(create_app(settings, api.db), raise_server_exceptions=False) as client:
        headers = {**api.auth("ingest"), **RFC822}
        declared = client.post("/v1/messages", content=b"x" * 5000, headers=headers)
        assert declared.status_code == 413
        assert declared.headers["content-type"] == "application/problem+json"
        assert "4,096 bytes" in declared.json()["detail"]

        def chunks() -> Iterator[bytes]:  # no Content-Length: the limit applies while reading
            for _ in range(10):
                yield b"y" * 1000

        streamed = client.post("/v1/messages", content=chunks(), headers=headers)
        assert streamed.status_code == 413
        fits = client.post("/v1/messages", content=HARD_BOUNCE_DSN, headers=headers)
        assert fits.status_code == 201
        feed = client.get("/v1/events", headers=api.auth("read")).json()
        assert len(feed["events"]) == 2  # only the message that fitted left events
