"""The bulk check's response as the API writes it (service/api/check_body.py), on both backends:
for every kind of entry (free, suppressed globally, by the account's own entry, by a domain entry;
another account's entry; not an address, with quotes, control characters, an unpaired surrogate,
non-ASCII) and every asking account, the bytes are the ones pydantic_core.to_json writes for
`lookups.check`'s dicts read without a view, whether the answers come from the view and the
database (read aside, in a thread of its own, or not), from a view that says "maybe" for
everything, or from answers held."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from pydantic_core import to_json
from sqlalchemy import insert

from service.api.check_body import check_body
from service.app import lookups
from service.app import suppression_view as view_module
from service.app.suppression_view import SuppressionView
from service.domain.scope import domain_key
from service.store import reads
from service.store.db import Database
from service.store.models import GLOBAL_SLOT, Recipient

NOW = datetime(2026, 12, 1, tzinfo=UTC)
ROWS = [  # (key, slot, suppressed, reason)
    ("global@example.com", GLOBAL_SLOT, True, "hard_bounce"),
    ("both@example.com", GLOBAL_SLOT, True, "complaint"),
    ("both@example.com", "shop-a", True, "manual"),
    ("a-only@example.com", "shop-a", True, "unsubscribe"),
    ("b-only@example.com", "shop-b", True, "complaint"),
    ("lifted@example.com", GLOBAL_SLOT, False, "hard_bounce"),
    (domain_key("dead.example"), GLOBAL_SLOT, True, "manual"),
    (domain_key("a-dead.example"), "shop-a", True, "manual"),
    ("jöhn@xn--exmple-cua.com", GLOBAL_SLOT, True, "hard_bounce"),
    *(
        (f"user{i}@example.com", GLOBAL_SLOT if i % 3 else "shop-a", True, "hard_bounce")
        for i in range(0, 40, 2)
    ),
]
ASKED = [
    "Global@Example.com",
    "both@example.com",
    " <A-ONLY@example.com>",
    "b-only@example.com",
    "lifted@example.com",
    "anyone@DEAD.example",
    "someone@a-dead.example",
    "Jöhn@Exämple.com",
    "free@example.org",
    "no-at-sign",
    '"quoted\\"@example.com',
    "tab\there@example.com",
    "lone\ud800surrogate@example.com",
    "x" * 400,
    "",
    *(f"User{i}@example.com" for i in range(40)),
    "global@example.com",  # again
    "user4@example.com",
]
ACCOUNTS = [None, "shop-a", "shop-b"]


@pytest.fixture()
def stored(database: Database) -> Database:
    with database.engine.begin() as connection:
        connection.execute(
            insert(Recipient),
            [
                {
                    "address": key,
                    "account_id": slot,
                    "suppressed": on,
                    "reason": reason,
                    "since": NOW,
                    "updated_at": NOW,
                }
                for key, slot, on, reason in ROWS
            ],
        )
    return database


def _reference(db: Database, account: str | None) -> bytes:
    """What the API answered before: `check`'s dicts (one query, no view), serialised."""
    with db.engine.connect() as connection:
        return to_json({"results": lookups.check(connection, ASKED, account)})


def _view(db: Database) -> Iterator[SuppressionView]:
    view = SuppressionView(db)
    view.start()
    try:
        assert view.wait_ready(10.0)
        yield view
    finally:
        view.close()


@pytest.fixture()
def view(stored: Database) -> Iterator[SuppressionView]:
    yield from _view(stored)


def test_the_reference_answers_what_this_test_means(stored: Database) -> None:
    """(The reference itself: every kind of answer is among the asked.)"""
    results = json.loads(_reference(stored, "shop-a"))["results"]
    kinds = {(r["valid"], r["suppressed"], r["scope"]) for r in results}
    assert kinds == {
        (False, False, None),
        (True, False, None),
        (True, True, "global"),
        (True, True, "account"),
        (True, True, "domain"),
    }
    assert {r["account"] for r in results} == {None, "shop-a"}


@pytest.mark.parametrize(
    ("aside_from", "split_from"),
    [(1, 2), (1, lookups.SPLIT_FROM), (lookups.READ_ASIDE_FROM, lookups.SPLIT_FROM)],
)
def test_written_body_is_the_serialised_answers_with_the_view(
    stored: Database, view: SuppressionView, aside_from: int, split_from: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lookups, "READ_ASIDE_FROM", aside_from)
    monkeypatch.setattr(lookups, "SPLIT_FROM", split_from)
    for account in ACCOUNTS:
        expected = _reference(stored, account)
        view.confirmed.forget_all()
        later: list = []
        # the first time (read from the database), then with the answers held
        assert check_body(lookups.start_check(stored.engine, ASKED, account, view, later)) == expected, (
            account
        )
        for call in later:
            call()
        assert len(view.confirmed) > 0
        assert check_body(lookups.start_check(stored.engine, ASKED, account, view, [])) == expected, account
        # and the dicts given an Engine
        assert to_json({"results": lookups.check(stored.engine, ASKED, account, view)}) == expected


