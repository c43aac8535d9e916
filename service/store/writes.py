"""The write side's SQL: messages, events, per-address state and its audit trail; callers own the transaction."""

from __future__ import annotations

import json
from collections import namedtuple
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, insert, select, text, tuple_
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.dialects.postgresql import psycopg
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import TextClause

from service.domain.dead_domains import DomainBounce
from service.domain.policy import SENDER_SIDE_REASONS, SoftBounce
from service.domain.scope import domain_key
from service.domain.times import as_utc, as_utc_or_none
from service.store import lifecycle
from service.store.db import run_together, send_with_commit
from service.store.models import (
    GLOBAL_SLOT,
    Base,
    BounceEvent,
    InboundMessage,
    Recipient,
    SuppressionChange,
    account_of_slot,
    slot_key,
)

# SQLite limits the number of bound parameters per statement; PostgreSQL is happy either way.
_IN_CHUNK = 500


def fit(model: Any, values: dict[str, Any]) -> dict[str, Any]:
    """Strings made storable in `model`'s columns: NUL and lone surrogates replaced, cut to length.

    Parsed text comes from arbitrary mail; PostgreSQL refuses NUL characters and over-long values
    (SQLite takes anything), and one odd header must not make a message unstorable.
    """
    lengths = _LENGTHS.get(model)
    if lengths is None:
        lengths = _LENGTHS[model] = {
            column.name: getattr(column.type, "length", None) for column in model.__table__.columns
        }
    out: dict[str, Any] = {}
    for key, value in values.items():
        if isinstance(value, str):
            if "\x00" in value:
                value = value.replace("\x00", "\ufffd")
            if not value.isascii():
                value = value.encode("utf-8", "replace").decode("utf-8")
            length = lengths[key]
            if length is not None and len(value) > length:
                value = value[:length]
        out[key] = value
    return out


# Each model's string lengths by column name (SQLAlchemy's column lookup costs more than the rest of
# `fit`, which ingest runs on every message and event).
_LENGTHS: dict[Any, dict[str, int | None]] = {}


def fit_event(row: dict[str, Any]) -> dict[str, Any]:
    """`fit` for an event row naming its message by `content_hash` (kept as it is)."""
    fitted = fit(BounceEvent, {k: v for k, v in row.items() if k != "content_hash"})
    if "content_hash" in row:
        fitted["content_hash"] = row["content_hash"]
    return fitted


def _insert(session: Session, table: Any) -> Any:
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return postgresql.insert(table)
    if dialect == "sqlite":
        return sqlite.insert(table)
    raise RuntimeError(f"unsupported database dialect {dialect}")


def is_postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


# Bounds standing in for "no bound" in the soft-bounce query, so that one statement serves all cases.
_EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
_LATEST = datetime(9999, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class _Statements:
    """The statements of the hot path, built once per dialect (building them costs more than running)."""

    insert_message: Any
    insert_messages: Any
    insert_event: Any
    insert_events: Any
    insert_recipient: Any
    insert_recipients: Any
    suppress_unsuppressed: Any
    lock_recipient: Any


_statements: dict[str, _Statements] = {}


def _suppress_unsuppressed(stmt: Any) -> Any:
    """An upsert that suppresses an address unless it is suppressed already (see suppress_unsuppressed)."""
    table = Recipient.__table__
    # Every value from the row offered (no literal in SET): a bound literal there would make
    # SQLAlchemy send the rows one statement each instead of a thousand to a statement.
    columns = ("suppressed", "reason", "since", "source_event_id", "note", "updated_at")
    return stmt.on_conflict_do_update(
        index_elements=["address", "account_id"],
        set_={name: stmt.excluded[name] for name in columns},
        where=table.c.suppressed.is_(False),
    ).returning(table.c.address, table.c.account_id)


def _hot(session: Session) -> _Statements:
    dialect = session.get_bind().dialect.name
    found = _statements.get(dialect)
    if found is not None:
        return found
    messages = InboundMessage.__table__
    lock = (
        select(Recipient)
        .where(Recipient.address == bindparam("address"), Recipient.account_id == bindparam("account_id"))
        .execution_options(populate_existing=True)
    )
    if dialect == "postgresql":
        lock = lock.with_for_update()
    events = Base.metadata.tables["events"]
    built = _Statements(
        insert_message=_insert(session, messages)
        .on_conflict_do_nothing(index_elements=["content_hash"])
        .returning(messages.c.id),
        insert_messages=_insert(session, messages)
        .on_conflict_do_nothing(index_elements=["content_hash"])
        .returning(messages.c.id, messages.c.content_hash),
        insert_event=insert(events).returning(events.c.id),
        insert_events=insert(events).returning(events.c.id, sort_by_parameter_order=True),
        insert_recipient=_insert(session, Recipient.__table__).on_conflict_do_nothing(
            index_elements=["address", "account_id"]
        ),
        insert_recipients=_insert(session, Recipient.__table__)
        .on_conflict_do_nothing(index_elements=["address", "account_id"])
        .returning(Recipient.__table__.c.address, Recipient.__table__.c.account_id),
        suppress_unsuppressed=_suppress_unsuppressed(_insert(session, Recipient.__table__)),
        lock_recipient=lock,
    )
    _statements[dialect] = built
    return built


# A constant key for pg_advisory_xact_lock: bulk writers other than ingest (replay, expiry) take turns.
_BULK_WRITER_LOCK = 0x62626B01


def take_bulk_writer_turn(session: Session) -> None:
    """Wait until no other replay or expiry batch is writing (PostgreSQL; SQLite has one writer
    anyway). Ingest batches need no turn: they lock in one global order (see `lock_states`)."""
    if is_postgresql(session):
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _BULK_WRITER_LOCK})


# --- messages -------------------------------------------------------------------------------


