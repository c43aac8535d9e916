"""The address validator at the edges: the API and the CLI refuse impossible addresses, and an IDN
entry is found by either form of its domain."""

from __future__ import annotations

import pytest

from service.store.db import Database
from tests.api_support import Api, api_fixture  # noqa: F401  (`api`)
from tests.cli.test_core import run


def test_the_api_refuses_impossible_addresses_everywhere_and_finds_idn_entries_in_either_form(
    api: Api,
) -> None:
    admin, read = api.auth("admin"), api.auth("read")
    for value in ("a@b@c", "x@-bad-.com", "l" * 65 + "@example.com"):
        added = api.client.post("/v1/suppressions", json={"address": value}, headers=admin)
        assert added.status_code == 422, (value, added.text)
        assert added.json()["type"].endswith("/invalid-address")
        assert api.client.get(f"/v1/suppressions/{value}", headers=read).status_code == 422
    imported = api.client.post(
        "/v1/suppressions/import", json={"addresses": ["a@b@c", "ok@example.com"]}, headers=admin
    )
    assert imported.json()["added"] == 1 and imported.json()["invalid"] == ["a@b@c"]

    assert (
        api.client.post("/v1/suppressions", json={"address": "jürgen@bücher.de"}, headers=admin).status_code
        == 201
    )
    for form in ("jürgen@bücher.de", "jürgen@xn--bcher-kva.de", "JÜRGEN@Bücher.DE"):
        found = api.client.get(f"/v1/suppressions/{form}", headers=read)
        assert found.status_code == 200, form
        assert found.json()["address"] == "jürgen@xn--bcher-kva.de"


def test_the_cli_refuses_impossible_addresses(
    database: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BOUNCEBACK_DATABASE_URL", database.url)
    code, out, err = run(capsys, "suppressions", "add", "a@b@c", "x@-bad-.com", "ok@example.com")
    assert code == 1
    assert out.splitlines() == ["ok@example.com\tadded"]
    assert "'a@b@c'" in err and "'x@-bad-.com'" in err
