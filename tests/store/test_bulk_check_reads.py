"""A bulk check's confirmation query (service.store.reads.suppressed_bulk_hits), on both backends:
for any rows (global, accounts', domain entries, suppressed or not) it answers for each address and
account exactly what a single lookup (`find_hit`, the query every send makes) answers, never
another account's row; and it reads the suppressed rows' own index (migration 0008), not the
table: probes, never a scan of the whole list."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, event, insert, text

from service.app import lookups
from service.domain.scope import domain_key
from service.store import reads
from service.store.db import Database
from service.store.models import GLOBAL_SLOT, Recipient

ADDRESSES = ["ann@a.example", "bob@a.example", "cy@b.example", "dee@c.example"]
KEYS = [*ADDRESSES, domain_key("a.example"), domain_key("b.example")]
SLOTS = [GLOBAL_SLOT, "shop-a", "shop-b"]
REASONS = ["hard_bounce", "complaint", "manual", None]
NOW = datetime(2026, 12, 1, tzinfo=UTC)

rows_strategy = st.dictionaries(
    st.tuples(st.sampled_from(KEYS), st.sampled_from(SLOTS)),
    st.tuples(st.booleans(), st.sampled_from(REASONS)),  # (suppressed, reason)
    max_size=14,
)


def _store(db: Database, rows: dict[tuple[str, str], tuple[bool, str | None]]) -> None:
    with db.engine.begin() as connection:
        connection.execute(delete(Recipient))
        if rows:
            connection.execute(
                insert(Recipient),
                [
                    {
                        "address": key,
                        "account_id": slot,
                        "suppressed": suppressed,
                        "reason": reason,
                        "since": NOW,
                        "note": f"{slot}:{key}",
                        "updated_at": NOW,
                    }
                    for (key, slot), (suppressed, reason) in rows.items()
                ],
            )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=rows_strategy)
def test_a_bulk_check_reads_what_single_lookups_read(
    database: Database, rows: dict[tuple[str, str], tuple[bool, str | None]]
) -> None:
    _store(database, rows)
    with database.engine.connect() as connection:
        for account in (None, "shop-a", "shop-b"):
            expected = {}
            for address in ADDRESSES:
                hit = reads.find_hit(connection, address, account)
                if hit is not None:
                    expected[address] = hit[:3]
            assert reads.suppressed_bulk_hits(connection, ADDRESSES, account) == expected, account
            assert reads.suppressed_bulk_hits(connection, [], account) == {}
            # (a bulk check's answers, shared per group of rows: what each row's answer says)
            groups = reads.suppressed_bulk_groups(connection, ADDRESSES, account)
            assert groups.answers() == {
                address: reads.reason_of_hit(address, hit) for address, hit in expected.items()
            }, account
            # (what the API answers with: the use case over the same rows, with input order,
            # repeats and spellings)
            asked = [*ADDRESSES, ADDRESSES[0].upper(), "not an address"]
            checked = lookups.check(connection, asked, account)
            for result, address in zip(checked, [*ADDRESSES, ADDRESSES[0]], strict=False):
                entry = lookups.find(connection, address, account)
                assert result["suppressed"] == (entry is not None), (address, account)
                if entry is not None:
                    assert (result["reason"], result["scope"], result["account"]) == (
                        entry["reason"],
                        entry["scope"],
                        entry["account"],
                    )


def test_a_large_check_read_aside_answers_as_single_lookups(database: Database) -> None:
    """Thousands of addresses: the read runs in a thread of its own (lookups.READ_ASIDE_FROM),
    while the known answers are built; the answers are the database's all the same."""
    now = NOW
    with database.engine.begin() as connection:
        connection.execute(
            insert(Recipient),
            [
                {
                    "address": f"u{i}@example.com",
                    "account_id": SLOTS[i % 3],
                    "suppressed": i % 5 != 0,
                    "reason": REASONS[i % 4],
                    "since": now,
                    "updated_at": now,
                }
                for i in range(0, 3000, 2)
            ],
        )
    asked = [f"U{i}@example.com" for i in range(3000)]
    assert len(asked) >= lookups.READ_ASIDE_FROM
    for account in (None, "shop-a"):
        checked = lookups.check(database.engine, asked, account)
        with database.engine.connect() as connection:
            for result in checked:
                entry = lookups.find(connection, result["address"], account)
                assert result["suppressed"] == (entry is not None), result
                if entry is not None:
                    assert (result["reason"], result["scope"], result["account"]) == (
                        entry["reason"],
                        entry["scope"],
                        entry["account"],
                    )
        assert sum(r["suppressed"] for r in checked) > 300


