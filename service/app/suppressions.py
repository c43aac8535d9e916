"""Changes to the suppression list: add, remove, import; each writes its audit row and outbox event.

Every function takes the caller's session and never commits (the caller owns the transaction).
Addresses are normalised first (`service.domain.addresses.normalize_key`: an address, or `*@domain`
for an entry covering a whole domain); an invalid one raises `InvalidAddress`. An entry is global (`account` None) or scoped to one account, which the
caller has checked exists (service/app/accounts.py); each scope of an address is changed on its
own: removing an account's entry leaves the global one, and the reverse. Reading the list is
service/app/lookups.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from typing import Any

from sqlalchemy.orm import Session

from service import metrics
from service.app import announce
from service.app.suppression_csv import Row
from service.domain.addresses import InvalidAddress, normalize_key
from service.domain.policy import MANUAL, REASONS
from service.domain.scope import GLOBAL_REASONS, Reason
from service.store import accounts as stored_accounts
from service.store import writes
from service.store.db import count_when_committed
from service.store.models import Recipient, account_of_slot

__all__ = [
    "MAX_NOTE_LENGTH",
    "ImportSummary",
    "InvalidAddress",
    "ScopeNotAllowed",
    "add_manual",
    "apply_suppression",
    "import_entry",
    "import_rows",
    "remove",
    "take_off",
]

# The longest note an operator may attach to a change (API and CLI alike).
MAX_NOTE_LENGTH = 2000
# Import rows written per set of statements: far below every backend's bound-parameter limit
# (8 columns x 1000 rows), and large enough that a statement's round trip is shared by many rows.
IMPORT_CHUNK = 1000


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
    """Put a (locked, not yet suppressed) address on the list in the row's scope: entry, audit row,
    outbox event."""
    account = account_of_slot(row.account_id)
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
        account_id=account,
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
        account=account,
        now=now,
    )
    count_when_committed(session, metrics.SUPPRESSIONS_ADDED.labels(reason=reason))


def add_manual(
    session: Session,
    address: str,
    *,
    note: str | None,
    actor: str,
    account: str | None = None,
    now: datetime | None = None,
) -> tuple[Recipient, bool]:
    """Suppress `address` by hand (reason `manual`), for everyone or for `account`. Already
    suppressed in that scope: no change, returns False."""
    return import_entry(
        session, address, reason=MANUAL, since=None, note=note, actor=actor, account=account, now=now
    )


class ScopeNotAllowed(ValueError):
    """An entry with this reason cannot be scoped to an account (the address is bad for everyone)."""


def import_entry(
    session: Session,
    address: str,
    *,
    reason: str,
    since: datetime | None,
    note: str | None,
    actor: str,
    account: str | None = None,
    now: datetime | None = None,
) -> tuple[Recipient, bool]:
    """Suppress `address` with a given reason and date (CSV import keeps an export's reasons), in
    the global scope or `account`'s. A hard bounce or soft-bounce threshold entry is always global
    (ScopeNotAllowed when an account is given): the address is bad for every sender."""
    if reason not in REASONS:
        raise ValueError(f"unknown suppression reason {reason!r} (one of {', '.join(REASONS)})")
    if account is not None and Reason(reason) in GLOBAL_REASONS:
        raise ScopeNotAllowed(f"a {reason} entry is global: it cannot be scoped to account {account!r}")
    now = now or datetime.now(UTC)
    normalised = normalize_key(address)
    row = writes.lock_recipient(session, normalised, now, account)
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
    session: Session,
    address: str,
    *,
    note: str | None,
    actor: str,
    account: str | None = None,
    now: datetime | None = None,
) -> bool:
    """Take `address` off the list (reactivate it) in one scope: the global entry, or `account`'s.
    False when it was not suppressed there.

    Events that occurred before the removal no longer act in that scope (nor count as soft
    bounces): a backfill of old mail must not undo an operator's decision.
    """
    now = now or datetime.now(UTC)
    normalised = normalize_key(address)
    row = writes.recipient(session, normalised, account)
    if row is None or not row.suppressed:
        return False
    row = writes.lock_recipient(session, normalised, now, account)
    if not row.suppressed:  # removed concurrently while we waited for the lock
        return False
    take_off(session, row, reason=row.reason or MANUAL, actor=actor, note=note, now=now)
    return True


def take_off(
    session: Session,
    row: Recipient,
    *,
    reason: str,
    actor: str,
    note: str | None,
    now: datetime,
    reactivate: bool = True,
) -> None:
    """Take a locked, suppressed row off the list in its scope: entry cleared, audit row and outbox
    event with `reason` (what was removed, or `expired`). `reactivate=False` (a replay correcting a
    decision) keeps the events before now acting, so the policy can decide again from them."""
    account = account_of_slot(row.account_id)
    writes.clear_suppressed(session, row, now=now, reactivate=reactivate)
    writes.add_change(
        session,
        address=row.address,
        change="removed",
        reason=reason,
        event_id=None,
        actor=actor,
        note=note,
        created_at=now,
        account_id=account,
    )
    announce.suppression_changed(
        session,
        added=False,
        address=row.address,
        reason=reason,
        since=now,
        event_id=None,
        actor=actor,
        note=note,
        account=account,
        now=now,
    )
    count_when_committed(session, metrics.SUPPRESSIONS_REMOVED.labels(reason=reason))


@dataclass
class ImportSummary:
    added: int = 0
    already_suppressed: int = 0
    rejected: list[tuple[int, str, str]] = field(default_factory=list)  # (line, address, why)

    def include(self, part: ImportSummary) -> None:
        """Count in the summary of a further part of the same import."""
        self.added += part.added
        self.already_suppressed += part.already_suppressed
        self.rejected += part.rejected


def import_rows(
    session: Session,
    rows: Iterable[Row],
    *,
    actor: str,
    account: str | None = None,
    every_account: bool = False,
    now: datetime | None = None,
) -> ImportSummary:
    """Suppress the addresses of import rows (CSV or JSON) with their reasons, dates and scopes.

    Where the rows go: with `every_account` (a global caller naming no account), each row's own
    `account` column (empty: global; an account that does not exist rejects the row); otherwise
    every row is scoped to `account` (None: global), and a row naming another account is rejected.
    A hard-bounce or soft-bounce-threshold row scoped to an account is rejected (those are global).
    Already suppressed addresses are left as they are (an address given twice for one scope counts
    as already suppressed the second time); rows with an error, and addresses that are not
    addresses, are rejected and reported with their line. Set-based: per chunk of rows, one
    statement puts the addresses on the list, one writes their audit rows and one their outbox
    events, however many rows the import has.
    """
    now = now or datetime.now(UTC)
    summary = ImportSummary()
    known: dict[str, bool] = {}
    for chunk in _chunks(rows, IMPORT_CHUNK):
        entries: dict[tuple[str, str | None], dict[str, Any]] = {}
        for row in chunk:
            why = row.error
            target = row.account if every_account else account
            if why is None and not every_account and row.account is not None and row.account != account:
                where = f"account {account!r}" if account is not None else "the global list"
                why = f"names account {row.account!r}; this import is for {where}"
            if why is None and target is not None and Reason(row.reason) in GLOBAL_REASONS:
                why = f"a {row.reason} entry is global: it cannot be scoped to account {target!r}"
            if why is None and target is not None:
                if target not in known:
                    known[target] = bool(stored_accounts.existing(session, [target]))
                if not known[target]:
                    why = f"no account {target!r}"
            if why is not None:
                summary.rejected.append((row.line, row.address, why))
                continue
            try:
                address = normalize_key(row.address)
            except InvalidAddress as exc:
                summary.rejected.append((row.line, row.address, str(exc)))
                continue
            if (address, target) in entries:
                summary.already_suppressed += 1
                continue
            entries[(address, target)] = {
                "address": address,
                "account": target,
                "reason": row.reason,
                "since": row.since or now,
                "note": row.note,
            }
        added = [entries[key] for key in writes.suppress_unsuppressed(session, list(entries.values()), now)]
        summary.added += len(added)
        summary.already_suppressed += len(entries) - len(added)
        _record_added(session, added, actor=actor, now=now)
    return summary


def _chunks(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    it = iter(rows)
    while chunk := list(islice(it, size)):
        yield chunk


def _record_added(session: Session, added: list[dict[str, Any]], *, actor: str, now: datetime) -> None:
    """The audit rows, outbox events and figures of addresses an import put on the list."""
    writes.add_changes(
        session,
        [
            {
                "address": entry["address"],
                "change": "added",
                "reason": entry["reason"],
                "event_id": None,
                "actor": actor,
                "note": entry["note"],
                "created_at": now,
                "account_id": entry["account"],
            }
            for entry in added
        ],
    )
    announce.suppressions_added(session, added, actor=actor, now=now)
    for reason, count in Counter(entry["reason"] for entry in added).items():
        count_when_committed(session, metrics.SUPPRESSIONS_ADDED.labels(reason=reason), count)
