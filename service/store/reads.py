"""The read side's SQL: one lookup, bulk check, a page of the list, an address's history, the event feed.

The API and the CLI reach these only through the use cases in service/app/lookups.py.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import repeat
from typing import Any

from sqlalchemy import Connection, case, select, tuple_
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from service.domain import event_types
from service.domain.scope import View, domain_key, domain_of_address
from service.domain.times import as_utc_or_none as utc
from service.store.models import (
    GLOBAL_SLOT,
    BounceEvent,
    OutboxEvent,
    Recipient,
    SuppressionChange,
    slot_key,
)

_ENTRY_COLUMNS = (
    Recipient.address,
    Recipient.account_id,
    Recipient.reason,
    Recipient.since,
    Recipient.source_event_id,
    Recipient.note,
)
_CHANGE_TYPES = (event_types.SUPPRESSION_ADDED, event_types.SUPPRESSION_REMOVED)


def _connection(db: Connection | Session) -> Connection:
    """The connection to run driver-level SQL on; a session's pending changes are flushed first, so
    a read inside a transaction sees what the transaction did."""
    if isinstance(db, Connection):
        return db
    db.flush()
    return db.connection()


def entry_of(row: Any) -> dict[str, Any]:
    """A suppressed row (of `recipients`) as an entry: its reason, date, cause and scope."""
    return _entry(row.address, row.account_id, row.reason, row.since, row.source_event_id, row.note)


def _entry(
    address: str,
    slot: str,
    reason: str | None,
    since: Any,
    source_event_id: int | None,
    note: str | None,
    *,
    by_domain: bool = False,
) -> dict[str, Any]:
    """An entry from _ENTRY_COLUMNS's values (a result row unpacks into it: no attribute lookups);
    `by_domain`: the `*@domain` entry that covers the looked-up `address` (scope `domain`)."""
    if isinstance(since, str):  # SQLite keeps timestamps as text (driver-level reads)
        since = datetime.fromisoformat(since)
    account = None if slot == GLOBAL_SLOT else slot
    if by_domain:
        scope = "domain"
    else:
        scope = "global" if slot == GLOBAL_SLOT else "account"
    return {
        "address": address,
        "suppressed": True,
        "reason": reason,
        "since": utc(since),
        "source_event_id": source_event_id,
        "note": note,
        "scope": scope,
        "account": account,
    }


def _slots(account: str | None) -> tuple[str, ...]:
    """The `recipients.account_id` values a lookup for `account` reads: the global row's, and the
    account's own (the global one alone for a lookup for nobody)."""
    return (GLOBAL_SLOT,) if account is None else (GLOBAL_SLOT, account)


def _slot_condition(dialect: str, slots: tuple[str, ...]) -> str:
    """`account_id IN (...)` in driver-level SQL, for the primary key's second column.

    SQLite is told (the unary `+`) to probe the key by address alone and filter the address's few
    rows, rather than probe once per (address, slot) pair: a 10,000-address check is 10,000
    probes instead of 20,000. Other accounts' rows are still filtered in SQL, never returned.
    """
    mark = "%s" if dialect == "postgresql" else "?"
    column = "account_id" if dialect == "postgresql" else "+account_id"
    return f"{column} IN ({', '.join([mark] * len(slots))})"


# An entry's row as lookups read it: (key, slot, reason, since, source_event_id, note), the key being
# the address, or the `*@domain` that covers it. Kept as is by service/app/confirmed_entries.py.
Hit = tuple[str, str, str | None, Any, int | None, str | None]
_HIT_COLUMNS = "address, account_id, reason, since, source_event_id, note"
# What a bulk check answers with for an address: (key, slot, reason), a Hit's first three fields.
# Read from the suppressed rows' own index (migration 0008): no table row is visited.
BulkHit = tuple[str, str, str | None]


def find_suppression(
    db: Connection | Session, address: str, account: str | None = None
) -> dict[str, Any] | None:
    """The entry that suppresses a (normalised) address for mail from `account` (None: for every
    account, i.e. global entries only), or None when nothing does.

    The global entry is the answer when both exist (service.domain.scope.is_suppressed_for says
    why). Another account's row is never returned. The lookup every send makes: one primary-key
    query in driver-level SQL, because SQLAlchemy's statement and result machinery costs several
    times the query itself.
    """
    hit = find_hit(db, address, account)
    return None if hit is None else entry_of_hit(address, hit)


