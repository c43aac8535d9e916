"""Start-up prepares every route: the first caller of a process does not wait for it."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.api import create_app
from service.store.db import Database
from tests.accounts_support import verp_settings
from tests.api_support import add_keys


def test_the_first_requests_find_their_routes_prepared(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fastapi.routing

    prepared: list[str] = []
    real = fastapi.routing.get_dependant

    def counting(*args: Any, **kwargs: Any) -> Any:
        prepared.append(getattr(kwargs.get("call"), "__name__", "?"))
        return real(*args, **kwargs)

    # FastAPI analyses a route's dependencies the first time a request is matched against it
    # (50-150 ms for this API): that must happen while the process starts, not in a request.
    monkeypatch.setattr(fastapi.routing, "get_dependant", counting)
    keys = add_keys(database)
    with TestClient(
        create_app(verp_settings(database.url), database), raise_server_exceptions=False
    ) as client:
        assert prepared, "start-up prepared no route"
        prepared.clear()
        auth = {"Authorization": f"Bearer {keys['admin']}"}
        for path in ("/v1/suppressions/nobody@example.com", "/v1/events", "/v1/accounts", "/healthz"):
            assert client.get(path, headers=auth).status_code in (200, 404)
        assert prepared == []
