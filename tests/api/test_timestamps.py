"""One date format everywhere: every timestamp the API, the exports and the CLI write is RFC 3339 in
UTC with a `Z`, whatever the database's own time zone."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.api import create_app
from service.store.db import Database
from tests.api_support import HARD_BOUNCE_DSN, add_keys, make_settings
from tests.cli.test_core import run

RFC3339_UTC = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?Z")
# Keys whose values are timestamps, wherever they appear.
TIME_KEYS = {"since", "at", "occurred_at", "time", "created_at", "revoked_at"}


def timestamps(value: Any) -> list[str]:
    """Every non-null value under a timestamp key, at any depth."""
    found: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key in TIME_KEYS and item is not None:
                found.append(item)
            else:
                found += timestamps(item)
    elif isinstance(value, list):
        for item in value:
            found += timestamps(item)
    return found


def test_api_exports_and_cli_write_rfc3339_utc_with_z(
    database: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = database.url
    if not database.is_sqlite:
        # A server (or database) whose time zone is not UTC hands timestamps back in its own zone.
        url += "?options=-c%20timezone%3DAsia%2FTokyo"
    db = Database(url)
    keys = add_keys(db)
    written: list[str] = []
    with TestClient(create_app(make_settings(url), db)) as client:
        read, admin = (
            {"Authorization": f"Bearer {keys['read']}"},
            {"Authorization": f"Bearer {keys['admin']}"},
        )
        posted = client.post(
            "/v1/messages",
            content=HARD_BOUNCE_DSN,
            headers={"Authorization": f"Bearer {keys['ingest']}", "Content-Type": "message/rfc822"},
        )
        imported = client.post(
            "/v1/suppressions/import",
            content=b"address,reason,since,note\r\nold@example.org,hard_bounce,2025-01-02T03:04:05+02:00,\r\n",
            headers={**admin, "Content-Type": "text/csv"},
        )
        assert posted.status_code == 201 and imported.status_code == 200
        for path in (
            "/v1/suppressions/gone.user@example.org",
            "/v1/suppressions",
            "/v1/suppressions/gone.user@example.org/history",
            "/v1/events",
        ):
            written += timestamps(client.get(path, headers=read).json())
        written += timestamps(posted.json())
        ndjson = client.get("/v1/suppressions/export?format=ndjson", headers=read).text
        written += timestamps([json.loads(line) for line in ndjson.splitlines()])
        exported = client.get("/v1/suppressions/export", headers=read).text
        written += [row["since"] for row in csv.DictReader(io.StringIO(exported))]
    db.dispose()

    monkeypatch.setenv("BOUNCEBACK_DATABASE_URL", url)
    for command in (("suppressions", "list", "--json"), ("apikey", "list", "--json")):
        code, out, _ = run(capsys, *command)
        assert code == 0
        written += timestamps([json.loads(line) for line in out.splitlines()])
    code, out, _ = run(capsys, "suppressions", "export")
    written += [row["since"] for row in csv.DictReader(io.StringIO(out))]
    code, out, _ = run(capsys, "suppressions", "list")
    written += [line.split("\t")[2] for line in out.splitlines()]

    assert len(written) > 20
    assert [t for t in written if not RFC3339_UTC.fullmatch(t)] == []
    assert "2025-01-02T01:04:05Z" in written  # the imported date, in UTC
