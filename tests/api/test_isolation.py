"""Accounts are isolated, endpoint by endpoint, on SQLite and PostgreSQL.

The world: shop-a and shop-b. shop-b's mail drew a complaint from `b-only@` (an entry scoped to
shop-b) and a hard bounce from `global@` (a global entry, shop-b's event); shop-a's drew a complaint
from `a-only@`; `never@` had nothing. For every endpoint the question is what a key bound to shop-a
learns about shop-b: another account's scoped entry must look exactly like "not suppressed"
(same status, same body but the address), its events and history items are absent (not hidden:
nothing counts them, no page or cursor shifts), naming shop-b (or an account that does not exist)
is 403 before anything is looked up, and global entries stay visible, as they bind everyone.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.api import create_app
from service.app import lookups
from service.app.apikeys import create_key
from service.app.ingest import ingest_message
from service.store.db import Database
from tests import core_samples as samples
from tests.accounts_support import create_accounts, verp_settings

A, B = "shop-a", "shop-b"
FOREIGN, NEVER, GLOBAL, OWN = (
    "b-only@example.com",
    "never@example.com",
    "global@example.com",
    "a-only@example.com",
)


@dataclass
class World:
    client: TestClient
    db: Database
    keys: dict[str, str]

    def as_(self, who: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.keys[who]}"}

    def get(self, who: str, path: str, **params: Any) -> Any:
        return self.client.get(path, headers=self.as_(who), params=params)


@pytest.fixture()
def world(database: Database) -> Iterator[World]:
    create_accounts(database, A, B)
    settings = verp_settings(database.url)
    keys: dict[str, str] = {}
    with database.transaction() as session:
        for who, scope, account in (
            ("global", "admin", None),
            ("a", "admin", A),
            ("a-read", "read", A),
            ("a-ingest", "ingest", A),
            ("b", "admin", B),
        ):
            _, keys[who] = create_key(session, who, scope, account=account, now=datetime.now(UTC))
    for raw in (
        samples.complaint(FOREIGN, "b1", original={"X-Bounceback-Account": B}),
        samples.hard_bounce(GLOBAL, "b2", original={"X-Bounceback-Account": B}),
        samples.complaint(OWN, "a1", original={"X-Bounceback-Account": A}),
    ):
        assert ingest_message(database, raw, "test", settings).account in (A, B)
    with TestClient(create_app(settings, database), raise_server_exceptions=False) as client:
        yield World(client, database, keys)


def without(body: Any, address: str) -> str:
    """A response body with the address blanked out, to compare two answers but for it."""
    return json.dumps(body, sort_keys=True).replace(address, "ADDRESS")


def same_but_address(first: Any, second: Any) -> None:
    assert first.status_code == second.status_code
    assert without(first.json(), FOREIGN) == without(second.json(), NEVER)


def test_lookup_a_foreign_entry_is_not_suppressed_and_global_ones_are(world: World) -> None:
    foreign = world.get("a-read", f"/v1/suppressions/{FOREIGN}")
    same_but_address(foreign, world.get("a-read", f"/v1/suppressions/{NEVER}"))
    assert foreign.status_code == 404
    own = world.get("a-read", f"/v1/suppressions/{OWN}").json()
    assert (own["reason"], own["scope"], own["account"]) == ("complaint", "account", A)
    glob = world.get("a-read", f"/v1/suppressions/{GLOBAL}").json()
    assert (glob["reason"], glob["scope"], glob["account"]) == ("hard_bounce", "global", None)
    assert world.get("b", f"/v1/suppressions/{FOREIGN}").json()["account"] == B  # the control


def test_bulk_check_a_foreign_entry_is_free(world: World) -> None:
    body = {"addresses": [FOREIGN, NEVER, OWN, GLOBAL]}
    results = world.client.post("/v1/suppressions/check", json=body, headers=world.as_("a-read")).json()[
        "results"
    ]
    foreign, never, own, glob = results
    assert {k: v for k, v in foreign.items() if k != "address"} == {
        k: v for k, v in never.items() if k != "address"
    }
    assert (own["scope"], own["account"], glob["scope"]) == ("account", A, "global")


def test_bulk_check_read_aside_a_foreign_entry_is_free(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """A check whose hits are read aside (in a thread of its own, lookups.READ_ASIDE_FROM) while
    the response is written: another account's entry answers as an address nobody suppressed,
    with the answers held after the first check too; shop-b's own key sees it (the control)."""
    monkeypatch.setattr(lookups, "READ_ASIDE_FROM", 1)
    monkeypatch.setattr(lookups, "SPLIT_FROM", 2)  # (PostgreSQL: in two halves, two connections)
    addresses = [f"free{i}@example.org" for i in range(7)] + [FOREIGN, NEVER, OWN, GLOBAL] * 3
    for _ in range(2):  # read from the database, then (the server holding the answers) again
        results = world.client.post(
            "/v1/suppressions/check", json={"addresses": addresses}, headers=world.as_("a-read")
        ).json()["results"]
        by_address = {r["address"]: r for r in results}
        assert len(results) == len(addresses)
        assert without(by_address[FOREIGN], FOREIGN) == without(by_address[NEVER], NEVER)
        assert by_address[FOREIGN]["suppressed"] is False
        assert (by_address[OWN]["scope"], by_address[OWN]["account"]) == ("account", A)
        assert by_address[GLOBAL]["scope"] == "global"
        assert [r for r in results if r["address"] == FOREIGN] == [by_address[FOREIGN]] * 3
    control = world.client.post(
        "/v1/suppressions/check", json={"addresses": addresses}, headers=world.as_("b")
    ).json()["results"]
    assert {r["address"]: r for r in control}[FOREIGN]["account"] == B


