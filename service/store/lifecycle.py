"""The SQL of entries that end by themselves (expiry) and of the domain rule's evidence."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from service.domain.dead_domains import DOMAIN_REASONS, DomainBounce
from service.domain.scope import domain_key
from service.domain.times import as_utc
from service.store.models import GLOBAL_SLOT, BounceEvent, Recipient, account_of_slot


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


def domain_bounces(session: Session, domain: str, *, start: datetime, end: datetime) -> list[DomainBounce]:
    """The current hard bounces at `domain` that speak of the domain (host_unknown, not_accept),
    dated in [start, end]: the index on (reason, occurred_at) keeps this to a few days of two
    reasons."""
    rows = session.execute(
        select(BounceEvent.id, BounceEvent.recipient, BounceEvent.occurred_at).where(
            BounceEvent.reason.in_(sorted(DOMAIN_REASONS)),
            BounceEvent.occurred_at >= start,
            BounceEvent.occurred_at <= end,
            BounceEvent.type == "bounce",
            BounceEvent.classification == "hard",
            BounceEvent.superseded_at.is_(None),
            # (a normalised domain holds letters, digits, hyphens and dots: nothing LIKE reads)
            BounceEvent.recipient.like("%@" + domain),
        )
    ).all()
    return [DomainBounce(int(i), str(a), as_utc(t)) for i, a, t in rows]


def addresses_at(session: Session, domain: str) -> int:
    """How many addresses at `domain` are on record (a global row: every address that ever had an
    event or an entry). A scan of the table: for an operator's confirmation, not a hot path."""
    count = session.scalar(
        select(func.count())
        .select_from(Recipient)
        .where(
            Recipient.account_id == GLOBAL_SLOT,
            Recipient.address.like("%@" + domain),
            Recipient.address != domain_key(domain),
        )
    )
    return int(count or 0)
