"""The SQL of the in-memory suppression view: every suppressed key, the state of a few keys, and the
announcements of changes (migration 0007: NOTIFY on PostgreSQL, `suppression_notices` on SQLite).

A key is `account_id + "\\n" + address`: the scope's slot (GLOBAL_SLOT for a global entry) and the
entry's key (an address or `*@domain`). Neither part can hold a line break.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Connection, Engine, event
from sqlalchemy.pool import Pool

from service.store.models import Recipient, SuppressionNotice

CHANNEL = "bounceback_suppressions"  # migration 0007's NOTIFY channel
RELOAD = "*"  # a notice that says: start again (TRUNCATE)
SEPARATOR = "\n"
# Keys per state query: far below either backend's bound-parameter limit.
STATE_CHUNK = 500

_TABLE = Recipient.__tablename__
_NOTICES = SuppressionNotice.__tablename__


def key_of(slot: str, address: str) -> str:
    return slot + SEPARATOR + address


def count_suppressed(connection: Connection) -> int:
    return int(connection.exec_driver_sql(f"SELECT count(*) FROM {_TABLE} WHERE suppressed").scalar_one())


def suppressed_keys(connection: Connection, batch: int = 50_000) -> Iterator[list[str]]:
    """Every suppressed row's key, in batches, streamed (a server-side cursor on PostgreSQL): the
    caller never holds more than one batch of strings."""
    mark = "%s" if connection.dialect.name == "postgresql" else "?"
    result = connection.execution_options(stream_results=True, max_row_buffer=batch).exec_driver_sql(
        f"SELECT account_id || {mark} || address FROM {_TABLE} WHERE suppressed", (SEPARATOR,)
    )
    for rows in result.partitions(batch):
        yield [row[0] for row in rows]


def suppressed_among(connection: Connection, keys: Iterable[str]) -> set[str]:
    """Those of `keys` whose row is suppressed now."""
    wanted = set(keys)
    addresses = sorted({key.partition(SEPARATOR)[2] for key in wanted})
    found: set[str] = set()
    postgresql = connection.dialect.name == "postgresql"
    for start in range(0, len(addresses), STATE_CHUNK):
        chunk = addresses[start : start + STATE_CHUNK]
        if postgresql:
            rows: Any = connection.exec_driver_sql(
                f"SELECT account_id, address FROM {_TABLE} WHERE address = ANY(%s) AND suppressed", (chunk,)
            )
        else:
            marks = ",".join("?" * len(chunk))
            rows = connection.exec_driver_sql(
                f"SELECT account_id, address FROM {_TABLE} WHERE address IN ({marks}) AND suppressed",
                tuple(chunk),
            )
        found.update(key for key in (key_of(slot, address) for slot, address in rows) if key in wanted)
    return found


# --- this process's own writes ---------------------------------------------------------------------
# A process must see its own changes at once (an entry added through the API and looked up next),
# not after its view hears of them: every commit of a session that wrote `recipients` counts here,
# and a view that has not caught up with the count asks the database (service/app/suppression_view).

_writes = [0]
_writes_lock = threading.Lock()
_WROTE = "bounceback.wrote_recipients"


def local_writes() -> int:
    """How many of this process's transactions have written `recipients` so far (counted once the
    connection is back in its pool, i.e. after the commit)."""
    return _writes[0]


@event.listens_for(Engine, "before_cursor_execute")
def _note_write(conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
    # Over-approximate (a SELECT ... FOR UPDATE counts too, a rollback counts too): a count too
    # many costs one lookup a query; one too few would answer from a stale view.
    if _TABLE in statement and statement.lstrip()[:6].upper() != "SELECT":
        conn.info[_WROTE] = True


@event.listens_for(Pool, "checkin")
def _count_write(_dbapi_connection: Any, record: Any) -> None:
    if record is not None and record.info.pop(_WROTE, False):
        with _writes_lock:
            _writes[0] += 1


# --- SQLite: the notice table ---------------------------------------------------------------------


def last_notice(connection: Connection) -> int:
    """The id of the newest notice (0 when there is none)."""
    return int(connection.exec_driver_sql(f"SELECT coalesce(max(id), 0) FROM {_NOTICES}").scalar_one())


def notices_after(connection: Connection, after: int, limit: int = 10_000) -> list[tuple[int, str]]:
    """(id, key) of the notices after `after`, oldest first."""
    rows = connection.exec_driver_sql(
        f"SELECT id, account_id || ? || address FROM {_NOTICES} WHERE id > ? ORDER BY id LIMIT ?",
        (SEPARATOR, after, limit),
    )
    return [(int(notice_id), key) for notice_id, key in rows]


# --- PostgreSQL: LISTEN -------------------------------------------------------------------------


class Listener:
    """A connection of its own LISTENing on CHANNEL (autocommit, the engine's timeouts)."""

    def __init__(self, engine: Engine) -> None:
        self._raw = engine.raw_connection()
        connection: Any = self._raw.dbapi_connection  # psycopg's own (LISTEN is below SQLAlchemy)
        self.connection = connection
        self.connection.autocommit = True
        self.connection.execute(f"LISTEN {CHANNEL}")

    def receive(self, timeout: float) -> list[str]:
        """The payloads that arrive within `timeout` seconds (all waiting ones, once one is there)."""
        payloads = [n.payload for n in self.connection.notifies(timeout=timeout, stop_after=1)]
        if payloads:
            payloads += [n.payload for n in self.connection.notifies(timeout=0)]
        return payloads

    def ping(self) -> None:
        """Raises when the connection is gone (a silent one is bounded by the engine's timeouts)."""
        self.connection.execute("SELECT 1")

    def close(self) -> None:
        try:
            self._raw.close()
        except Exception:
            pass