def test_list_and_export_hold_no_foreign_row(world: World) -> None:
    page = world.get("a-read", "/v1/suppressions", limit=1000).json()
    assert [(i["address"], i["account"]) for i in page["items"]] == [(OWN, A), (GLOBAL, None)]
    assert page["next_cursor"] is None
    # One entry per page: the cursors walk exactly the rows the key sees, nothing of shop-b between.
    seen, cursor = [], None
    while True:
        params = {"limit": 1, **({"cursor": cursor} if cursor else {})}
        step = world.get("a-read", "/v1/suppressions", **params).json()
        seen += [i["address"] for i in step["items"]]
        cursor = step["next_cursor"]
        if cursor is None:
            break
    assert seen == [OWN, GLOBAL]
    exported = world.get("a-read", "/v1/suppressions/export").text
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert [(r["address"], r["account"]) for r in rows] == [(OWN, A), (GLOBAL, "")]
    ndjson = world.get("a-read", "/v1/suppressions/export", format="ndjson").text
    assert FOREIGN not in ndjson and B not in ndjson


def test_history_of_a_foreign_address_is_that_of_one_never_seen(world: World) -> None:
    foreign = world.get("a-read", f"/v1/suppressions/{FOREIGN}/history")
    same_but_address(foreign, world.get("a-read", f"/v1/suppressions/{NEVER}/history"))
    assert foreign.json()["items"] == [] and foreign.json()["entries"] == []
    # A global entry caused by shop-b's bounce: the change is there (it binds shop-a), the event not.
    glob = world.get("a-read", f"/v1/suppressions/{GLOBAL}/history").json()
    assert [(i["kind"], i.get("scope")) for i in glob["items"]] == [("change", "global")]
    assert glob["items"][0]["message_id"] is None  # shop-b's message: not shop-a's to open
    assert glob["suppressed"] is True
    assert [i["kind"] for i in world.get("b", f"/v1/suppressions/{GLOBAL}/history").json()["items"]] == [
        "change",
        "event",
    ]


def test_the_feed_holds_the_accounts_events_and_global_changes_only(world: World) -> None:
    events = world.get("a-read", "/v1/events", limit=1000).json()["events"]
    assert {(e["type"], e["subject"], e["account"]) for e in events} == {
        ("bounceback.complaint", OWN, A),
        ("bounceback.suppression.added", OWN, A),
        ("bounceback.suppression.added", GLOBAL, None),
    }
    everything = world.get("global", "/v1/events", limit=1000).json()["events"]
    assert len(everything) == 6  # three reports, three entries
    # Paging by one: only the key's own rows, and `next_after` never points past what it was shown.
    seen, after = [], 0
    while True:
        page = world.get("a-read", "/v1/events", after=after, limit=1).json()
        if not page["events"]:
            assert page["next_after"] == after
            break
        seen += [e["id"] for e in page["events"]]
        after = page["next_after"]
        assert after == seen[-1]
    assert seen == [e["id"] for e in events]