def test_written_body_when_every_address_may_be_suppressed(
    stored: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every key hashed alike: the database is asked about every address."""
    monkeypatch.setattr(view_module, "_hash", lambda _key: 7)
    monkeypatch.setattr(lookups, "READ_ASIDE_FROM", 1)
    for view in _view(stored):
        assert view.possibly_suppressed(["free@example.org"], None) == ["free@example.org"]
        for account in ACCOUNTS:
            assert check_body(lookups.start_check(stored.engine, ASKED, account, view, [])) == _reference(
                stored, account
            ), account


@pytest.mark.parametrize("split_from", [2, lookups.SPLIT_FROM])
def test_written_body_without_a_view(
    stored: Database, monkeypatch: pytest.MonkeyPatch, split_from: int
) -> None:
    """(`split_from` 2: on PostgreSQL the addresses are read in two halves on two connections,
    a domain's entry and an address's in different halves, the global and account rows too.)"""
    monkeypatch.setattr(lookups, "READ_ASIDE_FROM", 1)
    monkeypatch.setattr(lookups, "SPLIT_FROM", split_from)
    for account in ACCOUNTS:
        expected = _reference(stored, account)
        assert check_body(lookups.start_check(stored.engine, ASKED, account)) == expected, account
        with stored.engine.connect() as connection:  # (a connection: read in this thread)
            assert check_body(lookups.start_check(connection, ASKED, account)) == expected, account


def test_written_body_escapes_an_address_json_must_escape() -> None:
    """The validator never stores a quote, backslash or control character in an address, so the
    writer checks all of them at once; were one ever among them, every object is still the bytes
    to_json writes (each address escaped, the answers known, read and free alike)."""
    normalised: list[str | None] = [
        'qu"ote@example.com',
        "back\\slash@example.com",
        "tab\t@example.com",
        "jöhn@example.com",
        None,
    ]
    known: dict[str, lookups.Answer] = {'qu"ote@example.com': ("hard_bounce", "global", None)}
    read = reads.BulkGroups(
        ["back\\slash@example.com", "tab\t@example.com"],
        [("shop-a", "complaint", ["back\\slash@example.com"])],
        False,
    )
    checking = lookups.Checking(
        given=[*(address or "" for address in normalised[:-1]), "not an address"],
        normalised=normalised,
        errors={4: "not an email address"},
        known=known,
        read=lambda: read,
        plain=False,
    )
    free = {"valid": True, "suppressed": False, "reason": None, "scope": None, "account": None, "error": None}
    expected = [
        {
            "address": 'qu"ote@example.com',
            **free,
            "suppressed": True,
            "reason": "hard_bounce",
            "scope": "global",
        },
        {
            "address": "back\\slash@example.com",
            **free,
            "suppressed": True,
            "reason": "complaint",
            "scope": "account",
            "account": "shop-a",
        },
        {"address": "tab\t@example.com", **free},
        {"address": "jöhn@example.com", **free},
        {"address": "not an address", **free, "valid": False, "error": "not an email address"},
    ]
    assert check_body(checking) == to_json({"results": expected})


def test_written_body_of_an_address_not_printable_that_json_leaves_as_is() -> None:
    """(Text that is not printable but holds nothing JSON escapes, e.g. a no-break space or a
    soft hyphen, is written as it is, as to_json writes it.)"""
    normalised: list[str | None] = ["nb\u00a0sp@example.com", "soft\u00adhyphen@example.com"]
    checking = lookups.Checking(
        [a or "" for a in normalised], normalised, {}, {}, lambda: reads.NO_BULK_GROUPS, plain=False
    )
    free = {"valid": True, "suppressed": False, "reason": None, "scope": None, "account": None, "error": None}
    assert check_body(checking) == to_json({"results": [{"address": a, **free} for a in normalised]})


def test_written_body_of_no_address_and_of_one() -> None:
    """(The body's brackets go with its first and last objects: none, or one that is both.)"""
    empty = lookups.Checking([], [], {}, {}, lambda: reads.NO_BULK_GROUPS, plain=True)
    assert check_body(empty) == to_json({"results": []})
    one = lookups.Checking(
        ["a@example.com"], ["a@example.com"], {}, {}, lambda: reads.NO_BULK_GROUPS, plain=True
    )
    free = {"valid": True, "suppressed": False, "reason": None, "scope": None, "account": None, "error": None}
    assert check_body(one) == to_json({"results": [{"address": "a@example.com", **free}]})


def test_written_body_of_plain_addresses_only(stored: Database, view: SuppressionView) -> None:
    """A list of plain ASCII addresses only (most lists: judged at once, their text written without
    a look for what JSON escapes) answers each address as the same address among others does."""
    plain = [a for a in ASKED if a.isascii() and a.count("@") == 1 and a == a.strip() and "\t" not in a]
    plain = [a for a in plain if not a.startswith(('"', "<"))]
    assert len(plain) > 40
    for account in ACCOUNTS:
        results = json.loads(_reference(stored, account))["results"]
        answer_of = {r["address"]: r for r in results if r["valid"]}
        expected = to_json({"results": [answer_of[lookups.normalise(a)] for a in plain]})
        view.confirmed.forget_all()
        for _time in range(2):  # (the first time, then with the answers held)
            later: list = []
            checking = lookups.start_check(stored.engine, plain, account, view, later)
            assert checking.plain
            assert check_body(checking) == expected, account
            for call in later:
                call()
