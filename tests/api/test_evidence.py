"""Evidence: from a suppressed address to the exact bytes behind it, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from service.api import create_app
from service.app import evidence
from service.app.apikeys import create_key
from service.app.ingest import ingest_message
from service.domain.scope import EVERY_ACCOUNT
from service.store.db import Database
from tests import core_samples as samples
from tests.accounts_support import create_accounts, verp_settings
from tests.api_support import HARD_BOUNCE_DSN, Api, api_fixture  # noqa: F401  (`api`)
from tests.cli.test_core import run

RFC822 = {"Content-Type": "message/rfc822"}
# Bytes a careless store would change: 8-bit text, a lone LF, trailing blanks, NUL, no final newline.
ODD_TAIL = b"\r\n--B--\r\ntrailing blanks   \r\nlatin-1 \xe9t\xe9 \x00 lone LF\nend"


def test_from_a_suppressed_address_to_the_exact_bytes_in_two_calls(api: Api) -> None:
    raw = HARD_BOUNCE_DSN + ODD_TAIL
    posted = api.client.post("/v1/messages", content=raw, headers={**api.auth("ingest"), **RFC822})
    assert posted.status_code == 201, posted.text

    history = api.client.get(
        "/v1/suppressions/gone.user@example.org/history", headers=api.auth("read")
    ).json()
    added = next(i for i in history["items"] if i["kind"] == "change" and i["change"] == "added")
    assert added["message_id"] == posted.json()["message_id"]  # call 1: the history names the message

    got = api.client.get(f"/v1/messages/{added['message_id']}/raw", headers=api.auth("admin"))  # call 2
    assert got.status_code == 200
    assert got.headers["content-type"] == "message/rfc822"
    assert got.content == raw


def test_a_message_shows_its_outcome_attribution_events_and_changes(api: Api) -> None:
    posted = api.client.post(
        "/v1/messages", content=HARD_BOUNCE_DSN, headers={**api.auth("ingest"), **RFC822}
    )
    message_id = posted.json()["message_id"]
    body = api.client.get(f"/v1/messages/{message_id}", headers=api.auth("read")).json()
    assert (body["outcome"], body["message_type"], body["quarantine_reason"]) == ("processed", "dsn", None)
    assert body["size"] == len(HARD_BOUNCE_DSN) and body["raw_kept"] is True
    assert body["links"] == {"self": f"/v1/messages/{message_id}", "raw": f"/v1/messages/{message_id}/raw"}
    assert [(e["recipient"], e["reason"], e["superseded_at"]) for e in body["events"]] == [
        ("gone.user@example.org", "user_unknown", None)
    ]
    assert [(c["address"], c["change"], c["reason"], c["actor"]) for c in body["changes"]] == [
        ("gone.user@example.org", "added", "hard_bounce", "policy")
    ]


def test_raw_needs_admin_and_unknown_ids_are_404(api: Api) -> None:
    posted = api.client.post(
        "/v1/messages", content=HARD_BOUNCE_DSN, headers={**api.auth("ingest"), **RFC822}
    )
    message_id = posted.json()["message_id"]
    forbidden = api.client.get(f"/v1/messages/{message_id}/raw", headers=api.auth("read"))
    assert forbidden.status_code == 403
    assert forbidden.headers["content-type"] == "application/problem+json"
    for path in (f"/v1/messages/{message_id + 1000}", f"/v1/messages/{message_id + 1000}/raw"):
        missing = api.client.get(path, headers=api.auth("admin"))
        assert missing.status_code == 404 and missing.json()["type"].endswith("/unknown-message")
    assert api.client.get("/v1/messages/nonsense", headers=api.auth("read")).status_code == 422


def test_quarantined_messages_are_listed_newest_first_page_by_page(api: Api) -> None:
    ids = []
    for i in range(5):
        human = f"From: someone@example.net\r\nSubject: lunch {i}?\r\n\r\nFree on Friday?\r\n".encode()
        ids.append(
            api.client.post("/v1/messages", content=human, headers={**api.auth("ingest"), **RFC822}).json()
        )
    api.client.post("/v1/messages", content=HARD_BOUNCE_DSN, headers={**api.auth("ingest"), **RFC822})
    seen: list[int] = []
    cursor = None
    while True:
        params = {"outcome": "quarantined", "limit": 2, **({"cursor": cursor} if cursor else {})}
        page = api.client.get("/v1/messages", params=params, headers=api.auth("read")).json()
        assert all(i["outcome"] == "quarantined" and i["quarantine_reason"] for i in page["items"])
        seen += [i["id"] for i in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == sorted((i["message_id"] for i in ids), reverse=True)
    bad = api.client.get("/v1/messages", params={"cursor": "zz"}, headers=api.auth("read"))
    assert bad.status_code == 422


def test_raw_bytes_are_pruned_after_retention_but_not_while_they_are_evidence(database: Database) -> None:
    settings = verp_settings(database.url)
    kept = ingest_message(database, samples.hard_bounce("gone@example.com", "k"), "test", settings)
    old = ingest_message(database, samples.auto_reply("away@example.com", "o"), "test", settings)
    later = datetime.now(UTC) + timedelta(days=31)
    assert evidence.prune_raw(database, 30, now=later) == 1
    assert evidence.prune_raw(database, 30, now=later) == 0  # nothing left to do
    with database.session() as session:
        assert evidence.raw(session, kept.message_id, EVERY_ACCOUNT) == samples.hard_bounce(
            "gone@example.com", "k"
        )
        with pytest.raises(evidence.RawPruned):
            evidence.raw(session, old.message_id, EVERY_ACCOUNT)
        assert evidence.show(session, old.message_id, EVERY_ACCOUNT)["raw_kept"] is False


def test_another_accounts_messages_do_not_exist_for_a_bound_key(database: Database) -> None:
    create_accounts(database, "shop-a", "shop-b")
    settings = verp_settings(database.url)
    mine = ingest_message(
        database,
        samples.hard_bounce("a@example.com", "a", original={"X-Bounceback-Account": "shop-a"}),
        "t",
        settings,
    )
    theirs = ingest_message(
        database,
        samples.hard_bounce("b@example.com", "b", original={"X-Bounceback-Account": "shop-b"}),
        "t",
        settings,
    )
    assert (mine.account, theirs.account) == ("shop-a", "shop-b")
    keys = {}
    with database.transaction() as session:
        for who, scope, account in (
            ("a", "admin", "shop-a"),
            ("a-read", "read", "shop-a"),
            ("global", "admin", None),
        ):
            _, keys[who] = create_key(session, who, scope, account=account, now=datetime.now(UTC))
    with TestClient(create_app(settings, database), raise_server_exceptions=False) as client:

        def get(who: str, path: str, **params: str) -> object:
            return client.get(path, params=params, headers={"Authorization": f"Bearer {keys[who]}"})

        for path in (f"/v1/messages/{theirs.message_id}", f"/v1/messages/{theirs.message_id}/raw"):
            assert get("a", path).status_code == 404  # type: ignore[attr-defined]
        assert get("a", f"/v1/messages/{mine.message_id}/raw").content == samples.hard_bounce(  # type: ignore[attr-defined]
            "a@example.com", "a", original={"X-Bounceback-Account": "shop-a"}
        )
        listed = get("a-read", "/v1/messages").json()  # type: ignore[attr-defined]
        assert [i["id"] for i in listed["items"]] == [mine.message_id]
        assert get("a-read", "/v1/messages", account="shop-b").status_code == 403  # type: ignore[attr-defined]
        everything = get("global", "/v1/messages").json()  # type: ignore[attr-defined]
        assert {i["id"] for i in everything["items"]} == {mine.message_id, theirs.message_id}
        only_b = get("global", "/v1/messages", account="shop-b").json()  # type: ignore[attr-defined]
        assert [i["id"] for i in only_b["items"]] == [theirs.message_id]


def test_the_cli_lists_shows_and_writes_the_exact_bytes(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BOUNCEBACK_DATABASE_URL", database_url)
    db = Database(database_url)
    raw = HARD_BOUNCE_DSN + ODD_TAIL
    result = ingest_message(db, raw, "test", verp_settings(database_url))
    db.dispose()
    code, out, err = run(capsys, "messages", "list")
    assert code == 0, err
    assert out.startswith(f"{result.message_id}\t")
    code, out, _ = run(capsys, "messages", "show", str(result.message_id))
    assert code == 0 and "gone.user@example.org bounce hard user_unknown 5.1.1" in out
    code, out, _ = run(capsys, "messages", "show", "--json", str(result.message_id))
    shown = json.loads(out)
    assert shown["changes"][0]["at"].endswith("Z") and shown["events"][0]["reason"] == "user_unknown"
    code, _, err = run(capsys, "messages", "show", str(result.message_id + 99))
    assert code == 1 and "no message" in err


def test_the_cli_raw_output_is_byte_for_byte(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BOUNCEBACK_DATABASE_URL", database_url)
    db = Database(database_url)
    raw = HARD_BOUNCE_DSN + ODD_TAIL
    result = ingest_message(db, raw, "test", verp_settings(database_url))
    db.dispose()
    target = tmp_path / "out.eml"
    code, _, err = run(capsys, "messages", "raw", str(result.message_id), "--output", str(target))
    assert code == 0, err
    assert target.read_bytes() == raw
