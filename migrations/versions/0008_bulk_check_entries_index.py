"""the suppressed rows' own index, with their reasons: a bulk check reads it alone

A bulk check confirms the addresses the in-memory view cannot clear (thousands, the first time a
list is checked) and needs, of each, the key, scope and reason of the row that suppresses it. This
partial index holds exactly those of the suppressed rows, so each asked address is one probe of a
small index and no table row is visited (an index-only scan on PostgreSQL, a covering index on
SQLite, which needs `suppressed` among the columns to see it so). The other rows of `recipients`
(addresses with events but no entry) are not in it.

Built in the migration's transaction: on PostgreSQL, writes to `recipients` wait for the build
(10 million entries: about 20 s on the 2-core box this was written on); reads go on. Its size is
about that of the primary key's share for those rows (10 million entries: 564 MB on PostgreSQL,
beside 823 MB for the primary key), and each write of a suppressed row updates it too.

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


def upgrade() -> None:
    op.create_index(
        "ix_recipients_entries",
        "recipients",
        ["address", "account_id", "reason", "suppressed"],
        postgresql_where=sa.text("suppressed"),
        sqlite_where=sa.text("suppressed"),
    )


def downgrade() -> None:
    op.drop_index("ix_recipients_entries", table_name="recipients")
