"""Replay: stored messages read again by the current parser, so a parser improvement reaches past decisions.

`replay` goes through the messages received in a range, in id order, a batch per transaction. For
each it compares what the current parser reads (recipients, and per recipient the event type, class
and reason) with the message's current events, and reports per address what changed: `added`,
`removed` or `changed`. A dry run (the default) does each batch's work in a transaction that is
rolled back, so what it reports, suppressions included, is what `--apply` would do (save decisions
that depend on another batch's messages read differently: a dry run keeps no batch's work).

Applying a changed message, with the write path's own rules (service/app/ingest.py):
- its old events are superseded (kept in the history, marked, no longer acting) and the new ones
  recorded and announced; the message's outcome becomes the new reading's;
- for each address whose reading changed, the entries its old events decided (and its soft-bounce
  threshold entry, whose count may have changed) are taken off without reactivating the address,
  and the policy decides again from all its current events in date order, each as of its own date;
  every change is audited with actor `replay` and announced;
- the domain rule runs for the new events, and a domain entry the old events made is judged again
  from the domain's current bounces;
- the accounts' daily counters follow (service/app/reputation.py: recount_replayed): what the old
  events counted and the new ones do not is taken back from its day, what the new ones count is
  added once; the ladder judges every day whose counts changed and announces a change as it does
  at ingest (within a day a status only escalates, so counts that fall take no warning back).

Attribution: the current reading may name another account. It replaces the recorded one only when
its evidence is at least as strong (service.domain.attribution.may_replace): the sends that
attributed a message by its Message-ID may be gone, and a weaker source says nothing against it. A
message that came through an API key keeps its recorded account (the key's account limits are not
on record). A message whose account moved is changed for every address it names.
A message the current parser cannot read (a parser error, or no usable event where there were some)
keeps its outcome and events and is reported `unreadable`; raw bytes pruned after their retention
cannot be read again and are counted apart. Nothing is ever dropped.

A message whose reading did not change is left alone, so a second `--apply` changes nothing, and a
replay killed mid-run and started again ends in the same state (each batch commits whole, counters
and status changes included). The
range ends at the newest message when the replay starts: mail that arrives meanwhile was read by the
current parser already. Each batch takes the bulk writers' turn and locks its addresses in one
order, as an ingest batch does, so intake can go on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.orm import Session

from parsers.model import Event, ParseResult, replace
from service.app import announce, reputation
from service.app.apikeys import ACTOR_PREFIX
from service.app.attribution import Attribution, attribute, prefetch_senders
from service.app.domains import apply_domain_rule, decide_again
from service.app.ingest import (
    PROCESSED,
    Deciding,
    apply_policy,
    event_to_dict,
    occurred_at_of,
    parse_limits,
    record_events,
    usable_events,
)
from service.app.parsing import safe_parse
from service.app.suppressions import take_off
from service.config import Settings
from service.domain.attribution import Attributed, may_replace
from service.domain.dead_domains import speaks_of_the_domain
from service.domain.policy import SOFT_BOUNCE_THRESHOLD, suppressing_reason
from service.domain.scope import Reason, domain_key, domain_of_address, domain_of_key
from service.domain.times import as_utc
from service.store import replays, writes
from service.store.db import Database
from service.store.models import BounceEvent, InboundMessage, account_of_slot

ACTOR = "replay"
# Messages per transaction: a kill loses at most one batch's work, which the next run redoes.
BATCH = 100

Reading = tuple[str, str, str]  # (type, classification, reason) of one event


@dataclass(frozen=True, slots=True)
class Change:
    """What the current parser reads differently for one address of one message."""

    message_id: int
    address: str
    change: str  # added | removed | changed | unreadable
    before: tuple[Reading, ...] = ()
    after: tuple[Reading, ...] = ()
    note: str | None = None  # why an unreadable message was kept

    def to_dict(self) -> dict[str, Any]:
        return {
            "message_id": self.message_id,
            "address": self.address,
            "change": self.change,
            "before": [" ".join(r) for r in self.before],
            "after": [" ".join(r) for r in self.after],
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class EntryChange:
    """A suppression the replay put on or took off (`added` / `removed`)."""

    message_id: int
    address: str
    change: str


@dataclass
class Summary:
    messages: int = 0
    changed_messages: int = 0
    unreadable: int = 0
    pruned: int = 0  # raw bytes gone: cannot be read again
    changes: dict[str, int] = field(default_factory=lambda: {"added": 0, "removed": 0, "changed": 0})
    suppressions_added: int = 0
    suppressions_removed: int = 0
    # {(account, day): {counter column: amount}}: what the accounts' daily counters gained or lost
    counts: dict[tuple[str, date], dict[str, int]] = field(default_factory=dict)
    status_changes: list[dict[str, Any]] = field(default_factory=list)  # the events' data
    applied: bool = False

    def add_counts(self, amounts: dict[tuple[str, date], dict[str, int]]) -> None:
        for key, columns in amounts.items():
            held = self.counts.setdefault(key, {})
            for column, amount in columns.items():
                held[column] = held.get(column, 0) + amount
                if not held[column]:
                    del held[column]
            if not held:
                del self.counts[key]

    def to_dict(self) -> dict[str, Any]:
        return {
            "messages": self.messages,
            "changed_messages": self.changed_messages,
            "addresses": dict(self.changes),
            "unreadable": self.unreadable,
            "raw_pruned": self.pruned,
            "suppressions_added": self.suppressions_added,
            "suppressions_removed": self.suppressions_removed,
            "counts": [
                {"account": account, "day": day.isoformat(), **columns}
                for (account, day), columns in sorted(self.counts.items())
            ],
            "status_changes": [
                {key: change[key] for key in ("account", "from", "to", "day", "threshold")}
                for change in self.status_changes
            ],
            "applied": self.applied,
        }


@dataclass(frozen=True, slots=True)
class Batch:
    """One batch's report: the per-address changes and the suppression changes they made."""

    messages: int
    changes: list[Change]
    entries: list[EntryChange]
    counts: dict[tuple[str, date], dict[str, int]] = field(default_factory=dict)
    status_changes: list[dict[str, Any]] = field(default_factory=list)