def insert_message(session: Session, **values: Any) -> int | None:
    """Insert a message row unless its content hash is known; the new id, or None for a duplicate.

    On PostgreSQL a concurrent insert of the same hash makes this wait for the other transaction,
    then do nothing once it commits: exactly one of them stores (and acts on) the message.
    """
    new_id = session.execute(_hot(session).insert_message, fit(InboundMessage, values)).scalar_one_or_none()
    return None if new_id is None else int(new_id)


def insert_messages(session: Session, rows: Sequence[dict[str, Any]]) -> dict[str, int]:
    """Insert message rows (distinct content hashes) in one statement, each unless its hash is
    stored already; the new ids by content hash (a hash missing from the answer: a duplicate).

    The rows go in content-hash order: two batches sharing messages wait for each other's unique
    keys in one global order, never in a cycle. On PostgreSQL a concurrent insert of the same hash
    makes this wait for the other transaction, then skip the row once it commits: exactly one of
    them stores (and acts on) the message.
    """
    if not rows:
        return {}
    fitted = sorted((fit(InboundMessage, row) for row in rows), key=lambda row: str(row["content_hash"]))
    hot = _hot(session)
    if len(fitted) == 1:  # the per-message path: a statement whose text never changes
        found = session.execute(hot.insert_message, fitted[0]).scalar_one_or_none()
        return {} if found is None else {str(fitted[0]["content_hash"]): int(found)}
    return {str(h): int(i) for i, h in session.execute(hot.insert_messages, fitted)}


def insert_messages_and_events(
    session: Session, messages: Sequence[dict[str, Any]], events: Sequence[dict[str, Any]]
) -> tuple[dict[str, int], list[dict[str, Any]]]:
    """`insert_messages`, then the events of the messages it stored: event rows name their message
    by `content_hash`; those of a message not stored (a duplicate) are left out. The new message
    ids by content hash, and the stored events' values, each with its `id` and `message_id`, in the
    order given.

    One statement on PostgreSQL (the messages' insert feeds the events' in one WITH), two on SQLite.
    """
    if not messages:
        return {}, []
    if not is_postgresql(session):
        new_ids = insert_messages(session, messages)
        rows = [
            {
                **{k: v for k, v in row.items() if k != "content_hash"},
                "message_id": new_ids[row["content_hash"]],
            }
            for row in events
            if row["content_hash"] in new_ids
        ]
        return new_ids, insert_events(session, rows)
    offered = [fit_event(row) for row in events]
    params = _messages_and_events_params(messages, offered)
    ids, event_ids = _read_messages_and_events(session.execute(_INSERT_MESSAGES_AND_EVENTS, params))
    return ids, _with_event_ids(ids, offered, event_ids)


def _messages_and_events_params(
    messages: Sequence[dict[str, Any]], events: Sequence[dict[str, Any]]
) -> dict[str, Any]:
    """PostgreSQL: the parameters of _INSERT_MESSAGES_AND_EVENTS (events fitted, naming their
    message by `content_hash`)."""
    fitted = sorted((fit(InboundMessage, row) for row in messages), key=lambda row: str(row["content_hash"]))
    offered: list[dict[str, Any]] = []
    start = 1  # (SQL's substring counts from 1)
    for row in fitted:
        raw = row["raw"]
        size = None if raw is None else len(raw)
        offered.append(
            {"raw_start": start, "raw_size": size, **{name: row[name] for name in _JSON_MESSAGE_COLUMNS}}
        )
        start += size or 0
    return {
        "messages": json.dumps(offered, default=_json_value),
        "raw": b"".join(row["raw"] for row in fitted if row["raw"] is not None),
        "events": json.dumps(
            [{"position": i, **row} for i, row in enumerate(events, start=1)], default=_json_value
        ),
    }


def _read_messages_and_events(rows: Iterable[Any]) -> tuple[dict[str, int], list[int]]:
    """The new message ids by content hash, and the new event ids in the order inserted."""
    ids: dict[str, int] = {}
    event_ids: list[int] = []
    for kind, new_id, content_hash in rows:
        if kind == "m":
            ids[str(content_hash)] = int(new_id)
        else:
            event_ids.append(int(new_id))
    # The events' ids come from the sequence in the order the statement inserts them: the order given.
    return ids, sorted(event_ids)


def _with_event_ids(
    ids: dict[str, int], events: Sequence[dict[str, Any]], event_ids: list[int]
) -> list[dict[str, Any]]:
    kept = [(row, ids[str(row["content_hash"])]) for row in events if row["content_hash"] in ids]
    return [
        {"id": event_id, **{k: v for k, v in row.items() if k != "content_hash"}, "message_id": message_id}
        for event_id, (row, message_id) in zip(event_ids, kept, strict=True)
    ]


_MESSAGE_COLUMNS = {
    "content_hash": "varchar",
    "source": "varchar",
    "received_at": "timestamptz",
    "message_date": "timestamptz",
    "size": "integer",
    "raw": "bytea",
    "message_type": "varchar",
    "outcome": "varchar",
    "quarantine_reason": "text",
    "header_message_id": "varchar",
    "subject": "text",
    "account_id": "varchar",
    "attributed_by": "varchar",
}
_EVENT_COLUMNS = {
    "recipient": "varchar",
    "type": "varchar",
    "classification": "varchar",
    "reason": "varchar",
    "status": "varchar",
    "smtp_code": "varchar",
    "diagnostic": "text",
    "remote_mta": "varchar",
    "action": "varchar",
    "feedback_type": "varchar",
    "original_message_id": "varchar",
    "original_mail_from": "varchar",
    "occurred_at": "timestamptz",
    "created_at": "timestamptz",
    "account_id": "varchar",
    "attributed_by": "varchar",
}


def _record(columns: dict[str, str], position: str = "") -> str:
    """A json_to_recordset column definition list."""
    return ", ".join(
        [*([f"{position} integer"] if position else []), *(f"{n} {t}" for n, t in columns.items())]
    )


