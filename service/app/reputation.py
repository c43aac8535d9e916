"""Sender reputation: daily counts per account, the ladder's verdicts, pause and resume, the answers.

DESIGN.md, "Sends and sender reputation". The rules are service.domain.reputation's; this module
feeds them and records what they decide:

- `count_events` (ingest, for the events it records) and `count_sends` (the sends intake) only
  note what a transaction adds. When it commits, `_settle` adds it up per account and day and
  touches each day's counter row once, with one upsert, as the transaction's last writes before
  the outbox's (so the row a hot account's writers share is locked for moments, whatever the batch
  size). An event counts once per account, kind, message and recipient (`counted_events`), a send
  once per key (the sends table), both on the UTC day they occurred.
- The same step judges every day it touched; a change of status writes the account's standing, an
  audit row and `bounceback.account.status_changed` with the numbers that caused it, in the same
  transaction as the counts.
- `status` is the call a sending service makes before a batch: one query, no writes; a warning
  lapses at midnight UTC on its own (status_on), `paused` holds until `resume`.
- `announce_lapses` (the background upkeep, every GAUGE_SECONDS) records and announces each lapse
  as the status change it is (warning -> `ok`, on the new day), once: the standing changes only if
  it is still the warning of the day before (compare-and-set), in the event's transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, event
from sqlalchemy.orm import Session

from service import metrics
from service.app import announce
from service.app.accounts import require
from service.config import Settings
from service.domain.reputation import (
    DayCounts,
    InvalidThresholds,
    LadderThresholds,
    Status,
    Transition,
    Unchanged,
    event_kind,
    judge,
    lapse,
    next_status,
    pause,
    rate,
    resume,
    status_on,
)
from service.domain.sends import message_key
from service.domain.times import iso_z
from service.store import replays
from service.store import reputation as stored
from service.store.db import Database

__all__ = [
    "InvalidThresholds",
    "announce_lapses",
    "count_events",
    "count_sends",
    "pause_account",
    "recount_replayed",
    "reputation",
    "resume_account",
    "settle_now",
    "status",
    "thresholds",
]

MAX_DAYS = 366
CHANGES_SHOWN = 20
_COLUMN_OF_KIND = stored.COLUMN_OF_KIND
_PENDING = "bounceback.reputation_pending"
ACTOR = "reputation"


# Settings object id -> (the object, its ladder): the status call asks for the ladder every time.
_LADDERS: dict[int, tuple[Settings, LadderThresholds]] = {}


def thresholds(settings: Settings) -> LadderThresholds:
    """The ladder the settings describe, checked (rising order, 0-100%, factors); InvalidThresholds
    names the first bad setting (its BOUNCEBACK_ name is `setting_name(exc.setting)`).

    Remembered per settings object (settings are not changed after start-up).
    """
    known = _LADDERS.get(id(settings))
    if known is not None and known[0] is settings:
        return known[1]
    ladder = _ladder(settings)
    if len(_LADDERS) >= 64:
        _LADDERS.clear()
    _LADDERS[id(settings)] = (settings, ladder)
    return ladder


def _ladder(settings: Settings) -> LadderThresholds:
    return LadderThresholds(
        bounce_warning_1=settings.reputation_bounce_warning_1,
        bounce_warning_2=settings.reputation_bounce_warning_2,
        bounce_paused=settings.reputation_bounce_paused,
        complaint_warning_1=settings.reputation_complaint_warning_1,
        complaint_warning_2=settings.reputation_complaint_warning_2,
        complaint_paused=settings.reputation_complaint_paused,
        factor_ok=settings.reputation_factor_ok,
        factor_warning_1=settings.reputation_factor_warning_1,
        factor_warning_2=settings.reputation_factor_warning_2,
        factor_paused=settings.reputation_factor_paused,
        min_sent=settings.reputation_min_sent,
    ).validate()


def setting_name(field_name: str) -> str:
    """The environment variable of a LadderThresholds field."""
    return f"BOUNCEBACK_REPUTATION_{field_name.upper()}"


def today(now: datetime | None = None) -> date:
    return (now or datetime.now(UTC)).astimezone(UTC).date()


# --- counting ------------------------------------------------------------------------------------


Mark = stored.Mark  # (account, kind, message key, recipient): what counts once


@dataclass
class _Pending:
    """What a transaction adds to the counts, applied when it commits (`_settle`)."""

    ladder: LadderThresholds
    sends: dict[tuple[str, date], int] = field(default_factory=lambda: defaultdict(int))
    marks: dict[Mark, date] = field(default_factory=dict)
    # A replay's: events no longer counted (no current event is them any more), each with its day.
    unmarks: dict[Mark, date] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Settled:
    """What a transaction's counting did: the amounts added to each (account, day), by column
    (negative: taken back by a replay), and the status changes the ladder announced."""

    amounts: dict[tuple[str, date], dict[str, int]]
    changes: list[dict[str, Any]]


def _pending(session: Session, settings: Settings) -> _Pending:
    pending: _Pending | None = session.info.get(_PENDING)
    if pending is None:
        session.connection()  # the counts belong to a transaction, begun now if it was not yet
        pending = session.info[_PENDING] = _Pending(thresholds(settings))
    return pending


def count_events(session: Session, recorded: Sequence[Mapping[str, Any]], settings: Settings) -> None:
    """Count recorded events (as ingest recorded them) in their accounts' days, at commit.

    Unattributed events count nowhere. An event is known by its account, kind, the Message-ID of
    the message it is about (or, when the report names none, its day) and its recipient.
    """
    marks = _marks(recorded)
    if marks:
        pending = _pending(session, settings)
        for key, day in marks.items():
            pending.marks.setdefault(key, day)


def _marks(events: Sequence[Mapping[str, Any]]) -> dict[Mark, date]:
    """What each event counts as (its mark) and on which UTC day; events that count nowhere left out."""
    marks: dict[Mark, date] = {}
    for data in events:
        account = data["account"]
        kind = event_kind(data["type"], data["classification"])
        if account is None or kind is None:
            continue
        day = date.fromisoformat(data["occurred_at"][:10])  # iso_z: UTC
        message = message_key(data.get("original_message_id")) or f"day:{day.isoformat()}"
        marks.setdefault((account, kind, message, data["recipient"]), day)
    return marks


def recount_replayed(
    session: Session,
    superseded: Sequence[Mapping[str, Any]],
    recorded: Sequence[Mapping[str, Any]],
    settings: Settings,
) -> None:
    """A replay superseded a message's events (`superseded`, as event_to_dict gives them) and
    recorded `recorded` instead: the counts follow, at commit (or at `settle_now`).

    A mark only the old events had is taken back from the day it was counted on, unless a current
    event (of another message: the same bounce in other bytes) is that mark too; a mark only the new
    events have counts as ingest counts it (once). So a soft bounce read again as hard moves one
    from soft_bounces to hard_bounces; an attribution that moved takes the event from one account's
    day to the other's; an event that is gone is taken back. Call after superseding and recording.
    """
    old = _marks(superseded)
    new = _marks(recorded)
    gone = {mark: day for mark, day in old.items() if mark not in new}
    added = {mark: day for mark, day in new.items() if mark not in old}
    if not gone and not added:
        return
    pending = _pending(session, settings)
    if gone:
        pairs = sorted({(mark[0], mark[3]) for mark in gone})
        held = _marks(replays.current_events_of(session, pairs))
        for mark, day in gone.items():
            if mark not in held:
                pending.unmarks.setdefault(mark, day)
    for mark, day in added.items():
        pending.marks.setdefault(mark, day)


def count_sends(session: Session, sent: Mapping[tuple[str, date], int], settings: Settings) -> None:
    """Count newly stored sends ({(account, day): how many}) at commit."""
    if sent:
        pending = _pending(session, settings)
        for key, amount in sent.items():
            pending.sends[key] += amount


@event.listens_for(Session, "before_commit", insert=True)  # before the outbox's rows are inserted
def _settle(session: Session) -> None:
    settle_now(session)


def settle_now(session: Session, *, now: datetime | None = None) -> Settled:
    """Apply what the transaction counted so far (what its commit would do) and judge the days it
    touched; what it did. A replay calls it so that a dry run, rolled back, reports it too."""
    pending: _Pending | None = session.info.pop(_PENDING, None)
    if pending is None:
        return Settled({}, [])
    now = now or datetime.now(UTC)
    amounts: dict[tuple[str, date], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for key, sent in pending.sends.items():
        amounts[key]["sent"] += sent
    # Rows are taken in one global order, so two transactions never wait for each other in a
    # cycle: the marks by key, then every counter row by (account, day), then the standings.
    if pending.unmarks:
        # A replay's: marks taken back and marks added, one by one in the same key order (a mark
        # may be taken back and counted again, by another message of the batch, on another day).
        for mark in sorted(pending.unmarks.keys() | pending.marks.keys()):
            if mark in pending.unmarks:
                stored.unmark_counted(session, mark)
                amounts[(mark[0], pending.unmarks[mark])][_COLUMN_OF_KIND[mark[1]]] -= 1
            if mark in pending.marks and stored.mark_counted(session, [stored.mark_row(mark, now)]):
                amounts[(mark[0], pending.marks[mark])][_COLUMN_OF_KIND[mark[1]]] += 1
        changed = _nonzero(amounts)
        totals = {
            (account, day): DayCounts(*stored.add_to_day(session, account, day, changed[(account, day)]))
            for account, day in sorted(changed)
        }
    else:
        # Ingest's and the sends intake's: only additions, the marks and the day rows in one
        # statement on PostgreSQL (one round trip).
        counted, added_up = stored.count(session, pending.marks, pending.sends, now)
        for mark in counted:
            amounts[(mark[0], pending.marks[mark])][_COLUMN_OF_KIND[mark[1]]] += 1
        changed = _nonzero(amounts)
        totals = {key: DayCounts(*added_up[key]) for key in sorted(added_up)}
    announced = []
    for (account, day), counts in totals.items():
        data = _judge(session, account, day, counts, pending.ladder, now)
        if data is not None:
            announced.append(data)
    return Settled(changed, announced)


def _nonzero(amounts: dict[tuple[str, date], dict[str, int]]) -> dict[tuple[str, date], dict[str, int]]:
    """The (account, day)s whose counters change, with only the columns that do."""
    changed = {key: {c: v for c, v in columns.items() if v} for key, columns in amounts.items()}
    return {key: columns for key, columns in changed.items() if columns}


@event.listens_for(Session, "after_transaction_end")
def _forget_pending(session: Session, transaction: Any) -> None:
    if transaction.parent is None:  # committed (taken already) or rolled back: never outlives it
        session.info.pop(_PENDING, None)


def _judge(
    session: Session, account: str, day: date, counts: DayCounts, ladder: LadderThresholds, now: datetime
) -> dict[str, Any] | None:
    """The ladder's verdict on an account's day; the status_changed event's data when it changed."""
    verdict = judge(counts, ladder)
    if verdict.status is Status.OK:
        return None  # an `ok` verdict never changes a status: no read
    row = stored.standing(session, account)
    if row is not None and _transition(row, verdict, day) is None:
        return None
    row = stored.standing(session, account, lock=True)  # decided again under the lock
    change = _transition(row, verdict, day)
    if change is None:
        return None
    resumed_on = row.resumed_on if row is not None else None
    stored_day = max(day, row.day) if row is not None else day
    return _record(session, account, change, counts, ladder, stored_day, resumed_on, actor=ACTOR, now=now)


