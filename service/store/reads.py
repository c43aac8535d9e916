"""The read side's SQL: one lookup, bulk check, a page of the list, an address's history, the event feed.

The API and the CLI reach these only through the use cases in service/app/lookups.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from service.domain.times import as_utc_or_none as utc
from service.store.models import BounceEvent, OutboxEvent, Recipient, SuppressionChange

# Addresses per IN (...) query of a bulk check: a 10,000-address check is two queries, and no
# backend's bound-parameter limit (SQLite 32,766, PostgreSQL 65,535) is ever approached.
CHECK_CHUNK = 5000

_ENTRY_COLUMNS = (
    Recipient.address,
    Recipient.reason,
    Recipient.since,
    Recipient.source_event_id,
    Recipient.note,
)


def _connection(db: Connection | Session) -> Connection:
    """The connection to run driver-level SQL on; a session's pending changes are flushed first, so
    a read inside a transaction sees what the transaction did."""
    if isinstance(db, Connection):
        return db
    db.flush()
    return db.connection()


def _entry(row: Any) -> dict[str, Any]:
    return {
        "address": row.address,
        "suppressed": True,
        "reason": row.reason,
        "since": utc(row.since),
        "source_event_id": row.source_event_id,
        "note": row.note,
    }


def find_suppression(db: Connection | Session, address: str) -> dict[str, Any] | None:
    """The suppression entry of one (normalised) address, or None when it is not suppressed.

    The lookup every send makes: one primary-key query in driver-level SQL, because SQLAlchemy's
    statement and result machinery costs several times the query itself (see suppressed_reasons).
    """
    connection = _connection(db)
    mark = "%s" if connection.dialect.name == "postgresql" else "?"
    row = connection.exec_driver_sql(
        f"SELECT address, reason, since, source_event_id, note FROM {Recipient.__tablename__}"
        f" WHERE address = {mark} AND suppressed",
        (address,),
    ).first()
    if row is None:
        return None
    since = row.since
    if isinstance(since, str):  # SQLite keeps timestamps as text
        since = datetime.fromisoformat(since)
    return {
        "address": row.address,
        "suppressed": True,
        "reason": row.reason,
        "since": utc(since),
        "source_event_id": row.source_event_id,
        "note": row.note,
    }


def suppressed_reasons(db: Connection | Session, addresses: Sequence[str]) -> dict[str, str | None]:
    """{address: reason} for the suppressed ones among (normalised, distinct) `addresses`.

    Driver-level SQL on purpose: SQLAlchemy's expanding IN costs several times the query itself
    for thousands of values. PostgreSQL takes the whole list as one array parameter; SQLite gets
    chunks of `?` placeholders. Both use the primary key index.
    """
    table = Recipient.__tablename__
    connection = _connection(db)
    reasons: dict[str, str | None] = {}
    if connection.dialect.name == "postgresql":
        rows = connection.exec_driver_sql(
            f"SELECT address, reason FROM {table} WHERE address = ANY(%s) AND suppressed", (list(addresses),)
        )
        reasons.update(rows.all())
        return reasons
    for start in range(0, len(addresses), CHECK_CHUNK):
        chunk = tuple(addresses[start : start + CHECK_CHUNK])
        placeholders = ",".join("?" * len(chunk))
        rows = connection.exec_driver_sql(
            f"SELECT address, reason FROM {table} WHERE address IN ({placeholders}) AND suppressed", chunk
        )
        reasons.update(rows.all())
    return reasons


def list_suppressions(
    session: Session,
    *,
    reason: str | None = None,
    since: datetime | None = None,
    after: str | None = None,
    limit: int = 100,
) -> tuple[list[dict[str, Any]], bool]:
    """Suppressed addresses after `after` in address order (keyset paging); and whether more follow."""
    query = select(*_ENTRY_COLUMNS).where(Recipient.suppressed.is_(True))
    if reason is not None:
        query = query.where(Recipient.reason == reason)
    if since is not None:
        query = query.where(Recipient.since >= since)
    if after is not None:
        query = query.where(Recipient.address > after)
    rows = session.execute(query.order_by(Recipient.address).limit(limit + 1)).all()
    return [_entry(row) for row in rows[:limit]], len(rows) > limit


def address_history(session: Session, address: str, *, limit: int = 100) -> tuple[list[dict[str, Any]], bool]:
    """Events and suppression changes of one address, newest first; and whether more exist."""
    events = session.scalars(
        select(BounceEvent)
        .where(BounceEvent.recipient == address)
        .order_by(BounceEvent.created_at.desc(), BounceEvent.id.desc())
        .limit(limit + 1)
    ).all()
    changes = session.scalars(
        select(SuppressionChange)
        .where(SuppressionChange.address == address)
        .order_by(SuppressionChange.created_at.desc(), SuppressionChange.id.desc())
        .limit(limit + 1)
    ).all()
    items: list[dict[str, Any]] = [
        {
            "kind": "event",
            "at": utc(e.created_at),
            "id": e.id,
            "message_id": e.message_id,
            "type": e.type,
            "classification": e.classification,
            "reason": e.reason,
            "status": e.status,
            "smtp_code": e.smtp_code,
            "diagnostic": e.diagnostic,
            "remote_mta": e.remote_mta,
            "action": e.action,
            "feedback_type": e.feedback_type,
            "original_message_id": e.original_message_id,
            "original_mail_from": e.original_mail_from,
            "occurred_at": utc(e.occurred_at),
        }
        for e in events
    ]
    items += [
        {
            "kind": "change",
            "at": utc(c.created_at),
            "id": c.id,
            "change": c.change,
            "reason": c.reason,
            "event_id": c.event_id,
            "actor": c.actor,
            "note": c.note,
        }
        for c in changes
    ]
    # A change caused by an event is recorded in the same instant as the event; listing the change
    # first (newest first) reads as "suppressed, because of this event".
    items.sort(key=lambda i: (i["at"], i["kind"] == "change", i["id"]), reverse=True)
    return items[:limit], len(items) > limit


def event_feed(session: Session, *, after: int = 0, limit: int = 100) -> list[dict[str, Any]]:
    """Outbox events with an id above `after`, oldest first: the same stream Kafka gets."""
    rows = session.scalars(
        select(OutboxEvent).where(OutboxEvent.id > after).order_by(OutboxEvent.id).limit(limit)
    ).all()
    return [
        {
            "id": r.id,
            "ce_id": r.ce_id,
            "type": r.ce_type,
            "subject": r.subject,
            "time": utc(r.created_at),
            "data": r.data,
        }
        for r in rows
    ]
