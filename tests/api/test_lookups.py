"""Read-side details: cursors round-trip; the served app runs and stops its background work with
its lifespan."""

from __future__ import annotations

import base64
import threading

from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from service.api import create_app
from service.app.lookups import decode_cursor, encode_cursor
from service.store.db import Database
from service.wiring.background import BackgroundWork
from tests.api_support import make_settings


@given(
    st.text(min_size=1, max_size=60).filter(lambda a: "\n" not in a),
    st.none() | st.from_regex(r"[a-z0-9][a-z0-9._-]{0,62}", fullmatch=True),
)
def test_cursors_round_trip(address: str, account: str | None) -> None:
    # (a normalised address never holds a line break: the cursor's separator)
    assert decode_cursor(encode_cursor(address, account)) == (address, account)


def test_a_round_1_cursor_reads_as_the_address_global_entry() -> None:
    round_1 = base64.urlsafe_b64encode(b"jane@example.com").decode().rstrip("=")
    assert decode_cursor(round_1) == ("jane@example.com", None)


def test_the_lifespan_starts_and_stops_the_background_work(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'bb.db'}"
    db = Database(url)
    db.upgrade()
    before = set(threading.enumerate())
    with TestClient(create_app(make_settings(url), db, background=BackgroundWork)) as client:
        assert client.get("/healthz").status_code == 200
        started = [t for t in threading.enumerate() if t not in before and t.name == "outbox-relay"]
        assert started and started[0].is_alive()
        assert client.app.state.relay is not None  # type: ignore[attr-defined]
    started[0].join(30)
    assert not started[0].is_alive()
    db.dispose()
