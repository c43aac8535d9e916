"""Suppression use cases: check, add, remove, list, history; each writes its audit row and outbox event.

Every function takes the caller's session and never commits (the caller owns the transaction).
Addresses are normalised first (`service.domain.addresses.normalize_address`); an invalid address raises
`InvalidAddress`, also in `check`: a bulk check with a malformed entry fails as a whole, naming the
entry, rather than answering "not suppressed" for something that is not an address.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from service import metrics
from service.app import announce
from service.domain.addresses import InvalidAddress, normalize_address
from service.domain.policy import MANUAL, REASONS
from service.domain.times import iso_z_or_none
from service.store import writes
from service.store.models import BounceEvent, Recipient, SuppressionChange

__all__ = [
    "InvalidAddress",
    "SuppressionHistory",
    "add_manual",
    "apply_suppression",
    "check",
    "get",
    "history",
    "import_entry",
    "remove",
    "to_dict",
]


def to_dict(row: Recipient) -> dict[str, Any]:
    """A suppression entry as JSON-able values (timestamps ISO 8601 UTC)."""
    return {
        "address": row.address,
        "suppressed": bool(row.suppressed),
        "reason": row.reason,
        "since": iso_z_or_none(row.since),
        "source_event_id": row.source_event_id,
        "note": row.note,
    }


def apply_suppression(
    session: Session,
    row: Recipient,
    *,
    reason: str,
    since: datetime,
    event_id: int | None,
    actor: str,
    note: str | None,
    now: datetime,
) -> None:
    """Put a (locked, not yet suppressed) address on the list: entry, audit row, outbox event."""
    writes.set_suppressed(session, row, reason=reason, since=since, event_id=event_id, note=note, now=now)
    writes.add_change(
        session,
        address=row.address,
        change="added",
        reason=reason,
        event_id=event_id,
        actor=actor,
        note=note,
        created_at=now,
    )
    announce.suppression_changed(
        session,
        added=True,
        address=row.address,
        reason=reason,
        since=since,
        event_id=event_id,
        actor=actor,
        note=note,
        now=now,
    )
    writes.count_when_committed(session, metrics.SUPPRESSIONS_ADDED.labels(reason=reason))


def add_manual(
    session: Session, address: str, *, note: str | None, actor: str, now: datetime | None = None
) -> tuple[Recipient, bool]:
    """Suppress `address` by hand (reason `manual`). Already suppressed: no change, returns False."""
    return import_entry(session, address, reason=MANUAL, since=None, note=note, actor=actor, now=now)


def import_entry(
    session: Session,
    address: str,
    *,
    reason: str,
    since: datetime | None,
    note: str | None,
    actor: str,
    now: datetime | None = None,
) -> tuple[Recipient, bool]:
    """Suppress `address` with a given reason and date (CSV import keeps an export's reasons)."""
    if reason not in REASONS:
        raise ValueError(f"unknown suppression reason {reason!r} (one of {', '.join(REASONS)})")
    now = now or datetime.now(UTC)
    normalised = normalize_address(address)
    row = writes.lock_recipient(session, normalised, now)
    if row.suppressed:
        return row, False
    apply_suppression(
        session,
        row,
        reason=reason,
        since=since or now,
        event_id=None,
        actor=actor,
        note=note,
        now=now,
    )
    return row, True


def remove(
    session: Session, address: str, *, note: str | None, actor: str, now: datetime | None = None
) -> bool:
    """Take `address` off the list (reactivate it). False when it was not suppressed.

    Soft bounces (and any event) that occurred before the removal no longer count: a backfill of old
    mail must not undo an operator's decision.
    """
    now = now or datetime.now(UTC)
    normalised = normalize_address(address)
    row = writes.recipient(session, normalised)
    if row is None or not row.suppressed:
        return False
    row = writes.lock_recipient(session, normalised, now)
    if not row.suppressed:  # removed concurrently while we waited for the lock
        return False
    previous_reason = row.reason or MANUAL
    writes.clear_suppressed(session, row, now=now)
    writes.add_change(
        session,
        address=normalised,
        change="removed",
        reason=previous_reason,  # what was removed; the note says why
        event_id=None,
        actor=actor,
        note=note,
        created_at=now,
    )
    announce.suppression_changed(
        session,
        added=False,
        address=normalised,
        reason=previous_reason,
        since=now,
        event_id=None,
        actor=actor,
        note=note,
        now=now,
    )
    writes.count_when_committed(session, metrics.SUPPRESSIONS_REMOVED.labels(reason=previous_reason))
    return True


def check(session: Session, addresses: Sequence[str]) -> list[dict[str, Any]]:
    """`{"address", "suppressed", "reason"}` per input address, in input order (normalised addresses).

    Raises InvalidAddress for the first entry that is not an address.
    """
    normalised = [normalize_address(a) for a in addresses]
    found = writes.suppressed_reasons(session, normalised)
    return [{"address": a, "suppressed": a in found, "reason": found.get(a)} for a in normalised]


def get(session: Session, address: str) -> Recipient | None:
    """The suppression entry of `address`, or None when it is not suppressed."""
    row = writes.recipient(session, normalize_address(address))
    return row if row is not None and row.suppressed else None


@dataclass(frozen=True, slots=True)
class SuppressionHistory:
    address: str
    events: list[BounceEvent]
    changes: list[SuppressionChange]


def history(session: Session, address: str) -> SuppressionHistory:
    """Every recorded event and suppression change for the address, newest first."""
    normalised = normalize_address(address)
    events, changes = writes.history(session, normalised)
    return SuppressionHistory(normalised, events, changes)