_JSON_MESSAGE_COLUMNS = {name: kind for name, kind in _MESSAGE_COLUMNS.items() if name != "raw"}
# Each message's raw bytes: its slice of the one `raw` parameter, all the batch's messages' bytes
# end to end (a message's row says where its own start and how many there are; no bytes: NULL).
_RAW_SLICE = "substring(CAST(:raw AS bytea) FROM offered.raw_start FOR offered.raw_size)"
# The rows as JSON documents, one per table (the driver adapts one string, where a column per
# array costs it a Python pass over every value), the raw bytes as one binary parameter beside
# them (as an array of bytea, psycopg quoted them in Python: 70 µs of client CPU for one message
# of 3 kB). Messages go in content-hash order (see `insert_messages`); events join the messages
# inserted, so a duplicate's are dropped, and go in the order given (their `position`).
# The messages' and their events' inserts, as the CTEs `stored` and `recorded` (parameters
# `messages`, `raw`, `events`), for _INSERT_MESSAGES_AND_EVENTS and _STORE_AND_LOCK.
_STORED_AND_RECORDED = f"""
    stored AS (
        INSERT INTO {InboundMessage.__tablename__} ({", ".join(_MESSAGE_COLUMNS)})
        SELECT {", ".join(_RAW_SLICE if name == "raw" else f"offered.{name}" for name in _MESSAGE_COLUMNS)}
        FROM json_to_recordset(CAST(:messages AS json))
            AS offered(raw_start integer, raw_size integer, {_record(_JSON_MESSAGE_COLUMNS)})
        ORDER BY offered.content_hash
        ON CONFLICT (content_hash) DO NOTHING
        RETURNING id, content_hash
    ), recorded AS (
        INSERT INTO {BounceEvent.__tablename__} (message_id, {", ".join(_EVENT_COLUMNS)})
        SELECT stored.id, {", ".join(f"offered.{name}" for name in _EVENT_COLUMNS)}
        FROM json_to_recordset(CAST(:events AS json))
            AS offered({_record({"content_hash": "varchar", **_EVENT_COLUMNS}, "position")})
        JOIN stored ON stored.content_hash = offered.content_hash
        ORDER BY offered.position
        RETURNING id
    )"""
_INSERT_MESSAGES_AND_EVENTS = text(
    f"""
    WITH {_STORED_AND_RECORDED}
    SELECT 'm', id, content_hash FROM stored
    UNION ALL
    SELECT 'e', id, NULL FROM recorded
    """
)


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"not JSON-able: {type(value).__name__}")


@dataclass(frozen=True, slots=True)
class StoredMessage:
    """What a duplicate's ingest answers with: the stored message's first outcome and its current
    events (rows with the `events` columns as attributes, in id order)."""

    id: int
    content_hash: str
    outcome: str
    message_type: str
    quarantine_reason: str | None
    account_id: str | None
    attributed_by: str | None
    events: tuple[Any, ...] = ()


def stored_messages(session: Session, hashes: Sequence[str]) -> dict[str, StoredMessage]:
    """The stored messages among `hashes` with their current events (those a replay superseded
    left out), by content hash: one statement (per chunk on SQLite; on PostgreSQL the driver's,
    its text fixed whatever the number of hashes: a redelivery's one message costs no statement
    building)."""
    unique = list(dict.fromkeys(hashes))
    rows: Iterable[Any]
    if is_postgresql(session):
        rows = (
            (*row[:_STORED_MESSAGE_FIELDS], _StoredEvent(*row[_STORED_MESSAGE_FIELDS:]))
            for row in run_together(session, [(_PG_STORED_MESSAGES, {"hashes": json.dumps(unique)})])[0]
        )
    else:
        rows = (
            (*row[:_STORED_MESSAGE_FIELDS], row)
            for i in range(0, len(unique), _IN_CHUNK)
            for row in session.execute(
                _STORED_MESSAGES.where(_MESSAGES.c.content_hash.in_(unique[i : i + _IN_CHUNK]))
            )
        )
    found: dict[str, StoredMessage] = {}
    events: dict[str, list[Any]] = {}
    for m_id, key, outcome, message_type, quarantine_reason, account_id, attributed_by, event in rows:
        if key not in found:
            found[key] = StoredMessage(
                m_id, key, outcome, message_type, quarantine_reason, account_id, attributed_by
            )
            events[key] = []
        if event.id is not None:
            events[key].append(event)
    return {key: replace(message, events=tuple(events[key])) for key, message in found.items()}


_MESSAGES = InboundMessage.__table__
_EVENTS = BounceEvent.__table__
# A stored message's answer (its first outcome), then the `events` columns of its current events.
_STORED_MESSAGES = (
    select(
        _MESSAGES.c.id.label("m_id"),
        _MESSAGES.c.content_hash.label("m_content_hash"),
        _MESSAGES.c.outcome.label("m_outcome"),
        _MESSAGES.c.message_type.label("m_message_type"),
        _MESSAGES.c.quarantine_reason.label("m_quarantine_reason"),
        _MESSAGES.c.account_id.label("m_account_id"),
        _MESSAGES.c.attributed_by.label("m_attributed_by"),
        *_EVENTS.c,
    )
    .select_from(
        _MESSAGES.outerjoin(
            _EVENTS, (_EVENTS.c.message_id == _MESSAGES.c.id) & _EVENTS.c.superseded_at.is_(None)
        )
    )
    .order_by(_MESSAGES.c.id, _EVENTS.c.id)
)
_STORED_MESSAGE_FIELDS = 7
# PostgreSQL's event rows: the `events` columns as attributes, as SQLAlchemy's rows have them.
_StoredEvent = namedtuple("_StoredEvent", [column.name for column in _EVENTS.c])  # type: ignore[misc]