def find_hit(db: Connection | Session, address: str, account: str | None = None) -> Hit | None:
    """`find_suppression`'s answer as the row it is made of (`entry_of_hit` makes the entry)."""
    connection = _connection(db)
    dialect = connection.dialect.name
    mark = "%s" if dialect == "postgresql" else "?"
    slots = _slots(account)
    domain = domain_key(domain_of_address(address))
    rows = connection.exec_driver_sql(
        f"SELECT {_HIT_COLUMNS} FROM {Recipient.__tablename__}"
        f" WHERE address IN ({mark}, {mark}) AND {_slot_condition(dialect, slots)} AND suppressed",
        (address, domain, *slots),
    ).all()
    if not rows:
        return None
    # (at most four rows: the address's global and account entries, then its domain's)
    best = rows[0] if len(rows) == 1 else min(rows, key=lambda row: _precedence(row[0], row[1], address))
    return tuple(best)


def entry_of_hit(address: str, hit: Hit) -> dict[str, Any]:
    """The entry a lookup of `address` answers with, from the row that suppresses it."""
    return _entry(*hit, by_domain=hit[0] != address)


def reason_of_hit(address: str, hit: Hit | BulkHit) -> tuple[str | None, str, str | None]:
    """(reason, scope, entry's account) as a bulk check answers for `address`, from its row."""
    key, slot, reason = hit[0], hit[1], hit[2]
    if key != address:
        scope = "domain"
    else:
        scope = "global" if slot == GLOBAL_SLOT else "account"
    return reason, scope, None if slot == GLOBAL_SLOT else slot


def _precedence(key: str, slot: str, address: str) -> tuple[bool, bool]:
    """The order service.domain.scope.is_suppressed_for names entries in: the address's before its
    domain's, global before the account's."""
    return (key != address, slot != GLOBAL_SLOT)


def suppressed_bulk_hits(
    db: Connection | Session, addresses: Sequence[str], account: str | None = None
) -> dict[str, BulkHit]:
    """{address: (key, slot, reason) of the row that suppresses it} for those among (normalised,
    distinct) `addresses` that are suppressed for mail from `account` (None: global entries only):
    for each, the row `find_hit` would answer (the address's before its domain's, global before
    the account's). `suppressed_bulk_groups`, one entry per address."""
    return suppressed_bulk_groups(db, addresses, account).hits()


@dataclass(frozen=True, slots=True)
class BulkGroups:
    """What a bulk check's confirmation read, as the statement returns it: per (slot, reason),
    the keys of the suppressed rows (`groups`, the global ones last). A few groups for thousands
    of rows: a bulk check's answers are shared per group (`answers`), and the entry per address
    (`hits`) is only built for what is kept, after the response is sent."""

    addresses: Sequence[str]  # the (normalised, distinct) addresses asked
    groups: list[tuple[str, str | None, list[str]]]  # (slot, reason, keys)
    domains: bool  # whether a `*@domain` key is among the keys found

    def hits(self) -> dict[str, BulkHit]:
        """{address: (key, slot, reason) of the row that suppresses it}, as `suppressed_bulk_hits`."""
        by_key: dict[str, BulkHit] = {}
        # An address's global entry is the answer when it has an account's too: the global group last.
        for slot, reason, keys in self.groups:
            hits = zip(keys, repeat(slot), repeat(reason), strict=False)  # (repeat: endless)
            by_key.update(zip(keys, hits, strict=True))
        if not self.domains:  # (most checks: every row found is an asked address's)
            return by_key
        answers: dict[str, BulkHit] = {}
        for address in self.addresses:
            hit = by_key.get(address) or by_key.get(domain_key(domain_of_address(address)))
            if hit is not None:
                answers[address] = hit
        return answers

    def answers(self) -> dict[str, tuple[str | None, str, str | None]]:
        """{address: (reason, scope, entry's account)} of the suppressed addresses, as
        `reason_of_hit` answers from `hits`; without `*@domain` rows, one answer per group,
        shared by its addresses (no Python step per address)."""
        if self.domains:
            return {address: reason_of_hit(address, hit) for address, hit in self.hits().items()}
        answers: dict[str, tuple[str | None, str, str | None]] = {}
        for slot, reason, keys in self.groups:  # (the global groups last: their answer stands)
            answer = (reason, "global", None) if slot == GLOBAL_SLOT else (reason, "account", slot)
            answers.update(dict.fromkeys(keys, answer))
        return answers


NO_BULK_GROUPS = BulkGroups((), [], False)