def test_a_key_holding_a_line_break_is_asked_whole(database: Database) -> None:
    """PostgreSQL gets the asked keys as one text, a line each: a key holding a line break (which
    no stored address does; the validator refuses it) would split in two there, so such keys go
    as an array instead, and every key is answered whole."""
    odd, plain = "line\nbreak@a.example", "ann@a.example"
    _store(
        database,
        {
            (odd, GLOBAL_SLOT): (True, "manual"),
            ("break@a.example", GLOBAL_SLOT): (True, "complaint"),
            (plain, GLOBAL_SLOT): (True, "hard_bounce"),
        },
    )
    with database.engine.connect() as connection:
        assert reads.suppressed_bulk_hits(connection, [odd, plain, "line@a.example"]) == {
            odd: (odd, GLOBAL_SLOT, "manual"),
            plain: (plain, GLOBAL_SLOT, "hard_bounce"),
        }


def test_the_confirmation_probes_the_entries_index_and_never_visits_the_table(database: Database) -> None:
    now = NOW
    with database.engine.begin() as connection:
        connection.execute(
            insert(Recipient),
            [
                {
                    "address": f"u{i}@example.com",
                    "account_id": GLOBAL_SLOT,
                    "suppressed": i % 2 == 0,
                    "reason": "hard_bounce",
                    "since": now,
                    "updated_at": now,
                }
                for i in range(5000)
            ],
        )
    postgresql = not database.is_sqlite
    with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM ANALYZE recipients" if postgresql else "ANALYZE"))
    sent: list[tuple[str, Any]] = []

    def note(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        sent.append((statement, parameters))

    with database.engine.connect() as connection:
        event.listen(connection, "before_cursor_execute", note)
        found = reads.suppressed_bulk_hits(connection, [f"u{i}@example.com" for i in range(0, 5000, 7)])
        event.remove(connection, "before_cursor_execute", note)
        assert len(found) == len(range(0, 5000, 14))
        assert len(sent) == 1
        statement, parameters = sent[0]
        explain = "EXPLAIN " if postgresql else "EXPLAIN QUERY PLAN "
        plan = " | ".join(str(row[-1]) for row in connection.exec_driver_sql(explain + statement, parameters))
    if postgresql:
        assert "Index Only Scan using ix_recipients_entries" in plan, plan
    else:
        assert "COVERING INDEX ix_recipients_entries" in plan, plan
    assert "Seq Scan on recipients" not in plan and "SCAN entry" not in plan, plan


@pytest.mark.parametrize("revision", ["0007"])
def test_the_entries_index_comes_and_goes_with_its_migration(
    backend: str, tmp_path: Any, revision: str
) -> None:
    from alembic import command

    from service.store.db import alembic_config
    from tests.fixtures.database import drop_pg_database, make_database_url

    url = make_database_url(backend, tmp_path)
    db = Database(url)
    try:
        db.upgrade()
        assert "ix_recipients_entries" in _indexes(db)
        with db.engine.connect() as connection:  # not begun: PostgreSQL drops the index outside a transaction
            cfg = alembic_config(url)
            cfg.attributes["connection"] = connection
            command.downgrade(cfg, revision)
            connection.commit()
        assert "ix_recipients_entries" not in _indexes(db)
        db.upgrade()
        assert "ix_recipients_entries" in _indexes(db)
    finally:
        db.dispose()
        if backend == "postgresql":
            drop_pg_database(url)


def test_an_interrupted_index_build_is_built_again_on_postgresql(tmp_path: Any) -> None:
    """A concurrent build that failed leaves an invalid index of the name; the next upgrade replaces it."""
    from alembic import command

    from service.store.db import alembic_config
    from tests.fixtures.database import drop_pg_database, make_database_url

    url = make_database_url("postgresql", tmp_path)
    db = Database(url)
    try:
        with db.engine.connect() as connection:
            cfg = alembic_config(url)
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "0007")
            connection.commit()
            now = datetime.now(UTC)
            connection.execute(
                insert(Recipient),
                [
                    {
                        "address": address,
                        "account_id": GLOBAL_SLOT,
                        "suppressed": True,
                        "reason": "complaint",
                        "since": now,
                        "updated_at": now,
                    }
                    for address in ("a@example.com", "b@example.com")
                ],
            )
            connection.commit()
            # Two suppressed rows break a unique build half-way: what an interrupted build leaves.
            connection.execution_options(isolation_level="AUTOCOMMIT")
            with pytest.raises(Exception, match="could not create unique index"):
                connection.exec_driver_sql(
                    "CREATE UNIQUE INDEX CONCURRENTLY ix_recipients_entries ON recipients (suppressed)"
                )
        assert _valid_entries_index(db) == (False, 1)

        db.upgrade()

        assert _valid_entries_index(db) == (True, 4)
    finally:
        db.dispose()
        drop_pg_database(url)


