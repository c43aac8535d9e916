"""The accounts and VERP routes: create (idempotent), list, show, return paths; their errors."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from service.api import create_app
from service.app.apikeys import create_key
from service.domain.tokens import read_verp
from service.store.db import Database
from tests.accounts_support import SECRET, create_accounts, verp_settings
from tests.api_support import Api, add_keys

RULE = "^[a-z0-9][a-z0-9._-]{0,62}$"


@pytest.fixture()
def api(database: Database) -> Iterator[Api]:
    settings = verp_settings(database.url)
    keys = add_keys(database)
    with TestClient(create_app(settings, database), raise_server_exceptions=False) as client:
        yield Api(client=client, db=database, settings=settings, keys=keys)


def test_create_list_and_show(api: Api) -> None:
    body = {"id": "shop-a", "name": "Shop A", "domains": ["Shop-A.example", "bücher.example"]}
    created = api.client.post("/v1/accounts", json=body, headers=api.auth("admin"))
    assert created.status_code == 201
    account = created.json()
    assert account["domains"] == ["shop-a.example", "xn--bcher-kva.example"]  # normalised, sorted
    assert api.client.post("/v1/accounts", json=body, headers=api.auth("admin")).status_code == 200  # a retry
    shown = api.client.get("/v1/accounts/shop-a", headers=api.auth("admin"))
    assert shown.json() == account
    api.client.post("/v1/accounts", json={"id": "a-first"}, headers=api.auth("admin"))
    listed = api.client.get("/v1/accounts", headers=api.auth("admin")).json()["accounts"]
    assert [a["id"] for a in listed] == ["a-first", "shop-a"]


def test_create_refuses_what_would_make_attribution_ambiguous_or_ids_unusable(api: Api) -> None:
    api.client.post(
        "/v1/accounts", json={"id": "shop-a", "domains": ["shop.example"]}, headers=api.auth("admin")
    )
    other = api.client.post("/v1/accounts", json={"id": "shop-a", "name": "Other"}, headers=api.auth("admin"))
    assert other.status_code == 409 and "exists with other values" in other.json()["detail"]
    taken = api.client.post(
        "/v1/accounts", json={"id": "shop-b", "domains": ["SHOP.example"]}, headers=api.auth("admin")
    )
    assert (
        taken.status_code == 409
        and taken.json()["detail"] == "domain shop.example belongs to account 'shop-a'"
    )
    for bad_id in ("Shop-A", "-a", "a" * 64, "shop a", "shop-a\n"):
        refused = api.client.post("/v1/accounts", json={"id": bad_id}, headers=api.auth("admin"))
        assert refused.status_code == 422 and RULE in refused.json()["detail"], bad_id
    bad_domain = api.client.post(
        "/v1/accounts", json={"id": "shop-c", "domains": ["localhost"]}, headers=api.auth("admin")
    )
    assert bad_domain.status_code == 422 and "two labels" in bad_domain.json()["detail"]


def test_show_unknown_is_404_and_malformed_is_422(api: Api) -> None:
    missing = api.client.get("/v1/accounts/shop-z", headers=api.auth("admin"))
    assert missing.status_code == 404 and missing.headers["content-type"] == "application/problem+json"
    malformed = api.client.get("/v1/accounts/Shop_Z", headers=api.auth("admin"))
    assert malformed.status_code == 422 and RULE in malformed.json()["detail"]
    assert api.client.get("/v1/accounts", headers=api.auth("ingest")).status_code == 403


def test_verp_return_paths_verify_and_name_account_and_recipient(api: Api) -> None:
    create_accounts(api.db, "shop-a")
    answer = api.client.post(
        "/v1/verp",
        json={"account": "shop-a", "recipients": ["Jane@Example.com", "bob@example.org"]},
        headers=api.auth("ingest"),
    )
    assert answer.status_code == 200
    paths = answer.json()["return_paths"]
    assert [p["recipient"] for p in paths] == ["jane@example.com", "bob@example.org"]
    for path in paths:
        assert path["return_path"].startswith("bounces+") and path["return_path"].endswith("@bounce.example")
        claim = read_verp(SECRET.encode(), path["return_path"])
        assert claim is not None and (claim.account, claim.recipient) == ("shop-a", path["recipient"])
    assert (
        api.client.post(
            "/v1/verp", json={"account": "shop-a", "recipients": ["x"]}, headers=api.auth("read")
        ).status_code
        == 403
    )


def test_verp_errors(api: Api, database: Database) -> None:
    create_accounts(database, "shop-a")
    post = lambda body: api.client.post("/v1/verp", json=body, headers=api.auth("ingest"))  # noqa: E731
    assert post({"account": "shop-z", "recipients": ["j@example.com"]}).status_code == 404
    assert post({"account": "Shop", "recipients": ["j@example.com"]}).status_code == 422
    assert post({"recipients": ["j@example.com"]}).status_code == 422  # a global key must name one
    bad = post({"account": "shop-a", "recipients": ["j@example.com", "nonsense"]})
    assert bad.status_code == 422 and bad.json()["detail"].startswith("recipients[1]: not an email address")
    assert post({"account": "shop-a", "recipients": ["x" * 600 + "@example.com"]}).status_code == 422
    # An account-bound key names none and gets its own.
    with database.transaction() as session:
        _, key = create_key(session, "relay", "ingest", account="shop-a")
    own = api.client.post(
        "/v1/verp", json={"recipients": ["j@example.com"]}, headers={"Authorization": f"Bearer {key}"}
    )
    assert own.status_code == 200 and own.json()["account"] == "shop-a"


def test_verp_without_a_return_address_is_409(database: Database) -> None:
    create_accounts(database, "shop-a")
    settings = verp_settings(database.url, verp_address="")
    keys = add_keys(database)
    with TestClient(create_app(settings, database), raise_server_exceptions=False) as client:
        answer = client.post(
            "/v1/verp",
            json={"account": "shop-a", "recipients": ["j@example.com"]},
            headers={"Authorization": f"Bearer {keys['ingest']}"},
        )
    assert answer.status_code == 409 and "BOUNCEBACK_VERP_ADDRESS" in answer.json()["detail"]


def test_a_name_the_database_cannot_store_is_a_422_naming_it(api: Api) -> None:
    answer = api.client.post(
        "/v1/accounts", json={"id": "shop-n", "name": "Shop\u0000N"}, headers=api.auth("admin")
    )
    assert (
        answer.status_code == 422 and "name" in answer.json()["detail"] and "NUL" in answer.json()["detail"]
    )
    assert api.client.get("/v1/accounts/shop-n", headers=api.auth("admin")).status_code == 404
