"""The SQL of entries that end by themselves (expiry) and of the domain rule's evidence."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.orm import Session

from service.domain.dead_domains import DOMAIN_REASONS, DomainBounce
from service.domain.scope import domain_key, domain_of_address
from service.domain.times import as_utc
from service.store.db import run_together
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


def domains_bounces(
    session: Session, domains: Sequence[str], *, start: datetime, end: datetime
) -> dict[str, list[DomainBounce]]:
    """`domain_bounces` for many domains over one span, by domain (every domain asked present): one
    statement (SQLite: per hundred domains). On PostgreSQL an ingest batch sends DOMAINS_BOUNCES
    with its other reads instead (service.store.writes.store_and_lock)."""
    found: dict[str, list[DomainBounce]] = {d: [] for d in domains}
    unique = sorted(set(domains))
    if session.get_bind().dialect.name == "postgresql":
        rows: list[Any] = run_together(
            session, [(DOMAINS_BOUNCES, domains_bounces_params(unique, start, end))]
        )[0]
    else:
        rows = []
        for i in range(0, len(unique), 100):
            like = or_(*(BounceEvent.recipient.like("%@" + d) for d in unique[i : i + 100]))
            rows += session.execute(_DOMAIN_BOUNCES.where(like), {"start": start, "end": end}).all()
    return read_domains_bounces(found, rows)


def domains_bounces_params(domains: Sequence[str], start: datetime, end: datetime) -> dict[str, Any]:
    return {
        "reasons": sorted(DOMAIN_REASONS),
        "patterns": ["%@" + d for d in sorted(set(domains))],
        "start": start,
        "end": end,
    }


def read_domains_bounces(
    found: dict[str, list[DomainBounce]], rows: Iterable[Any]
) -> dict[str, list[DomainBounce]]:
    """DOMAINS_BOUNCES's rows (id, recipient, occurred_at) by domain, into `found`."""
    for event_id, address, occurred_at in rows:
        bounces = found.get(domain_of_address(str(address)))
        if bounces is not None:
            bounces.append(DomainBounce(int(event_id), str(address), as_utc(occurred_at)))
    return found


# The conditions of `domain_bounces`, for a span and many domains.
_DOMAIN_BOUNCES = select(BounceEvent.id, BounceEvent.recipient, BounceEvent.occurred_at).where(
    BounceEvent.reason.in_(sorted(DOMAIN_REASONS)),
    BounceEvent.occurred_at >= bindparam("start"),
    BounceEvent.occurred_at <= bindparam("end"),
    BounceEvent.type == "bounce",
    BounceEvent.classification == "hard",
    BounceEvent.superseded_at.is_(None),
)
# PostgreSQL (psycopg parameters): the domains as LIKE patterns in one array.
DOMAINS_BOUNCES = f"""
    SELECT id, recipient, occurred_at FROM {BounceEvent.__tablename__}
    WHERE reason = ANY(CAST(%(reasons)s AS varchar[]))
        AND occurred_at >= %(start)s AND occurred_at <= %(end)s
        AND type = 'bounce' AND classification = 'hard' AND superseded_at IS NULL
        AND recipient LIKE ANY(CAST(%(patterns)s AS varchar[]))
"""


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
