"""The reputation tables' SQL: daily counts, events already counted, each account's standing and
its audit trail, and the one-query status read the sending services make before every batch."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, case, delete, func, insert, select, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from service.domain.reputation import COMPLAINT, HARD, SOFT, UNSUBSCRIBE
from service.store.db import run_together
from service.store.models import (
    Account,
    AccountDay,
    AccountStanding,
    AccountStatusChange,
    Base,
    CountedEvent,
)

_DAYS = Base.metadata.tables[AccountDay.__tablename__]
_COUNTED = Base.metadata.tables[CountedEvent.__tablename__]
_STANDING = Base.metadata.tables[AccountStanding.__tablename__]
COUNT_COLUMNS = ("sent", "hard_bounces", "soft_bounces", "complaints", "unsubscribes")


def _dialect_insert(session: Session, table: Any) -> Any:
    return (postgresql if session.get_bind().dialect.name == "postgresql" else sqlite).insert(table)


def add_to_day(session: Session, account: str, day: date, amounts: dict[str, int]) -> tuple[int, int, int]:
    """Add `amounts` (by COUNT_COLUMNS name) to an account's day in one upsert; the day's totals
    (sent, hard bounces, complaints) after it.

    The row stays locked (PostgreSQL) until the caller's transaction ends: callers add a whole
    batch's amounts at once, as the last thing before commit, so writers queue on it briefly.
    A negative amount (a replay taking back what an event it read again counted) stops at zero:
    an event recorded before the counters existed was never counted.
    """
    values = {name: amounts.get(name, 0) for name in COUNT_COLUMNS}
    if any(value < 0 for value in values.values()):
        return _take_back(session, account, day, values)
    statement = _hot(session, "add_to_day")
    sent, hard, complaints = session.execute(statement, {"account_id": account, "day": day, **values}).one()
    return int(sent), int(hard), int(complaints)


# The statements every attributed ingest runs at commit, built once per dialect (building one costs
# more than running it).
_HOT: dict[tuple[str, str], Any] = {}


def _hot(session: Session, name: str) -> Any:
    dialect = session.get_bind().dialect.name
    found = _HOT.get((dialect, name))
    if found is not None:
        return found
    if name == "add_to_day":
        statement = _dialect_insert(session, _DAYS)
        found = statement.on_conflict_do_update(
            index_elements=["account_id", "day"],
            set_={column: _DAYS.c[column] + statement.excluded[column] for column in COUNT_COLUMNS},
        ).returning(_DAYS.c.sent, _DAYS.c.hard_bounces, _DAYS.c.complaints)
    else:
        found = (
            _dialect_insert(session, _COUNTED)
            .on_conflict_do_nothing()
            .returning(_COUNTED.c.account_id, _COUNTED.c.kind, _COUNTED.c.message_key, _COUNTED.c.recipient)
        )
    _HOT[(dialect, name)] = found
    return found


def _take_back(session: Session, account: str, day: date, values: dict[str, int]) -> tuple[int, int, int]:
    zeros = dict.fromkeys(COUNT_COLUMNS, 0)
    session.execute(
        _dialect_insert(session, _DAYS).values(account_id=account, day=day, **zeros).on_conflict_do_nothing()
    )
    sums = {name: _DAYS.c[name] + values[name] for name in COUNT_COLUMNS}
    sent, hard, complaints = session.execute(
        update(_DAYS)
        .where(_DAYS.c.account_id == account, _DAYS.c.day == day)
        .values({name: case((total < 0, 0), else_=total) for name, total in sums.items()})
        .returning(_DAYS.c.sent, _DAYS.c.hard_bounces, _DAYS.c.complaints)
    ).one()
    return int(sent), int(hard), int(complaints)


Mark = tuple[str, str, str, str]  # (account, kind, message key, recipient)
# The `account_days` column each kind of counted event adds to.
COLUMN_OF_KIND = {
    HARD: "hard_bounces",
    SOFT: "soft_bounces",
    COMPLAINT: "complaints",
    UNSUBSCRIBE: "unsubscribes",
}


def mark_row(mark: Mark, now: datetime) -> dict[str, Any]:
    """The `counted_events` row of a mark counted at `now`."""
    account, kind, message, recipient = mark
    return {
        "account_id": account,
        "kind": kind,
        "message_key": message,
        "recipient": recipient,
        "counted_at": now,
    }


def count(
    session: Session, marks: Mapping[Mark, date], sends: Mapping[tuple[str, date], int], now: datetime
) -> tuple[set[Mark], dict[tuple[str, date], tuple[int, int, int]]]:
    """Count events (each mark on its day, unless counted before: `mark_counted`) and sends
    ({(account, day): how many}) in their accounts' days; the marks newly counted, and the totals
    (sent, hard bounces, complaints) of every (account, day) that changed, after the change.

    The marks are taken in key order, then the day rows in (account, day) order, as `mark_counted`
    and `add_to_day` one after the other take them. On PostgreSQL one statement (one round trip
    instead of two); on SQLite those two, one after the other. Amounts only add here (a replay's
    taking back goes through `unmark_counted` and `add_to_day`).
    """
    if not marks and not any(sends.values()):
        return set(), {}
    if session.get_bind().dialect.name != "postgresql":
        return _count_one_by_one(session, marks, sends, now)
    params = {
        "marks": json.dumps(
            [
                {"account_id": a, "kind": k, "message_key": m, "recipient": r, "day": day.isoformat()}
                for (a, k, m, r), day in sorted(marks.items())
            ]
        ),
        "sends": json.dumps(
            [
                {"account_id": a, "day": day.isoformat(), "sent": n}
                for (a, day), n in sorted(sends.items())
                if n
            ]
        ),
        "now": now,
    }
    counted: set[Mark] = set()
    totals: dict[tuple[str, date], tuple[int, int, int]] = {}
    for kind, account, day, mark_kind, message, recipient, sent, hard, complaints in run_together(
        session, [(_PG_COUNT, params)]
    )[0]:
        if kind == "m":
            counted.add((account, mark_kind, message, recipient))
        else:
            totals[(account, day)] = (int(sent), int(hard), int(complaints))
    return counted, totals


def _count_one_by_one(
    session: Session, marks: Mapping[Mark, date], sends: Mapping[tuple[str, date], int], now: datetime
) -> tuple[set[Mark], dict[tuple[str, date], tuple[int, int, int]]]:
    counted = mark_counted(session, [mark_row(mark, now) for mark in sorted(marks)])
    amounts: dict[tuple[str, date], dict[str, int]] = {}
    for key, sent in sends.items():
        if sent:
            amounts.setdefault(key, {})["sent"] = sent
    for mark in counted:
        column = COLUMN_OF_KIND[mark[1]]
        columns = amounts.setdefault((mark[0], marks[mark]), {})
        columns[column] = columns.get(column, 0) + 1
    return counted, {key: add_to_day(session, key[0], key[1], amounts[key]) for key in sorted(amounts)}


# The day rows' additions come from the marks the statement inserted (those counted before are
# skipped by the conflict clause) and from the sends; the totals after them come back.
_PG_COUNT = f"""
    WITH offered AS (
        SELECT * FROM json_to_recordset(CAST(%(marks)s AS json)) AS offered(
            account_id varchar, kind varchar, message_key varchar, recipient varchar, day date
        )
    ), marked AS (
        INSERT INTO {CountedEvent.__tablename__} (account_id, kind, message_key, recipient, counted_at)
        SELECT account_id, kind, message_key, recipient, %(now)s FROM offered
        ORDER BY account_id, kind, message_key, recipient
        ON CONFLICT DO NOTHING
        RETURNING account_id, kind, message_key, recipient
    ), amounts AS (
        SELECT offered.account_id, offered.day, 0 AS sent,
            {
    ", ".join(
        f"count(*) FILTER (WHERE offered.kind = '{kind}') AS {column}"
        for kind, column in COLUMN_OF_KIND.items()
    )
}
        FROM marked JOIN offered USING (account_id, kind, message_key, recipient)
        GROUP BY offered.account_id, offered.day
        UNION ALL
        SELECT account_id, day, sent, 0, 0, 0, 0
        FROM json_to_recordset(CAST(%(sends)s AS json)) AS sends(account_id varchar, day date, sent bigint)
    ), counted AS (
        INSERT INTO {AccountDay.__tablename__} (account_id, day, {", ".join(COUNT_COLUMNS)})
        SELECT account_id, day, {", ".join(f"sum({column})" for column in COUNT_COLUMNS)}
        FROM amounts GROUP BY account_id, day ORDER BY account_id, day
        ON CONFLICT (account_id, day) DO UPDATE SET
            {
    ", ".join(
        f"{column} = {AccountDay.__tablename__}.{column} + excluded.{column}" for column in COUNT_COLUMNS
    )
}
        RETURNING account_id, day, sent, hard_bounces, complaints
    )
    SELECT 'm', account_id, CAST(NULL AS date), kind, message_key, recipient,
        CAST(NULL AS bigint), CAST(NULL AS bigint), CAST(NULL AS bigint)
    FROM marked
    UNION ALL
    SELECT 'd', account_id, day, NULL, NULL, NULL, sent, hard_bounces, complaints FROM counted