def test_removal_of_a_foreign_entry_is_not_suppressed_and_removes_nothing(world: World) -> None:
    foreign = world.client.delete(f"/v1/suppressions/{FOREIGN}", headers=world.as_("a"))
    never = world.client.delete(f"/v1/suppressions/{NEVER}", headers=world.as_("a"))
    same_but_address(foreign, never)
    assert foreign.status_code == 404
    # The global entry is not shop-a's to lift either.
    assert world.client.delete(f"/v1/suppressions/{GLOBAL}", headers=world.as_("a")).status_code == 404
    assert world.get("b", f"/v1/suppressions/{FOREIGN}").status_code == 200
    assert world.get("b", f"/v1/suppressions/{GLOBAL}").status_code == 200


def test_manual_add_and_import_write_the_accounts_own_entries(world: World) -> None:
    added = world.client.post("/v1/suppressions", json={"address": FOREIGN}, headers=world.as_("a"))
    assert added.status_code == 201  # as for an address nobody suppressed
    assert (added.json()["scope"], added.json()["account"]) == ("account", A)
    imported = world.client.post(
        "/v1/suppressions/import", json={"addresses": [NEVER, GLOBAL]}, headers=world.as_("a")
    ).json()
    assert (imported["added"], imported["already_suppressed"]) == (2, 0)  # the global entry is not "its"
    csv_body = f"address,reason,account\n{FOREIGN},complaint,{B}\nx@example.com,hard_bounce,\n"
    answer = world.client.post(
        "/v1/suppressions/import",
        content=csv_body,
        headers={**world.as_("a"), "Content-Type": "text/csv"},
    ).json()
    assert (answer["added"], answer["invalid_count"]) == (0, 2)  # another account's row; a global reason
    # shop-b's view is untouched: shop-a's entries are absent from it.
    b_view = world.get("b", "/v1/suppressions", limit=1000).json()["items"]
    assert {(i["address"], i["account"]) for i in b_view} == {(FOREIGN, B), (GLOBAL, None)}


@pytest.mark.parametrize("account", [B, "no-such-account"])
@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", f"/v1/suppressions/{FOREIGN}", None),
        ("POST", "/v1/suppressions/check", {"addresses": [FOREIGN]}),
        ("GET", "/v1/suppressions", None),
        ("GET", "/v1/suppressions/export", None),
        ("GET", f"/v1/suppressions/{FOREIGN}/history", None),
        ("GET", "/v1/events", None),
        ("DELETE", f"/v1/suppressions/{FOREIGN}", None),
        ("POST", "/v1/suppressions/import", {"addresses": [NEVER]}),
    ],
)
def test_naming_another_account_is_403_whether_it_exists_or_not(
    world: World, method: str, path: str, body: Any, account: str
) -> None:
    response = world.client.request(
        method, path, params={"account": account}, json=body, headers=world.as_("a")
    )
    assert response.status_code == 403
    assert response.json()["detail"] == f"this key acts for account {A!r} only"


def test_writes_naming_another_account_in_the_body_are_403(world: World) -> None:
    for account in (B, "no-such-account"):
        add = world.client.post(
            "/v1/suppressions", json={"address": NEVER, "account": account}, headers=world.as_("a")
        )
        assert add.status_code == 403
        verp = world.client.post(
            "/v1/verp", json={"account": account, "recipients": [NEVER]}, headers=world.as_("a")
        )
        assert verp.status_code == 403
    assert world.get("b", f"/v1/suppressions/{NEVER}").status_code == 404


def test_naming_its_own_account_is_the_same_as_naming_none(world: World) -> None:
    assert world.get("a-read", f"/v1/suppressions/{OWN}", account=A).json()["account"] == A
    assert (
        world.get("a-read", "/v1/suppressions", account=A).json()
        == world.get("a-read", "/v1/suppressions").json()
    )