def _transition(row: Any, verdict: Any, day: date) -> Transition | None:
    if row is None:
        return next_status(Status.OK, None, verdict, day)
    return next_status(Status(row.status), row.day, verdict, day, row.resumed_on)


def _record(
    session: Session,
    account: str,
    change: Transition,
    counts: DayCounts,
    ladder: LadderThresholds,
    stored_day: date,
    resumed_on: date | None,
    *,
    actor: str,
    now: datetime,
) -> dict[str, Any]:
    """Store a change (standing, audit row) and announce it; the event's data."""
    stored.set_standing(
        session, account, status=change.to_status.value, day=stored_day, resumed_on=resumed_on, now=now
    )
    crossed = change.verdict.threshold_crossed if change.verdict is not None else None
    data: dict[str, Any] = {
        "account": account,
        "from": change.from_status.value,
        "to": change.to_status.value,
        "day": change.day.isoformat(),
        "sent": counts.sent,
        "hard_bounces": counts.hard_bounces,
        "complaints": counts.complaints,
        "bounce_rate": rate(counts.hard_bounces, counts.sent),
        "complaint_rate": rate(counts.complaints, counts.sent),
        "threshold": crossed.setting if crossed is not None else None,
        "threshold_percent": str(crossed.threshold_percent) if crossed is not None else None,
        "send_rate_factor": ladder.factor(change.to_status),
        "manual": change.manual,
        "actor": actor,
        "note": change.note or None,
    }
    stored.add_status_change(
        session,
        account_id=account,
        from_status=data["from"],
        to_status=data["to"],
        day=change.day,
        sent=counts.sent,
        hard_bounces=counts.hard_bounces,
        complaints=counts.complaints,
        bounce_rate=data["bounce_rate"],
        complaint_rate=data["complaint_rate"],
        threshold=data["threshold"],
        threshold_percent=data["threshold_percent"],
        actor=actor,
        note=data["note"],
        created_at=now,
    )
    announce.account_status_changed(session, data, now=now)
    return data


