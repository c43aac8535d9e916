"""The ingest use case: raw messages -> stored, parsed, events recorded and announced, policy applied.

Parsing comes first, outside any transaction (service/app/parsing.py); `write_batch` then writes a
batch of parsed messages set-based inside the caller's transaction: one multi-row statement per
table (messages, events, address states, suppressions, their audit rows, the outbox), the batch's
address states read and locked in one query and its soft-bounce windows in one more. Every entry
point goes through it, a single message being a batch of one:

- `ingest_message`: one message in a transaction of its own (API, IMAP; the intake runner's items);
- `ingest_many`: a batch in one transaction (a Kafka poll's worth, tests); `ingest_batches`: a stream
  of batches whose next batch is parsed in worker processes while the current one is written
  (`bounceback ingest`);
- `ingest` / `ingest_parsed`: inside the caller's transaction (tests drive `ingest_parsed` with
  constructed parse results);
- `quarantine`: keep a message that must not or cannot be parsed (too large, failing again and
  again) with its reason.

What is announced is `announce`'s; the SQL is the store's; how intake adapters drive this is
`mail_intake`'s.

Idempotency is keyed on the SHA-256 of the raw bytes: a message seen before changes nothing and
returns the first outcome with `duplicate=True`. A message that cannot be used (no events, no valid
recipient, a parser failure) is stored as quarantined with the reason, never dropped.

Each message is attributed to the account whose mail came back (service/app/attribution.py) before
anything is recorded; the message, its events and what they announce carry the account, and the
policy decides each event in its reason's scope (service.domain.scope.scope_for): hard bounces and
the soft-bounce threshold for everyone, complaints and unsubscribes for the attributed account
(for everyone when unattributed, or with BOUNCEBACK_COMPLAINT_SCOPE=global for complaints). After
a message's policy decisions the domain rule (service/app/domains.py) judges the domains its bounces
say take no mail, by the bounces' own dates.

A batch decides exactly as its messages would one transaction each, in order: each message's
decisions see the address states left by the messages before it and the soft bounces recorded up
to and including its own (tests/app/test_ingest_batches.py holds the two paths to the same state).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from parsers.model import Event, ParseResult, replace
from parsers.values import fields
from service import metrics
from service.app import announce, reputation
from service.app.attribution import attribute, prefetch
from service.app.domains import domain_span, judge_domains
from service.app.parsing import (
    MessageTooLarge,
    Parsed,
    ParseLimits,
    ParsePool,
    content_hash,
    parse_message,
)
from service.config import Settings
from service.domain.addresses import InvalidAddress, is_undeliverable, normalize_address
from service.domain.attribution import Attributed
from service.domain.policy import (
    SOFT_BOUNCE_THRESHOLD,
    AddressState,
    PolicyEvent,
    PolicySettings,
    Suppress,
    decide,
    soft_bounce_window_bounds,
    suppressing_reason,
)
from service.domain.scope import ComplaintScope, Reason, scope_for
from service.domain.times import as_utc, iso_z
from service.logging import get_logger
from service.store import writes
from service.store.db import Database, count_when_committed
from service.store.models import BounceEvent

# (Deciding, apply_policy, occurred_at_of, record_events and usable_events are the write path's
# rules, which a replay (service/app/replay.py) applies to stored messages too)
__all__ = [
    "Deciding",
    "IngestResult",
    "MessageTooLarge",
    "apply_policy",
    "content_hash",
    "event_to_dict",
    "ingest",
    "ingest_batches",
    "ingest_many",
    "ingest_message",
    "ingest_parsed",
    "occurred_at_of",
    "parse_limits",
    "quarantine",
    "record_events",
    "usable_events",
    "write_batch",
    "write_message",
    "write_parsed",
]

log = get_logger(__name__)

PROCESSED = "processed"
QUARANTINED = "quarantined"
POLICY_ACTOR = "policy"

_KNOWN_SOURCE_KINDS = ("imap", "imaps", "api", "kafka", "http", "cli")


@dataclass(frozen=True)
class IngestResult:
    message_id: int
    outcome: str  # "processed" | "quarantined"
    duplicate: bool
    message_type: str
    events: tuple[dict[str, Any], ...]  # the recorded events as JSON-able dicts (event fields + "id")
    suppressions_added: tuple[str, ...]
    quarantine_reason: str | None
    account: str | None = None  # the account the message is attributed to
    attributed_by: str | None = None  # and by which source (service.domain.attribution.Source)


# (the row's own keys, then the parser's event fields: the columns are named after them)
_EVENT_FIELDS = ("id", "message_id", *fields(Event))


def event_to_dict(row: BounceEvent) -> dict[str, Any]:
    """A recorded event as JSON-able values: the parser's event fields plus id, message, date and
    attribution."""
    return {
        **{f: getattr(row, f) for f in _EVENT_FIELDS},
        "occurred_at": iso_z(row.occurred_at),
        "account": row.account_id,
        "attributed_by": row.attributed_by,
    }


def _event_dict(values: dict[str, Any]) -> dict[str, Any]:
    """`event_to_dict` for the values just inserted."""
    return {
        **{f: values[f] for f in _EVENT_FIELDS},
        "occurred_at": iso_z(values["occurred_at"]),
        "account": values["account_id"],
        "attributed_by": values["attributed_by"],
    }


def parse_limits(settings: Settings) -> ParseLimits:
    return ParseLimits(settings.max_message_bytes, settings.attribution_header)


def _source_kind(source: str) -> str:
    kind = source.split(":", 1)[0].lower()
    return kind if kind in _KNOWN_SOURCE_KINDS else "file"


def occurred_at_of(result: ParseResult, received_at: datetime) -> tuple[datetime, datetime | None]:
    """The bounce's own date (its Date header) and that header's value; receipt time as fallback.

    A date after receipt is a sender's wrong clock: the bounce cannot have happened after we got it.
    """
    if not result.date:
        return received_at, None
    try:
        parsed = as_utc(datetime.fromisoformat(result.date.replace("Z", "+00:00")))
    except ValueError:
        return received_at, None
    return min(parsed, received_at), parsed


def usable_events(result: ParseResult) -> tuple[list[Event], list[str]]:
    """Events whose recipient is an address (normalised), and why others were dropped."""
    usable: list[Event] = []
    problems: list[str] = []
    for event in result.events:
        if is_undeliverable(event.recipient.lower()):
            # The parser's stand-in for a recipient redacted entirely: kept for the history, though
            # no address validator accepts a reserved domain (and nobody can be suppressed by it).
            usable.append(_replace_recipient(event, event.recipient.lower()))
            continue
        try:
            address = normalize_address(event.recipient)
        except InvalidAddress as exc:
            problems.append(str(exc))
            continue
        usable.append(_replace_recipient(event, address))
    return usable, problems


def _replace_recipient(event: Event, address: str) -> Event:
    if event.recipient == address:
        return event
    values = event.to_dict()
    values["recipient"] = address
    return Event(**values)


def _quarantine_reason(result: ParseResult, usable: list[Event], problems: list[str]) -> str | None:
    if usable:
        return None
    if problems:
        return "no usable recipient: " + "; ".join(problems)[:400]
    reason = f"no events found (message type {result.message_type})"
    if result.defects:
        reason += ": " + "; ".join(result.defects)[:400]
    return reason


# --- one batch, set-based -----------------------------------------------------------------------


@dataclass(slots=True)
class _Message:
    """A message of the batch not stored before: what it becomes, then what it did."""

    parsed: Parsed
    result: ParseResult  # with the recipient a VERP token gave filled in
    attributed: Attributed
    usable: list[Event]
    quarantine_reason: str | None
    occurred_at: datetime
    row: dict[str, Any]  # its `messages` row
    id: int = 0
    recorded: list[dict[str, Any]] = field(default_factory=list)
    added: list[dict[str, Any]] = field(default_factory=list)  # suppressions the policy decided
    domain_entries: list[dict[str, Any]] = field(default_factory=list)  # `*@domain` entries it completed


def write_batch(
    session: Session,
    items: Sequence[Parsed],
    settings: Settings,
    *,
    now: datetime | None = None,
    only_account: str | None = None,
    commit_follows: bool = False,
) -> list[IngestResult]:
    """Store and act on parsed messages inside the caller's transaction (never commits); one
    result each, in order, as if each had been ingested on its own in that order.

    `only_account`: the messages come from a key bound to that account; evidence naming another
    account is passed over (its writes are limited to global entries and its own account's).
    `commit_follows`: the caller commits as soon as this returns and reads nothing back before;
    the policy's entries then go with the COMMIT on PostgreSQL (one round trip less).
    """
    received_at = as_utc(now) if now is not None else datetime.now(UTC)
    session.flush()  # (the statements below are Core: changes the caller made through objects first)
    # Redeliveries the parse step skipped: stored, most likely; parsed here after all when not.
    skipped = [p.digest for p in items if p.result is None]
    stored = writes.stored_messages(session, skipped) if skipped else {}
    limits = parse_limits(settings)
    # Attribution asks the store once for the whole batch (with the BEGIN, on PostgreSQL), not
    # once or more per message.
    prefetch(session, [p.result for p in items if p.result is not None and p.digest not in stored], settings)
    new: dict[str, _Message] = {}
    for item in items:
        if item.digest in stored or item.digest in new:
            continue
        if item.result is None:
            reparsed = parse_message(item.raw, item.source, limits, digest=item.digest)
            assert isinstance(reparsed, Parsed)  # (its size was checked when it was first parsed)
            item = reparsed
        new[item.digest] = _prepare(session, item, settings, received_at, only_account)

    policy = PolicySettings(settings.soft_bounce_threshold, settings.soft_bounce_window_days)
    written, decisions = _store(session, list(new.values()), settings, policy, now=received_at)
    lost = [digest for digest in new if new[digest].id == 0]
    if lost:  # another transaction stored them between our parse and our insert
        stored.update(writes.stored_messages(session, lost))
    # The accounts' daily counters, for the whole batch at once (added up at commit).
    reputation.count_events(session, [data for m in written for data in m.recorded], settings)
    for message, deciding in zip(written, decisions, strict=True):
        message.added = deciding.added
    # One statement for the batch's entries, the domains' after the addresses' of every message
    # (all their rows are locked already); each message's announced in its order.
    entries = [entry for m in written for entry in m.added] + [
        entry for m in written for entry in m.domain_entries
    ]
    _suppress(session, entries, actor=POLICY_ACTOR, now=received_at, with_commit=commit_follows)
    for message in written:
        _announce(session, message, now=received_at)
    return _results(session, items, written, stored)


def _prepare(
    session: Session, item: Parsed, settings: Settings, received_at: datetime, only_account: str | None
) -> _Message:
    """Attribution, usable events and the `messages` row of a message to be stored."""
    assert item.result is not None
    result = item.result
    attribution = attribute(session, result, settings, only_account=only_account)
    attributed = attribution.attributed
    if attribution.events is not result.events:
        result = replace(result, events=attribution.events)
    usable, problems = usable_events(result)
    quarantine_reason = item.parse_error or _quarantine_reason(result, usable, problems)
    occurred_at, message_date = occurred_at_of(result, received_at)
    row = {
        "content_hash": item.digest,
        "source": item.source[:1000],
        "received_at": received_at,
        "message_date": message_date,
        "size": len(item.raw),
        "raw": item.raw,
        "message_type": result.message_type,
        "outcome": QUARANTINED if quarantine_reason else PROCESSED,
        "quarantine_reason": quarantine_reason,
        "header_message_id": result.message_id[:1000] if result.message_id else None,
        "subject": result.subject,
        "account_id": attributed.account,
        "attributed_by": attributed.source,
    }
    return _Message(item, result, attributed, usable, quarantine_reason, occurred_at, row)


def _store(
    session: Session, new: list[_Message], settings: Settings, policy: PolicySettings, *, now: datetime
) -> tuple[list[_Message], list[Deciding]]:
    """Store the batch's new messages and the events of those processed, and let the policy decide
    on them; the messages stored (each with its id and its recorded events as JSON-able dicts with
    their new ids) and their decisions (`Deciding.added`). A message missing from the answer was
    stored by another transaction meanwhile (a duplicate after all).

    What the decisions read (the address states, locked, and the soft bounces) is known before the
    insert, so it is asked with it (`writes.store_and_lock`: on PostgreSQL one round trip for all).
    """
    rows: list[dict[str, Any]] = []
    for message in new:
        if message.quarantine_reason is not None:
            continue
        for event in message.usable:
            row = writes.fit_event(
                {
                    "content_hash": message.parsed.digest,
                    **_event_row(
                        event, attributed=message.attributed, occurred_at=message.occurred_at, now=now
                    ),
                }
            )
            rows.append(row)
            # (id and message_id once stored; the dict is the one announced and decided on)
            message.recorded.append(_event_dict({**row, "id": None, "message_id": None}))
    deciding = [Deciding(0, m.parsed.source, m.occurred_at, m.recorded) for m in new]
    plans = _plans(deciding, ComplaintScope(settings.complaint_scope))
    answer = writes.store_and_lock(
        session,
        [m.row for m in new],
        rows,
        _lock_keys(plans),
        _soft_span(plans, policy),
        domain_span([(m.recorded, m.occurred_at) for m in new]),
        now,
    )
    event_ids = iter(answer.event_ids)
    written: list[_Message] = []
    decided: list[tuple[Deciding, list[_Step]]] = []
    for message, plan in zip(new, plans, strict=True):
        if message.parsed.digest not in answer.ids:
            message.recorded = []
            continue
        message.id = plan[0].message_id = answer.ids[message.parsed.digest]
        for data in message.recorded:
            data["id"] = next(event_ids)
            data["message_id"] = message.id
        _count_recorded(session, message.recorded)
        written.append(message)
        decided.append(plan)
    _decide_planned(decided, answer.states, answer.soft_bounces, policy, hide_later=True)
    # The domain rule after each message's policy decisions, on its events by their own date.
    judged = judge_domains(
        [(m.recorded, m.occurred_at) for m in written],
        answer.domain_states,
        answer.domain_bounces,
        threshold=settings.domain_threshold,
    )
    for message, domain_entries in zip(written, judged, strict=True):
        message.domain_entries = domain_entries
    return written, [deciding for deciding, _ in decided]


def _event_row(
    event: Event, *, attributed: Attributed, occurred_at: datetime, now: datetime
) -> dict[str, Any]:
    """The `events` row of a message's event (its `message_id` aside)."""
    return {
        "recipient": event.recipient,
        "type": event.type,
        "classification": event.classification,
        "reason": event.reason,
        "status": event.status,
        "smtp_code": event.smtp_code,
        "diagnostic": event.diagnostic,
        "remote_mta": event.remote_mta,
        "action": event.action,
        "feedback_type": event.feedback_type,
        "original_message_id": event.original_message_id,
        "original_mail_from": event.original_mail_from,
        "occurred_at": occurred_at,
        "created_at": now,
        "account_id": attributed.account,
        "attributed_by": attributed.source,
    }


def _recorded(session: Session, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Inserted event rows as JSON-able dicts, counted once committed."""
    recorded = [_event_dict(row) for row in rows]
    _count_recorded(session, recorded)
    return recorded


def _count_recorded(session: Session, recorded: list[dict[str, Any]]) -> None:
    for data in recorded:
        count_when_committed(
            session,
            metrics.EVENTS_RECORDED.labels(classification=data["classification"], reason=data["reason"]),
        )


def record_events(
    session: Session,
    message_id: int,
    events: list[Event],
    *,
    attributed: Attributed,
    occurred_at: datetime,
    now: datetime,
) -> list[dict[str, Any]]:
    """Store more events of a stored message (a replay's new reading); each as a JSON-able dict
    with its new id."""
    rows = [
        {"message_id": message_id, **_event_row(e, attributed=attributed, occurred_at=occurred_at, now=now)}
        for e in events
    ]
    return _recorded(session, writes.insert_events(session, rows))


@dataclass(slots=True)
class Deciding:
    """One message's recorded events for the policy to decide on; `added` gets the entries it
    decided (address, account, reason, since, event_id, note)."""

    message_id: int
    source: str
    occurred_at: datetime  # the events' own date
    recorded: Sequence[dict[str, Any]]  # as `event_to_dict` gives them
    added: list[dict[str, Any]] = field(default_factory=list)


# One policy decision to take: (address, scope's account, the event's data, what it would suppress for).
_Step = tuple[str, str | None, dict[str, Any], Reason]


def _steps(deciding: Deciding, complaint_scope: ComplaintScope) -> list[_Step]:
    """The decisions a message's events ask for, per address in address order, each event in the
    scope its reason has."""
    by_address: dict[str, list[tuple[dict[str, Any], Reason]]] = defaultdict(list)
    for data in deciding.recorded:
        reason = suppressing_reason(data["type"], data["classification"], data["reason"])
        if reason is None:  # nothing else can change an address's state
            continue
        if is_undeliverable(data["recipient"]):
            # The parser names a report whose recipient was redacted entirely with a reserved
            # .invalid address: the event is kept for history, but there is nobody to suppress.
            log.warning(
                "event_without_recipient", message_id=deciding.message_id or None, source=deciding.source
            )
            continue
        by_address[data["recipient"]].append((data, reason))
    return [
        (address, scope_for(reason, data["account"], complaint_scope).account, data, reason)
        for address in sorted(by_address)
        for data, reason in by_address[address]
    ]


def apply_policy(
    session: Session, decisions: Sequence[Deciding], settings: Settings, *, actor: str, now: datetime
) -> None:
    """Let the policy decide again on events recorded before (a replay), in the order given, each
    as of its own date and seeing every recorded event; put what it decides on the list with
    `actor` in the audit, announced in that order. The entries land in each `Deciding.added`."""
    session.flush()  # (the statements below are Core: the caller's changes through objects first)
    _decide(session, decisions, settings, now=now, hide_later=False)
    _suppress(session, [entry for d in decisions for entry in d.added], actor=actor, now=now)
    for deciding in decisions:
        announce.suppressions_added(session, deciding.added, actor=actor, now=now)


def _decide(
    session: Session, decisions: Sequence[Deciding], settings: Settings, *, now: datetime, hide_later: bool
) -> None:
    """Let the policy decide for each address the events name, message by message in order, each
    event in the scope its reason has (the address states read and locked in one query, the soft
    bounces in one more); each message's decisions land in its `added`. `hide_later`: the events of
    the messages after one are invisible to its decisions (a batch deciding as one transaction per
    message would)."""
    policy = PolicySettings(settings.soft_bounce_threshold, settings.soft_bounce_window_days)
    plans = _plans(decisions, ComplaintScope(settings.complaint_scope))
    keys = _lock_keys(plans)
    if not keys:
        return
    states = writes.lock_states(session, keys, now)
    span = _soft_span(plans, policy)
    soft = writes.soft_bounces_of(session, span.addresses, lower=span.lower, upper=span.upper) if span else {}
    _decide_planned(plans, states, soft, policy, hide_later=hide_later)


def _plans(
    decisions: Sequence[Deciding], complaint_scope: ComplaintScope
) -> list[tuple[Deciding, list[_Step]]]:
    return [(deciding, _steps(deciding, complaint_scope)) for deciding in decisions]


def _lock_keys(plans: list[tuple[Deciding, list[_Step]]]) -> list[tuple[str, str | None]]:
    """The (address, account) rows the decisions lock: every decision locks the address's global
    row too, the one lock for all its scopes."""
    keys = {
        key
        for _, steps in plans
        for address, account, _, _ in steps
        for key in ((address, None), (address, account))
    }
    return sorted(keys, key=lambda k: (k[0], k[1] or ""))


def _soft_span(
    plans: list[tuple[Deciding, list[_Step]]], policy: PolicySettings
) -> writes.SoftBounceSpan | None:
    """The recorded soft bounces of every address a soft bounce in the batch may decide, over the
    span all of their windows cover (one query); None when no soft bounce may decide."""
    addresses: set[str] = set()
    lowers: list[datetime | None] = []
    uppers: list[datetime | None] = []
    for deciding, steps in plans:
        for address, _, _, reason in steps:
            if reason is SOFT_BOUNCE_THRESHOLD:
                addresses.add(address)
                start, end = soft_bounce_window_bounds(deciding.occurred_at, policy)
                lowers.append(start)
                uppers.append(end)
    if not addresses:
        return None
    lower = None if None in lowers else min(d for d in lowers if d is not None)
    upper = None if None in uppers else max(d for d in uppers if d is not None)
    return writes.SoftBounceSpan(sorted(addresses), lower, upper)


def _decide_planned(
    plans: list[tuple[Deciding, list[_Step]]],
    states: dict[tuple[str, str | None], writes.RecipientState],
    soft: dict[str, list[Any]],
    policy: PolicySettings,
    *,
    hide_later: bool,
) -> None:
    """The policy's decisions, in memory, over the states and soft bounces read for them."""
    # Soft bounces of messages later in the batch: invisible to the decisions of earlier ones, as
    # they would be had each message its own transaction.
    unseen = {data["id"] for deciding, _ in plans for data in deciding.recorded} if hide_later else set()
    for deciding, steps in plans:
        unseen.difference_update(data["id"] for data in deciding.recorded)
        for address, account, data, reason in steps:
            state = states[(address, account)]
            if state.suppressed:
                continue
            bounces: tuple[Any, ...] = ()
            if reason is SOFT_BOUNCE_THRESHOLD:
                start, end = soft_bounce_window_bounds(deciding.occurred_at, policy)
                lower = max((d for d in (state.reactivated_at, start) if d is not None), default=None)
                bounces = tuple(
                    b
                    for b in soft[address]
                    if b.event_id not in unseen
                    and (lower is None or b.occurred_at >= lower)
                    and (end is None or b.occurred_at <= end)
                )
            decision = decide(
                AddressState(suppressed=False, count_from=state.reactivated_at, soft_bounces=bounces),
                PolicyEvent(
                    data["id"],
                    deciding.message_id,
                    data["type"],
                    data["classification"],
                    deciding.occurred_at,
                    data["reason"],
                ),
                policy,
            )
            if decision is None:
                continue
            states[(address, account)] = writes.RecipientState(True, state.reactivated_at)
            deciding.added.append(_entry(address, account, decision, data))


def _entry(address: str, account: str | None, decision: Suppress, data: dict[str, Any]) -> dict[str, Any]:
    return {
        "address": address,
        "account": account,
        "reason": str(decision.reason),
        "since": decision.since,
        "event_id": decision.event_id,
        "note": _note(data),
    }


def _suppress(
    session: Session, entries: list[dict[str, Any]], *, actor: str, now: datetime, with_commit: bool = False
) -> None:
    """The policy's entries on the list, with their audit rows (their outbox events go with their
    messages', see `_announce`)."""
    if not entries:
        return
    writes.suppress_and_audit(
        session,
        entries,
        [
            {
                "address": entry["address"],
                "change": "added",
                "reason": entry["reason"],
                "event_id": entry["event_id"],
                "actor": actor,
                "note": entry["note"],
                "created_at": now,
                "account_id": entry["account"],
            }
            for entry in entries
        ],
        now,
        with_commit=with_commit,
    )
    for entry in entries:
        count_when_committed(session, metrics.SUPPRESSIONS_ADDED.labels(reason=entry["reason"]))


def _announce(session: Session, message: _Message, *, now: datetime) -> None:
    """A stored message's outbox events: its recorded events and the suppressions the policy
    decided for them, or its quarantine."""
    source = message.parsed.source
    kind = _source_kind(source)
    account = message.attributed.account
    count_when_committed(
        session, metrics.MESSAGES_INGESTED.labels(source=kind, message_type=message.result.message_type)
    )
    count_when_committed(
        session, metrics.MESSAGES_ATTRIBUTED.labels(source=message.attributed.source or "none")
    )
    if message.quarantine_reason:
        count_when_committed(session, metrics.MESSAGES_QUARANTINED.labels(source=kind))
        announce.message_quarantined(
            session,
            message_id=message.id,
            source=source,
            reason=message.quarantine_reason,
            content_hash=message.parsed.digest,
            account=account,
            now=now,
        )
        return
    announce.events_recorded(session, message.recorded, source=source, now=now)
    # The domain rule's entries after the policy's (it judges after the message's policy decisions).
    announce.suppressions_added(session, message.added + message.domain_entries, actor=POLICY_ACTOR, now=now)


def _results(
    session: Session,
    items: Sequence[Parsed],
    written: list[_Message],
    stored: dict[str, writes.StoredMessage],
) -> list[IngestResult]:
    """One result per item, in order: what it did, or (a duplicate) what its first copy did."""
    mine = {message.parsed.digest: message for message in written}
    results: list[IngestResult] = []
    answered: set[str] = set()
    for item in items:
        message = mine.get(item.digest)
        if message is not None:
            first = item.digest not in answered
            answered.add(item.digest)
            if not first:
                count_when_committed(
                    session, metrics.MESSAGES_DUPLICATE.labels(source=_source_kind(item.source))
                )
            results.append(
                IngestResult(
                    message.id,
                    QUARANTINED if message.quarantine_reason else PROCESSED,
                    not first,
                    message.result.message_type,
                    tuple(message.recorded),
                    tuple(entry["address"] for entry in message.added + message.domain_entries)
                    if first
                    else (),
                    message.quarantine_reason,
                    message.attributed.account,
                    message.attributed.source,
                )
            )
            continue
        known = stored[item.digest]
        count_when_committed(session, metrics.MESSAGES_DUPLICATE.labels(source=_source_kind(item.source)))
        results.append(
            IngestResult(
                known.id,
                known.outcome,
                True,
                known.message_type,
                tuple(event_to_dict(row) for row in known.events),
                (),
                known.quarantine_reason,
                known.account_id,
                known.attributed_by,
            )
        )
    return results


def _note(data: dict[str, Any]) -> str:
    parts = [data["type"], data["classification"], data["reason"]]
    if data["status"]:
        parts.append(data["status"])
    return " ".join(parts)


# --- entry points -------------------------------------------------------------------------------


def ingest(
    session: Session,
    raw: bytes,
    source: str,
    settings: Settings,
    *,
    now: datetime | None = None,
    only_account: str | None = None,
) -> IngestResult:
    """Parse, store and act on one raw message inside the caller's transaction (never commits).

    `only_account`: the message comes from a key bound to that account; evidence naming another
    account is passed over (its writes are limited to global entries and its own account's).
    """
    parsed = parse_message(raw, source, parse_limits(settings))
    if isinstance(parsed, MessageTooLarge):
        raise parsed
    return write_batch(session, [parsed], settings, now=now, only_account=only_account)[0]


def ingest_parsed(
    session: Session,
    raw: bytes,
    source: str,
    settings: Settings,
    result: ParseResult,
    *,
    now: datetime | None = None,
    parse_error: str | None = None,
    only_account: str | None = None,
) -> IngestResult:
    """`ingest` after parsing: attribution, storage and policy, for a given parse result.

    Tests drive the pipeline with constructed results through this, independent of the parser.
    """
    parsed = Parsed(raw, source, content_hash(raw), result, parse_error)
    return write_batch(session, [parsed], settings, now=now, only_account=only_account)[0]


# PostgreSQL SQLSTATEs worth a retry: serialization failure, deadlock detected.
_RETRY_SQLSTATES = {"40001", "40P01"}


def ingest_message(
    db: Database, raw: bytes, source: str, settings: Settings, *, only_account: str | None = None
) -> IngestResult:
    """One message in a transaction of its own, committed when it returns; parsed before the
    transaction opens.

    A concurrent insert of the same content hash makes this a duplicate; a deadlock or a unique-key
    race on another row is retried a few times with a fresh transaction.
    """
    parsed = parse_message(raw, source, parse_limits(settings))
    if isinstance(parsed, MessageTooLarge):
        raise parsed
    return write_message(db, parsed, settings, only_account=only_account)


def write_message(
    db: Database, parsed: Parsed, settings: Settings, *, only_account: str | None = None
) -> IngestResult:
    """`ingest_message` after parsing: the parsed message in a transaction of its own (retried on a
    deadlock or a unique-key race, quarantined when the database refuses its values)."""
    attempts = 3
    for attempt in range(1, attempts + 1):
        try:
            with db.write_transaction() as session:
                result = write_batch(
                    session, [parsed], settings, only_account=only_account, commit_follows=True
                )[0]
            _log_ingested(result, parsed.source)
            return result
        except (IntegrityError, DBAPIError) as exc:
            sqlstate = getattr(getattr(exc, "orig", None), "sqlstate", None)
            if sqlstate and sqlstate.startswith("22"):
                # A data exception: the database refuses something in this message's parsed
                # values. Keep the message, quarantined with the reason, instead of losing it.
                orig = getattr(exc, "orig", None) or exc
                first_line = (str(orig).strip().splitlines() or ["?"])[0]
                return quarantine(
                    db,
                    parsed.raw,
                    parsed.source,
                    settings,
                    f"database refused the parsed values: {first_line}",
                )
            retry = isinstance(exc, IntegrityError) or sqlstate in _RETRY_SQLSTATES
            if not retry or attempt == attempts:
                raise
            time.sleep(0.01 * attempt)
    raise AssertionError("unreachable")


def _log_ingested(result: IngestResult, source: str) -> None:
    """One line per committed message: its id (to look it up by) and what came of it."""
    log.info(
        "message_ingested",
        message_id=result.message_id,
        source=source,
        outcome=result.outcome,
        duplicate=result.duplicate,
        message_type=result.message_type,
        account=result.account,
        attributed_by=result.attributed_by,
        events=len(result.events),
        suppressions_added=len(result.suppressions_added),
        quarantine_reason=result.quarantine_reason,
    )


def quarantine(db: Database, raw: bytes, source: str, settings: Settings, reason: str) -> IngestResult:
    """Keep a message aside, unparsed, in a transaction of its own: stored as quarantined with
    `reason`, announced with `bounceback.message.quarantined`, visible to operators, never lost.

    For what must not or cannot go through `ingest` (too large, failing again and again, refused by
    the database). Only the first `max_message_bytes` are kept. Idempotent like `ingest`: a message
    stored before comes back as the duplicate it is.
    """
    kept = raw[: settings.max_message_bytes]
    with db.transaction() as session:
        result = ingest_parsed(
            session, kept, source, settings, ParseResult(message_type="unknown"), parse_error=reason[:500]
        )
    _log_ingested(result, source)
    return result


def ingest_many(
    db: Database, messages: Sequence[tuple[bytes, str]], settings: Settings, *, now: datetime | None = None
) -> list[IngestResult | MessageTooLarge]:
    """Ingest a batch of (raw, source) in one transaction: one commit instead of one per message.

    For bulk intake whose input stays available (files on disk, a Kafka poll). The messages are
    parsed here before the transaction opens; see `write_parsed` for the rest.
    """
    with ParsePool(parse_limits(settings), workers=0) as pool:
        return write_parsed(db, pool.parse_here(messages), settings, now=now)


def ingest_batches(
    db: Database,
    batches: Iterable[Sequence[tuple[bytes, str]]],
    settings: Settings,
    *,
    parse_workers: int | None = None,
) -> Iterator[tuple[Sequence[tuple[bytes, str]], list[IngestResult | MessageTooLarge]]]:
    """`ingest_many` for a stream of batches, each batch with its results as it commits: the next
    batch is parsed in `parse_workers` worker processes (default: one per core) while the current
    one is written. A message seen before in the stream is not parsed again."""
    with ParsePool(parse_limits(settings), workers=parse_workers) as pool:
        for batch, parsed in pool.parse_ahead(batches):
            yield batch, write_parsed(db, parsed, settings)


def write_parsed(
    db: Database,
    parsed: Sequence[Parsed | MessageTooLarge],
    settings: Settings,
    *,
    now: datetime | None = None,
) -> list[IngestResult | MessageTooLarge]:
    """Write a parsed batch in one transaction (`write_batch`); an oversized message yields its
    `MessageTooLarge`.

    When the batch fails on a database error (a deadlock with another writer, a value the database
    refuses), it is rolled back and its messages are written one transaction each (`ingest_message`'s
    retries and quarantine apply), with their parses kept.
    """
    todo = [item for item in parsed if isinstance(item, Parsed)]
    try:
        with db.write_transaction() as session:
            written = iter(write_batch(session, todo, settings, now=now, commit_follows=True) if todo else [])
        return [item if isinstance(item, MessageTooLarge) else next(written) for item in parsed]
    except (IntegrityError, DBAPIError) as exc:
        sqlstate = getattr(getattr(exc, "orig", None), "sqlstate", None)
        if isinstance(exc, DBAPIError) and not isinstance(exc, IntegrityError) and sqlstate is None:
            raise  # the database is gone, not one message's fault
        log.warning("ingest_batch_redone_one_by_one", messages=len(todo), sqlstate=sqlstate)
    return [
        item if isinstance(item, MessageTooLarge) else write_message(db, item, settings) for item in parsed
    ]
