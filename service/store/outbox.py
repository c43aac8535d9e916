"""The transactional outbox: the one writer of outbox rows, and the relay's claim and mark queries.

Events to announce are rows written in the transaction of the change they announce (`write`, the
only way a row gets in). A commit that wrote rows wakes every relay of this process that asked for
it (`wake_on_commit`), so events leave at once instead of at the relay's next idle poll. On
PostgreSQL the same commit also sends a NOTIFY on `OUTBOX_CHANNEL` (in the insert's statement, so
it goes out exactly when the rows become visible, and not at all on a rollback): a relay in another
process (`serve --workers N`, a separate `worker`) LISTENs and is woken as promptly
(service/store/outbox_notices.py). On SQLite, relays of other processes find rows at their poll.

Row ids are the event feed's positions (`GET /v1/events?after=`), so they must be handed out in
commit order: a follower that has seen id N must never find a smaller id commit later. `write` only
queues the rows; they are inserted as the transaction commits (`_insert_queued`; on PostgreSQL in one
statement sent with the COMMIT, in its round trip), under
a transaction-level advisory lock held until the commit is visible, so the next writer's ids come
after it. SQLite has one writer at a time anyway (its write lock is held from the first write to the
commit). The lock is the last one a transaction takes, so it cannot close a cycle of waits.
"""

from __future__ import annotations

import json
import uuid
import weakref
from collections.abc import Sequence
from datetime import datetime
from typing import Any, NamedTuple, Protocol

from sqlalchemy import and_, delete, event, exists, func, insert, select, text, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from service.domain.event_types import EVENT_TYPES
from service.store.db import send_with_commit
from service.store.models import Base, OutboxEvent


class Announcement(NamedTuple):
    """One event to announce: its CloudEvents type, subject (the address, or None), data, and the
    account it belongs to (None: unattributed, or a global entry's change)."""

    type: str
    subject: str | None
    data: dict[str, Any]
    account: str | None = None


class Wakeable(Protocol):
    def wake(self) -> None: ...


# Woken after any commit in this process that wrote outbox rows (held weakly: a relay that is gone
# drops out by itself).
_WAKE_ON_COMMIT: weakref.WeakSet[Any] = weakref.WeakSet()
_WRITTEN = "bounceback.outbox_written"
_QUEUED = "bounceback.outbox_queued"
# A Core insert on the table: cheaper than an ORM bulk insert, and no objects are wanted back.
_INSERT = insert(Base.metadata.tables[OutboxEvent.__tablename__])
# Arbitrary, fixed: the key of the PostgreSQL advisory lock outbox rows are committed under.
FEED_ORDER_LOCK_KEY = 0x62626B02
# PostgreSQL: the channel every commit of outbox rows notifies (an empty payload: "look now").
OUTBOX_CHANNEL = "bounceback_outbox"


def write(session: Session, announcements: Sequence[Announcement], *, now: datetime) -> list[str]:
    """Add outbox rows to the caller's transaction, in order; their `ce_id`s.

    The rows are inserted (in one statement, with everything else the transaction wrote) when it
    commits; see the module's docstring.
    """
    if not announcements:
        return []
    for item in announcements:
        if item.type not in EVENT_TYPES:
            raise ValueError(f"unknown event type {item.type}")
    ce_ids = [str(uuid.uuid4()) for _ in announcements]
    if not session.in_transaction():
        session.connection()  # the rows belong to a transaction, begun now if it was not yet
    session.info.setdefault(_QUEUED, []).extend(
        {
            "ce_id": ce_id,
            "ce_type": t,
            "subject": subject,
            "data": data,
            "created_at": now,
            "account_id": account,
        }
        for ce_id, (t, subject, data, account) in zip(ce_ids, announcements, strict=True)
    )
    return ce_ids


@event.listens_for(Session, "before_commit")
def _insert_queued(session: Session) -> None:
    rows = session.info.pop(_QUEUED, None)
    if not rows:
        return
    if session.get_bind().dialect.name == "postgresql":
        # The rows as one JSON document, in one statement: an import's hundred thousand events
        # cost the driver far less this way than as as many executions (or as arrays, which it
        # quotes and escapes an element at a time). The same statement takes the feed-order lock
        # first (held until this commit is visible: whoever takes it next gets ids after these),
        # and it is sent with the COMMIT, in its round trip: the lock is held no longer than that.
        written = json.dumps(
            [{"position": i, **row} for i, row in enumerate(rows, start=1)], default=_json_value
        )
        send_with_commit(
            session,
            [
                (
                    _PG_INSERT_FROM_JSON,
                    {"rows": written, "key": FEED_ORDER_LOCK_KEY, "channel": OUTBOX_CHANNEL},
                )
            ],
        )
    else:
        session.execute(_INSERT, rows)
    session.info[_WRITTEN] = True


