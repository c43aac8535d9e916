"""The database's answers each process holds for hits (service/app/confirmed_entries.py), on both
backends: a held answer is the database's answer, byte for byte; a removal committed elsewhere
ends it within the view's freshness bound; an answer read for one account never answers another;
a fill whose read raced a removal is dropped; the number held is bounded."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from pydantic_core import to_json
from sqlalchemy import event

from service.app import accounts, lookups, suppressions
from service.app.confirmed_entries import ConfirmedEntries
from service.app.suppression_view import FRESHNESS_BOUND_SECONDS, RETRY_SECONDS, SuppressionView
from service.cli.common import settings_or_exit
from service.domain.scope import domain_key
from service.store import reads
from service.store.db import Database
from tests.fixtures.other_process import commit_elsewhere
from tests.fixtures.outage import CuttableDatabase

SYNC_SECONDS = 10.0  # a generous wait for the follower thread on a loaded machine


@pytest.fixture()
def two_accounts(database: Database) -> None:
    with database.transaction() as session:
        for account in ("shop-a", "shop-b"):
            accounts.create(session, account)


@pytest.fixture()
def view(database: Database, two_accounts: None) -> Iterator[SuppressionView]:
    started = SuppressionView(database)
    started.start()
    assert started.wait_ready(SYNC_SECONDS)
    yield started
    started.close()


def _add(db: Database, address: str, account: str | None = None, note: str | None = None) -> None:
    with db.transaction() as session:
        suppressions.add_manual(session, address, note=note, actor="test", account=account)


def _remove(db: Database, address: str, account: str | None = None) -> None:
    with db.transaction() as session:
        assert suppressions.remove(session, address, note=None, actor="test", account=account)


def _find(db: Database, address: str, account: str | None = None) -> dict[str, object] | None:
    with db.engine.connect() as connection:
        return lookups.find(connection, address, account)


def _remember(db: Database, view: SuppressionView, address: str, account: str | None = None) -> None:
    """A lookup through the database, whose answer the view then holds."""
    assert view.wait_ready(SYNC_SECONDS)
    with db.engine.connect() as connection:
        assert lookups.find_remembered(connection, view, address, account) is not None
    assert isinstance(lookups.from_memory(view, address, account), dict), "the answer was not kept"


def test_a_held_answer_is_the_database_s_byte_for_byte(database: Database, view: SuppressionView) -> None:
    _add(database, "kept@example.com", note="asked by phone")
    _add(database, "mine@example.com", account="shop-a")
    _add(database, domain_key("dead.example"))
    for address, account in [
        ("kept@example.com", None),
        ("kept@example.com", "shop-a"),
        ("mine@example.com", "shop-a"),
        ("anyone@dead.example", "shop-a"),
    ]:
        _remember(database, view, address, account)
        held = lookups.from_memory(view, address, account)
        assert isinstance(held, dict)
        assert to_json(held) == to_json(_find(database, address, account)), (address, account)
    # A bulk check answering from memory answers as one that asks the database.
    asked = ["Kept@Example.com", "mine@example.com", "x@DEAD.example", "free@example.com", "not one"]
    for account in (None, "shop-a", "shop-b"):
        assert lookups.check(database.engine, asked, account, view) == lookups.check(
            database.engine, asked, account
        )
    assert view.confirmed.get_many(["kept@example.com", "mine@example.com"], "shop-a")


@contextmanager
def _statements(db: Database) -> Iterator[list[str]]:
    """The statements sent meanwhile, but the view's own (its follower thread polls on SQLite)."""
    sent: list[str] = []

    def note(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if threading.current_thread().name != "suppression-view":
            sent.append(statement)

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        yield sent
    finally:
        event.remove(db.engine, "before_cursor_execute", note)


def test_a_bulk_check_keeps_its_answers_for_the_next(database: Database, view: SuppressionView) -> None:
    _add(database, "a@example.com")
    _add(database, "b@example.com", account="shop-a")
    assert view.wait_ready(SYNC_SECONDS)
    asked = ["a@example.com", "b@example.com", "c@example.com"]
    with _statements(database) as sent:
        first = lookups.check(database.engine, asked, "shop-a", view)
    assert [r["suppressed"] for r in first] == [True, True, False]
    assert len(sent) == 1, sent
    with _statements(database) as sent:
        assert lookups.check(database.engine, asked, "shop-a", view) == first
    assert sent == [], "the answers read were not kept"
    # A single lookup answers with the whole entry, which a bulk check does not read: it reads the
    # row, whose answer is then held; a bulk check's later answer does not replace it.
    assert lookups.from_memory(view, "a@example.com", "shop-a") is True
    _remember(database, view, "a@example.com", "shop-a")
    view.confirmed.fill(view.confirmed.ticket(), "shop-a", {"a@example.com": ("a@example.com", "", "manual")})
    for address in ("a@example.com", "b@example.com"):
        _remember(database, view, address, "shop-a")
        held = lookups.from_memory(view, address, "shop-a")
        assert isinstance(held, dict) and held == _find(database, address, "shop-a")
    with _statements(database) as sent:
        assert lookups.check(database.engine, asked, "shop-a", view) == first
    assert sent == []


def test_an_answer_for_one_account_never_answers_another(database: Database, view: SuppressionView) -> None:
    # Each account has its own entry for the address: the view says "maybe" for both.
    _add(database, "both@example.com", account="shop-a", note="a's")
    _add(database, "both@example.com", account="shop-b", note="b's")
    _add(database, "only-a@example.com", account="shop-a")
    _remember(database, view, "both@example.com", "shop-a")
    _remember(database, view, "only-a@example.com", "shop-a")
    assert lookups.from_memory(view, "both@example.com", "shop-b") is True  # not held for B: ask
    assert lookups.from_memory(view, "both@example.com", None) is False  # global: free
    assert lookups.from_memory(view, "only-a@example.com", "shop-b") is False
    assert view.confirmed.get("both@example.com", "shop-b") is None
    assert view.confirmed.get("both@example.com", None) is None
    assert view.confirmed.get_many(["both@example.com", "only-a@example.com"], "shop-b") == {}
    _remember(database, view, "both@example.com", "shop-b")
    a, b = (lookups.from_memory(view, "both@example.com", account) for account in ("shop-a", "shop-b"))
    assert isinstance(a, dict) and a["account"] == "shop-a" and a["note"] == "a's"
    assert isinstance(b, dict) and b["account"] == "shop-b" and b["note"] == "b's"
    checked = lookups.check(database.engine, ["both@example.com", "only-a@example.com"], "shop-b", view)
    assert [(r["suppressed"], r["account"]) for r in checked] == [(True, "shop-b"), (False, None)]


def test_the_own_process_s_removal_ends_the_held_answer_at_once(
    database: Database, view: SuppressionView
) -> None:
    _add(database, "gone@example.com")
    _remember(database, view, "gone@example.com")
    _remove(database, "gone@example.com")
    # No wait: the view is behind this process's own commit, so memory says "ask the database".
    assert lookups.from_memory(view, "gone@example.com") is True
    assert _find(database, "gone@example.com") is None


@pytest.mark.parametrize("key", ["gone@example.com", domain_key("gone.example")])
def test_a_removal_by_another_process_ends_the_held_answer_within_the_bound(
    database: Database, view: SuppressionView, key: str
) -> None:
    # A global entry and shop-a's own: shop-a's lookup answers the global one, and after the
    # global one is removed elsewhere, its own (the view still says "maybe": only what is held
    # can be stale here).
    address = "someone@gone.example" if key.startswith("*@") else key
    _add(database, key)
    _add(database, key, account="shop-a")
    _remember(database, view, address, "shop-a")
    held = lookups.from_memory(view, address, "shop-a")
    assert isinstance(held, dict) and held["account"] is None
    committed = commit_elsewhere(database, "remove", key)
    while isinstance(held := lookups.from_memory(view, address, "shop-a"), dict) and held["account"] is None:
        assert time.monotonic() - committed < FRESHNESS_BOUND_SECONDS, "held beyond the bound"
        time.sleep(0.01)
    now = _find(database, address, "shop-a")
    assert now is not None and now["account"] == "shop-a"
    assert held is True or held == now


def test_a_fill_whose_read_raced_a_removal_is_dropped(database: Database, view: SuppressionView) -> None:
    _add(database, "raced@example.com")
    _add(database, "other@example.com")
    assert view.wait_ready(SYNC_SECONDS)
    ticket = view.confirmed.ticket()
    with database.engine.connect() as connection:  # the read sees the entry...
        hit = reads.find_hit(connection, "raced@example.com")
        other = reads.find_hit(connection, "other@example.com")
    assert hit is not None and other is not None
    _remove(database, "raced@example.com")  # ...then a removal commits, and is heard
    deadline = time.monotonic() + SYNC_SECONDS
    while view.might_suppress("raced@example.com", None) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not view.might_suppress("raced@example.com", None)
    view.confirmed.fill(ticket, None, {"raced@example.com": hit, "other@example.com": other})
    assert view.confirmed.get("raced@example.com", None) is None  # the stale answer was dropped
    assert view.confirmed.get("other@example.com", None) == other  # (no change touched it)
    # A ticket taken after the change is heard fills as usual.
    _add(database, "raced@example.com")
    assert view.wait_ready(SYNC_SECONDS)
    _remember(database, view, "raced@example.com")


def test_lookups_racing_adds_and_removals_never_keep_a_stale_answer(
    database: Database, view: SuppressionView
) -> None:
    """Readers fill while another connection adds and removes the same addresses; once the last
    change is heard, nothing held says "suppressed" for an address that is not."""
    addresses = [f"r{i}@example.com" for i in range(4)]
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            for address in addresses:
                with database.engine.connect() as connection:
                    lookups.find_remembered(connection, view, address)

    readers = [threading.Thread(target=read) for _ in range(3)]
    for reader in readers:
        reader.start()
    try:
        for round_ in range(30):
            for address in addresses:
                _add(database, address)
            for address in addresses[round_ % 2 :: 2]:
                _remove(database, address)
    finally:
        stop.set()
        for reader in readers:
            reader.join(30)
    assert view.wait_ready(SYNC_SECONDS)
    time.sleep(2 * FRESHNESS_BOUND_SECONDS)  # (every change heard: well past the bound)
    assert view.wait_ready(SYNC_SECONDS)
    for address in addresses:
        expected = _find(database, address)
        held = lookups.from_memory(view, address)
        assert held is False or held is True or held == expected, address
        if expected is None:
            assert not isinstance(held, dict), f"{address}: a stale answer is held"


def test_the_answers_held_are_bounded_least_recently_used_first(
    database: Database, two_accounts: None
) -> None:
    for i in range(5):
        _add(database, f"n{i}@example.com")
    view = SuppressionView(database, confirmed_entries=3)
    view.start()
    try:
        for i in range(3):
            _remember(database, view, f"n{i}@example.com")
        assert lookups.from_memory(view, "n0@example.com")  # n0 used again: n1 is now the oldest
        for i in (3, 4):
            with database.engine.connect() as connection:
                lookups.find_remembered(connection, view, f"n{i}@example.com")
        assert len(view.confirmed) == 3
        held = {f"n{i}@example.com" for i in range(5) if view.confirmed.get(f"n{i}@example.com", None)}
        assert held == {"n0@example.com", "n3@example.com", "n4@example.com"}
        # Answers for several accounts count one each.
        _remember(database, view, "n0@example.com", "shop-a")
        assert len(view.confirmed) == 3
    finally:
        view.close()
    none_held = ConfirmedEntries(0)
    none_held.fill(
        none_held.ticket(), None, {"x@example.com": ("x@example.com", "", "manual", None, None, None)}
    )
    assert len(none_held) == 0 and none_held.get("x@example.com", None) is None


def test_after_losing_the_database_nothing_held_is_used_and_the_load_starts_empty(
    cuttable_database: CuttableDatabase,
) -> None:
    db = cuttable_database.db
    _add(db, "held@example.com")
    view = SuppressionView(db)
    view.start()
    try:
        _remember(db, view, "held@example.com")
        cuttable_database.cut()
        deadline = time.monotonic() + SYNC_SECONDS
        while view.ready and time.monotonic() < deadline:
            time.sleep(0.05)
        assert lookups.from_memory(view, "held@example.com") is True  # ask the database
        cuttable_database.restore()
        assert view.wait_ready(SYNC_SECONDS + RETRY_SECONDS)
        assert view.confirmed.get("held@example.com", None) is None  # unheard changes: dropped
    finally:
        view.close()


@pytest.mark.parametrize("value", ["-1", "many", "10000001"])
def test_a_bad_bound_stops_start_up_with_one_line(
    value: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in [n for n in os.environ if n.startswith("BOUNCEBACK_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("BOUNCEBACK_LOOKUP_CONFIRMED_ENTRIES", value)
    with pytest.raises(SystemExit) as stopped:
        settings_or_exit()
    assert stopped.value.code == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and "BOUNCEBACK_LOOKUP_CONFIRMED_ENTRIES" in lines[0], lines


def test_a_large_fill_keeps_every_answer_but_those_changed_since_its_ticket() -> None:
    held = ConfirmedEntries(5000)
    hits = {f"m{i}@example.com": (f"m{i}@example.com", "", "manual", None, None, None) for i in range(1800)}
    ticket = held.ticket()
    held.forget(["\nm1500@example.com"])  # heard after the ticket: that one answer is stale
    held.fill(ticket, None, hits)
    assert len(held) == 1799
    assert held.get("m1500@example.com", None) is None and held.get("m1799@example.com", None)
    held.forget_all()
    held.fill(ticket, None, hits)  # a ticket from before everything was dropped: nothing kept
    assert len(held) == 0