def suppressed_bulk_groups(
    db: Connection | Session, addresses: Sequence[str], account: str | None = None
) -> BulkGroups:
    """The rows that suppress those among (normalised, distinct) `addresses` for mail from
    `account` (None: global entries only), their `*@domain` rows included, grouped (`BulkGroups`).
    One statement, one parameter, whatever the number of addresses.

    Each asked key is one probe of `ix_recipients_entries` (the suppressed rows' (address,
    account_id, reason), migration 0008), in key order, so that neighbouring probes share pages:
    the cost follows the number asked, not the size of the list (a scan of 10 million rows is
    never chosen). Driver-level SQL on purpose: SQLAlchemy's statement machinery would cost several
    times the query. Another account's rows are filtered in SQL, never returned.
    """
    if not addresses:
        return NO_BULK_GROUPS
    connection = _connection(db)
    slots = _slots(account)
    # The addresses' domains' `*@domain` keys are asked in the same statement.
    domain_keys = {domain_key(domain) for domain in set(map(domain_of_address, addresses))}
    # (the addresses come sorted from a large check, `lookups`: appended to, they sort in one pass;
    # a set of them would come in hash order, to be sorted anew)
    keys = sorted([*addresses, *domain_keys.difference(addresses)])
    # The rows come grouped by (account, reason), the keys of each group in one value: a few
    # values for thousands of rows, taken in without a Python step per row (thousands of row
    # tuples cost 2.8 ms of CPU at 4,888 rows; the groups 1.0 ms).
    groups: Sequence[Any]
    if connection.dialect.name == "postgresql":
        # A nested loop of index probes, forced (the lateral subquery with OFFSET 0 is not
        # flattened): left to the planner, a list of 100,000 rows is scanned whole and hashed,
        # which costs more than 5,000 probes. The keys go as one text, a line each, split by the
        # server, and come back so: no stored key holds a line break (the validator refuses
        # control characters), and the join costs 0.04 ms for 5,000 keys against 0.9 ms for
        # psycopg's binary array. Should a key ever hold one, the keys go as that array and come
        # back as JSON arrays.
        joined = "\n".join(keys)
        parameter: str | list[str]
        if joined.count("\n") == len(keys) - 1:
            asked, parameter, found = (
                "unnest(string_to_array(%s::text, E'\\n'))",
                joined,
                "string_agg(entry.address, E'\\n')",
            )
        else:
            asked, parameter, found = "unnest(%b::text[])", keys, "json_agg(entry.address)"
        marks = ", ".join(["%s"] * len(slots))
        result = connection.exec_driver_sql(
            f"SELECT entry.account_id, entry.reason, {found}"
            f" FROM {asked} AS asked(key) CROSS JOIN LATERAL ("
            f"SELECT address, account_id, reason FROM {Recipient.__tablename__}"
            f" WHERE address = asked.key AND suppressed OFFSET 0) AS entry"
            f" WHERE entry.account_id IN ({marks}) GROUP BY entry.account_id, entry.reason",
            (parameter, *slots),
        )
        try:
            groups = result.cursor.fetchall()  # (the driver's own tuples: no row objects)
        finally:
            result.close()
    else:
        # The keys as one JSON parameter, the answers as one JSON value: SQLite runs the whole
        # statement in one step, without Python's lock, so another thread (`lookups.check`
        # building its results) runs meanwhile. CROSS JOIN keeps the order: asked keys outside.
        marks = ", ".join(["?"] * len(slots))
        answer = connection.exec_driver_sql(
            f"SELECT json_group_array(json_array(account_id, reason, json(found))) FROM ("
            f"SELECT entry.account_id, entry.reason, json_group_array(entry.address) AS found"
            f" FROM json_each(?) AS asked CROSS JOIN {Recipient.__tablename__} AS entry"
            f" ON entry.address = asked.value WHERE +entry.account_id IN ({marks}) AND entry.suppressed"
            f" GROUP BY entry.account_id, entry.reason)",
            (json.dumps(keys), *slots),
        ).scalar_one()
        groups = json.loads(answer)
    # The global groups last (`BulkGroups`); each group's keys as a list of its own.
    ordered = [
        (slot, reason, found_keys.split("\n") if isinstance(found_keys, str) else found_keys)
        for slot, reason, found_keys in sorted(groups, key=lambda group: group[0] == GLOBAL_SLOT)
    ]
    found_domains = any(not domain_keys.isdisjoint(keys) for _, _, keys in ordered)
    return BulkGroups(addresses, ordered, found_domains)


def _visible_slots(view: View) -> ColumnElement[bool] | None:
    """The rows of `recipients` a view sees (None: all of them)."""
    if view.every_account:
        return None
    return Recipient.account_id.in_(_slots(view.account))


def list_suppressions(
    session: Session,
    view: View,
    *,
    reason: str | None = None,
    since: datetime | None = None,
    after: tuple[str, str | None] | None = None,
    limit: int = 100,
    address: str | None = None,
) -> tuple[list[dict[str, Any]], bool]:
    """The entries `view` sees (of one `address`, when given), after `after` (an entry's address and
    account) in (address, scope) order, global first (keyset paging); and whether more follow."""
    query = select(*_ENTRY_COLUMNS).where(Recipient.suppressed.is_(True))
    if address is not None:
        query = query.where(Recipient.address == address)
    visible = _visible_slots(view)
    if visible is not None:
        query = query.where(visible)
    if reason is not None:
        query = query.where(Recipient.reason == reason)
    if since is not None:
        query = query.where(Recipient.since >= since)
    if after is not None:
        query = query.where(tuple_(Recipient.address, Recipient.account_id) > (after[0], slot_key(after[1])))
    rows = session.execute(query.order_by(Recipient.address, Recipient.account_id).limit(limit + 1)).all()
    return [_entry(*row) for row in rows[:limit]], len(rows) > limit