"""


def mark_counted(session: Session, marks: Sequence[dict[str, Any]]) -> set[tuple[str, str, str, str]]:
    """Remember events as counted; the keys (account, kind, message key, recipient) that were not
    counted before (only those may count)."""
    if not marks:
        return set()
    statement = _hot(session, "mark_counted")
    return {(row[0], row[1], row[2], row[3]) for row in session.execute(statement, list(marks))}


def unmark_counted(session: Session, mark: tuple[str, str, str, str]) -> None:
    """Forget that an event was counted (a replay took it back): the same again counts anew."""
    account, kind, message, recipient = mark
    session.execute(
        delete(_COUNTED).where(
            _COUNTED.c.account_id == account,
            _COUNTED.c.kind == kind,
            _COUNTED.c.message_key == message,
            _COUNTED.c.recipient == recipient,
        )
    )


def purge_counted(session: Session, *, before: datetime, limit: int) -> int:
    """Forget at most `limit` counted events older than `before` (they go with the sends)."""
    key = (_COUNTED.c.account_id, _COUNTED.c.kind, _COUNTED.c.message_key, _COUNTED.c.recipient)
    oldest = select(*key).where(_COUNTED.c.counted_at < before).limit(limit)
    result = session.execute(delete(_COUNTED).where(tuple_(*key).in_(oldest)))
    return int(getattr(result, "rowcount", 0) or 0)


def standing(session: Session, account: str, *, lock: bool = False) -> AccountStanding | None:
    """The account's stored status (None: never changed, i.e. `ok`); `lock`: held until the
    transaction ends (PostgreSQL), so two writers cannot both change it from the same status."""
    query = select(AccountStanding).where(AccountStanding.account_id == account)
    query = query.execution_options(populate_existing=True)
    if lock and session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update()
    return session.scalars(query).one_or_none()


def set_standing(
    session: Session, account: str, *, status: str, day: date, resumed_on: date | None, now: datetime
) -> None:
    values = {"status": status, "day": day, "resumed_on": resumed_on, "updated_at": now}
    statement = _dialect_insert(session, _STANDING).values(account_id=account, **values)
    session.execute(statement.on_conflict_do_update(index_elements=["account_id"], set_=values))


def warned_before(session: Session, day: date, statuses: Sequence[str]) -> list[str]:
    """The accounts whose stored status is one of `statuses` for a day before `day`, in id order."""
    query = (
        select(_STANDING.c.account_id)
        .where(_STANDING.c.status.in_(list(statuses)), _STANDING.c.day < day)
        .order_by(_STANDING.c.account_id)
    )
    return [str(account) for account in session.scalars(query)]


def take_standing(
    session: Session, account: str, *, status: str, day: date, to_status: str, to_day: date, now: datetime
) -> bool:
    """Change an account's standing only if it is still `status` for `day` (compare-and-set, so of
    several processes doing the same change one does it); whether it did."""
    result = session.execute(
        update(_STANDING)
        .where(_STANDING.c.account_id == account, _STANDING.c.status == status, _STANDING.c.day == day)
        .values(status=to_status, day=to_day, updated_at=now)
    )
    return bool(getattr(result, "rowcount", 0))


def add_status_change(session: Session, **values: Any) -> None:
    session.execute(insert(Base.metadata.tables[AccountStatusChange.__tablename__]).values(**values))


def day_counts(session: Session, account: str, day: date) -> dict[str, int]:
    """The account's counts for one day (zeros when it has no row)."""
    row = session.execute(
        select(*(_DAYS.c[name] for name in COUNT_COLUMNS)).where(
            _DAYS.c.account_id == account, _DAYS.c.day == day
        )
    ).one_or_none()
    return (
        dict(zip(COUNT_COLUMNS, (int(v) for v in row), strict=True))
        if row
        else dict.fromkeys(COUNT_COLUMNS, 0)
    )


