"""Read-side queries for the API: one lookup, bulk check, paged list, history and the event feed."""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from service.domain.addresses import InvalidAddress, normalize_address
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


class InvalidCursor(ValueError):
    """The pagination cursor was not produced by this service."""


def utc(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


# A plain address: ASCII, one @, none of the characters normalisation would strip or reject, and no
# trailing dot. For it, normalize_address reduces to lower-casing (IDNA leaves ASCII domains as they
# are), so the bulk check skips the general path; a test keeps both equal.
_PLAIN_ADDRESS = re.compile(r'[^\s\x1c-\x1f<>";@]+@[^\s\x1c-\x1f<>";@]*[^\s\x1c-\x1f<>";@.]', re.ASCII)


def normalize_for_lookup(value: str) -> str:
    """normalize_address, with a fast path for the common plain address (bulk checks do 10,000)."""
    if len(value) <= 320 and value.isascii() and _PLAIN_ADDRESS.fullmatch(value):
        return value.lower()
    return normalize_address(value)


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
    connection = db if isinstance(db, Connection) else db.connection()
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


def check_addresses(db: Connection | Session, addresses: Sequence[str]) -> list[dict[str, Any]]:
    """`{"address", "suppressed", "reason"}` per input address (normalised), in input order.

    Raises InvalidAddress naming the first entry (`addresses[i]`) that is not an address: a bulk
    check fails as a whole rather than answering "not suppressed" for garbage (as the CLI does).
    """
    normalised: list[str] = []
    for index, value in enumerate(addresses):
        try:
            normalised.append(normalize_for_lookup(value))
        except InvalidAddress:
            raise InvalidAddress(f"addresses[{index}]: not an email address: {value[:320]!r}") from None
    reasons = suppressed_reasons(db, list(set(normalised)))
    return [{"address": a, "suppressed": a in reasons, "reason": reasons.get(a)} for a in normalised]


def suppressed_reasons(db: Connection | Session, addresses: Sequence[str]) -> dict[str, str | None]:
    """{address: reason} for the suppressed ones among (normalised, distinct) `addresses`.

    Driver-level SQL on purpose: SQLAlchemy's expanding IN costs several times the query itself
    for thousands of values. PostgreSQL takes the whole list as one array parameter; SQLite gets
    chunks of `?` placeholders. Both use the primary key index.
    """
    table = Recipient.__tablename__
    connection = db if isinstance(db, Connection) else db.connection()
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


def encode_cursor(address: str) -> str:
    return base64.urlsafe_b64encode(address.encode("utf-8")).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> str:
    try:
        value = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise InvalidCursor("the cursor is not one this service handed out") from None
    if not value:
        raise InvalidCursor("the cursor is not one this service handed out")
    return value


def list_suppressions(
    session: Session,
    *,
    reason: str | None = None,
    since: datetime | None = None,
    after: str | None = None,
    limit: int = 100,
) -> tuple[list[dict[str, Any]], str | None]:
    """A page of suppressed addresses in address order (keyset paging), and the next page's cursor."""
    query = select(*_ENTRY_COLUMNS).where(Recipient.suppressed.is_(True))
    if reason is not None:
        query = query.where(Recipient.reason == reason)
    if since is not None:
        query = query.where(Recipient.since >= since)
    if after is not None:
        query = query.where(Recipient.address > after)
    rows = session.execute(query.order_by(Recipient.address).limit(limit + 1)).all()
    items = [_entry(row) for row in rows[:limit]]
    next_cursor = encode_cursor(items[-1]["address"]) if len(rows) > limit else None
    return items, next_cursor


def iter_suppressions(
    sessions: Callable[[], Session],
    *,
    reason: str | None = None,
    since: datetime | None = None,
    batch: int = 2000,
) -> Iterator[list[dict[str, Any]]]:
    """Every suppressed address in pages, each page read with its own short-lived session.

    A streaming export of a large list thus never holds a connection (or a snapshot) between pages.
    """
    after: str | None = None
    while True:
        with sessions() as session:
            items, _ = list_suppressions(session, reason=reason, since=since, after=after, limit=batch)
        if not items:
            return
        yield items
        if len(items) < batch:
            return
        after = items[-1]["address"]


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
