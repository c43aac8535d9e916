"""Errors are problem+json from one handler: a database outage is 503 and heals by itself; a bug is a
bare 500 without any of its detail; garbage bodies are 4xx."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import make_url

from service.api import create_app
from service.app.apikeys import create_key
from service.store.db import Database
from tests.api_support import Api, add_keys, api_fixture, make_settings  # noqa: F401  (`api`)

PROBLEM = "application/problem+json"


class TcpProxy:
    """A loopback TCP forwarder that can be cut and restored: a database outage on demand."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self._listener: socket.socket | None = None
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def stop(self) -> None:
        if self._listener is not None:
            # shutdown() wakes the thread blocked in accept(); close() alone would not on Linux.
            try:
                self._listener.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            self._listener.close()
            self._listener = None
        with self._lock:
            for sock in self._sockets:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()
            self._sockets.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            with self._lock:
                self._sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


def assert_unavailable(client: TestClient, headers: dict[str, str]) -> None:
    lookup = client.get("/v1/suppressions/a@example.com", headers=headers)
    assert lookup.status_code == 503, lookup.text
    assert lookup.headers["content-type"] == PROBLEM
    assert lookup.json()["type"].endswith("/database-unavailable")
    assert client.get("/readyz").status_code == 503
    assert client.get("/healthz").status_code == 200


def test_database_outage_gives_503_and_the_service_recovers_by_itself(api: Api, tmp_path: Path) -> None:
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

    url = make_url(api.db.url)
    proxy = TcpProxy((url.host or "127.0.0.1", url.port or 5432))
    proxy.start()
    proxied = Database(url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False))
    settings = make_settings(proxied.url)
    try:
        with TestClient(create_app(settings, proxied), raise_server_exceptions=False) as client:
            read = api.auth("read")
            assert client.get("/v1/suppressions/a@example.com", headers=read).status_code == 404
            proxy.stop()
            assert_unavailable(client, read)
            # A key not yet verified cannot be checked either: 503, not a misleading 401.
            with api.db.transaction() as session:
                _, fresh = create_key(session, "fresh", "read")
            assert client.get("/v1/events", headers={"Authorization": f"Bearer {fresh}"}).status_code == 503
            proxy.start()
            assert client.get("/v1/suppressions/a@example.com", headers=read).status_code == 404
            assert client.get("/v1/events", headers={"Authorization": f"Bearer {fresh}"}).status_code == 200
            assert client.get("/readyz").status_code == 200
    finally:
        proxy.stop()
        proxied.dispose()


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