# The rows in order of `position` (the order written): the ids follow it. The lock is a
# materialized CTE every row is joined with: no row (and so no id from the sequence) comes out of
# the join before the lock is held. The same CTE queues the NOTIFY that wakes relays in other
# processes; PostgreSQL delivers it when the transaction commits (one per transaction).
_PG_INSERT_FROM_JSON = f"""
    WITH feed_turn AS MATERIALIZED (SELECT pg_advisory_xact_lock(%(key)s), pg_notify(%(channel)s, ''))
    INSERT INTO {OutboxEvent.__tablename__} (ce_id, ce_type, subject, data, created_at, account_id)
    SELECT written.ce_id, written.ce_type, written.subject, written.data, written.created_at,
        written.account_id
    FROM feed_turn, json_to_recordset(CAST(%(rows)s AS json)) AS written(
        position integer, ce_id varchar, ce_type varchar, subject varchar, data json,
        created_at timestamptz, account_id varchar
    )
    ORDER BY written.position
"""


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"not JSON-able: {type(value).__name__}")


def wake_on_commit(relay: Wakeable) -> None:
    """Call `relay.wake()` whenever a transaction of this process commits new outbox rows."""
    _WAKE_ON_COMMIT.add(relay)


@event.listens_for(Session, "after_commit")
def _wake_relays(session: Session) -> None:
    if session.info.pop(_WRITTEN, False):
        for relay in list(_WAKE_ON_COMMIT):
            relay.wake()


@event.listens_for(Session, "after_rollback")
def _forget_written(session: Session) -> None:
    session.info.pop(_WRITTEN, None)


@event.listens_for(Session, "after_transaction_end")
def _forget_queued(session: Session, transaction: Any) -> None:
    # However the transaction ended (a commit has taken them already; a rollback, or a session
    # closed without either, drops them), queued rows never outlive it.
    if transaction.parent is None:
        session.info.pop(_QUEUED, None)


# --- the relay's queries ------------------------------------------------------------------------


def lock_for_relay(session: Session, key: int) -> None:
    """PostgreSQL: take the relays' turn (a transaction-scoped advisory lock; waits up to 60 s)."""
    # Another relay's batch holds the lock only for one publish (seconds); wait for it.
    session.execute(text("SET LOCAL lock_timeout = '60s'"))
    session.execute(select(func.pg_advisory_xact_lock(key)))


def oldest_pending_locked(session: Session, limit: int) -> list[OutboxEvent]:
    """PostgreSQL: the oldest unpublished rows, locked for this transaction (others skip them)."""
    return list(
        session.scalars(
            select(OutboxEvent)
            .where(OutboxEvent.published_at.is_(None))
            .order_by(OutboxEvent.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
    )


def claim_oldest(session: Session, limit: int, *, until: datetime, now: datetime) -> list[OutboxEvent]:
    """SQLite: stamp a lease on the oldest unpublished rows, unless another relay holds a live one."""
    # Aliases, so the sub-selects read the table afresh instead of correlating with the UPDATE.
    pending = OutboxEvent.__table__.alias("pending")
    oldest = (
        select(pending.c.id)
        .where(pending.c.published_at.is_(None))
        .order_by(pending.c.id)
        .limit(limit)
        .scalar_subquery()
    )
    other = OutboxEvent.__table__.alias("other")
    claimed_elsewhere = exists().where(and_(other.c.published_at.is_(None), other.c.claimed_until > now))
    # One statement, so checking "nobody else holds a claim" and claiming are atomic.
    result = session.execute(
        update(OutboxEvent)
        .where(OutboxEvent.id.in_(oldest), ~claimed_elsewhere)
        .values(claimed_until=until)
        .execution_options(synchronize_session=False)
    )
    if not getattr(result, "rowcount", 0):
        return []
    return list(
        session.scalars(
            select(OutboxEvent)
            .where(OutboxEvent.claimed_until == until, OutboxEvent.published_at.is_(None))
            .order_by(OutboxEvent.id)
        )
    )


def release(session: Session, ids: Sequence[int], *, until: datetime) -> None:
    """Give up a lease (the batch failed): the rows are free for the next pass at once."""
    session.execute(
        update(OutboxEvent)
        .where(OutboxEvent.id.in_(ids), OutboxEvent.claimed_until == until)
        .values(claimed_until=None)
        .execution_options(synchronize_session=False)
    )


def mark_published(
    session: Session, ids: Sequence[int], *, now: datetime, claimed_until: datetime | None
) -> None:
    """Mark rows published (only those still under this relay's lease, when it holds one)."""
    condition: list[ColumnElement[bool]] = [OutboxEvent.id.in_(ids), OutboxEvent.published_at.is_(None)]
    if claimed_until is not None:
        condition.append(OutboxEvent.claimed_until == claimed_until)
    session.execute(
        update(OutboxEvent)
        .where(*condition)
        .values(published_at=now, claimed_until=None)
        .execution_options(synchronize_session=False)
    )


def prune_published(session: Session, *, before: datetime) -> int:
    """Delete rows published before `before`; how many went."""
    result = session.execute(
        delete(OutboxEvent).where(OutboxEvent.published_at.is_not(None), OutboxEvent.published_at < before)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def backlog(session: Session) -> tuple[int, datetime | None]:
    """How many rows wait to be published, and when the oldest of them was written."""
    count, oldest = session.execute(
        select(func.count(OutboxEvent.id), func.min(OutboxEvent.created_at)).where(
            OutboxEvent.published_at.is_(None)
        )
    ).one()
    return int(count), oldest