def count(db: Database, *, since: datetime | None, until: datetime | None) -> int:
    """How many messages the range holds now (for a progress bar)."""
    with db.session() as session:
        return replays.count_in_range(
            session, since=since, until=until, up_to=replays.last_message_id(session)
        )


def replay(
    db: Database,
    settings: Settings,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    apply: bool = False,
    batch_size: int = BATCH,
    now: datetime | None = None,
    on_batch: Callable[[Batch], None] | None = None,
) -> Summary:
    """Read the range's messages again (see the module's docstring); the summary of what changed
    (`apply`) or would change. `on_batch` gets each batch's report as it is done."""
    summary = Summary(applied=apply)
    with db.session() as session:
        up_to = replays.last_message_id(session)
    after = 0
    while True:
        with db.session() as session:
            # (read in a session of its own: the raw bytes are parsed with no transaction open)
            messages = replays.messages_in_range(
                session, since=since, until=until, after=after, up_to=up_to, limit=batch_size
            )
            session.expunge_all()
        if not messages:
            return summary
        after = messages[-1].id
        limits = parse_limits(settings)
        readings = [(m, *safe_parse(m.raw, limits)) for m in messages if m.raw is not None]
        summary.pruned += len(messages) - len(readings)
        when = now or datetime.now(UTC)
        if apply:
            with db.transaction() as session:
                report = _replay_batch(session, readings, settings, when)
        else:
            with db.session() as session:
                try:
                    report = _replay_batch(session, readings, settings, when)
                finally:
                    session.rollback()  # a dry run: the same work, never committed
        summary.messages += len(messages)
        summary.changed_messages += len({c.message_id for c in report.changes if c.change != "unreadable"})
        for change in report.changes:
            if change.change == "unreadable":
                summary.unreadable += 1
            else:
                summary.changes[change.change] += 1
        summary.suppressions_added += sum(1 for e in report.entries if e.change == "added")
        summary.suppressions_removed += sum(1 for e in report.entries if e.change == "removed")
        summary.add_counts(report.counts)
        summary.status_changes.extend(report.status_changes)
        if on_batch is not None:
            on_batch(
                Batch(len(messages), report.changes, report.entries, report.counts, report.status_changes)
            )