def days(session: Session, account: str, *, first: date, last: date) -> dict[date, dict[str, int]]:
    """{day: counts} of the account's days from `first` to `last` that have a row."""
    rows = session.execute(
        select(_DAYS.c.day, *(_DAYS.c[name] for name in COUNT_COLUMNS)).where(
            _DAYS.c.account_id == account, _DAYS.c.day >= first, _DAYS.c.day <= last
        )
    )
    return {row[0]: dict(zip(COUNT_COLUMNS, (int(v) for v in row[1:]), strict=True)) for row in rows}


def status_changes(session: Session, account: str, limit: int = 20) -> list[AccountStatusChange]:
    """The account's latest status changes, newest first."""
    return list(
        session.scalars(
            select(AccountStatusChange)
            .where(AccountStatusChange.account_id == account)
            .order_by(AccountStatusChange.id.desc())
            .limit(limit)
        )
    )


def status_row(connection: Connection, account: str, day: date) -> tuple[Any, ...] | None:
    """(status, status day, sent, hard bounces, complaints) of an account on `day` in one query
    (None: no such account; status None: never changed); values as the driver gives them.

    The call a sending service makes before every batch: one primary-key probe per table in
    driver-level SQL, no ORM (its machinery would cost more than the query).
    """
    dialect = connection.dialect.name
    mark = "%s" if dialect == "postgresql" else "?"
    day_value: Any = day if dialect == "postgresql" else day.isoformat()
    row = connection.exec_driver_sql(
        "SELECT s.status, s.day, d.sent, d.hard_bounces, d.complaints"
        f" FROM {Account.__tablename__} a"
        f" LEFT JOIN {AccountStanding.__tablename__} s ON s.account_id = a.id"
        f" LEFT JOIN {AccountDay.__tablename__} d ON d.account_id = a.id AND d.day = {mark}"
        f" WHERE a.id = {mark}",
        (day_value, account),
    ).first()
    return None if row is None else tuple(row)


def standings(session: Session) -> list[tuple[str, date]]:
    """(status, day) of every account whose status ever changed."""
    return [(s, d) for s, d in session.execute(select(_STANDING.c.status, _STANDING.c.day))]


def account_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Account)) or 0)