def test_accounts_are_managed_with_global_keys_only(world: World) -> None:
    assert world.get("a", "/v1/accounts").status_code == 403
    assert world.get("a", f"/v1/accounts/{B}").status_code == 403
    assert world.client.post("/v1/accounts", json={"id": "shop-z"}, headers=world.as_("a")).status_code == 403


def test_posting_messages_never_shows_another_accounts_outcome(world: World) -> None:
    # The same bytes shop-b's report came in as: a duplicate, attributed to shop-b. shop-a's key
    # learns that it is a duplicate, nothing of shop-b's events, suppressions or name.
    raw = samples.complaint(FOREIGN, "b1", original={"X-Bounceback-Account": B})
    posted = world.client.post(
        "/v1/messages", content=raw, headers={**world.as_("a-ingest"), "Content-Type": "message/rfc822"}
    )
    assert posted.status_code == 200
    body = posted.json()
    assert (body["duplicate"], body["events"], body["suppressions_added"], body["account"]) == (
        True,
        [],
        [],
        None,
    )
    assert B not in posted.text and FOREIGN not in posted.text
    # A new message naming shop-b: shop-a's key cannot attribute to shop-b; it is nobody's.
    fresh = samples.complaint("new@example.com", "b9", original={"X-Bounceback-Account": B})
    posted = world.client.post(
        "/v1/messages", content=fresh, headers={**world.as_("a-ingest"), "Content-Type": "message/rfc822"}
    )
    assert posted.status_code == 201 and posted.json()["account"] is None
    assert B not in json.dumps(posted.json()["events"])
    # Its own message: everything.
    own = samples.complaint("mine@example.com", "a9", original={"X-Bounceback-Account": A})
    posted = world.client.post(
        "/v1/messages", content=own, headers={**world.as_("a-ingest"), "Content-Type": "message/rfc822"}
    )
    assert posted.json()["account"] == A and posted.json()["suppressions_added"] == ["mine@example.com"]


def test_a_global_key_acts_for_any_account_it_names(world: World) -> None:
    assert world.get("global", f"/v1/suppressions/{FOREIGN}").status_code == 404  # global entries only
    assert world.get("global", f"/v1/suppressions/{FOREIGN}", account=B).json()["account"] == B
    assert world.get("global", f"/v1/suppressions/{FOREIGN}", account=A).status_code == 404
    unknown = world.get("global", f"/v1/suppressions/{FOREIGN}", account="no-such-account")
    assert (unknown.status_code, unknown.json()["type"].rsplit("/", 1)[1]) == (404, "unknown-account")
    malformed = world.get("global", "/v1/suppressions", account="Shop A")
    assert malformed.status_code == 422 and "^[a-z0-9][a-z0-9._-]{0,62}$" in malformed.json()["detail"]
    everything = world.get("global", "/v1/suppressions").json()["items"]
    assert {(i["address"], i["account"]) for i in everything} == {(OWN, A), (FOREIGN, B), (GLOBAL, None)}


def test_another_accounts_messages_are_absent_and_404(world: World) -> None:
    everything = world.get("global", "/v1/messages").json()["items"]
    by_account = {i["account"]: i["id"] for i in everything}
    foreign, own = by_account[B], by_account[A]
    assert [i["id"] for i in world.get("a-read", "/v1/messages").json()["items"]] == [own]
    assert world.get("a-read", "/v1/messages", outcome="processed").json()["next_cursor"] is None
    for suffix in ("", "/raw"):
        gone = world.get("a", f"/v1/messages/{foreign}{suffix}")
        never = world.get("a", f"/v1/messages/999999{suffix}")
        assert gone.status_code == never.status_code == 404
        assert gone.json()["type"] == never.json()["type"]
    assert world.get("a", f"/v1/messages/{own}/raw").status_code == 200
    assert world.get("a-read", f"/v1/messages/{own}/raw").status_code == 403
    assert world.get("a-read", "/v1/messages", account=B).status_code == 403
    # shop-b's own history names its message, which its key opens.
    glob = world.get("b", f"/v1/suppressions/{GLOBAL}/history").json()
    message_id = glob["items"][0]["message_id"]
    assert world.get("b", f"/v1/messages/{message_id}/raw").status_code == 200
