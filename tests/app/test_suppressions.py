"""Suppression use cases on SQLite and PostgreSQL: check, manual add/remove with audit and outbox."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event, select

from service.app import lookups, suppressions
from service.app.suppression_csv import Row
from service.domain.addresses import InvalidAddress
from service.store.db import Database
from service.store.models import GLOBAL_SLOT, OutboxEvent, Recipient, SuppressionChange

T0 = datetime(2026, 5, 1, 8, 30, tzinfo=UTC)


def test_manual_add_is_normalised_audited_and_announced(database: Database) -> None:
    with database.transaction() as session:
        row, created = suppressions.add_manual(
            session, "  <Someone@Bücher.Example> ", note="asked by phone", actor="cli", now=T0
        )
        assert created
        assert row.address == "someone@xn--bcher-kva.example"
    with database.transaction() as session:
        again, created = suppressions.add_manual(
            session, "someone@bücher.example", note=None, actor="cli", now=T0 + timedelta(hours=1)
        )
        assert not created and again.reason == "manual"
        change = session.execute(select(SuppressionChange)).scalar_one()
        assert (change.change, change.reason, change.actor, change.note) == (
            "added",
            "manual",
            "cli",
            "asked by phone",
        )
        out = session.execute(select(OutboxEvent)).scalar_one()
        assert out.ce_type == "bounceback.suppression.added"
        assert out.subject == "someone@xn--bcher-kva.example"
        assert out.data == {
            "address": "someone@xn--bcher-kva.example",
            "reason": "manual",
            "since": "2026-05-01T08:30:00Z",
            "event_id": None,
            "actor": "cli",
            "note": "asked by phone",
            "scope": "global",
            "account": None,
        }


def test_check_answers_in_input_order_with_normalised_addresses(database: Database) -> None:
    with database.transaction() as session:
        suppressions.add_manual(session, "b@example.com", note=None, actor="test")
    with database.transaction() as session:
        results = lookups.check(session, ["A@example.com", " <B@EXAMPLE.com>", "b@example.com"])
    free = {"valid": True, "suppressed": False, "reason": None, "scope": None, "account": None, "error": None}
    manual = {
        "valid": True,
        "suppressed": True,
        "reason": "manual",
        "scope": "global",
        "account": None,
        "error": None,
    }
    assert results == [
        {"address": "a@example.com", **free},
        {"address": "b@example.com", **manual},
        {"address": "b@example.com", **manual},
    ]


def test_check_handles_large_batches(database: Database) -> None:
    with database.transaction() as session:
        for i in range(0, 3000, 7):
            suppressions.add_manual(session, f"user{i}@example.com", note=None, actor="test")
    addresses = [f"user{i}@example.com" for i in range(3000)]
    with database.transaction() as session:
        results = lookups.check(session, addresses)
    assert [r["suppressed"] for r in results] == [i % 7 == 0 for i in range(3000)]


def test_check_answers_something_that_is_not_an_address_as_invalid(database: Database) -> None:
    with database.transaction() as session:
        ok, bad = lookups.check(session, ["ok@example.com", "no-at-sign"])
    assert ok["valid"] and ok["error"] is None
    assert (bad["address"], bad["valid"], bad["suppressed"]) == ("no-at-sign", False, False)
    assert bad["error"].startswith("not an email address: 'no-at-sign'")


def test_remove_reactivates_audits_and_resets_the_soft_bounce_count(database: Database) -> None:
    with database.transaction() as session:
        suppressions.add_manual(session, "r@example.com", note=None, actor="test", now=T0)
    with database.transaction() as session:
        assert suppressions.remove(
            session, "R@example.com", note="customer asked", actor="api:ops", now=T0 + timedelta(days=1)
        )
    with database.transaction() as session:
        assert not suppressions.remove(session, "r@example.com", note=None, actor="api:ops")
        assert not suppressions.remove(session, "never@example.com", note=None, actor="api:ops")
        row = session.get(Recipient, ("r@example.com", GLOBAL_SLOT))
        assert row is not None and not row.suppressed and row.reason is None
        assert row.reactivated_at is not None
        assert row.reactivated_at.replace(tzinfo=UTC) == T0 + timedelta(days=1)
        changes = [
            (c.change, c.reason, c.actor, c.note)
            for c in session.execute(select(SuppressionChange).order_by(SuppressionChange.id)).scalars()
        ]
        assert changes == [
            ("added", "manual", "test", None),
            ("removed", "manual", "api:ops", "customer asked"),
        ]
        types = [o.ce_type for o in session.execute(select(OutboxEvent).order_by(OutboxEvent.id)).scalars()]
        assert types == ["bounceback.suppression.added", "bounceback.suppression.removed"]
        assert lookups.get(session, "r@example.com") is None


def test_import_keeps_a_known_reason_and_date_and_refuses_unknown_reasons(database: Database) -> None:
    with database.transaction() as session:
        row, created = suppressions.import_entry(
            session, "i@example.com", reason="hard_bounce", since=T0, note="from old system", actor="import"
        )
        assert created and row.reason == "hard_bounce"
        with pytest.raises(ValueError):
            suppressions.import_entry(
                session, "j@example.com", reason="because", since=None, note=None, actor="import"
            )
    with database.transaction() as session:
        entry = lookups.get(session, "i@example.com")
        assert entry is not None
        assert lookups.to_dict(entry)["since"] == "2026-05-01T08:30:00Z"


def test_invalid_addresses_raise(database: Database) -> None:
    with database.transaction() as session:
        for call in (
            lambda: suppressions.add_manual(session, "nobody", note=None, actor="t"),
            lambda: suppressions.remove(session, "@example.com", note=None, actor="t"),
        ):
            with pytest.raises(InvalidAddress):
                call()


def test_an_import_is_set_based_keeps_what_is_there_and_records_each_addition(database: Database) -> None:
    with database.transaction() as session:
        suppressions.import_entry(
            session, "kept@example.com", reason="hard_bounce", since=T0, note=None, actor="t"
        )
        suppressions.add_manual(session, "removed@example.com", note=None, actor="t", now=T0)
    with database.transaction() as session:
        suppressions.remove(session, "removed@example.com", note=None, actor="t", now=T0)
    rows = [Row(i + 2, f"user{i}@example.com", "complaint", None, "old list") for i in range(2500)]
    rows += [
        Row(9001, "Kept@Example.com", "manual", None, None),  # already on the list: left as it is
        Row(9002, "removed@example.com", "manual", T0, "again"),  # taken off once: back on
        Row(9003, "USER7@example.com", "manual", None, None),  # twice in the import
        Row(9004, "not an address", "manual", None, None),
    ]
    statements: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        statements.append(statement)

    event.listen(database.engine, "before_cursor_execute", count)
    try:
        with database.transaction() as session:
            summary = suppressions.import_rows(session, rows, actor="import", now=T0 + timedelta(days=1))
    finally:
        event.remove(database.engine, "before_cursor_execute", count)
    assert (summary.added, summary.already_suppressed) == (2501, 2)
    assert [(line, address) for line, address, _ in summary.rejected] == [(9004, "not an address")]
    # A few statements per thousand rows, not a few per row.
    assert len(statements) < 30, len(statements)
    with database.session() as session:
        kept = session.get(Recipient, ("kept@example.com", GLOBAL_SLOT))
        back = session.get(Recipient, ("removed@example.com", GLOBAL_SLOT))
        assert kept is not None and kept.reason == "hard_bounce"
        assert back is not None and (back.suppressed, back.reason, back.note) == (True, "manual", "again")
        added = session.scalars(select(SuppressionChange).where(SuppressionChange.actor == "import")).all()
        announced = session.scalars(
            select(OutboxEvent).where(OutboxEvent.ce_type == "bounceback.suppression.added")
        ).all()
    assert len(added) == 2501 and {c.change for c in added} == {"added"}
    assert sum(1 for o in announced if o.data["actor"] == "import") == 2501
