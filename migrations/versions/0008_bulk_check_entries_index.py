"""the suppressed rows' own index, with their reasons: a bulk check reads it alone

A bulk check confirms the addresses the in-memory view cannot clear (thousands, the first time a
list is checked) and needs, of each, the key, scope and reason of the row that suppresses it. This
partial index holds exactly those of the suppressed rows, so each asked address is one probe of a
small index and no table row is visited (an index-only scan on PostgreSQL, a covering index on
SQLite, which needs `suppressed` among the columns to see it so). The other rows of `recipients`
(addresses with events but no entry) are not in it.

On PostgreSQL the index is built CONCURRENTLY, outside the migration's transaction: writes to
`recipients` go on during the build (10 million entries: about 20 s of build on the 2-core box
this was written on, which a plain CREATE INDEX would have held writes for), at the price of two
passes over the table. A build that is interrupted leaves an invalid index of this name, which
the planner never uses; the next upgrade drops it and builds again. Its size is about that of the
primary key's share for those rows (10 million entries: 564 MB on PostgreSQL, beside 823 MB for
the primary key), and each write of a suppressed row updates it too.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 08:30:00.000000
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


_NAME = "ix_recipients_entries"
_COLUMNS = ["address", "account_id", "reason", "suppressed"]


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        op.create_index(_NAME, "recipients", _COLUMNS, sqlite_where=sa.text("suppressed"))
        return
    with op.get_context().autocommit_block():
        # This migration is not recorded as done, so an index of this name is what an interrupted
        # concurrent build left behind: invalid, never used, and in the way of IF NOT EXISTS.
        op.drop_index(_NAME, table_name="recipients", postgresql_concurrently=True, if_exists=True)
        op.create_index(
            _NAME, "recipients", _COLUMNS, postgresql_where=sa.text("suppressed"), postgresql_concurrently=True
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        op.drop_index(_NAME, table_name="recipients")
        return
    with op.get_context().autocommit_block():
        op.drop_index(_NAME, table_name="recipients", postgresql_concurrently=True)