@dataclass
class _Report:
    changes: list[Change] = field(default_factory=list)
    entries: list[EntryChange] = field(default_factory=list)
    counts: dict[tuple[str, date], dict[str, int]] = field(default_factory=dict)
    status_changes: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Plan:
    """A message whose reading changed: what to record instead of its current events."""

    message: InboundMessage
    result: ParseResult
    events: list[Event]
    old: list[BounceEvent]
    changed: list[str]  # the addresses whose reading changed
    attributed: Attributed  # the account it is attributed to now (moved, or as recorded)


def _replay_batch(
    session: Session,
    readings: Sequence[tuple[InboundMessage, ParseResult, str | None]],
    settings: Settings,
    now: datetime,
) -> _Report:
    writes.take_bulk_writer_turn(session)  # (a batch locks many addresses, other replays' too)
    report = _Report()
    plans: list[_Plan] = []
    current = replays.current_events(session, [stored.id for stored, _, _ in readings])
    # The sends the batch's originals name, in one query (attribution asks them message by message).
    prefetch_senders(session, [result for _, result, error in readings if error is None])
    for stored, result, parse_error in readings:
        message = session.merge(stored, load=False)
        plan = _plan(session, message, current[message.id], result, parse_error, settings, report)
        if plan is not None:
            plans.append(plan)
    # The global rows of the changed addresses, locked up front in one go, in address order.
    writes.lock_states(session, sorted({(a, None) for plan in plans for a in plan.changed}), now)
    for plan in plans:
        _apply(session, plan, settings, now, report)
    # The counters and the ladder, now rather than at commit: a dry run reports them too.
    settled = reputation.settle_now(session, now=now)
    report.counts, report.status_changes = settled.amounts, settled.changes
    return report


def _plan(
    session: Session,
    message: InboundMessage,
    old: list[BounceEvent],
    result: ParseResult,
    parse_error: str | None,
    settings: Settings,
    report: _Report,
) -> _Plan | None:
    """What the current parser reads differently in `message` (reported), or None when nothing."""
    attribution = _attribution(session, message, result, settings)
    usable, _ = usable_events(replace(result, events=attribution.events))
    if parse_error is not None or not usable:
        if old:  # it was read before: keep that reading, and say so
            why = parse_error or f"no usable event (message type {result.message_type})"
            report.changes.append(
                Change(message.id, "-", "unreadable", note=f"kept {message.outcome}: {why}")
            )
        return None
    before = _readings((e.recipient, e.type, e.classification, e.reason) for e in old)
    after = _readings((e.recipient, e.type, e.classification, e.reason) for e in usable)
    moved = attribution.attributed.account != message.account_id
    changed = sorted(a for a in before.keys() | after.keys() if moved or before.get(a) != after.get(a))
    if not changed and message.outcome == PROCESSED:
        return None
    note = f"account {message.account_id or '-'} -> {attribution.attributed.account}" if moved else None
    for address in changed:
        kind = "added" if address not in before else "removed" if address not in after else "changed"
        report.changes.append(
            Change(message.id, address, kind, before.get(address, ()), after.get(address, ()), note)
        )
    return _Plan(message, result, usable, old, changed, attribution.attributed)


