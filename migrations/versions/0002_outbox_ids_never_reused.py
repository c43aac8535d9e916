"""outbox ids are never reused (SQLite AUTOINCREMENT)

The outbox ids are the event feed's positions. SQLite without AUTOINCREMENT hands out max(id) + 1,
so once the relay has pruned the newest published rows, new events could get ids a feed follower
has already passed. PostgreSQL's sequence never goes back: nothing to do there.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-05 00:30:00.000000
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op


revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _recreate_outbox(autoincrement: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    # The copy keeps every row and id; SQLite then counts on from the largest id copied.
    with op.batch_alter_table(
        "outbox", recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}
    ):
        pass


def upgrade() -> None:
    _recreate_outbox(True)


def downgrade() -> None:
    _recreate_outbox(False)
