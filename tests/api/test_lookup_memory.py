"""Lookups answered from memory over HTTP, on both backends: the second lookup of a suppressed
address (its answer held) is byte for byte the first (read from the database), for each key and
`account=`; what one account's key had answered never reaches another's; a bulk check gives the
same answers with its hits held as without."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient

from service.api import create_app
from service.app import accounts, suppressions
from service.app.apikeys import create_key
from service.store.db import Database
from tests.api_support import make_settings

SYNC_SECONDS = 10.0


@dataclass
class Keys:
    client: TestClient
    headers: dict[str, dict[str, str]]  # global, shop-a, shop-b


@pytest.fixture()
def served(database: Database) -> Iterator[Keys]:
    with database.transaction() as session:
        for account in ("shop-a", "shop-b"):
            accounts.create(session, account)
        keys = {
            "global": create_key(session, "global-reader", "read")[1],
            "shop-a": create_key(session, "a-reader", "read", account="shop-a")[1],
            "shop-b": create_key(session, "b-reader", "read", account="shop-b")[1],
        }
        suppressions.add_manual(session, "all@example.com", note="global", actor="test")
        suppressions.add_manual(session, "both@example.com", note="a's", actor="test", account="shop-a")
        suppressions.add_manual(session, "both@example.com", note="b's", actor="test", account="shop-b")
        suppressions.add_manual(session, "a-only@example.com", note=None, actor="test", account="shop-a")
    app = create_app(make_settings(database.url), database)
    with TestClient(app, raise_server_exceptions=False) as client:
        assert app.state.suppression_view.wait_ready(SYNC_SECONDS)
        yield Keys(client, {name: {"Authorization": f"Bearer {key}"} for name, key in keys.items()})


def test_a_held_answer_is_the_database_s_answer_byte_for_byte(served: Keys) -> None:
    app_view = served.client.app.state.suppression_view  # type: ignore[attr-defined]
    for key, path in [
        ("global", "/v1/suppressions/all@example.com"),
        ("shop-a", "/v1/suppressions/ALL@example.com"),
        ("shop-a", "/v1/suppressions/both@example.com"),
        ("shop-b", "/v1/suppressions/both@example.com"),
        ("global", "/v1/suppressions/both@example.com?account=shop-a"),
    ]:
        first = served.client.get(path, headers=served.headers[key])
        held = len(app_view.confirmed)
        second = served.client.get(path, headers=served.headers[key])
        assert first.status_code == second.status_code == 200, (key, path)
        assert first.content == second.content
        assert first.headers["content-type"] == second.headers["content-type"]
        assert len(app_view.confirmed) == held > 0  # (answers are held, and the second added none)


def test_one_account_s_held_answer_never_answers_another(served: Keys) -> None:
    for _ in range(2):  # the first round reads the database, the second answers from memory
        a = served.client.get("/v1/suppressions/both@example.com", headers=served.headers["shop-a"])
        b = served.client.get("/v1/suppressions/both@example.com", headers=served.headers["shop-b"])
        assert (a.json()["account"], a.json()["note"]) == ("shop-a", "a's")
        assert (b.json()["account"], b.json()["note"]) == ("shop-b", "b's")
        assert (
            served.client.get(
                "/v1/suppressions/a-only@example.com", headers=served.headers["shop-a"]
            ).status_code
            == 200
        )
        for key in ("shop-b", "global"):
            only_a = served.client.get("/v1/suppressions/a-only@example.com", headers=served.headers[key])
            assert only_a.status_code == 404
            assert (
                served.client.get(
                    "/v1/suppressions/both@example.com", headers=served.headers["global"]
                ).status_code
                == 404
            )


def test_a_bulk_check_answers_the_same_with_its_hits_held(served: Keys) -> None:
    addresses = ["all@example.com", "Both@Example.com", "a-only@example.com", "free@example.com", "no"]
    for key in ("global", "shop-a", "shop-b"):
        first = served.client.post(
            "/v1/suppressions/check", json={"addresses": addresses}, headers=served.headers[key]
        )
        second = served.client.post(
            "/v1/suppressions/check", json={"addresses": addresses}, headers=served.headers[key]
        )
        assert first.status_code == second.status_code == 200
        assert first.content == second.content, key
        held = served.client.app.state.suppression_view.confirmed  # type: ignore[attr-defined]
        account = None if key == "global" else key
        # kept once the answer was sent (what a bulk check needs of it)
        assert held.get_many(["all@example.com"], account)
    answers = {r["address"]: r for r in first.json()["results"]}  # shop-b's
    assert answers["both@example.com"]["account"] == "shop-b"
    assert answers["a-only@example.com"]["suppressed"] is False