def _attribution(
    session: Session, message: InboundMessage, result: ParseResult, settings: Settings
) -> Attribution:
    """The message's attribution under the current reading: the recorded account, unless the new
    reading finds another on evidence at least as strong (see the module's docstring); with the
    events' recipients a verified token gives."""
    recorded = Attributed(message.account_id, message.attributed_by)  # type: ignore[arg-type]
    if not message.source.startswith(ACTOR_PREFIX):
        found = attribute(session, result, settings)
        if may_replace(found.attributed, recorded):
            return found
    kept = attribute(session, result, settings, only_account=message.account_id)
    return Attribution(recorded, kept.events)


def _readings(events: Iterable[tuple[str, str, str, str]]) -> dict[str, tuple[Reading, ...]]:
    by_address: dict[str, list[Reading]] = {}
    for address, type_, classification, reason in events:
        by_address.setdefault(address, []).append((type_, classification, reason))
    return {address: tuple(sorted(found)) for address, found in by_address.items()}


def _apply(session: Session, plan: _Plan, settings: Settings, now: datetime, report: _Report) -> None:
    message = plan.message
    occurred_at, _ = occurred_at_of(plan.result, as_utc(message.received_at))
    old_ids = [e.id for e in plan.old]
    replays.supersede(session, old_ids, now)
    recorded = record_events(
        session, message.id, plan.events, attributed=plan.attributed, occurred_at=occurred_at, now=now
    )
    announce.events_recorded(session, recorded, source=message.source, now=now)
    replays.set_reading(
        session,
        message,
        outcome=PROCESSED,
        message_type=plan.result.message_type,
        attributed=(plan.attributed.account, plan.attributed.source),
    )
    # Only the events that acted are taken back (a quarantined message's none).
    reputation.recount_replayed(session, [event_to_dict(e) for e in plan.old], recorded, settings)

    changed = set(plan.changed)
    domains = {domain_of_address(address) for address in changed}
    # Undo what the old events decided for the addresses read differently (and for their domains),
    # and a soft-bounce count they were part of; the policy then decides again from what acts now.
    undo = {
        (a, slot)
        for a, slot in replays.entries_decided_by(session, old_ids)
        if a in changed or domain_of_key(a) in domains
    }
    for address in changed:
        row = writes.recipient(session, address)
        if row is not None and row.suppressed and row.reason == SOFT_BOUNCE_THRESHOLD:
            undo.add((address, row.account_id))
    # A dead domain's count may have changed too when an old event spoke of the domain.
    for event in plan.old:
        if event.recipient in changed and speaks_of_the_domain(
            event.type, event.classification, event.reason
        ):
            row = writes.recipient(session, domain_key(domain_of_address(event.recipient)))
            if row is not None and row.suppressed and row.reason == Reason.DOMAIN_INVALID:
                undo.add((row.address, row.account_id))
    for address, slot in sorted(undo):
        row = writes.lock_recipient(session, address, now, account_of_slot(slot))
        if row.suppressed:
            take_off(
                session,
                row,
                reason=row.reason or "",
                actor=ACTOR,
                note=f"replay of message {message.id}: decided again",
                now=now,
                reactivate=False,
            )
            report.entries.append(EntryChange(message.id, address, "removed"))
    for key in sorted(key for key, _ in undo if domain_of_key(key) is not None):
        if decide_again(
            session, domain_of_key(key) or "", threshold=settings.domain_threshold, actor=ACTOR, now=now
        ):
            report.entries.append(EntryChange(message.id, key, "added"))
    # Each changed address's current events in date order, decided again one by one.
    decisions = [
        Deciding(event.message_id, message.source, as_utc(event.occurred_at), [event_to_dict(event)])
        for address in sorted(changed)
        for event in replays.acting_events(session, address)
        if suppressing_reason(event.type, event.classification, event.reason) is not None
    ]
    apply_policy(session, decisions, settings, actor=ACTOR, now=now)
    for deciding in decisions:
        for entry in deciding.added:
            report.entries.append(EntryChange(message.id, entry["address"], "added"))
    for key in apply_domain_rule(
        session, recorded, occurred_at=occurred_at, threshold=settings.domain_threshold, actor=ACTOR, now=now
    ):
        report.entries.append(EntryChange(message.id, key, "added"))
