"""Text PostgreSQL cannot store (NUL, lone surrogates) is a 422 naming the field on every backend,
never a 500; in an import, the line (the API refuses the upload, the CLI skips that line)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.app.apikeys import MAX_NAME_LENGTH, create_key
from service.store.db import Database
from tests.api_support import Api, api_fixture  # noqa: F401  (`api`)
from tests.cli.test_core import run

PROBLEM = "application/problem+json"
UNSTORABLE = ["nul\x00inside", "lone \ud800 surrogate"]


def assert_names_the_field(response, field: str) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == PROBLEM
    detail = response.json()["detail"]
    # A lone surrogate may already be refused as malformed JSON (RFC 8259 leaves its meaning open):
    # a 422 all the same, only without a field to name.
    assert field in detail or "surrogate" in detail, response.json()


def post_json(api: Api, path: str, body: object):  # type: ignore[no-untyped-def]
    # Escaped as JSON must escape them (\u0000, \ud800): what any client's encoder sends.
    content = json.dumps(body, ensure_ascii=True)
    return api.client.post(
        path, content=content, headers={**api.auth("admin"), "Content-Type": "application/json"}
    )


@pytest.mark.parametrize("bad", UNSTORABLE, ids=["NUL", "surrogate"])
def test_unstorable_text_in_a_json_field_is_422_naming_it(api: Api, bad: str) -> None:
    assert_names_the_field(
        post_json(api, "/v1/suppressions", {"address": "jane@example.com", "note": bad}), "note"
    )
    assert_names_the_field(
        post_json(api, "/v1/suppressions", {"address": f"ja{bad}ne@example.com"}), "address"
    )
    imported = post_json(api, "/v1/suppressions/import", {"addresses": ["x@example.com"], "note": bad})
    assert_names_the_field(imported, "note")
    checked = post_json(api, "/v1/suppressions/check", {"addresses": [f"ja{bad}ne@example.com"]})
    assert checked.status_code == 200, checked.text  # answered, as every address of a check is
    assert checked.json()["results"][0]["valid"] is False
    # Nothing of the refused calls was stored.
    for address in ("jane@example.com", "x@example.com"):
        assert api.client.get(f"/v1/suppressions/{address}", headers=api.auth("read")).status_code == 404


def test_a_nul_in_a_query_note_is_422_naming_it(api: Api) -> None:
    admin = api.auth("admin")
    assert (
        api.client.post("/v1/suppressions", json={"address": "jane@example.com"}, headers=admin).status_code
        == 201
    )
    removed = api.client.delete(
        "/v1/suppressions/jane@example.com", params={"note": "gone\x00"}, headers=admin
    )
    assert_names_the_field(removed, "note")
    assert api.client.get("/v1/suppressions/jane@example.com", headers=api.auth("read")).status_code == 200


def test_one_bad_csv_row_is_refused_with_its_line_and_field_and_nothing_is_half_done(api: Api) -> None:
    admin = {**api.auth("admin"), "Content-Type": "text/csv"}
    csv = (
        b"address,reason,since,note\r\n"
        b"one@example.com,manual,,fine\r\n"
        b"two@example.com,manual,,bad\x00note\r\n"
        b"thr\x00ee@example.com,manual,,\r\n"
        b"four@example.com,manual,,fine\r\n"
    )
    answer = api.client.post("/v1/suppressions/import", content=csv, headers=admin)
    assert_names_the_field(answer, "note")
    assert "line 3" in answer.json()["detail"]
    assert api.client.get("/v1/suppressions/one@example.com", headers=api.auth("read")).status_code == 404
    fixed = csv.replace(b"bad\x00note", b"bad note")
    summary = api.client.post("/v1/suppressions/import", content=fixed, headers=admin)
    assert summary.status_code == 200, summary.text
    # An address that is not one is skipped and reported, as every invalid address in an import is.
    assert summary.json()["added"] == 3 and summary.json()["invalid_count"] == 1


def test_the_cli_import_rejects_the_line_and_imports_the_rest(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BOUNCEBACK_DATABASE_URL", database.url)
    source = tmp_path / "list.csv"
    source.write_bytes(
        b"address,reason,since,note\none@example.com,,,\ntwo@example.com,,,bad\x00note\nthree@example.com,,,\n"
    )
    code, out, err = run(capsys, "suppressions", "import", str(source))
    assert code == 1
    assert "list.csv:3: note contains a NUL character" in err
    assert "imported: 2 added, 0 already suppressed, 1 rejected" in out


def test_a_key_with_the_longest_name_allowed_can_write(api: Api) -> None:
    """The audit trail names the key (`api:<name>`): the longest name must fit there as well."""
    with api.db.transaction() as session:
        _, key = create_key(session, "n" * MAX_NAME_LENGTH, "admin")
    added = api.client.post(
        "/v1/suppressions", json={"address": "long@example.com"}, headers={"Authorization": f"Bearer {key}"}
    )
    assert added.status_code == 201, added.text
