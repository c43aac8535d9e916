"""Errors are problem+json from one handler: a database outage is 503 and heals by itself; a bug is a
bare 500 without any of its detail; garbage bodies are 4xx."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from service.api import create_app
from service.app.apikeys import create_key
from service.app.suppression_view import FRESHNESS_BOUND_SECONDS
from service.store.db import Database
from tests.api_support import Api, add_keys, api_fixture, make_settings  # noqa: F401  (`api`)
from tests.fixtures.outage import CuttableDatabase

PROBLEM = "application/problem+json"


def assert_unavailable(client: TestClient, headers: dict[str, str]) -> None:
    lookup = client.get("/v1/suppressions/a@example.com", headers=headers)
    assert lookup.status_code == 503, lookup.text
    assert lookup.headers["content-type"] == PROBLEM
    assert lookup.json()["type"].endswith("/database-unavailable")
    assert client.get("/readyz").status_code == 503
    assert client.get("/healthz").status_code == 200


def test_database_outage_gives_503_and_the_service_recovers_by_itself(
    api: Api, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if api.db.is_sqlite:
        # The embedded database's file cannot be opened until its directory appears.
        url = f"sqlite:///{tmp_path / 'later' / 'bounceback.db'}"
        outage_db = Database(url)
        settings = make_settings(url)
        with TestClient(create_app(settings, outage_db), raise_server_exceptions=False) as client:
            assert_unavailable(client, {"Authorization": "Bearer bb_0123456789ab_secret"})
            (tmp_path / "later").mkdir()
            outage_db.upgrade()
            keys = add_keys(outage_db)
            headers = {"Authorization": f"Bearer {keys['read']}"}
            assert client.get("/v1/suppressions/a@example.com", headers=headers).status_code == 404
            assert client.get("/readyz").status_code == 200
        outage_db.dispose()
        return

    # PostgreSQL: the same database, reached through a connection that is cut under the service.
    cuttable_database: CuttableDatabase = request.getfixturevalue("cuttable_database")
    proxied = cuttable_database.db
    settings = make_settings(proxied.url)
    with TestClient(create_app(settings, proxied), raise_server_exceptions=False) as client:
        read = api.auth("read")
        assert client.get("/v1/suppressions/a@example.com", headers=read).status_code == 404
        cuttable_database.cut()
        # A suppression view loaded before the cut may answer from memory for up to its freshness
        # bound (README, "Performance"); past it, the lookups are the database's, and it is gone.
        deadline = time.monotonic() + FRESHNESS_BOUND_SECONDS + 2.0
        while (
            client.get("/v1/suppressions/a@example.com", headers=read).status_code != 503
            and time.monotonic() < deadline
        ):
            time.sleep(0.05)
        assert_unavailable(client, read)
        # A key not yet verified cannot be checked either: 503, not a misleading 401.
        with api.db.transaction() as session:
            _, fresh = create_key(session, "fresh", "read")
        assert client.get("/v1/events", headers={"Authorization": f"Bearer {fresh}"}).status_code == 503
        cuttable_database.restore()
        assert client.get("/v1/suppressions/a@example.com", headers=read).status_code == 404
        assert client.get("/v1/events", headers={"Authorization": f"Bearer {fresh}"}).status_code == 200
        assert client.get("/readyz").status_code == 200


def test_an_unexpected_error_is_a_bare_500_problem(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'bb.db'}"
    app = create_app(make_settings(url), Database(url))

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret internals: password=hunter2")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/boom")
    assert response.status_code == 500
    assert response.headers["content-type"] == PROBLEM
    assert "hunter2" not in response.text and "Traceback" not in response.text
    assert response.json()["title"] == "Internal Server Error"


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [
        ("POST", "/v1/suppressions/check", {"content": b"{not json"}, 422),
        ("POST", "/v1/suppressions/check", {"json": {"addresses": "a@example.com"}}, 422),
        ("POST", "/v1/suppressions/check", {"json": {"addresses": [], "extra": 1}}, 422),
        (
            "POST",
            "/v1/suppressions/check",
            {"content": b"\xff\xfe\x00", "headers": {"Content-Type": "application/json"}},
            422,
        ),
        ("POST", "/v1/suppressions", {"json": {"address": "a@example.com", "reason": "hard_bounce"}}, 422),
        (
            "POST",
            "/v1/suppressions/import",
            {"content": b"no,header\n", "headers": {"Content-Type": "text/csv"}},
            422,
        ),
        ("POST", "/v1/suppressions/import", {"content": b"x", "headers": {"Content-Type": "image/png"}}, 415),
        ("GET", "/v1/events?after=-1", {}, 422),
        ("GET", "/v1/events?limit=100000", {}, 422),
        ("GET", "/v1/suppressions?limit=0", {}, 422),
        ("GET", "/v1/suppressions?since=yesterday", {}, 422),
        ("GET", "/v1/nothing-here", {}, 404),
        ("PUT", "/v1/suppressions/a@example.com", {}, 405),
    ],
)
def test_garbage_requests_get_a_4xx_problem(
    api: Api, method: str, path: str, kwargs: dict, status: int
) -> None:  # type: ignore[type-arg]
    headers = {**kwargs.get("headers", {}), **api.auth("admin")}
    rest = {k: v for k, v in kwargs.items() if k != "headers"}
    response = api.client.request(method, path, headers=headers, **rest)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert body["status"] == status and body["title"] and body["detail"]


def test_oversized_json_bodies_are_refused_before_parsing(api: Api) -> None:
    settings = make_settings(api.db.url, max_bulk_addresses=10)
    with TestClient(create_app(settings, api.db), raise_server_exceptions=False) as client:
        huge = b'{"addresses": ["' + b"a" * 2_000_000 + b'@example.com"]}'
        response = client.post(
            "/v1/suppressions/check",
            content=huge,
            headers={**api.auth("read"), "Content-Type": "application/json"},
        )
    assert response.status_code == 413
    assert response.headers["content-type"] == PROBLEM
