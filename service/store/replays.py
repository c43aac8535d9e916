"""The replay's SQL: the stored messages of a range, superseding their events, and what those events decided."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, tuple_, update
from sqlalchemy.orm import Session

from service.domain.times import iso_z
from service.store.models import BounceEvent, InboundMessage, Recipient


def last_message_id(session: Session) -> int:
    """The newest message's id (0 when there is none): a replay covers the messages up to it, so
    mail ingested while it runs (read by the current parser already) is left alone."""
    return int(session.scalar(select(func.max(InboundMessage.id))) or 0)


def _in_range(query: Any, since: datetime | None, until: datetime | None) -> Any:
    if since is not None:
        query = query.where(InboundMessage.received_at >= since)
    if until is not None:
        query = query.where(InboundMessage.received_at < until)
    return query


def count_in_range(session: Session, *, since: datetime | None, until: datetime | None, up_to: int) -> int:
    query = select(func.count()).select_from(InboundMessage).where(InboundMessage.id <= up_to)
    return int(session.scalar(_in_range(query, since, until)) or 0)


def messages_in_range(
    session: Session,
    *,
    since: datetime | None,
    until: datetime | None,
    after: int,
    up_to: int,
    limit: int,
) -> list[InboundMessage]:
    """Up to `limit` messages received in [since, until) with ids in (after, up_to], in id order."""
    query = select(InboundMessage).where(InboundMessage.id > after, InboundMessage.id <= up_to)
    query = _in_range(query, since, until).order_by(InboundMessage.id).limit(limit)
    return list(session.scalars(query))


def supersede(session: Session, event_ids: Sequence[int], now: datetime) -> None:
    """Mark events replaced by a replay's reading: kept for the history, no longer acting."""
    if event_ids:
        session.execute(
            update(BounceEvent)
            .where(BounceEvent.id.in_(list(event_ids)), BounceEvent.superseded_at.is_(None))
            .values(superseded_at=now)
        )


def set_reading(
    session: Session,
    message: InboundMessage,
    *,
    outcome: str,
    message_type: str,
    attributed: tuple[str | None, str | None],
) -> None:
    """The message's new outcome, type and attribution (account, source) (a processed message has
    no quarantine reason)."""
    message.outcome = outcome
    message.message_type = message_type[:32]
    message.account_id, message.attributed_by = attributed
    if outcome == "processed":
        message.quarantine_reason = None


def entries_decided_by(session: Session, event_ids: Sequence[int]) -> list[tuple[str, str]]:
    """(address, account slot) of suppressed entries whose source is one of the events."""
    if not event_ids:
        return []
    rows = session.execute(
        select(Recipient.address, Recipient.account_id).where(
            Recipient.suppressed.is_(True), Recipient.source_event_id.in_(list(event_ids))
        )
    ).all()
    return [(str(a), str(s)) for a, s in rows]


def acting_events(session: Session, address: str) -> list[BounceEvent]:
    """The address's current (not superseded) events, in date order: what decides its state."""
    return list(
        session.scalars(
            select(BounceEvent)
            .where(BounceEvent.recipient == address, BounceEvent.superseded_at.is_(None))
            .order_by(BounceEvent.occurred_at, BounceEvent.id)
        )
    )


def current_events(session: Session, message_ids: Sequence[int]) -> dict[int, list[BounceEvent]]:
    """The current (not superseded) events of many messages in one query, by message, in order."""
    found: dict[int, list[BounceEvent]] = {message_id: [] for message_id in message_ids}
    if message_ids:
        rows = session.scalars(
            select(BounceEvent)
            .where(BounceEvent.message_id.in_(list(message_ids)), BounceEvent.superseded_at.is_(None))
            .order_by(BounceEvent.id)
        )
        for row in rows:
            found[row.message_id].append(row)
    return found


def current_events_of(session: Session, pairs: Sequence[tuple[str, str]]) -> list[dict[str, Any]]:
    """The current events of some (account, recipient) pairs, with what the counters key them by:
    account, type, classification, original Message-ID, recipient, occurred_at (RFC 3339, UTC)."""
    if not pairs:
        return []
    rows = session.execute(
        select(
            BounceEvent.account_id,
            BounceEvent.type,
            BounceEvent.classification,
            BounceEvent.original_message_id,
            BounceEvent.recipient,
            BounceEvent.occurred_at,
        ).where(
            tuple_(BounceEvent.account_id, BounceEvent.recipient).in_(list(pairs)),
            BounceEvent.superseded_at.is_(None),
        )
    )
    return [
        {
            "account": account,
            "type": type_,
            "classification": classification,
            "original_message_id": original,
            "recipient": recipient,
            "occurred_at": iso_z(occurred_at),
        }
        for account, type_, classification, original, recipient, occurred_at in rows
    ]
