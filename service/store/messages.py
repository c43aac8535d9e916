"""The evidence's SQL: stored messages (metadata, raw bytes, events) for a view, and raw-byte pruning.

A view of one account sees the messages attributed to that account, and no others: the filter is in
SQL, so another account's messages count nowhere (pages, cursors). The API and the CLI reach these
only through service/app/evidence.py.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import exists, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from service.domain.scope import View
from service.domain.times import as_utc_or_none as utc
from service.store.models import BounceEvent, InboundMessage, Recipient, SuppressionChange
from service.store.reads import change_item

# Every column but the raw bytes: metadata reads never load a message's body.
_METADATA = (
    InboundMessage.id,
    InboundMessage.content_hash,
    InboundMessage.source,
    InboundMessage.received_at,
    InboundMessage.message_date,
    InboundMessage.size,
    InboundMessage.message_type,
    InboundMessage.outcome,
    InboundMessage.quarantine_reason,
    InboundMessage.header_message_id,
    InboundMessage.subject,
    InboundMessage.account_id,
    InboundMessage.attributed_by,
    InboundMessage.raw.is_not(None).label("raw_kept"),
)


def _visible(view: View) -> ColumnElement[bool] | None:
    """The messages `view` sees (None: every message)."""
    if view.every_account:
        return None
    if view.account is None:
        return InboundMessage.account_id.is_(None)
    return InboundMessage.account_id == view.account


def _metadata(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "content_hash": row.content_hash,
        "source": row.source,
        "received_at": utc(row.received_at),
        "message_date": utc(row.message_date),
        "size": row.size,
        "message_type": row.message_type,
        "outcome": row.outcome,
        "quarantine_reason": row.quarantine_reason,
        "header_message_id": row.header_message_id,
        "subject": row.subject,
        "account": row.account_id,
        "attributed_by": row.attributed_by,
        "raw_kept": bool(row.raw_kept),
    }


def message(session: Session, message_id: int, view: View) -> dict[str, Any] | None:
    """One message's metadata, or None when there is none `view` sees."""
    query = select(*_METADATA).where(InboundMessage.id == message_id)
    visible = _visible(view)
    if visible is not None:
        query = query.where(visible)
    row = session.execute(query).one_or_none()
    return None if row is None else _metadata(row)


def raw(session: Session, message_id: int, view: View) -> tuple[bool, bytes | None]:
    """(whether `view` sees the message, its stored bytes or None once pruned)."""
    query = select(InboundMessage.raw).where(InboundMessage.id == message_id)
    visible = _visible(view)
    if visible is not None:
        query = query.where(visible)
    row = session.execute(query).one_or_none()
    return (False, None) if row is None else (True, row[0])


def events(session: Session, message_id: int) -> list[BounceEvent]:
    """Every event the message ever had, superseded ones included, in the order recorded."""
    return list(
        session.scalars(
            select(BounceEvent).where(BounceEvent.message_id == message_id).order_by(BounceEvent.id)
        )
    )


def page(
    session: Session, view: View, *, outcome: str | None, before: int | None, limit: int
) -> tuple[list[dict[str, Any]], bool]:
    """Messages `view` sees, newest first, with ids below `before`; and whether more follow."""
    query = select(*_METADATA)
    visible = _visible(view)
    if visible is not None:
        query = query.where(visible)
    if outcome is not None:
        query = query.where(InboundMessage.outcome == outcome)
    if before is not None:
        query = query.where(InboundMessage.id < before)
    rows = session.execute(query.order_by(InboundMessage.id.desc()).limit(limit + 1)).all()
    return [_metadata(row) for row in rows[:limit]], len(rows) > limit


def prune_raw(session: Session, *, received_before: datetime, limit: int) -> int:
    """Drop the raw bytes of up to `limit` messages received before the date; how many were pruned.

    A message is kept whole while any address its events name is suppressed (in any scope): the
    evidence of a live suppression lives as long as the suppression does.
    """
    evidence_of_a_live_entry = exists(
        select(BounceEvent.id)
        .join(Recipient, Recipient.address == BounceEvent.recipient)
        .where(BounceEvent.message_id == InboundMessage.id, Recipient.suppressed.is_(True))
    )
    due = (
        select(InboundMessage.id)
        .where(
            InboundMessage.received_at < received_before,
            InboundMessage.raw.is_not(None),
            ~evidence_of_a_live_entry,
        )
        .order_by(InboundMessage.id)
        .limit(limit)
    )
    ids = list(session.scalars(due))
    if ids:
        session.execute(update(InboundMessage).where(InboundMessage.id.in_(ids)).values(raw=None))
    return len(ids)


def changes_of_events(session: Session, event_ids: list[int], view: View) -> list[dict[str, Any]]:
    """The suppression changes those events caused that `view` sees (global ones and its own)."""
    if not event_ids:
        return []
    query = select(SuppressionChange).where(SuppressionChange.event_id.in_(event_ids))
    if not view.every_account:
        query = query.where(
            SuppressionChange.account_id.is_(None) | (SuppressionChange.account_id == view.account)
        )
    return [change_item(c) for c in session.scalars(query.order_by(SuppressionChange.id))]
