"""The sends accounts report (DESIGN.md, "Sends and sender reputation"): store them, find who sent a
Message-ID (attribution's third source), purge them past their retention."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, select, text, tuple_
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

from service.domain.sends import message_key
from service.store.models import Base, Send

_SENDS = Base.metadata.tables[Send.__tablename__]
_LOOKUP_CHUNK = 1000  # Message-IDs per IN list (SQLite's default bound on parameters is far above)
_KEY = (_SENDS.c.message_id, _SENDS.c.account_id, _SENDS.c.recipient)
# At most two accounts: one means the Message-ID names its sender; two, that it names nobody.
_SENDERS = (
    select(_SENDS.c.account_id).where(_SENDS.c.message_id == bindparam("message_id")).distinct().limit(2)
)
# PostgreSQL: the whole batch as one JSON document, one statement; the server reads it far faster
# than the driver adapts ten thousand values per column.
_INSERT_FROM_JSON = text(
    f"""
    INSERT INTO {Send.__tablename__} (message_id, account_id, recipient, sent_at)
    SELECT message_id, account_id, recipient, sent_at
    FROM json_to_recordset(CAST(:rows AS json))
        AS batch(message_id varchar, account_id varchar, recipient varchar, sent_at timestamptz)
    ON CONFLICT DO NOTHING
    RETURNING message_id, account_id, recipient
    """
)
# Rows per statement on SQLite (4 bound values each, well below its limit of 32,766).
_SQLITE_CHUNK = 5000


def insert_new(session: Session, rows: Sequence[dict[str, Any]]) -> list[tuple[str, str, str]]:
    """Store the sends not stored yet; the keys (message_id, account_id, recipient) of those that
    were new. `rows` have no key twice. On PostgreSQL a concurrent insert of the same key waits for
    the other transaction, then does nothing: each send is stored, and counted, once."""
    if not rows:
        return []
    # In key order: two batches that share sends wait for each other's keys in one order, never in
    # a cycle.
    rows = sorted(rows, key=lambda row: (row["message_id"], row["account_id"], row["recipient"]))
    if session.get_bind().dialect.name == "postgresql":
        document = json.dumps(
            [{**row, "sent_at": row["sent_at"].isoformat()} for row in rows], ensure_ascii=False
        )
        return [(row[0], row[1], row[2]) for row in session.execute(_INSERT_FROM_JSON, {"rows": document})]
    new: list[tuple[str, str, str]] = []
    for start in range(0, len(rows), _SQLITE_CHUNK):
        chunk = rows[start : start + _SQLITE_CHUNK]
        statement = sqlite.insert(_SENDS).values(list(chunk)).on_conflict_do_nothing().returning(*_KEY)
        new.extend((row[0], row[1], row[2]) for row in session.execute(statement))
    return new


def account_of_send(session: Session, message_id: str) -> str | None:
    """The account that reported sending the message with this Message-ID; None when nobody did
    (or the retention has purged it), or when two accounts reported the same one (it names nobody)."""
    key = message_key(message_id)
    if key is None:
        return None
    return sender(set(session.connection().execute(_SENDERS, {"message_id": key}).scalars()))


def sender(accounts: set[str]) -> str | None:
    """Who sent a Message-ID, from the accounts that reported sending it: the one account, or
    nobody when none or several did."""
    return next(iter(accounts)) if len(accounts) == 1 else None


def accounts_of_sends(session: Session, message_ids: Sequence[str]) -> dict[str, str | None]:
    """`account_of_send` for many Message-IDs in one query per thousand: keyed by `message_key`,
    every key asked for present (None: nobody sent it, or two accounts did)."""
    keys = sorted({key for key in map(message_key, message_ids) if key is not None})
    senders: dict[str, set[str]] = {key: set() for key in keys}
    for start in range(0, len(keys), _LOOKUP_CHUNK):
        chunk = keys[start : start + _LOOKUP_CHUNK]
        statement = (
            select(_SENDS.c.message_id, _SENDS.c.account_id).where(_SENDS.c.message_id.in_(chunk)).distinct()
        )
        for message_id, account_id in session.connection().execute(statement):
            senders[message_id].add(account_id)
    return {key: sender(found) for key, found in senders.items()}


def purge(session: Session, *, before: datetime, limit: int) -> int:
    """Delete at most `limit` sends made before `before`; how many went (a bounded batch, so the
    purge never holds a long transaction over a big table)."""
    oldest = select(*_KEY).where(_SENDS.c.sent_at < before).limit(limit)
    result = session.execute(delete(_SENDS).where(tuple_(*_KEY).in_(oldest)))
    return int(getattr(result, "rowcount", 0) or 0)
