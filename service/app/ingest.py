"""The ingest use case: one raw message -> stored, parsed, events recorded and announced, policy applied.

`ingest` does all of it inside the caller's transaction; `ingest_message` is the one-transaction
wrapper for callers that own no transaction of their own (API, intake runner); `ingest_many`
commits a batch at a time for bulk intake (`bounceback ingest`, Kafka polls); `ingest_parsed` is
the storage-and-policy half for a given parse result (tests drive it with constructed results);
`quarantine` keeps a message that must not or cannot be parsed (too large, failing again and
again) with its reason. What is announced is `announce`'s; the SQL is the store's; how intake
adapters drive this is `mail_intake`'s.

Idempotency is keyed on the SHA-256 of the raw bytes: a message seen before changes nothing and
returns the first outcome with `duplicate=True`. A message that cannot be used (no events, no valid
recipient, a parser failure) is stored as quarantined with the reason, never dropped.

Each message is attributed to the account whose mail came back (service/app/attribution.py) before
anything is recorded; the message, its events and what they announce carry the account, and the
policy decides each event in its reason's scope (service.domain.scope.scope_for): hard bounces and
the soft-bounce threshold for everyone, complaints and unsubscribes for the attributed account
(for everyone when unattributed, or with BOUNCEBACK_COMPLAINT_SCOPE=global for complaints).
"""

from __future__ import annotations

import hashlib
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

import parsers
from parsers.model import Event, ParseResult
from service import metrics
from service.app import announce, reputation
from service.app.attribution import attribute
from service.app.domains import apply_domain_rule
from service.app.suppressions import apply_suppression
from service.config import Settings
from service.domain.addresses import InvalidAddress, is_undeliverable, normalize_address
from service.domain.attribution import Attributed
from service.domain.policy import (
    SOFT_BOUNCE_THRESHOLD,
    AddressState,
    PolicyEvent,
    PolicySettings,
    decide,
    soft_bounce_window_bounds,
    suppressing_reason,
)
from service.domain.scope import ComplaintScope, scope_for
from service.domain.times import as_utc, as_utc_or_none, iso_z
from service.logging import get_logger
from service.store import writes
from service.store.db import Database, count_when_committed
from service.store.models import BounceEvent, InboundMessage

# (apply_policy, occurred_at_of, record_events, safe_parse and usable_events are the write path's
# rules, which a replay (service/app/replay.py) applies to stored messages too)
__all__ = [
    "IngestResult",
    "MessageTooLarge",
    "apply_policy",
    "content_hash",
    "event_to_dict",
    "ingest",
    "ingest_many",
    "ingest_message",
    "ingest_parsed",
    "occurred_at_of",
    "quarantine",
    "record_events",
    "safe_parse",
    "usable_events",
]

log = get_logger(__name__)

PROCESSED = "processed"
QUARANTINED = "quarantined"

_KNOWN_SOURCE_KINDS = ("imap", "imaps", "api", "kafka", "http", "cli")