# --- warnings that lapse at midnight -------------------------------------------------------------


def announce_lapses(db: Database, settings: Settings, *, now: datetime | None = None) -> int:
    """Record and announce every warning whose day is over (warning -> `ok` on today's UTC day, with
    today's numbers so far); how many. One transaction per account; a warning already announced as
    lapsed (by this or another process) is not announced again, so any number of processes may run
    it, and a rerun after a crash does what is left."""
    ladder = thresholds(settings)
    moment = now or datetime.now(UTC)
    day = today(moment)
    warnings = (Status.WARNING_1.value, Status.WARNING_2.value)
    with db.session() as session:
        due = stored.warned_before(session, day, warnings)
    announced = 0
    for account in due:
        with db.transaction() as session:
            row = stored.standing(session, account, lock=True)
            if row is None:
                continue
            found = stored.day_counts(session, account, day)
            counts = DayCounts(found["sent"], found["hard_bounces"], found["complaints"])
            change = lapse(Status(row.status), row.day, judge(counts, ladder), day)
            if change is None:
                continue
            if not stored.take_standing(
                session,
                account,
                status=row.status,
                day=row.day,
                to_status=change.to_status.value,
                to_day=day,
                now=moment,
            ):
                continue  # another process announced it meanwhile
            _record(session, account, change, counts, ladder, day, row.resumed_on, actor=ACTOR, now=moment)
            announced += 1
    return announced


