"""every change of a suppression is announced: NOTIFY on PostgreSQL, a notice row on SQLite

Each API process keeps an in-memory view of the suppressions (service/app/suppression_view.py) and
must hear of every entry that is added or removed, whichever process or tool wrote it. Triggers on
`recipients` announce the (account_id, address) of every row whose `suppressed` changes (insert,
update, delete), so no code path can forget to: on PostgreSQL as a NOTIFY on the channel
`bounceback_suppressions` (a TRUNCATE sends `*`: start again), on SQLite as a row of
`suppression_notices` (a table on both backends, empty on PostgreSQL), which followers poll by id. SQLite keeps the newest 100,000 notices; a
follower that fell further behind sees the gap in the ids and reloads.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 02:50:00.000000
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHANNEL = "bounceback_suppressions"
KEEP_NOTICES = 100_000

_PG_UP = [
    f"""
    CREATE FUNCTION bounceback_suppression_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'TRUNCATE' THEN
            PERFORM pg_notify('{CHANNEL}', '*');
            RETURN NULL;
        ELSIF TG_OP = 'DELETE' THEN
            PERFORM pg_notify('{CHANNEL}', OLD.account_id || chr(10) || OLD.address);
        ELSE
            PERFORM pg_notify('{CHANNEL}', NEW.account_id || chr(10) || NEW.address);
        END IF;
        RETURN NULL;
    END
    $$
    """,
    "CREATE TRIGGER recipients_suppression_added AFTER INSERT ON recipients FOR EACH ROW"
    " WHEN (NEW.suppressed) EXECUTE FUNCTION bounceback_suppression_notify()",
    "CREATE TRIGGER recipients_suppression_changed AFTER UPDATE ON recipients FOR EACH ROW"
    " WHEN (OLD.suppressed IS DISTINCT FROM NEW.suppressed OR OLD.address <> NEW.address"
    " OR OLD.account_id <> NEW.account_id) EXECUTE FUNCTION bounceback_suppression_notify()",
    "CREATE TRIGGER recipients_suppression_deleted AFTER DELETE ON recipients FOR EACH ROW"
    " WHEN (OLD.suppressed) EXECUTE FUNCTION bounceback_suppression_notify()",
    "CREATE TRIGGER recipients_suppression_truncated AFTER TRUNCATE ON recipients"
    " FOR EACH STATEMENT EXECUTE FUNCTION bounceback_suppression_notify()",
]
_PG_DOWN = [
    "DROP TRIGGER IF EXISTS recipients_suppression_truncated ON recipients",
    "DROP TRIGGER IF EXISTS recipients_suppression_deleted ON recipients",
    "DROP TRIGGER IF EXISTS recipients_suppression_changed ON recipients",
    "DROP TRIGGER IF EXISTS recipients_suppression_added ON recipients",
    "DROP FUNCTION IF EXISTS bounceback_suppression_notify()",
]

_NOTICE = "INSERT INTO suppression_notices (account_id, address) VALUES ({row}.account_id, {row}.address);"
_SQLITE_UP = [
    "CREATE TRIGGER recipients_suppression_added AFTER INSERT ON recipients"
    f" WHEN NEW.suppressed BEGIN {_NOTICE.format(row='NEW')} END",
    "CREATE TRIGGER recipients_suppression_changed AFTER UPDATE ON recipients"
    " WHEN OLD.suppressed IS NOT NEW.suppressed OR OLD.address <> NEW.address"
    f" OR OLD.account_id <> NEW.account_id BEGIN {_NOTICE.format(row='NEW')} {_NOTICE.format(row='OLD')} END",
    "CREATE TRIGGER recipients_suppression_deleted AFTER DELETE ON recipients"
    f" WHEN OLD.suppressed BEGIN {_NOTICE.format(row='OLD')} END",
    # Bounded: each notice drops the one KEEP_NOTICES before it (an index probe, usually one row).
    "CREATE TRIGGER suppression_notices_bounded AFTER INSERT ON suppression_notices"
    f" BEGIN DELETE FROM suppression_notices WHERE id <= NEW.id - {KEEP_NOTICES}; END",
]
_SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS suppression_notices_bounded",
    "DROP TRIGGER IF EXISTS recipients_suppression_deleted",
    "DROP TRIGGER IF EXISTS recipients_suppression_changed",
    "DROP TRIGGER IF EXISTS recipients_suppression_added",
]


def _run(statements: list[str]) -> None:
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    # On both backends (the models have one schema); only SQLite's triggers write to it.
    op.create_table(
        "suppression_notices",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("account_id", sa.String(63), nullable=False),
        sa.Column("address", sa.String(320), nullable=False),
        sqlite_autoincrement=True,
    )
    _run(_PG_UP if op.get_bind().dialect.name == "postgresql" else _SQLITE_UP)


def downgrade() -> None:
    _run(_PG_DOWN if op.get_bind().dialect.name == "postgresql" else _SQLITE_DOWN)
    op.drop_table("suppression_notices")