class MessageTooLarge(Exception):
    """The raw message exceeds `settings.max_message_bytes`; nothing was stored."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"message of {size} bytes exceeds the limit of {limit} bytes")
        self.size = size
        self.limit = limit


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


def content_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


_EVENT_FIELDS = (
    "id",
    "message_id",
    "recipient",
    "type",
    "classification",
    "reason",
    "status",
    "smtp_code",
    "diagnostic",
    "remote_mta",
    "action",
    "feedback_type",
    "original_message_id",
    "original_mail_from",
)


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


def safe_parse(raw: bytes, settings: Settings) -> tuple[ParseResult, str | None]:
    try:
        return (
            parsers.parse(
                raw, max_bytes=settings.max_message_bytes, account_header=settings.attribution_header
            ),
            None,
        )
    except Exception as exc:  # the parser promises never to raise; if it does, keep the message
        return ParseResult(message_type="unknown"), f"parser error: {type(exc).__name__}: {exc}"[:500]


def _quarantine_reason(result: ParseResult, usable: list[Event], problems: list[str]) -> str | None:
    if usable:
        return None
    if problems:
        return "no usable recipient: " + "; ".join(problems)[:400]
    reason = f"no events found (message type {result.message_type})"
    if result.defects:
        reason += ": " + "; ".join(result.defects)[:400]
    return reason


def ingest(
    session: Session,
    raw: bytes,
    source: str,
    settings: Settings,
    *,
    now: datetime | None = None,
    only_account: str | None = None,
) -> IngestResult:
    """Store, parse and act on one raw message inside the caller's transaction (never commits).

    `only_account`: the message comes from a key bound to that account; evidence naming another
    account is passed over (its writes are limited to global entries and its own account's).
    """
    if len(raw) > settings.max_message_bytes:
        raise MessageTooLarge(len(raw), settings.max_message_bytes)
    received_at = as_utc(now) if now is not None else datetime.now(UTC)
    digest = content_hash(raw)
    kind = _source_kind(source)

    # A cheap look first: redeliveries are common and need no parse. The insert below stays the
    # authority when two transactions race with the same message.
    existing = writes.message_by_hash(session, digest)
    if existing is not None:
        return _duplicate(session, existing, kind)

    result, parse_error = safe_parse(raw, settings)
    return ingest_parsed(
        session,
        raw,
        source,
        settings,
        result,
        now=received_at,
        parse_error=parse_error,
        only_account=only_account,
    )


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
    received_at = as_utc(now) if now is not None else datetime.now(UTC)
    digest = content_hash(raw)
    kind = _source_kind(source)
    attribution = attribute(session, result, settings, only_account=only_account)
    attributed = attribution.attributed
    if attribution.events is not result.events:
        result = replace(result, events=attribution.events)
    usable, problems = usable_events(result)
    quarantine_reason = parse_error or _quarantine_reason(result, usable, problems)
    occurred_at, message_date = occurred_at_of(result, received_at)

    message_id = writes.insert_message(
        session,
        content_hash=digest,
        source=source[:1000],
        received_at=received_at,
        message_date=message_date,
        size=len(raw),
        raw=raw,
        message_type=result.message_type,
        outcome=QUARANTINED if quarantine_reason else PROCESSED,
        quarantine_reason=quarantine_reason,
        header_message_id=result.message_id[:1000] if result.message_id else None,
        subject=result.subject,
        account_id=attributed.account,
        attributed_by=attributed.source,
    )
    if message_id is None:
        # Another transaction stored the same message between our look and our insert.
        existing = writes.message_by_hash(session, digest)
        assert existing is not None
        return _duplicate(session, existing, kind)

    count_when_committed(
        session, metrics.MESSAGES_INGESTED.labels(source=kind, message_type=result.message_type)
    )
    count_when_committed(session, metrics.MESSAGES_ATTRIBUTED.labels(source=attributed.source or "none"))
    if quarantine_reason:
        count_when_committed(session, metrics.MESSAGES_QUARANTINED.labels(source=kind))
        announce.message_quarantined(
            session,
            message_id=message_id,
            source=source,
            reason=quarantine_reason,
            content_hash=digest,
            account=attributed.account,
            now=received_at,
        )
        return IngestResult(
            message_id,
            QUARANTINED,
            False,
            result.message_type,
            (),
            (),
            quarantine_reason,
            attributed.account,
            attributed.source,
        )

    recorded = record_events(
        session, message_id, usable, attributed=attributed, occurred_at=occurred_at, now=received_at
    )
    reputation.count_events(session, recorded, settings)  # in the account's day, at commit
    announce.events_recorded(session, recorded, source=source, now=received_at)
    policy = PolicySettings(settings.soft_bounce_threshold, settings.soft_bounce_window_days)
    added = apply_policy(
        session,
        message_id,
        recorded,
        source=source,
        occurred_at=occurred_at,
        policy=policy,
        complaint_scope=ComplaintScope(settings.complaint_scope),
        now=received_at,
    )
    added += apply_domain_rule(
        session, recorded, occurred_at=occurred_at, threshold=settings.domain_threshold, now=received_at
    )
    return IngestResult(
        message_id,
        PROCESSED,
        False,
        result.message_type,
        tuple(recorded),
        tuple(added),
        None,
        attributed.account,
        attributed.source,
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
    """Store the events of a stored message; each as a JSON-able dict with its new id."""
    rows = writes.insert_events(
        session,
        [
            {
                "message_id": message_id,
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
            for event in events
        ],
    )
    recorded = [_event_dict(row) for row in rows]
    for data in recorded:
        count_when_committed(
            session,
            metrics.EVENTS_RECORDED.labels(classification=data["classification"], reason=data["reason"]),
        )
    return recorded


def apply_policy(
    session: Session,
    message_id: int,
    recorded: list[dict[str, Any]],
    *,
    source: str,
    occurred_at: datetime,
    policy: PolicySettings,
    complaint_scope: ComplaintScope,
    now: datetime,
    actor: str = "policy",
) -> list[str]:
    """Let the policy decide for each address the message's events name, each event in the scope its
    reason has; the addresses it suppressed (in any scope). `actor` names the decider in the audit
    (`replay` when a replay decides again)."""
    by_address: dict[str, list[tuple[dict[str, Any], Any]]] = defaultdict(list)
    for data in recorded:
        reason = suppressing_reason(data["type"], data["classification"], data["reason"])
        if reason is None:  # nothing else can change an address's state
            continue
        if is_undeliverable(data["recipient"]):
            # The parser names a report whose recipient was redacted entirely with a reserved
            # .invalid address: the event is kept for history, but there is nobody to suppress.
            log.warning("event_without_recipient", message_id=message_id, source=source)
            continue
        by_address[data["recipient"]].append((data, reason))
    added: list[str] = []
    # Lock addresses in one global order so that two transactions never wait for each other in a cycle.
    for address in sorted(by_address):
        writes.lock_recipient(session, address, now)  # the global row: the lock for every scope
        for data, reason in by_address[address]:
            scope = scope_for(reason, data["account"], complaint_scope)
            row = writes.lock_recipient(session, address, now, scope.account)
            if row.suppressed:
                continue
            count_from = as_utc_or_none(row.reactivated_at)
            soft: tuple[Any, ...] = ()
            if reason is SOFT_BOUNCE_THRESHOLD:
                start, end = soft_bounce_window_bounds(occurred_at, policy)
                soft = writes.soft_bounces(session, address, count_from=count_from, start=start, end=end)
            decision = decide(
                AddressState(suppressed=False, count_from=count_from, soft_bounces=soft),
                PolicyEvent(
                    data["id"], message_id, data["type"], data["classification"], occurred_at, data["reason"]
                ),
                policy,
            )
            if decision is None:
                continue
            apply_suppression(
                session,
                row,
                reason=decision.reason,
                since=decision.since,
                event_id=decision.event_id,
                actor=actor,
                note=_note(data),
                now=now,
            )
            added.append(address)
    return added


def _note(data: dict[str, Any]) -> str:
    parts = [data["type"], data["classification"], data["reason"]]
    if data["status"]:
        parts.append(data["status"])
    return " ".join(parts)


def _duplicate(session: Session, message: InboundMessage, kind: str) -> IngestResult:
    count_when_committed(session, metrics.MESSAGES_DUPLICATE.labels(source=kind))
    return IngestResult(
        message.id,
        message.outcome,
        True,
        message.message_type,
        tuple(event_to_dict(row) for row in writes.events_of_message(session, message.id)),
        (),
        message.quarantine_reason,
        message.account_id,
        message.attributed_by,
    )


def _deciding_addresses(result: ParseResult) -> list[str]:
    """Normalised recipients of the events in `result` that the policy may act on."""
    usable, _ = usable_events(result)
    return [e.recipient for e in usable if suppressing_reason(e.type, e.classification, e.reason)]


# PostgreSQL SQLSTATEs worth a retry: serialization failure, deadlock detected.
_RETRY_SQLSTATES = {"40001", "40P01"}


def ingest_message(
    db: Database, raw: bytes, source: str, settings: Settings, *, only_account: str | None = None
) -> IngestResult:
    """`ingest` in a transaction of its own, committed when it returns.

    A concurrent insert of the same content hash makes this a duplicate (see `ingest`); a deadlock or
    a unique-key race on another row is retried a few times with a fresh transaction.
    """
    attempts = 3
    for attempt in range(1, attempts + 1):
        try:
            with db.transaction() as session:
                result = ingest(session, raw, source, settings, only_account=only_account)
            _log_ingested(result, source)
            return result
        except (IntegrityError, DBAPIError) as exc:
            sqlstate = getattr(getattr(exc, "orig", None), "sqlstate", None)
            if sqlstate and sqlstate.startswith("22"):
                # A data exception: the database refuses something in this message's parsed
                # values. Keep the message, quarantined with the reason, instead of losing it.
                orig = getattr(exc, "orig", None) or exc
                first_line = (str(orig).strip().splitlines() or ["?"])[0]
                return quarantine(
                    db, raw, source, settings, f"database refused the parsed values: {first_line}"
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
    db: Database, messages: Sequence[tuple[bytes, str]], settings: Settings
) -> list[IngestResult | MessageTooLarge]:
    """Ingest a batch of (raw, source) in one transaction: one commit instead of one per message.

    For bulk intake whose input stays available (files on disk). Messages not stored yet are parsed
    before the transaction opens (parsing is pure), so locks are held only for the writes. Bulk
    writers take turns per batch on PostgreSQL (a transaction-level advisory lock): a batch locks
    many addresses in no global order, and two batches could otherwise deadlock. When a batch still
    fails on a database error (a deadlock with a single-message writer, a value the database
    refuses), it is rolled back and its messages are ingested one transaction each. An oversized
    message yields its `MessageTooLarge`.
    """
    with db.transaction() as session:
        known = writes.known_hashes(session, [content_hash(raw) for raw, _ in messages])
    prepared: list[tuple[bytes, str, ParseResult | None, str | None] | MessageTooLarge] = []
    for raw, source in messages:
        if len(raw) > settings.max_message_bytes:
            prepared.append(MessageTooLarge(len(raw), settings.max_message_bytes))
        elif content_hash(raw) in known:
            prepared.append((raw, source, None, None))  # a duplicate, most likely: no parse needed
        else:
            prepared.append((raw, source, *safe_parse(raw, settings)))
    # The addresses the batch may decide for, locked up front in one go (two statements, not two per
    # address and message).
    deciding = [
        address
        for item in prepared
        if not isinstance(item, MessageTooLarge) and item[2] is not None
        for address in _deciding_addresses(item[2])
    ]
    try:
        with db.transaction() as session:
            writes.take_bulk_writer_turn(session)
            writes.lock_recipients(session, deciding, datetime.now(UTC))
            results: list[IngestResult | MessageTooLarge] = []
            for item in prepared:
                if isinstance(item, MessageTooLarge):
                    results.append(item)
                    continue
                raw, source, result, parse_error = item
                if result is None:
                    results.append(ingest(session, raw, source, settings))
                else:
                    results.append(
                        ingest_parsed(session, raw, source, settings, result, parse_error=parse_error)
                    )
            return results
    except (IntegrityError, DBAPIError) as exc:
        sqlstate = getattr(getattr(exc, "orig", None), "sqlstate", None)
        if isinstance(exc, DBAPIError) and not isinstance(exc, IntegrityError) and sqlstate is None:
            raise  # the database is gone, not one message's fault
    results = []
    for raw, source in messages:
        try:
            results.append(ingest_message(db, raw, source, settings))
        except MessageTooLarge as exc:
            results.append(exc)
    return results
