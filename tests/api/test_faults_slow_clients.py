"""A client that announces a body and then goes silent is answered 408 and cut off, not held open."""

from __future__ import annotations

import socket
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from service.api import create_app
from service.store.db import Database
from tests.api_support import add_keys, make_settings, serving

PATIENCE = 60.0  # far above the bound configured below


def read_until_closed(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection (or PATIENCE runs out: a failure)."""
    sock.settimeout(PATIENCE)
    received = b""
    while chunk := sock.recv(65536):
        received += chunk
    return received


@pytest.mark.parametrize(
    ("path", "content_type", "authorised"),
    [
        ("/v1/messages", "message/rfc822", True),  # the route reads the body as a stream
        ("/v1/suppressions/check", "application/json", False),  # the framework reads it, before auth
    ],
)
def test_a_body_that_never_arrives_is_answered_408_and_the_connection_closed(
    tmp_path: Path, path: str, content_type: str, authorised: bool
) -> None:
    url = f"sqlite:///{tmp_path / 'bb.db'}"
    db = Database(url)
    db.upgrade()
    keys = add_keys(db)
    settings = make_settings(url, request_body_timeout_seconds=1)
    auth = f"Authorization: Bearer {keys['ingest']}\r\n" if authorised else ""
    with serving(create_app(settings, db)) as base:
        server = urlsplit(base)
        with socket.create_connection((server.hostname, server.port)) as sock:
            sock.sendall(
                (
                    f"POST {path} HTTP/1.1\r\nHost: test\r\n{auth}Content-Type: {content_type}\r\n"
                    "Content-Length: 100000\r\n\r\n"
                ).encode()
                + b"From: someone"  # a first few bytes, then silence
            )
            answer = read_until_closed(sock)
    db.dispose()
    status_line, _, rest = answer.partition(b"\r\n")
    assert status_line == b"HTTP/1.1 408 Request Timeout", answer[:300]
    assert b"application/problem+json" in rest
