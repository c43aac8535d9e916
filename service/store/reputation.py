"""The reputation tables' SQL: daily counts, events already counted, each account's standing and
its audit trail, and the one-query status read the sending services make before every batch."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, case, delete, func, insert, select, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

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
