"""API keys: only hashes stored, 401 without a valid key, 403 outside the key's scope, revocation."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from service.app import apikeys
from service.app.apikeys import Caller, revoke_key, scope_allows, split_key
from service.store.models import ApiKey
from tests.api_support import HARD_BOUNCE_DSN, Api, api_fixture  # noqa: F401  (the `api` fixture)

BOUNCEBACK = str(Path(sys.executable).with_name("bounceback"))
RFC822 = {"Content-Type": "message/rfc822"}

# (method, path, body kwargs, the scope the call needs, the status of the first allowed call and
# of the ones after it, on an empty database)
CALLS = [
    ("GET", "/v1/suppressions/a@example.com", {}, "read", (404, 404)),  # not suppressed
    ("POST", "/v1/suppressions/check", {"json": {"addresses": ["a@example.com"]}}, "read", (200, 200)),
    ("GET", "/v1/suppressions", {}, "read", (200, 200)),
    ("GET", "/v1/suppressions/a@example.com/history", {}, "read", (200, 200)),
    ("GET", "/v1/suppressions/export", {}, "read", (200, 200)),
    ("GET", "/v1/events", {}, "read", (200, 200)),
    # Stored the first time, the same bytes again after that.
    ("POST", "/v1/messages", {"content": HARD_BOUNCE_DSN, "headers": RFC822}, "ingest", (201, 200)),
    ("POST", "/v1/suppressions", {"json": {"address": "a@example.com"}}, "admin", (201, 200)),
    ("DELETE", "/v1/suppressions/a@example.com", {}, "admin", (404, 404)),  # nothing to remove
    ("POST", "/v1/suppressions/import", {"json": {"addresses": ["b@example.com"]}}, "admin", (200, 200)),
]


def call(api: Api, method: str, path: str, kwargs: dict, auth: dict[str, str]):  # type: ignore[no-untyped-def,type-arg]
    headers = {**kwargs.get("headers", {}), **auth}
    rest = {k: v for k, v in kwargs.items() if k != "headers"}
    return api.client.request(method, path, headers=headers, **rest)


def test_scopes_form_a_hierarchy() -> None:
    assert scope_allows("admin", "ingest") and scope_allows("admin", "read")
    assert scope_allows("ingest", "read") and not scope_allows("ingest", "admin")
    assert not scope_allows("read", "ingest")
    assert not Caller(1, "x", "bogus").allows("read")


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "needed", "statuses"), CALLS, ids=[f"{c[0]} {c[1]}" for c in CALLS]
)
def test_every_call_needs_a_key_and_a_scope_that_covers_it(
    api: Api,
    method: str,
    path: str,
    kwargs: dict,  # type: ignore[type-arg]
    needed: str,
    statuses: tuple[int, int],
) -> None:
    missing = call(api, method, path, kwargs, {})
    assert missing.status_code == 401
    assert missing.headers["content-type"] == "application/problem+json"
    assert missing.headers["www-authenticate"].startswith("Bearer")
    allowed = 0
    for scope in ("read", "ingest", "admin"):
        response = call(api, method, path, kwargs, api.auth(scope))
        if scope_allows(scope, needed):
            # The call's own answer (a 500 is not "allowed"): success, or the 404 it means.
            assert response.status_code == statuses[min(allowed, 1)], (scope, response.text)
            allowed += 1
        else:
            assert response.status_code == 403, (scope, response.text)
            assert needed in response.json()["detail"]


def test_wrong_malformed_and_revoked_keys_are_refused(api: Api) -> None:
    prefix, _secret = split_key(api.keys["read"]) or ("", "")
    for key in (f"bb_{prefix}_wrongsecret", "bb_nope", "garbage", api.keys["read"] + "x"):
        response = api.client.get("/v1/events", headers={"Authorization": f"Bearer {key}"})
        assert response.status_code == 401, key
    basic = api.client.get("/v1/events", headers={"Authorization": "Basic dXNlcjpwYXNz"})
    assert basic.status_code == 401

    assert api.client.get("/v1/events", headers=api.auth("read")).status_code == 200
    with api.db.transaction() as session:
        assert revoke_key(session, prefix) == 1
    # Within the cache's lifetime the key still works; once it expires the revocation holds.
    api.client.app.state.key_cache.clear()  # type: ignore[attr-defined]
    assert api.client.get("/v1/events", headers=api.auth("read")).status_code == 401


def test_a_key_whose_prefix_is_all_digits_is_revoked_by_its_prefix(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A prefix is 12 random hex characters; about one key in 280 gets one made of digits only,
    # which the revocation once read as a row id and never found.
    monkeypatch.setattr(apikeys.secrets, "token_hex", lambda _n: "408455605699")
    with api.db.transaction() as session:
        row, key = apikeys.create_key(session, name="digits", scope="read")
    monkeypatch.undo()
    assert split_key(key) is not None and split_key(key)[0] == "408455605699"  # type: ignore[index]
    with api.db.transaction() as session:
        assert revoke_key(session, "408455605699") == 1
    with api.db.session() as session:
        assert session.get(ApiKey, row.id).revoked_at is not None  # type: ignore[union-attr]
    # An id still names its key.
    with api.db.transaction() as session:
        other, _ = apikeys.create_key(session, name="by-id", scope="read")
        other_id = other.id
    with api.db.transaction() as session:
        assert revoke_key(session, str(other_id)) == 1


def test_only_the_hash_of_a_key_is_stored(api: Api) -> None:
    with api.db.session() as session:
        rows = session.scalars(select(ApiKey)).all()
    stored = {value for row in rows for value in (row.name, row.prefix, row.key_hash, row.scope)}
    for key in api.keys.values():
        assert key not in stored
        assert hashlib.sha256(key.encode()).hexdigest() in stored


def test_cli_creates_a_key_that_works_lists_it_and_revokes_it(api: Api) -> None:
    if not api.db.is_sqlite:
        pytest.skip("the CLI's key handling is the same on every backend; one run is enough")
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOUNCEBACK_")}
    env["BOUNCEBACK_DATABASE_URL"] = api.db.url

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([BOUNCEBACK, *args], env=env, capture_output=True, text=True, timeout=60)

    created = cli("apikey", "create", "--name", "campaign-sender", "--scope", "read")
    assert created.returncode == 0, created.stderr
    key = created.stdout.strip().splitlines()[-1]
    assert key.startswith("bb_")
    assert api.client.get("/v1/events", headers={"Authorization": f"Bearer {key}"}).status_code == 200

    listed = cli("apikey", "list")
    assert "campaign-sender" in listed.stdout and key not in listed.stdout
    prefix = split_key(key)[0]  # type: ignore[index]
    assert cli("apikey", "revoke", prefix).returncode == 0
    assert cli("apikey", "revoke", prefix).returncode == 1  # nothing active left to revoke
    api.client.app.state.key_cache.clear()  # type: ignore[attr-defined]
    assert api.client.get("/v1/events", headers={"Authorization": f"Bearer {key}"}).status_code == 401
    bad_scope = cli("apikey", "create", "--name", "x", "--scope", "root")
    assert bad_scope.returncode == 2
