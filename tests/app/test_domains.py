"""Dead domains: three addresses whose domain takes no mail make one `*@domain` entry covering them all."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.api import create_app
from service.app import lookups, suppressions
from service.app.apikeys import create_key
from service.app.expiry import expire_due
from service.app.ingest import ingest_message
from service.domain.scope import Reason
from service.store.db import Database
from tests import core_samples as samples
from tests.accounts_support import create_accounts, verp_settings
from tests.cli.test_core import run

T = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def no_such_domain(recipient: str, tag: str, date: datetime = T, **extra: Any) -> bytes:
    domain = recipient.rpartition("@")[2]
    return samples._dsn(
        recipient,
        tag,
        date,
        action="failed",
        status="5.4.4",
        diagnostic=f"Host or domain name not found. Name service error for name={domain} type=MX: Host not found",
        **extra,
    )


def null_mx(recipient: str, tag: str, date: datetime = T) -> bytes:
    return samples._dsn(
        recipient,
        tag,
        date,
        action="failed",
        status="5.1.10",
        diagnostic=f"556 5.1.10 <{recipient}>: Recipient address has null MX",
    )


def answer(db: Database, address: str, account: str | None = None) -> tuple[Any, ...] | None:
    with db.session() as session:
        entry = lookups.find(session, address, account)
        bulk = lookups.check(session, [address], account)[0]
    if entry is None:
        assert bulk["suppressed"] is False
        return None
    assert (bulk["reason"], bulk["scope"], bulk["account"]) == (
        entry["reason"],
        entry["scope"],
        entry["account"],
    )
    return entry["reason"], entry["scope"], entry["account"]


def test_three_host_unknown_addresses_suppress_the_domain_and_a_fourth_is_answered_suppressed(
    database: Database,
) -> None:
    create_accounts(database, "shop-a")
    settings = verp_settings(database.url)
    results = [
        ingest_message(
            database,
            no_such_domain(f"user{i}@dead.example", f"d{i}", T + timedelta(days=2 * i)),
            "t",
            settings,
        )
        for i in range(3)
    ]
    assert results[1].suppressions_added == ("user1@dead.example",)  # two addresses: not yet
    assert "*@dead.example" in results[2].suppressions_added
    for account in (None, "shop-a"):
        assert answer(database, "never.seen@dead.example", account) == ("domain_invalid", "domain", None)
        assert answer(database, "someone@alive.example", account) is None
    # An address's own entry is the answer for it: it is a fact about that mailbox.
    assert answer(database, "user0@dead.example") == ("hard_bounce", "global", None)
    # Bulk checks still answer every address from one query per batch.
    with database.session() as session:
        checked = lookups.check(session, ["a@dead.example", "b@alive.example", "c@DEAD.example"])
    assert [(r["address"], r["scope"]) for r in checked] == [
        ("a@dead.example", "domain"),
        ("b@alive.example", None),
        ("c@dead.example", "domain"),
    ]
    with database.session() as session:
        entry = lookups.find(session, "*@dead.example")
    assert entry is not None and entry["source_event_id"] == results[2].events[0]["id"]
    assert entry["note"] == "host_unknown from 3 addresses at dead.example within 7 days"


def test_null_mx_counts_repeats_of_one_address_do_not_and_the_window_is_seven_days(
    database: Database,
) -> None:
    settings = verp_settings(database.url)
    for i, recipient in enumerate(("a@nullmx.example", "a@nullmx.example", "b@nullmx.example")):
        ingest_message(database, null_mx(recipient, f"n{i}"), "t", settings)
    assert answer(database, "x@nullmx.example") is None  # two distinct addresses only
    ingest_message(database, null_mx("c@nullmx.example", "n3", T + timedelta(days=7)), "t", settings)
    assert answer(database, "x@nullmx.example") == ("domain_invalid", "domain", None)

    for i, day in enumerate((0, 4, 8)):  # a and c are 8 days apart: never three within 7 days
        ingest_message(
            database, no_such_domain(f"u{i}@slow.example", f"s{i}", T + timedelta(days=day)), "t", settings
        )
    assert answer(database, "x@slow.example") is None


def test_the_domain_rule_judges_by_date_in_any_arrival_order(database: Database) -> None:
    settings = verp_settings(database.url)
    for i, day in reversed(list(enumerate((0, 3, 6)))):
        ingest_message(
            database, no_such_domain(f"u{i}@late.example", f"l{i}", T + timedelta(days=day)), "t", settings
        )
    with database.session() as session:
        entry = lookups.find(session, "*@late.example")
    assert entry is not None and entry["since"] == T + timedelta(days=6)


def test_a_domain_entry_expires_on_its_own_schedule_and_removal_reactivates_the_domain(
    database: Database,
) -> None:
    settings = verp_settings(database.url)
    for i in range(3):
        ingest_message(database, no_such_domain(f"u{i}@gone.example", f"g{i}"), "t", settings)
    assert answer(database, "x@gone.example") is not None
    assert expire_due(database, {Reason.DOMAIN_INVALID: 30}, now=T + timedelta(days=30)) == 1
    assert answer(database, "x@gone.example") is None
    assert answer(database, "u0@gone.example") == ("hard_bounce", "global", None)  # its own entry stays
    # The bounces before the expiry no longer count; three new ones suppress the domain again.
    for i in range(3):
        ingest_message(
            database, no_such_domain(f"v{i}@gone.example", f"h{i}", T + timedelta(days=31)), "t", settings
        )
    assert answer(database, "x@gone.example") == ("domain_invalid", "domain", None)


@pytest.fixture()
def client(database: Database) -> Any:
    create_accounts(database, "shop-a", "shop-b")
    keys = {}
    with database.transaction() as session:
        for who, scope, account in (
            ("global", "admin", None),
            ("a", "admin", "shop-a"),
            ("b", "read", "shop-b"),
        ):
            _, keys[who] = create_key(session, who, scope, account=account, now=datetime.now(UTC))
    with TestClient(
        create_app(verp_settings(database.url), database), raise_server_exceptions=False
    ) as test_client:
        test_client.keys = keys  # type: ignore[attr-defined]
        yield test_client


def _as(client: Any, who: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {client.keys[who]}"}


def test_domains_are_added_and_removed_by_hand_with_a_confirmation_when_many_addresses_sit_there(
    client: Any, database: Database
) -> None:
    added = client.post(
        "/v1/suppressions", json={"address": "*@Parked.Example"}, headers=_as(client, "global")
    )
    assert added.status_code == 201, added.text
    assert (added.json()["address"], added.json()["reason"]) == ("*@parked.example", "manual")
    found = client.get("/v1/suppressions/anyone@parked.example", headers=_as(client, "b"))
    assert (found.status_code, found.json()["scope"]) == (200, "domain")
    for bad in ("*@", "*@not_a_domain", "*@exa mple.com", "*@localhost"):
        refused = client.post("/v1/suppressions", json={"address": bad}, headers=_as(client, "global"))
        assert refused.status_code == 422, bad
        assert refused.headers["content-type"] == "application/problem+json"
    # Few addresses on record at the domain: removed at once.
    assert (
        client.delete("/v1/suppressions/*@parked.example", headers=_as(client, "global")).status_code == 204
    )
    assert client.get("/v1/suppressions/anyone@parked.example", headers=_as(client, "b")).status_code == 404

    with database.transaction() as session:
        for i in range(12):
            suppressions.add_manual(session, f"user{i}@big.example", note=None, actor="t")
        suppressions.add_manual(session, "*@big.example", note=None, actor="t")
    refused = client.delete("/v1/suppressions/*@big.example", headers=_as(client, "global"))
    assert refused.status_code == 409 and refused.json()["addresses"] == 12
    assert "confirm=true" in refused.json()["detail"]
    confirmed = client.delete(
        "/v1/suppressions/*@big.example", params={"confirm": "true"}, headers=_as(client, "global")
    )
    assert confirmed.status_code == 204


def test_an_account_keys_domain_entry_is_its_own(client: Any) -> None:
    added = client.post("/v1/suppressions", json={"address": "*@theirs.example"}, headers=_as(client, "a"))
    assert (added.status_code, added.json()["account"]) == (201, "shop-a")
    mine = client.get("/v1/suppressions/x@theirs.example", headers=_as(client, "a"))
    assert (mine.json()["scope"], mine.json()["account"]) == ("domain", "shop-a")
    # shop-b's key sees nothing of it: the same answer as for a free address.
    assert client.get("/v1/suppressions/x@theirs.example", headers=_as(client, "b")).status_code == 404
    checked = client.post(
        "/v1/suppressions/check", json={"addresses": ["x@theirs.example"]}, headers=_as(client, "b")
    ).json()
    assert checked["results"][0]["suppressed"] is False


def test_the_cli_asks_before_removing_a_domain_with_many_addresses(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BOUNCEBACK_DATABASE_URL", database_url)
    addresses = [f"user{i}@big.example" for i in range(10)]
    assert run(capsys, "suppressions", "add", *addresses, "*@BIG.example")[0] == 0
    code, out, _ = run(capsys, "suppressions", "check", "--json", "new@big.example")
    assert '"scope": "domain"' in out
    code, _, err = run(capsys, "suppressions", "remove", "*@big.example")  # stdin is not a terminal
    assert code == 1 and "10 addresses on record" in err and "--yes" in err
    code, out, _ = run(capsys, "suppressions", "remove", "--yes", "*@big.example")
    assert code == 0 and "*@big.example\tremoved" in out
    code, _, err = run(capsys, "suppressions", "add", "*@")
    assert code == 1 and "not a domain" in err


def test_a_dead_domain_exports_and_imports_as_one_entry(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BOUNCEBACK_DATABASE_URL", database_url)
    db = Database(database_url)
    settings = verp_settings(database_url)
    for i in range(3):
        ingest_message(db, no_such_domain(f"u{i}@dead.example", f"x{i}"), "t", settings)
    target = tmp_path / "list.csv"
    assert run(capsys, "suppressions", "export", str(target))[0] == 0
    assert "*@dead.example,domain_invalid," in target.read_text()
    with db.transaction() as session:
        assert suppressions.remove(session, "*@dead.example", note=None, actor="t")
    assert answer(db, "x@dead.example") is None
    code, out, err = run(capsys, "suppressions", "import", str(target))
    assert code == 0, err
    assert "1 added" in out  # the domain; the addresses' own entries were still there
    assert answer(db, "x@dead.example") == ("domain_invalid", "domain", None)
    bad = tmp_path / "bad.csv"
    bad.write_text("address,reason\nplain@example.com,domain_invalid\n")
    code, _, err = run(capsys, "suppressions", "import", str(bad))
    assert code == 1 and "for *@domain entries only" in err
    db.dispose()
