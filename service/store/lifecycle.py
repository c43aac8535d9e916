"""The SQL of entries that end by themselves (expiry) and of the domain rule's evidence."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.domain.times import as_utc
from service.store.models import BounceEvent, Recipient, account_of_slot


def due_entries(
    session: Session, reason: str, *, suppressed_at_or_before: datetime, limit: int
) -> list[tuple[str, str | None]]:
    """Up to `limit` (address or `*@domain` key, account) entries with `reason` whose `since` is at
    or before the date, in key order (the order rows are locked in everywhere)."""
    rows = session.execute(
        select(Recipient.address, Recipient.account_id)
        .where(
            Recipient.suppressed.is_(True),
            Recipient.reason == reason,
            Recipient.since <= suppressed_at_or_before,
        )
        .order_by(Recipient.address, Recipient.account_id)
        .limit(limit)
    ).all()
    return [(address, account_of_slot(slot)) for address, slot in rows]


def host_unknown_bounces(
    session: Session, domain: str, *, start: datetime, end: datetime
) -> list[tuple[int, str, datetime]]:
    """(event id, address, date) of the current hard `host_unknown` bounces at `domain` dated in
    [start, end]: the index on (reason, occurred_at) keeps this to a few days of one reason."""
    rows = session.execute(
        select(BounceEvent.id, BounceEvent.recipient, BounceEvent.occurred_at).where(
            BounceEvent.reason == "host_unknown",
            BounceEvent.occurred_at >= start,
            BounceEvent.occurred_at <= end,
            BounceEvent.type == "bounce",
            BounceEvent.classification == "hard",
            BounceEvent.superseded_at.is_(None),
            # (a normalised domain holds letters, digits, hyphens and dots: nothing LIKE reads)
            BounceEvent.recipient.like("%@" + domain),
        )
    ).all()
    return [(int(i), str(a), as_utc(t)) for i, a, t in rows]
