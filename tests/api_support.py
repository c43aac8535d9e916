"""Shared set-up for the API tests: the app in-process on the `database` fixture, one key per scope."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from service.api import create_app
from service.app.apikeys import create_key
from service.config import Settings
from service.store.db import Database

# A standard RFC 3464 report: one hard bounce (5.1.1 user unknown) for gone.user@example.org.
HARD_BOUNCE_DSN = (
    b"From: MAILER-DAEMON@mx.example.net\r\n"
    b"To: bounces@sender.example.com\r\n"
    b"Subject: Undelivered Mail Returned to Sender\r\n"
    b"Date: Fri, 20 Nov 2026 08:15:00 +0000\r\n"
    b"Message-ID: <dsn-1@mx.example.net>\r\n"
    b"MIME-Version: 1.0\r\n"
    b'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\r\n'
    b"\r\n"
    b"--B\r\n"
    b"Content-Type: text/plain\r\n\r\n"
    b"Your message could not be delivered.\r\n"
    b"--B\r\n"
    b"Content-Type: message/delivery-status\r\n\r\n"
    b"Reporting-MTA: dns; mx.example.net\r\n\r\n"
    b"Final-Recipient: rfc822; Gone.User@Example.org\r\n"
    b"Action: failed\r\n"
    b"Status: 5.1.1\r\n"
    b"Diagnostic-Code: smtp; 550 5.1.1 <gone.user@example.org>: Recipient address rejected: User unknown\r\n"
    b"--B--\r\n"
)


@dataclass
class Api:
    client: TestClient
    db: Database
    settings: Settings
    keys: dict[str, str]  # scope -> key

    def auth(self, scope: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.keys[scope]}"}


def make_settings(database_url: str, **overrides: object) -> Settings:
    return Settings(database_url=database_url, **overrides)  # type: ignore[arg-type]


def add_keys(db: Database) -> dict[str, str]:
    keys = {}
    with db.transaction() as session:
        for scope in ("read", "ingest", "admin"):
            _, keys[scope] = create_key(session, f"{scope}-caller", scope, now=datetime.now(UTC))
    return keys


@pytest.fixture(name="api")
def api_fixture(database: Database) -> Iterator[Api]:
    """The app on the `database` fixture, with one key per scope (test modules import this fixture)."""
    settings = make_settings(database.url)
    keys = add_keys(database)
    with TestClient(create_app(settings, database), raise_server_exceptions=False) as client:
        yield Api(client=client, db=database, settings=settings, keys=keys)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(app: FastAPI) -> Iterator[str]:
    """`app` behind a real uvicorn on a loopback port, in a thread; yields the base URL.

    For tests that need calls in parallel (TestClient runs one at a time on its own loop) or raw
    sockets. The server stops when the block ends.
    """
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None, access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="uvicorn-under-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(60)
