"""A database that stops answering: /healthz stays live, calls get 503 within their bounds, and the
service recovers by itself; every connection carries the configured bounds."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from sqlalchemy import event, text
from sqlalchemy.engine import make_url

from service.api import create_app
from service.store.db import Database, database_timeouts
from tests.api_support import HARD_BOUNCE_DSN, Api, add_keys, api_fixture, make_settings, serving  # noqa: F401  (`api`)
from tests.fixtures.outage import TcpProxy

PROBLEM = "application/problem+json"
# Generous: far above the bounds configured below, far below "hangs indefinitely".
PATIENCE = 60.0
LOOKUP = "/v1/suppressions/gone.user@example.org"

STALL_BOUNDS = {
    "database_connect_timeout_seconds": 2,
    "database_statement_timeout_seconds": 2,
    "database_pool_timeout_seconds": 1,
    "api_database_timeout_seconds": 2,
}


def wait_until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}")


def assert_unavailable(response: httpx.Response) -> None:
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["type"].endswith("/database-unavailable")
    assert int(response.headers["retry-after"]) > 0


def test_a_stalled_database_leaves_healthz_live_answers_503_and_recovers(database: Database) -> None:
    if database.is_sqlite:
        pytest.skip("a stall needs a network hop to the database; SQLite's bound is its busy timeout")
    url = make_url(database.url)
    proxy = TcpProxy((url.host or "127.0.0.1", url.port or 5432))
    proxy.start()
    proxied_url = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    # The database path: with the in-memory view, a free address is answered without the database
    # until the view is a second behind (tests/app/test_suppression_view.py has its outage test).
    settings = make_settings(proxied_url, lookup_cache=False, **STALL_BOUNDS)
    proxied = Database(proxied_url, database_timeouts(settings))
    keys = add_keys(database)
    read = {"Authorization": f"Bearer {keys['read']}"}
    ingest = {"Authorization": f"Bearer {keys['ingest']}", "Content-Type": "message/rfc822"}
    try:
        with (
            serving(create_app(settings, proxied)) as base,
            httpx.Client(base_url=base, timeout=PATIENCE) as client,
            ThreadPoolExecutor(4) as pool,
        ):
            assert client.get(LOOKUP, headers=read).status_code == 404
            assert client.get("/readyz").status_code == 200

            proxy.pause()
            # Calls that reach the database while it stalls, all at once.
            in_flight = [
                pool.submit(client.get, LOOKUP, headers=read),
                pool.submit(client.post, "/v1/messages", content=HARD_BOUNCE_DSN, headers=ingest),
                pool.submit(
                    client.post, "/v1/suppressions/check", json={"addresses": ["a@b.example"]}, headers=read
                ),
            ]
            # The process is alive and says so while they wait.
            for _ in range(3):
                assert client.get("/healthz").status_code == 200
            for call in in_flight:
                assert_unavailable(call.result(timeout=PATIENCE))
            assert_unavailable(client.get(LOOKUP, headers=read))
            assert_unavailable(client.get("/v1/events", headers=read))
            assert_unavailable(client.get("/readyz"))
            assert client.get("/healthz").status_code == 200

            proxy.resume()
            wait_until(
                lambda: client.get(LOOKUP, headers=read).status_code in (200, 404), "lookups to come back"
            )
            # The posted bounce was applied after all once the database answered, or is now: a
            # retry is safe either way (the same bytes are one message).
            posted = client.post("/v1/messages", content=HARD_BOUNCE_DSN, headers=ingest)
            assert posted.status_code in (200, 201), posted.text
            assert client.get(LOOKUP, headers=read).json()["reason"] == "hard_bounce"
            assert client.get("/readyz").status_code == 200
    finally:
        proxy.stop()
        proxied.dispose()


def test_every_connection_carries_the_statement_bound(database: Database) -> None:
    settings = make_settings(
        database.url, database_statement_timeout_seconds=7, database_pool_timeout_seconds=3
    )
    db = Database(database.url, database_timeouts(settings))
    try:
        with db.engine.connect() as connection:
            if db.is_sqlite:
                assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 7000
            else:
                assert connection.execute(text("SHOW statement_timeout")).scalar() == "7s"
        assert db.engine.pool.timeout() == 3  # type: ignore[attr-defined]
    finally:
        db.dispose()


def test_a_statement_that_runs_too_long_is_cancelled_by_the_server(database: Database) -> None:
    if database.is_sqlite:
        pytest.skip("SQLite statements do not wait on a server; its bound is the busy timeout")
    settings = make_settings(database.url, database_statement_timeout_seconds=1)
    db = Database(database.url, database_timeouts(settings))
    try:
        with pytest.raises(Exception) as cancelled, db.engine.connect() as connection:
            connection.execute(text("SELECT pg_sleep(30)"))
        assert "statement timeout" in str(cancelled.value)
    finally:
        db.dispose()


def test_no_database_statement_runs_on_the_event_loop(api: Api) -> None:
    """Any statement on the loop's thread would stall every call, /healthz included, while it waits."""
    on_the_loop: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return  # a worker thread: fine
        on_the_loop.append(statement)

    state = api.client.app.state  # type: ignore[attr-defined]
    engines = {id(e): e for e in (api.db.engine, state.lookup_engine, state.read_engine.engine)}
    for engine in engines.values():
        event.listen(engine, "before_cursor_execute", record)
    read, admin = api.auth("read"), api.auth("admin")
    ingest = {**api.auth("ingest"), "Content-Type": "message/rfc822"}
    calls = [
        api.client.post("/v1/messages", content=HARD_BOUNCE_DSN, headers=ingest),
        api.client.get("/v1/suppressions/gone.user@example.org", headers=read),
        api.client.get("/v1/suppressions/free@example.org", headers=read),
        api.client.post("/v1/suppressions/check", json={"addresses": ["a@example.org"]}, headers=read),
        api.client.get("/v1/suppressions", headers=read),
        api.client.get("/v1/suppressions/gone.user@example.org/history", headers=read),
        api.client.get("/v1/suppressions/export", headers=read),
        api.client.post("/v1/suppressions", json={"address": "m@example.org"}, headers=admin),
        api.client.delete("/v1/suppressions/m@example.org", headers=admin),
        api.client.post("/v1/suppressions/import", json={"addresses": ["i@example.org"]}, headers=admin),
        api.client.get("/v1/events", headers=read),
        api.client.get("/readyz"),
    ]
    try:
        assert all(c.status_code < 300 or c.status_code == 404 for c in calls), [c.status_code for c in calls]
    finally:
        for engine in engines.values():
            event.remove(engine, "before_cursor_execute", record)
    assert on_the_loop == []