def address_history(
    session: Session, address: str, view: View, *, limit: int = 100
) -> tuple[list[dict[str, Any]], bool]:
    """The events and suppression changes of one address that `view` sees, newest first; and
    whether more exist. A view of one account sees that account's events and the changes of the
    global entry and of its own; another account's are not read."""
    event_query = select(BounceEvent).where(BounceEvent.recipient == address)
    change_query = select(SuppressionChange).where(SuppressionChange.address == address)
    if not view.every_account:
        event_query = event_query.where(_is(BounceEvent.account_id, view.account))
        change_query = change_query.where(
            _is(SuppressionChange.account_id, None) | _is(SuppressionChange.account_id, view.account)
        )
    events = session.scalars(
        event_query.order_by(BounceEvent.created_at.desc(), BounceEvent.id.desc()).limit(limit + 1)
    ).all()
    # Each change names the message of the event that caused it (from an entry to its bytes), when
    # the view sees that message: a global entry another account's mail caused names none.
    message_of_event: Any = BounceEvent.message_id
    if not view.every_account:
        message_of_event = case(
            (_is(BounceEvent.account_id, view.account), BounceEvent.message_id), else_=None
        )
    changes = session.execute(
        change_query.add_columns(message_of_event)
        .outerjoin(BounceEvent, BounceEvent.id == SuppressionChange.event_id)
        .order_by(SuppressionChange.created_at.desc(), SuppressionChange.id.desc())
        .limit(limit + 1)
    ).all()
    items: list[dict[str, Any]] = [
        {
            "kind": "event",
            "at": utc(e.created_at),
            "id": e.id,
            "message_id": e.message_id,
            "type": e.type,
            "classification": e.classification,
            "reason": e.reason,
            "status": e.status,
            "smtp_code": e.smtp_code,
            "diagnostic": e.diagnostic,
            "remote_mta": e.remote_mta,
            "action": e.action,
            "feedback_type": e.feedback_type,
            "original_message_id": e.original_message_id,
            "original_mail_from": e.original_mail_from,
            "occurred_at": utc(e.occurred_at),
            "account": e.account_id,
            "attributed_by": e.attributed_by,
            "superseded_at": utc(e.superseded_at),  # a replay replaced it; it no longer acts
        }
        for e in events
    ]
    items += [{"kind": "change", **change_item(c), "message_id": message_id} for c, message_id in changes]
    # A change caused by an event is recorded in the same instant as the event; listing the change
    # first (newest first) reads as "suppressed, because of this event".
    items.sort(key=lambda i: (i["at"], i["kind"] == "change", i["id"]), reverse=True)
    return items[:limit], len(items) > limit


def change_item(c: SuppressionChange) -> dict[str, Any]:
    """An audit row as the history and a message's evidence show it."""
    return {
        "at": utc(c.created_at),
        "id": c.id,
        "address": c.address,
        "change": c.change,
        "reason": c.reason,
        "event_id": c.event_id,
        "actor": c.actor,
        "note": c.note,
        "scope": "global" if c.account_id is None else "account",
        "account": c.account_id,
    }


def _is(column: Any, account: str | None) -> ColumnElement[bool]:
    result: ColumnElement[bool] = column.is_(None) if account is None else column == account
    return result


def event_feed(session: Session, view: View, *, after: int = 0, limit: int = 100) -> list[dict[str, Any]]:
    """Outbox events with an id above `after` that `view` sees, oldest first: the stream Kafka gets.

    A view of one account sees that account's events (its recorded events, the changes of its
    entries) and the changes of global entries; nothing else is read.
    """
    query = select(OutboxEvent).where(OutboxEvent.id > after)
    if not view.every_account:
        query = query.where(
            _is(OutboxEvent.account_id, view.account)
            | (OutboxEvent.account_id.is_(None) & OutboxEvent.ce_type.in_(_CHANGE_TYPES))
        )
    rows = session.scalars(query.order_by(OutboxEvent.id).limit(limit)).all()
    return [
        {
            "id": r.id,
            "ce_id": r.ce_id,
            "type": r.ce_type,
            "subject": r.subject,
            "time": utc(r.created_at),
            "account": r.account_id,
            "data": r.data,
        }
        for r in rows
    ]