# --- pause and resume ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StatusChangeResult:
    """What a manual pause or resume did: `changed` False means nothing (and `message` says why)."""

    account: str
    changed: bool
    status: str
    message: str
    event: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "account": self.account,
            "changed": self.changed,
            "status": self.status,
            "message": self.message,
        }


def pause_account(
    db: Database, account: str, settings: Settings, *, note: str, actor: str, now: datetime | None = None
) -> StatusChangeResult:
    """An operator's pause, in a transaction of its own (InvalidAccountId, UnknownAccount)."""
    return _manual(db, account, settings, note=note, actor=actor, now=now, pausing=True)


def resume_account(
    db: Database, account: str, settings: Settings, *, note: str, actor: str, now: datetime | None = None
) -> StatusChangeResult:
    """An operator's resume: back to `ok`, and that day's figures cannot pause it again; an account
    that is not paused is left as it is, and the answer says so."""
    return _manual(db, account, settings, note=note, actor=actor, now=now, pausing=False)


def _manual(
    db: Database,
    account: str,
    settings: Settings,
    *,
    note: str,
    actor: str,
    now: datetime | None,
    pausing: bool,
) -> StatusChangeResult:
    ladder = thresholds(settings)
    moment = now or datetime.now(UTC)
    day = today(moment)
    with db.transaction() as session:
        require(session, account)
        row = stored.standing(session, account, lock=True)
        current = Status(row.status) if row is not None else Status.OK
        current_day = row.day if row is not None else None
        decided = (pause if pausing else resume)(current, current_day, day, note)
        if isinstance(decided, Unchanged):
            return StatusChangeResult(account, False, decided.status.value, decided.message)
        counts = stored.day_counts(session, account, day)
        resumed_on = day if not pausing else (row.resumed_on if row is not None else None)
        data = _record(
            session,
            account,
            decided,
            DayCounts(counts["sent"], counts["hard_bounces"], counts["complaints"]),
            ladder,
            max(day, current_day) if current_day is not None else day,
            resumed_on,
            actor=actor,
            now=moment,
        )
    verb = "paused" if pausing else "resumed"
    return StatusChangeResult(account, True, decided.to_status.value, f"account {account} {verb}", data)


