"""evidence, replay, expiry, domains: superseded events, prunable raw bytes, the domain rule's index

- `events.superseded_at`: a replay replaced the event with the current parser's reading; it stays in
  the history, marked, and no longer acts.
- `messages.raw` may be NULL: raw bytes are pruned after BOUNCEBACK_RAW_RETENTION_DAYS (never while
  an event of the message is the source of a live suppression).
- `ix_events_reason_occurred`: the domain rule reads host_unknown events of the last days.

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-05 02:50:00.000000
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0005'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('superseded_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index('ix_events_reason_occurred', ['reason', 'occurred_at'], unique=False)
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.alter_column('raw', existing_type=sa.LargeBinary(), nullable=True)


def downgrade() -> None:
    # Pruned messages keep an empty body: the column cannot be NOT NULL with NULLs in it.
    op.execute(sa.text("UPDATE messages SET raw = :empty WHERE raw IS NULL").bindparams(empty=b""))
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.alter_column('raw', existing_type=sa.LargeBinary(), nullable=False)
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_reason_occurred')
        batch_op.drop_column('superseded_at')