def test_the_entries_index_compares_addresses_byte_by_byte_on_postgresql(tmp_path: Any) -> None:
    """Migration 0009: the address column of ix_recipients_entries under varchar_pattern_ops (byte
    comparisons), the default operator class again below it; an index left half-built by an
    interrupted upgrade is built again; probes still find every entry."""
    from alembic import command

    from service.store.db import alembic_config
    from tests.fixtures.database import drop_pg_database, make_database_url

    url = make_database_url("postgresql", tmp_path)
    db = Database(url)
    try:
        db.upgrade()
        assert _address_operator_class(db) == "varchar_pattern_ops"
        with db.engine.connect() as connection:
            cfg = alembic_config(url)
            cfg.attributes["connection"] = connection
            command.downgrade(cfg, "0008")
            connection.commit()
            assert _address_operator_class(db) == "text_ops"
            connection.execution_options(isolation_level="AUTOCOMMIT")
            connection.exec_driver_sql(  # (what an upgrade stopped after its build leaves)
                "CREATE INDEX ix_recipients_entries_building ON recipients (suppressed)"
            )
        db.upgrade()
        assert _address_operator_class(db) == "varchar_pattern_ops"
        assert _valid_entries_index(db) == (True, 4)
        assert "ix_recipients_entries_building" not in _indexes(db)
        _store(
            db,
            {
                ("ann@a.example", GLOBAL_SLOT): (True, "manual"),
                ("Ann@a.example", GLOBAL_SLOT): (True, "complaint"),
            },
        )
        with db.engine.connect() as connection:
            assert reads.suppressed_bulk_hits(connection, ["ann@a.example", "bob@a.example"]) == {
                "ann@a.example": ("ann@a.example", GLOBAL_SLOT, "manual")
            }
    finally:
        db.dispose()
        drop_pg_database(url)


def _address_operator_class(db: Database) -> str:
    with db.engine.connect() as connection:
        return str(
            connection.execute(
                text(
                    "SELECT o.opcname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                    " JOIN pg_opclass o ON o.oid = i.indclass[0] WHERE c.relname = 'ix_recipients_entries'"
                )
            ).scalar_one()
        )


def _valid_entries_index(db: Database) -> tuple[bool, int]:
    """Whether the planner may use ix_recipients_entries, and how many columns it has."""
    with db.engine.connect() as connection:
        valid, columns = connection.execute(
            text(
                "SELECT i.indisvalid, i.indnatts FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                " WHERE c.relname = 'ix_recipients_entries'"
            )
        ).one()
    return bool(valid), int(columns)


def _indexes(db: Database) -> set[str]:
    from sqlalchemy import inspect

    with db.engine.connect() as connection:
        return {index["name"] for index in inspect(connection).get_indexes("recipients") if index["name"]}