# --- the answers ---------------------------------------------------------------------------------


def status(
    connection: Connection, account: str, settings: Settings, *, now: datetime | None = None
) -> dict[str, Any] | None:
    """The account's status today and the numbers behind it; None when there is no such account.

    One query (service.store.reputation.status_row); the account id must be valid already.
    """
    day = today(now)
    row = stored.status_row(connection, account, day)
    if row is None:
        return None
    stored_status, stored_day, sent, hard, complaints = row
    if isinstance(stored_day, str):  # SQLite keeps dates as text (driver-level reads)
        stored_day = date.fromisoformat(stored_day)
    current = status_on(Status(stored_status), stored_day, day) if stored_status else Status.OK
    sent, hard, complaints = int(sent or 0), int(hard or 0), int(complaints or 0)
    return {
        "account": account,
        "status": current.value,
        "send_rate_factor": thresholds(settings).factor(current),
        "day": day.isoformat(),
        "sent": sent,
        "hard_bounces": hard,
        "complaints": complaints,
        "bounce_rate": rate(hard, sent),
        "complaint_rate": rate(complaints, sent),
    }


def reputation(
    session: Session, account: str, settings: Settings, *, days: int = 30, now: datetime | None = None
) -> dict[str, Any]:
    """The account's status and its daily rows, newest first, for the last `days` UTC days (days
    without sends or events included, as zeros), each with what the ladder says of its numbers; and
    its latest status changes from the audit trail, newest first.
    Raises InvalidAccountId, UnknownAccount, ValueError (days out of range)."""
    if not 1 <= days <= MAX_DAYS:
        raise ValueError(f"days must be between 1 and {MAX_DAYS}")
    require(session, account)
    ladder = thresholds(settings)
    last = today(now)
    first = last - timedelta(days=days - 1)
    found = stored.days(session, account, first=first, last=last)
    row = stored.standing(session, account)
    current = status_on(Status(row.status), row.day, last) if row is not None else Status.OK
    rows = []
    for offset in range(days):
        day = last - timedelta(days=offset)
        counts = found.get(day) or dict.fromkeys(stored.COUNT_COLUMNS, 0)
        verdict = judge(DayCounts(counts["sent"], counts["hard_bounces"], counts["complaints"]), ladder)
        rows.append(
            {
                "day": day.isoformat(),
                **counts,
                "bounce_rate": rate(counts["hard_bounces"], counts["sent"]),
                "complaint_rate": rate(counts["complaints"], counts["sent"]),
                "verdict": verdict.status.value,
            }
        )
    changes = [
        {
            "at": iso_z(change.created_at),
            "from": change.from_status,
            "to": change.to_status,
            "day": change.day.isoformat(),
            "sent": change.sent,
            "hard_bounces": change.hard_bounces,
            "complaints": change.complaints,
            "threshold": change.threshold,
            "actor": change.actor,
            "note": change.note,
        }
        for change in stored.status_changes(session, account, limit=CHANGES_SHOWN)
    ]
    return {
        "account": account,
        "status": current.value,
        "send_rate_factor": ladder.factor(current),
        "days": rows,
        "changes": changes,
    }


def refresh_status_gauges(session: Session, *, now: datetime | None = None) -> dict[str, int]:
    """Set the accounts-per-status gauges (one series per status, never per account); the counts."""
    day = today(now)
    counts = dict.fromkeys((s.value for s in Status), 0)
    changed = 0
    for stored_status, stored_day in stored.standings(session):
        counts[status_on(Status(stored_status), stored_day, day).value] += 1
        changed += 1
    counts[Status.OK.value] += stored.account_count(session) - changed
    for name, value in counts.items():
        metrics.ACCOUNTS_BY_STATUS.labels(status=name).set(value)
    return counts