# --- events ---------------------------------------------------------------------------------


def insert_events(session: Session, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Insert event rows in one statement; the stored values, each with its new `id`."""
    if not rows:
        return []
    fitted = [fit(BounceEvent, row) for row in rows]
    hot = _hot(session)
    if len(fitted) == 1:  # the common case, and a cheaper statement
        ids = [session.execute(hot.insert_event, fitted[0]).scalar_one()]
    elif is_postgresql(session):
        ids = list(session.execute(hot.insert_events, fitted).scalars())
    else:
        # SQLite: SQLAlchemy would send rows one by one to return their ids in parameter order. One
        # multi-row statement instead: holding the write lock, each row's id is the largest so far
        # plus one, so the ids in ascending order are the rows' in the order given.
        ids = sorted(session.execute(hot.insert_event, fitted).scalars())
    return [{"id": int(i), **row} for i, row in zip(ids, fitted, strict=True)]


def soft_bounces_of(
    session: Session, addresses: Sequence[str], *, lower: datetime | None, upper: datetime | None
) -> dict[str, list[SoftBounce]]:
    """Counting soft bounces of many addresses with own dates in [lower, upper], by address, in one
    statement (per chunk on SQLite); the caller narrows each address's list to its decision's window
    (service.domain.policy.decide filters what it is given)."""
    found: dict[str, list[SoftBounce]] = {a: [] for a in addresses}
    unique = sorted(set(addresses))
    base = select(
        BounceEvent.recipient, BounceEvent.id, BounceEvent.message_id, BounceEvent.occurred_at
    ).where(
        BounceEvent.type == "bounce",
        BounceEvent.classification == "soft",
        BounceEvent.reason.not_in(sorted(SENDER_SIDE_REASONS)),
        BounceEvent.occurred_at >= (lower or _EARLIEST),
        BounceEvent.occurred_at <= (upper or _LATEST),
        BounceEvent.superseded_at.is_(None),  # a replay replaced it: it no longer counts
    )
    for i in range(0, len(unique), _IN_CHUNK):
        stmt = base.where(BounceEvent.recipient.in_(unique[i : i + _IN_CHUNK])).order_by(BounceEvent.id)
        for address, event_id, message_id, occurred_at in session.execute(stmt):
            found[address].append(SoftBounce(int(event_id), int(message_id), as_utc(occurred_at)))
    return found


# --- recipients (an address's state per scope) ----------------------------------------------


@dataclass(frozen=True, slots=True)
class RecipientState:
    """What a policy decision needs of an address's row in one scope."""

    suppressed: bool
    reactivated_at: datetime | None


def lock_states(
    session: Session, keys: Sequence[tuple[str, str | None]], now: datetime
) -> dict[tuple[str, str | None], RecipientState]:
    """The rows of many (address, account) scopes (account None: global), created when missing and
    locked for this transaction's policy decisions; their states.

    Rows are locked in (address, account slot) order, the global row of an address before its
    accounts' (see `lock_recipient`): one global order, the same as every other writer's. Existing
    rows are read and locked, missing ones inserted (a row this transaction inserts is its own
    until it commits): one statement on PostgreSQL, two on SQLite. A row another transaction
    inserted meanwhile is read and locked after that one commits (one more statement, rarely).
    """
    wanted = sorted({(address, slot_key(account)) for address, account in keys})
    if not wanted:
        return {}
    if is_postgresql(session):
        states = _lock_or_create(session, wanted, now)
        missing = []
        raced = [key for key in wanted if key not in states]
        if raced:
            states.update(_select_locked(session, raced))
    else:
        states = _select_locked(session, wanted)
        missing = [key for key in wanted if key not in states]
    if missing:
        hot = _hot(session)
        rows = [{"address": a, "account_id": s, "suppressed": False, "updated_at": now} for a, s in missing]
        inserted = {(str(a), str(s)) for a, s in session.execute(hot.insert_recipients, rows)}
        for key in inserted:
            states[key] = RecipientState(False, None)
        raced = [key for key in missing if key not in inserted]
        if raced:
            states.update(_select_locked(session, raced))
    return {(address, account_of_slot(slot)): state for (address, slot), state in states.items()}


def _lock_or_create(
    session: Session, keys: list[tuple[str, str]], now: datetime
) -> dict[tuple[str, str], RecipientState]:
    """PostgreSQL: lock the existing rows and insert the missing ones in one statement (one round
    trip); a key it answers nothing for was inserted by a transaction that committed meanwhile."""
    return _read_states(session.execute(_LOCK_OR_CREATE, _lock_or_create_params(keys, now)))


def _lock_or_create_params(keys: list[tuple[str, str]], now: datetime) -> dict[str, Any]:
    return {"keys": json.dumps([{"address": a, "account_id": s} for a, s in keys]), "now": now}


def _read_states(rows: Iterable[Any]) -> dict[tuple[str, str], RecipientState]:
    return {
        (str(address), str(slot)): RecipientState(bool(suppressed), as_utc_or_none(reactivated_at))
        for address, slot, suppressed, reactivated_at in rows
    }


# The existing rows are read and locked (the statement's snapshot cannot see the rows its own
# insert adds, so each key comes back once: from `locked` or from `created`); the CTEs `wanted`,
# `locked` and `created` (parameters `keys`, `now`), for _LOCK_OR_CREATE and _STORE_AND_LOCK.
# Each key's row is looked up by its primary key on its own (a LATERAL subquery that the planner
# cannot merge into a join, OFFSET 0), in key order (`wanted`, sorted, is scanned in that order):
# joined, the planner hashes the whole table whenever its statistics say it is small (a young
# table, or a cached generic plan made when it was), and every message then pays for a scan that
# grows with the table.
_LOCKED_OR_CREATED = f"""
    wanted AS (
        SELECT * FROM json_to_recordset(CAST(:keys AS json)) AS wanted(address varchar, account_id varchar)
        ORDER BY address, account_id
    ), locked AS (
        SELECT r.address, r.account_id, r.suppressed, r.reactivated_at
        FROM wanted CROSS JOIN LATERAL (
            SELECT r.address, r.account_id, r.suppressed, r.reactivated_at
            FROM {Recipient.__tablename__} AS r
            WHERE r.address = wanted.address AND r.account_id = wanted.account_id
            OFFSET 0
            FOR UPDATE OF r
        ) AS r
    ), created AS (
        INSERT INTO {Recipient.__tablename__} (address, account_id, suppressed, updated_at)
        SELECT address, account_id, false, :now FROM wanted ORDER BY address, account_id
        ON CONFLICT (address, account_id) DO NOTHING
        RETURNING address, account_id
    )"""
_LOCK_OR_CREATE = text(
    f"""
    WITH {_LOCKED_OR_CREATED}
    SELECT address, account_id, suppressed, reactivated_at FROM locked
    UNION ALL
    SELECT address, account_id, false, CAST(NULL AS timestamptz) FROM created
    """
)
# _INSERT_MESSAGES_AND_EVENTS then _LOCK_OR_CREATE in one statement (one statement's overhead on
# both sides instead of two's). The main query reads the CTEs in the order written: the messages
# are inserted (waiting, if need be, for another transaction inserting the same one) before any
# address row is locked, the order every writer takes them in. Rows: ('m', message id, content
# hash), ('e', event id), ('s', address, account slot, suppressed, reactivated at).
_STORE_AND_LOCK = text(
    f"""
    WITH {_STORED_AND_RECORDED}, {_LOCKED_OR_CREATED}
    SELECT 'm', id, content_hash, NULL, CAST(NULL AS boolean), CAST(NULL AS timestamptz) FROM stored
    UNION ALL
    SELECT 'e', id, NULL, NULL, NULL, NULL FROM recorded
    UNION ALL
    SELECT 's', NULL, address, account_id, suppressed, reactivated_at FROM locked
    UNION ALL
    SELECT 's', NULL, address, account_id, false, NULL FROM created
    """
)


def _select_locked(session: Session, keys: list[tuple[str, str]]) -> dict[tuple[str, str], RecipientState]:
    states: dict[tuple[str, str], RecipientState] = {}
    rows: Iterable[Any]
    if is_postgresql(session):
        # One statement whose keys come as two arrays (a short text, whatever the batch size).
        rows = session.execute(
            _LOCK_FROM_ARRAYS, {"address": [k[0] for k in keys], "account_id": [k[1] for k in keys]}
        )
    else:  # SQLite holds the database's write lock already: reading is enough
        table = Recipient.__table__
        stmt = select(table.c.address, table.c.account_id, table.c.suppressed, table.c.reactivated_at)
        pair = tuple_(table.c.address, table.c.account_id)
        rows = (
            row
            for i in range(0, len(keys), _IN_CHUNK)
            for row in session.execute(stmt.where(pair.in_(keys[i : i + _IN_CHUNK])))
        )
    for address, slot, suppressed, reactivated_at in rows:
        states[(str(address), str(slot))] = RecipientState(bool(suppressed), as_utc_or_none(reactivated_at))
    return states


_LOCK_FROM_ARRAYS = text(
    f"""
    SELECT r.address, r.account_id, r.suppressed, r.reactivated_at
    FROM {Recipient.__tablename__} AS r
    JOIN unnest(CAST(:address AS varchar[]), CAST(:account_id AS varchar[])) AS wanted(address, account_id)
        ON r.address = wanted.address AND r.account_id = wanted.account_id
    ORDER BY r.address, r.account_id
    FOR UPDATE OF r
    """
)


# Rows this session's transaction holds locked, by (address, account_id) (see lock_recipient).
# Held here, not only in the session's identity map, which forgets unmodified objects nobody
# references.
_LOCKED = "bounceback.locked_recipients"


def _locked(session: Session) -> dict[tuple[str, str], Recipient]:
    """The rows for the session's current transaction (locks end with it, and so does this)."""
    transaction = session.get_transaction()
    held = session.info.get(_LOCKED)
    if held is None or held[0] is not transaction:
        held = (transaction, {})
        session.info[_LOCKED] = held
    rows: dict[tuple[str, str], Recipient] = held[1]
    return rows


def lock_recipient(session: Session, address: str, now: datetime, account: str | None = None) -> Recipient:
    """The address's row in one scope (global by default), created when missing, locked for this
    transaction's policy decision.

    Every decision about an address locks its global row first, whatever scope it decides for, so
    one lock serialises them all (and a scope's row is only ever locked after it: no cycles).
    PostgreSQL: insert-on-conflict-do-nothing, then SELECT ... FOR UPDATE, so two processes deciding
    for one address take turns and the second sees what the first committed. SQLite serialises
    writers for the whole database already (the transaction holds the write lock). A row this
    transaction locked already is taken as it is, without asking the database again.
    """
    if account is not None:
        lock_recipient(session, address, now)
    key = (address, slot_key(account))
    if session.in_transaction():
        held = _locked(session).get(key)
        if held is not None:
            return held
    hot = _hot(session)
    values = {"address": address, "account_id": key[1]}
    session.execute(hot.insert_recipient, {**values, "suppressed": False, "updated_at": now})
    row: Recipient = session.execute(hot.lock_recipient, values).scalar_one()
    _locked(session)[key] = row
    return row


def recipient(session: Session, address: str, account: str | None = None) -> Recipient | None:
    """The address's row in one scope (global by default), unlocked; None when there is none."""
    return session.get(Recipient, (address, slot_key(account)))


def set_suppressed(
    session: Session,
    row: Recipient,
    *,
    reason: str,
    since: datetime,
    event_id: int | None,
    note: str | None,
    now: datetime,
) -> None:
    row.suppressed = True
    row.reason = reason
    row.since = since
    row.source_event_id = event_id
    row.note = note
    row.updated_at = now


def clear_suppressed(session: Session, row: Recipient, *, now: datetime, reactivate: bool = True) -> None:
    """Take the row off the list. `reactivate`: events before now no longer act in this scope (nor
    count as soft bounces); without it (a replay correcting a decision) they still do."""
    row.suppressed = False
    row.reason = None
    row.since = None
    row.source_event_id = None
    row.note = None
    if reactivate:
        row.reactivated_at = now
    row.updated_at = now


def add_change(session: Session, **values: Any) -> SuppressionChange:
    row = SuppressionChange(**values)
    session.add(row)
    return row


def suppress_unsuppressed(
    session: Session, entries: Sequence[dict[str, Any]], now: datetime
) -> list[tuple[str, str | None]]:
    """Put many addresses on the list in one statement; the (address, account) entries it put on.

    `entries` have `address` (normalised), `account` (None: global; distinct pairs), `reason`,
    `since`, `note` and optionally `event_id` (the event that decided it). A missing row is created suppressed, a row that is not suppressed becomes
    so, and one already suppressed keeps its entry (and is not returned). The rows go in key order:
    on PostgreSQL the statement locks every row it touches, and one global order means two of these
    never wait for each other in a cycle (nor for an ingest batch, which locks in the same order).
    """
    if not entries:
        return []
    rows = [
        {
            "address": entry["address"],
            "account_id": slot_key(entry["account"]),
            "suppressed": True,
            "reason": entry["reason"],
            "since": entry["since"],
            "source_event_id": entry.get("event_id"),
            "note": entry["note"],
            "updated_at": now,
        }
        for entry in sorted(entries, key=lambda entry: (str(entry["address"]), slot_key(entry["account"])))
    ]
    if is_postgresql(session):
        # One statement whose rows come as arrays: its text stays short, where a thousand rows of
        # VALUES cost the driver more to prepare than the database to run.
        found = session.execute(_SUPPRESS_FROM_ARRAYS, _suppress_params(entries, now)).all()
    else:
        # SQLite: one statement, many parameter sets, sent by SQLAlchemy as multi-row VALUES (its
        # "insertmanyvalues", a thousand rows a statement) from one compiled statement.
        found = session.execute(_hot(session).suppress_unsuppressed, rows).all()
    _forget_locked(session, [(str(address), str(slot)) for address, slot in found])
    return [(str(address), account_of_slot(str(slot))) for address, slot in found]


def _suppress_params(entries: Sequence[dict[str, Any]], now: datetime) -> dict[str, Any]:
    """PostgreSQL: _SUPPRESS_FROM_ARRAYS's parameters (in key order, as the statement takes them)."""
    entries = sorted(entries, key=lambda entry: (str(entry["address"]), slot_key(entry["account"])))
    offered = [
        {
            "address": entry["address"],
            "account_id": slot_key(entry["account"]),
            "reason": entry["reason"],
            "since": entry["since"],
            "source_event_id": entry.get("event_id"),
            "note": entry["note"],
        }
        for entry in entries
    ]
    return {"entries": json.dumps(offered, default=_json_value), "now": now}


def _forget_locked(session: Session, keys: Sequence[tuple[str, str]]) -> None:
    """Rows changed by a statement, not through their objects: objects this transaction holds for
    them (see `lock_recipient`) load afresh when next read (the lock stays with the transaction)."""
    held = _locked(session)
    for key in keys:
        row = held.get(key)
        if row is not None:
            session.expire(row)


_SUPPRESS_FROM_ARRAYS = text(
    f"""
    INSERT INTO {Recipient.__tablename__}
        (address, account_id, suppressed, reason, since, source_event_id, note, updated_at)
    SELECT address, account_id, true, reason, since, source_event_id, note, :now
    FROM json_to_recordset(CAST(:entries AS json)) AS offered(
        address varchar, account_id varchar, reason varchar, since timestamptz, source_event_id bigint,
        note text
    )
    ORDER BY address, account_id
    ON CONFLICT (address, account_id) DO UPDATE SET
        suppressed = excluded.suppressed, reason = excluded.reason, since = excluded.since,
        source_event_id = excluded.source_event_id, note = excluded.note, updated_at = excluded.updated_at
    WHERE {Recipient.__tablename__}.suppressed = false
    RETURNING address, account_id
    """
)


def add_changes(session: Session, changes: Sequence[dict[str, Any]]) -> None:
    """Audit rows (SuppressionChange values) in one statement."""
    if not changes:
        return
    if is_postgresql(session):  # as one JSON document (see suppress_unsuppressed)
        session.execute(_ADD_CHANGES_FROM_ARRAYS, _changes_params(changes))
        return
    session.execute(insert(Base.metadata.tables[SuppressionChange.__tablename__]), list(changes))


_CHANGE_COLUMNS = ("address", "change", "reason", "event_id", "actor", "note", "created_at", "account_id")
_ADD_CHANGES_FROM_ARRAYS = text(
    f"""
    INSERT INTO {SuppressionChange.__tablename__} ({", ".join(_CHANGE_COLUMNS)})
    SELECT {", ".join(_CHANGE_COLUMNS)} FROM json_to_recordset(CAST(:changes AS json)) AS offered(
        address varchar, change varchar, reason varchar, event_id bigint, actor varchar, note text,
        created_at timestamptz, account_id varchar, position integer
    )
    ORDER BY position
    """
)


# _SUPPRESS_FROM_ARRAYS then _ADD_CHANGES_FROM_ARRAYS in one statement (the audit rows' insert, a
# CTE the main query does not read, runs after it, to completion); the entries put on, as
# _SUPPRESS_FROM_ARRAYS answers.
_SUPPRESS_AND_AUDIT = text(
    f"""
    WITH suppressed AS ({_SUPPRESS_FROM_ARRAYS.text}), audited AS ({_ADD_CHANGES_FROM_ARRAYS.text})
    SELECT address, account_id FROM suppressed
    """
)


def _changes_params(changes: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """PostgreSQL: _ADD_CHANGES_FROM_ARRAYS's parameter (the rows in the order given)."""
    rows = [
        {"position": i, **{name: change[name] for name in _CHANGE_COLUMNS}}
        for i, change in enumerate(changes, start=1)
    ]
    return {"changes": json.dumps(rows, default=_json_value)}


# --- a batch's writes and reads, together -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SoftBounceSpan:
    """The soft bounces to read: of these addresses, with own dates in [lower, upper] (None: no bound)."""

    addresses: Sequence[str]
    lower: datetime | None
    upper: datetime | None


@dataclass(frozen=True, slots=True)
class DomainSpan:
    """The domains the domain rule may judge: their `*@domain` rows to lock, and their bounces
    that speak of the domain with own dates in [start, end]."""

    domains: Sequence[str]
    start: datetime
    end: datetime


@dataclass(frozen=True, slots=True)
class Stored:
    """What `store_and_lock` answers: the new message ids by content hash, the stored events' ids
    in the order given, the address states locked and the soft bounces read; the domains' states
    (their `*@domain` rows, locked) and bounces, by domain."""

    ids: dict[str, int]
    event_ids: list[int]
    states: dict[tuple[str, str | None], RecipientState]
    soft_bounces: dict[str, list[SoftBounce]]
    domain_states: dict[str, RecipientState] = field(default_factory=dict)
    domain_bounces: dict[str, list[DomainBounce]] = field(default_factory=dict)


def store_and_lock(
    session: Session,
    messages: Sequence[dict[str, Any]],
    events: Sequence[dict[str, Any]],
    keys: Sequence[tuple[str, str | None]],
    soft: SoftBounceSpan | None,
    domains: DomainSpan | None,
    now: datetime,
) -> Stored:
    """`insert_messages_and_events` (events fitted: `fit_event`), then `lock_states` for `keys`,
    `soft_bounces_of` over `soft` (after the insert: the batch's own soft bounces count), the
    `*@domain` rows of `domains` locked after the addresses' (one order for every writer) and
    their bounces (`lifecycle.domains_bounces`).

    On PostgreSQL these statements go together, in one round trip (`run_together`): none needs
    another's answer. The insert and the addresses' lock are one statement (_STORE_AND_LOCK); the
    soft bounces are read by the next, whose snapshot is taken once the locks are held, so that it
    sees the bounces of a writer it waited for. Keys of messages that turn out to be duplicates
    are locked all the same (harmless: in the same global order).
    """
    if not messages:
        return Stored({}, [], {}, {})
    if not is_postgresql(session):
        return _store_and_lock_one_by_one(session, messages, events, keys, soft, domains, now)
    wanted = sorted({(address, slot_key(account)) for address, account in keys})
    statements: list[tuple[str, dict[str, Any]]] = [
        (
            _PG_STORE_AND_LOCK,
            {**_messages_and_events_params(messages, events), **_lock_or_create_params(wanted, now)},
        )
        if wanted
        else (_PG_INSERT_MESSAGES_AND_EVENTS, _messages_and_events_params(messages, events))
    ]
    if soft is not None:
        statements.append((_PG_SOFT_BOUNCES, _soft_bounce_params(soft)))
    wanted_domains = sorted((domain_key(d), GLOBAL_SLOT) for d in domains.domains) if domains else []
    if domains is not None:
        statements.append((_PG_LOCK_OR_CREATE, _lock_or_create_params(wanted_domains, now)))
        statements.append(
            (
                lifecycle.DOMAINS_BOUNCES,
                lifecycle.domains_bounces_params(domains.domains, domains.start, domains.end),
            )
        )
    answers = iter(run_together(session, statements))
    stored_and_locked = next(answers)
    ids, event_ids = _read_messages_and_events(row[:3] for row in stored_and_locked if row[0] != "s")
    states: dict[tuple[str, str], RecipientState] = {}
    if wanted:
        states = _read_states(row[2:] for row in stored_and_locked if row[0] == "s")
        raced = [key for key in wanted if key not in states]
        if raced:  # inserted by a transaction that committed meanwhile: read and lock them now
            states.update(_select_locked(session, raced))
    soft_bounces: dict[str, list[SoftBounce]] = {}
    if soft is not None:
        soft_bounces = {address: [] for address in soft.addresses}
        for address, event_id, message_id, occurred_at in next(answers):
            soft_bounces[address].append(SoftBounce(int(event_id), int(message_id), as_utc(occurred_at)))
    domain_states: dict[str, RecipientState] = {}
    domain_bounces: dict[str, list[DomainBounce]] = {}
    if domains is not None:
        locked = _read_states(next(answers))
        raced = [key for key in wanted_domains if key not in locked]
        if raced:
            locked.update(_select_locked(session, raced))
        domain_states = {d: locked[(domain_key(d), GLOBAL_SLOT)] for d in domains.domains}
        domain_bounces = lifecycle.read_domains_bounces({d: [] for d in domains.domains}, next(answers))
    return Stored(
        ids,
        event_ids,
        {(address, account_of_slot(slot)): state for (address, slot), state in states.items()},
        soft_bounces,
        domain_states,
        domain_bounces,
    )


def _store_and_lock_one_by_one(
    session: Session,
    messages: Sequence[dict[str, Any]],
    events: Sequence[dict[str, Any]],
    keys: Sequence[tuple[str, str | None]],
    soft: SoftBounceSpan | None,
    domains: DomainSpan | None,
    now: datetime,
) -> Stored:
    """`store_and_lock`, a statement at a time (SQLite: no round trips to save)."""
    ids, stored = insert_messages_and_events(session, messages, events)
    states = lock_states(session, keys, now) if keys else {}
    soft_bounces = (
        soft_bounces_of(session, soft.addresses, lower=soft.lower, upper=soft.upper) if soft else {}
    )
    if domains is None:
        return Stored(ids, [row["id"] for row in stored], states, soft_bounces)
    locked = lock_states(session, [(domain_key(d), None) for d in domains.domains], now)
    return Stored(
        ids,
        [row["id"] for row in stored],
        states,
        soft_bounces,
        {d: locked[(domain_key(d), None)] for d in domains.domains},
        lifecycle.domains_bounces(session, domains.domains, start=domains.start, end=domains.end),
    )


def suppress_and_audit(
    session: Session,
    entries: Sequence[dict[str, Any]],
    changes: Sequence[dict[str, Any]],
    now: datetime,
    *,
    with_commit: bool = False,
) -> None:
    """`suppress_unsuppressed` and `add_changes` (the entries' audit rows): on PostgreSQL one
    statement (_SUPPRESS_AND_AUDIT), one round trip; with `with_commit`, in the COMMIT's
    (`db.send_with_commit`).

    `with_commit` is for a caller that commits next and reads none of it back, and whose
    transaction holds every entry's row locked already (an ingest batch: `store_and_lock`), so that
    the statement waits for no lock at the commit, after the locks taken in between.
    """
    if not entries:
        add_changes(session, changes)
        return
    if not is_postgresql(session):
        suppress_unsuppressed(session, entries, now)
        add_changes(session, changes)
        return
    statements = [
        (_PG_SUPPRESS_AND_AUDIT, {**_suppress_params(entries, now), **_changes_params(changes)})
        if changes
        else (_PG_SUPPRESS_FROM_ARRAYS, _suppress_params(entries, now))
    ]
    if with_commit and send_with_commit(session, statements):
        # (objects this transaction holds for these rows, if any, load afresh when read)
        _forget_locked(session, [(str(e["address"]), slot_key(e["account"])) for e in entries])
        return
    found = run_together(session, statements)[0]
    _forget_locked(session, [(str(address), str(slot)) for address, slot in found])


_PSYCOPG: Any = psycopg.dialect()  # type: ignore[no-untyped-call]


def _sql_literal(value: str) -> str:
    """A constant of ours as an SQL string literal (for a fixed set written into a statement)."""
    return "'" + value.replace("'", "''") + "'"


def _pg(clause: TextClause) -> str:
    """A statement's text as psycopg takes it (`%(name)s` parameters), for `run_together`."""
    return str(clause.compile(dialect=_PSYCOPG))


# Each address's bounces read through the (recipient, occurred_at) index on their own (a LATERAL
# subquery the planner cannot merge, OFFSET 0; the addresses as a JSON array, see
# _PG_STORED_MESSAGES): with `recipient = ANY(...)` the planner scans the whole table whenever its
# statistics say it is small (see _LOCKED_OR_CREATED), a cost that grows with every bounce stored.
_PG_SOFT_BOUNCES = f"""
    SELECT e.recipient, e.id, e.message_id, e.occurred_at
    FROM json_array_elements_text(CAST(%(addresses)s AS json)) AS wanted(address)
    CROSS JOIN LATERAL (
        SELECT recipient, id, message_id, occurred_at FROM {BounceEvent.__tablename__}
        WHERE recipient = wanted.address
            AND occurred_at >= %(lower)s AND occurred_at <= %(upper)s
            AND type = 'bounce' AND classification = 'soft'
            AND reason NOT IN ({", ".join(_sql_literal(r) for r in sorted(SENDER_SIDE_REASONS))})
            AND superseded_at IS NULL
        OFFSET 0
    ) AS e
    ORDER BY e.id
"""


def _soft_bounce_params(soft: SoftBounceSpan) -> dict[str, Any]:
    return {
        "addresses": json.dumps(sorted(set(soft.addresses))),
        "lower": soft.lower or _EARLIEST,
        "upper": soft.upper or _LATEST,
    }


_PG_INSERT_MESSAGES_AND_EVENTS = _pg(_INSERT_MESSAGES_AND_EVENTS)
# _STORED_MESSAGES for hashes given as a JSON array (with an array parameter PostgreSQL plans the
# statement anew each time), each hash's message and its events looked up through their indexes
# on their own (LATERAL subqueries the planner cannot merge, see _LOCKED_OR_CREATED): joined, the
# planner scans both tables whole when its statistics say they are small.
_PG_STORED_MESSAGES = f"""
    SELECT m.*, {", ".join(f"e.{column.name}" for column in _EVENTS.c)}
    FROM json_array_elements_text(CAST(%(hashes)s AS json)) AS wanted(content_hash)
    CROSS JOIN LATERAL (
        SELECT id, content_hash, outcome, message_type, quarantine_reason, account_id, attributed_by
        FROM {InboundMessage.__tablename__} WHERE content_hash = wanted.content_hash
        OFFSET 0
    ) AS m
    LEFT JOIN LATERAL (
        SELECT * FROM {BounceEvent.__tablename__} WHERE message_id = m.id AND superseded_at IS NULL OFFSET 0
    ) AS e ON true
    ORDER BY m.id, e.id
"""
_PG_LOCK_OR_CREATE = _pg(_LOCK_OR_CREATE)
_PG_STORE_AND_LOCK = _pg(_STORE_AND_LOCK)
_PG_SUPPRESS_FROM_ARRAYS = _pg(_SUPPRESS_FROM_ARRAYS)
_PG_SUPPRESS_AND_AUDIT = _pg(_SUPPRESS_AND_AUDIT)
