"""Expiry: entries whose reason has a lifetime (BOUNCEBACK_EXPIRY_DAYS) come off the list on schedule.

`serve` and `worker` run `run_housekeeping` in the background: every BOUNCEBACK_EXPIRY_INTERVAL_SECONDS
it expires the due entries in bounded batches (a transaction each), audited with actor `expiry` and
announced as `bounceback.suppression.removed` with reason `expired`, and drops raw message bytes
past their retention (service/app/evidence.py). An expired entry reactivates its address: events
before the expiry no longer act, so an expired soft-threshold address counts its soft bounces
afresh from the expiry. Several processes may run it at once: each entry is locked and checked
again before it is taken off, so it expires once.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from service.app import evidence
from service.app.suppressions import take_off
from service.config import Settings
from service.domain.scope import Reason, parse_expiry_days
from service.logging import get_logger
from service.store import lifecycle, writes
from service.store.db import Database, is_database_outage

log = get_logger(__name__)

# Entries taken off per transaction: locks stay short, and intake is never kept waiting long.
EXPIRY_BATCH = 500
EXPIRED = "expired"
ACTOR = "expiry"


def expire_due(db: Database, expiry_days: dict[Reason, int], *, now: datetime | None = None) -> int:
    """Take every entry past its reason's lifetime off the list; how many expired."""
    now = now or datetime.now(UTC)
    total = 0
    for reason, days in sorted(expiry_days.items()):
        cutoff = now - timedelta(days=days)
        while True:
            with db.transaction() as session:
                writes.take_bulk_writer_turn(session)  # (a batch locks many addresses, as ingest's do)
                due = lifecycle.due_entries(
                    session, reason, suppressed_at_or_before=cutoff, limit=EXPIRY_BATCH
                )
                for address, account in due:
                    row = writes.lock_recipient(session, address, now, account)
                    since = row.since
                    if not row.suppressed or row.reason != reason or since is None:
                        continue  # changed while we waited for the lock
                    if since.tzinfo is None:
                        since = since.replace(tzinfo=UTC)
                    if since > cutoff:
                        continue
                    take_off(
                        session,
                        row,
                        reason=EXPIRED,
                        actor=ACTOR,
                        note=f"{reason} entry expired after {days} days",
                        now=now,
                    )
                    total += 1
            if len(due) < EXPIRY_BATCH:
                break
    if total:
        log.info("suppressions_expired", count=total)
    return total


def run_housekeeping(settings: Settings, db: Database, stop: threading.Event) -> None:
    """Expire due entries and prune raw bytes now and every interval until `stop` is set; a database
    outage is logged and waited out (the next round tries again)."""
    expiry_days = parse_expiry_days(settings.expiry_days)
    while not stop.is_set():
        try:
            expire_due(db, expiry_days)
            pruned = evidence.prune_raw(db, settings.raw_retention_days, now=datetime.now(UTC))
            if pruned:
                log.info("raw_messages_pruned", count=pruned)
        except Exception as exc:
            if is_database_outage(exc):
                log.warning("housekeeping_waits_for_the_database", error=str(exc).splitlines()[0])
            else:  # a bug: logged with its trace, and the next round tries again
                log.exception("housekeeping_failed")
        stop.wait(settings.expiry_interval_seconds)
