"""Database access: the engine, one-transaction sessions (and figures counted when they commit), migrations."""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Connection, Engine, Pool, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, DisconnectionError, InterfaceError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

import migrations
from service.config import Settings

MIGRATIONS_DIR = Path(migrations.__file__).resolve().parent


class DatabaseUnavailable(Exception):
    """The database cannot be reached or migrated; the message is one line for the operator."""


def is_database_outage(exc: BaseException) -> bool:
    """Whether `exc` says the database cannot be reached (not that something in the work is wrong).

    Intake waits such an outage out instead of blaming (and eventually quarantining) the item.
    """
    return isinstance(exc, OperationalError | InterfaceError | DatabaseUnavailable)


@dataclass(frozen=True, slots=True)
class Timeouts:
    """Bounds on every wait for the database, in seconds (the BOUNCEBACK_DATABASE_*_TIMEOUT_SECONDS
    settings; the defaults are theirs)."""

    connect: float = 5.0  # opening a connection
    statement: float = 30.0  # one statement (PostgreSQL), the wait for the write lock (SQLite)
    pool: float = 5.0  # the wait for a free pooled connection


def database_timeouts(settings: Settings) -> Timeouts:
    return Timeouts(
        connect=settings.database_connect_timeout_seconds,
        statement=settings.database_statement_timeout_seconds,
        pool=settings.database_pool_timeout_seconds,
    )


def _sqlite_pragmas(busy_ms: int) -> Callable[[Any, Any], None]:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        # WAL lets readers (the API) run while a writer (ingest) holds the lock; busy_timeout makes
        # a second writer wait for the lock, for that long, instead of failing at once.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={busy_ms}")
        cursor.close()

    return on_connect


def postgresql_connect_args(timeouts: Timeouts, url_options: str = "") -> dict[str, Any]:
    """libpq parameters that bound every wait on a PostgreSQL connection.

    The server cancels a statement that runs longer than `statement`. A server or network that
    goes silent is only noticed by the client: keepalives find a dead peer on an idle connection,
    and tcp_user_timeout drops one whose sent data stays unacknowledged (a partition mid-query).
    A peer that acknowledges but never answers (a stalled proxy) is bounded above this layer, by
    the caller's deadline (the API's, see service/api/database_calls.py).
    """
    statement_ms = int(timeouts.statement * 1000)
    # Timestamps come back in the session's time zone: UTC, whatever the server's default, so that
    # nothing downstream depends on it. Options already in the URL are kept (ours come last).
    ours = f"-c statement_timeout={statement_ms} -c timezone=UTC"
    return {
        # libpq counts whole seconds and treats anything below 2 as 2.
        "connect_timeout": max(2, math.ceil(timeouts.connect)),
        "options": f"{url_options} {ours}".strip(),
        "keepalives": 1,
        "keepalives_idle": 30,
        "keepalives_interval": 10,
        "keepalives_count": 3,
        "tcp_user_timeout": statement_ms + int(timeouts.connect * 1000),
    }


def make_engine(url: str, timeouts: Timeouts | None = None, **options: Any) -> Engine:
    """An engine whose every connection carries `timeouts`; `options` go to create_engine."""
    timeouts = timeouts or Timeouts()
    if url.startswith("sqlite"):
        in_memory = make_url(url).database in (None, "", ":memory:")
        if not in_memory:  # an in-memory database has one connection per thread, no queue to wait in
            options = {"pool_timeout": timeouts.pool, **options}
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": timeouts.statement}, **options
        )
        event.listen(engine, "connect", _sqlite_pragmas(int(timeouts.statement * 1000)))
        return engine
    ping = options.pop("pool_pre_ping", True)  # (False: the caller wants no ping at all)
    engine = create_engine(
        url,
        **{
            "pool_size": 10,
            "max_overflow": 20,
            "pool_timeout": timeouts.pool,
            "connect_args": postgresql_connect_args(timeouts, str(make_url(url).query.get("options", ""))),
            **options,
        },
    )
    if ping:
        _ping_when_idle(engine)
    return engine


# A pooled connection used this recently is taken as alive without asking the server (a ping is a
# round trip: a third of a small transaction's); one idle for longer is pinged at checkout, and
# replaced when the ping fails. A hot connection that died all the same fails its first statement,
# which is an outage like any other to the callers (the API answers 503, intake waits and retries).
PING_AFTER_IDLE_SECONDS = 1.0
_CHECKED_IN_AT = "bounceback.checked_in_at"


def _ping_when_idle(engine: Engine) -> None:
    """The pool's pre-ping, for connections idle longer than PING_AFTER_IDLE_SECONDS only."""

    @event.listens_for(engine, "connect")
    def _fresh(_dbapi_connection: Any, record: Any) -> None:
        record.info[_CHECKED_IN_AT] = time.monotonic()

    @event.listens_for(engine, "checkin")
    def _returned(_dbapi_connection: Any, record: Any) -> None:
        if record is not None:
            record.info[_CHECKED_IN_AT] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _ping_if_idle(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        idle = time.monotonic() - record.info.get(_CHECKED_IN_AT, 0.0)
        if idle <= PING_AFTER_IDLE_SECONDS:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as exc:
            # The pool drops this connection and checks out another (a new one if need be).
            raise DisconnectionError(f"connection failed its ping: {first_line(exc)}") from exc


def alembic_config(url: str) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


class Database:
    """Owns the engine. `transaction()` is the one place that commits."""

    def __init__(self, url: str, timeouts: Timeouts | None = None) -> None:
        self.url = url
        self.timeouts = timeouts or Timeouts()
        self.engine = make_engine(url, self.timeouts)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work commits when the block ends and rolls back on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def write_transaction(self) -> Iterator[Session]:
        """`transaction()` for the ingest write path (`write_batch`), whose statements go over the
        driver (`run_together`, `read_before_begin`, `send_with_commit`): on PostgreSQL without an
        ORM session or SQLAlchemy's transaction bookkeeping (`DriverTransaction`, about a tenth of
        a one-message transaction's client CPU); on SQLite `transaction()` itself.

        What it yields answers as a session does for what the write path asks of one, and the
        Session events (`before_commit` and the others) fire as a session's commit fires them.
        """
        if self.is_sqlite:
            with self.transaction() as session:
                yield session
            return
        transaction = DriverTransaction(self.engine)
        try:
            # (typed as the Session it stands in for: the write path's functions take one)
            yield cast(Session, transaction)
            transaction.commit()
        except BaseException:
            transaction.rollback()
            raise
        finally:
            transaction.close()

    def session(self) -> Session:
        """A plain session for read-only work; the caller closes it."""
        return self._sessions()

    def check(self) -> None:
        """Raise DatabaseUnavailable with one line when the database cannot be reached."""
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except SQLAlchemyError as exc:
            raise DatabaseUnavailable(
                f"database unreachable ({_safe_url(self.url)}): {first_line(exc)}"
            ) from None

    def upgrade(self) -> None:
        """Run Alembic migrations to head."""
        from alembic import command

        self.check()
        try:
            if self.is_sqlite:
                # The embedded database migrates on first use: all of it in one transaction, so a
                # process killed half-way leaves the schema where it was.
                with self.engine.begin() as conn:
                    cfg = alembic_config(self.url)
                    cfg.attributes["connection"] = conn
                    command.upgrade(cfg, "head")
                return
            # PostgreSQL: one transaction per migration (Alembic's), so a migration can build an
            # index without holding writes (CREATE INDEX CONCURRENTLY runs outside a transaction);
            # a failure leaves the schema at the last migration that completed.
            with self.engine.connect() as conn:
                # A migration may rewrite a large table: the per-statement bound is for the
                # service's own work, not for this. The connection is dropped afterwards rather
                # than returned to the pool with the bound lifted.
                conn.execute(text("SET statement_timeout = 0"))
                conn.commit()
                try:
                    cfg = alembic_config(self.url)
                    cfg.attributes["connection"] = conn
                    command.upgrade(cfg, "head")
                finally:
                    conn.invalidate()
        except SQLAlchemyError as exc:
            raise DatabaseUnavailable(f"database migration failed: {first_line(exc)}") from None

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str, *, migrate: bool | None = None, timeouts: Timeouts | None = None) -> Database:
    """Open the database; the embedded SQLite default is migrated on first use."""
    db = Database(url, timeouts)
    if migrate is None:
        migrate = db.is_sqlite
    if migrate:
        db.upgrade()
    else:
        db.check()
    return db


def first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return (str(orig).strip().splitlines() or [type(orig).__name__])[0]


def _safe_url(url: str) -> str:
    """The URL without its password, for messages and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "<unparseable url>"


# --- figures that count committed work ------------------------------------------------------

_PENDING_COUNTS = "bounceback.pending_counts"


def count_when_committed(session: Session, counter: Any, amount: int = 1) -> None:
    """Increment a Prometheus counter (a labelled child) once the session's transaction commits.

    Counting inside the transaction would count work that is rolled back (a batch redone message by
    message after a deadlock, a request that fails after ingesting).
    """
    session.info.setdefault(_PENDING_COUNTS, []).append((counter, amount))


@event.listens_for(Session, "after_commit")
def _apply_counts(session: Session) -> None:
    for counter, amount in session.info.pop(_PENDING_COUNTS, ()):
        counter.inc(amount)


@event.listens_for(Session, "after_rollback")
def _drop_counts(session: Session) -> None:
    session.info.pop(_PENDING_COUNTS, None)


# --- several statements, one round trip (PostgreSQL) ----------------------------------------------

# A transaction whose first statements go through `run_together` sends its BEGIN with them, in
# their round trip (libpq sends no BEGIN of its own, unlike psycopg's cursors, which would wait for
# its answer alone); psycopg then finds the transaction open and sends none either. Its COMMIT is
# `_commit_together`'s when statements wait to go with it, psycopg's otherwise; a ROLLBACK is
# psycopg's (it sends one whenever the server says a transaction is open).
# Statements queued to go with the transaction's COMMIT (`send_with_commit`).
_WITH_COMMIT = "bounceback.with_commit"


def run_together(session: Session, statements: Sequence[tuple[str, Mapping[str, Any]]]) -> list[list[Any]]:
    """PostgreSQL: run statements (psycopg SQL, `%(name)s` parameters) in the session's transaction,
    sent together and answered in one round trip (libpq's pipeline mode, each statement prepared
    once per connection: service/store/pipeline.py), in order; each one's rows (empty for a
    statement that returns none). The transaction's BEGIN, when it is still to be sent, goes with
    them.

    For the write path's statements that do not depend on each other's answers: each waits for its
    own round trip otherwise (and the transaction's BEGIN for one more). They bypass SQLAlchemy's
    execution (which cannot defer reading an answer) but not its hooks: `before_cursor_execute`
    listeners see each statement. A database error comes out as SQLAlchemy's exception for it, as
    from `session.execute`.
    """
    return _run_together(session.connection(), statements)


def read_before_begin(session: Session, sql: str, params: Mapping[str, Any]) -> list[Any]:
    """PostgreSQL: one read (psycopg SQL, as `run_together` takes it) in the session's transaction,
    or, when that has not begun yet, just before it, on its own: its BEGIN then goes with the
    transaction's first pipeline (`run_together`) instead of costing a round trip of its own here
    or a pipeline's machinery for two statements. The read's rows.

    For a read that takes no locks and whose answer needs no snapshot shared with what the
    transaction does after it (at READ COMMITTED every statement takes its own snapshot anyway).
    """
    return _run_together(session.connection(), [(sql, params)], begin=False)[0]


def send_with_commit(session: Session, statements: Sequence[tuple[str, Mapping[str, Any]]]) -> bool:
    """PostgreSQL: have statements (as `run_together` takes them) sent with the transaction's COMMIT,
    in one round trip, after everything else the transaction does; False on SQLite (the caller
    runs them itself: no round trips to save there).

    For writes nobody reads back before the commit (the outbox rows, the policy's entries when the
    caller commits right after). A rollback drops them.
    """
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        return False
    connection.info.setdefault(_WITH_COMMIT, []).extend(statements)
    return True


@event.listens_for(Engine, "commit")
def _commit_together(connection: Connection) -> None:
    """Just before SQLAlchemy commits: the queued statements and COMMIT, one round trip (psycopg's
    own commit then finds nothing to do)."""
    if connection.invalidated:
        return  # (its driver connection is gone, and whatever was queued on it)
    queued = connection.info.pop(_WITH_COMMIT, None)
    if queued:  # (a failure leaves the transaction to SQLAlchemy's rollback, as any other)
        _run_together(connection, [*queued, (_COMMIT, None)])


@event.listens_for(Engine, "rollback")
def _rolled_back(connection: Connection) -> None:
    if connection.invalidated:
        return  # (a lost connection: a new one starts clean, see `_fresh_connection`)
    connection.info.pop(_WITH_COMMIT, None)


@event.listens_for(Pool, "connect")
def _fresh_connection(_dbapi_connection: Any, record: Any) -> None:
    record.info.pop(_WITH_COMMIT, None)


@event.listens_for(Pool, "checkin")
def _checked_in(_dbapi_connection: Any, record: Any) -> None:
    if record is not None:
        record.info.pop(_WITH_COMMIT, None)


_COMMIT = "COMMIT"
_IDLE = 0  # psycopg.pq.TransactionStatus.IDLE


def _run_together(
    connection: Connection, statements: Sequence[tuple[str, Mapping[str, Any] | None]], *, begin: bool = True
) -> list[list[Any]]:
    """`begin`: open the transaction first when it is still to be opened (psycopg's BEGIN, with the
    connection's isolation level if any; none in autocommit); without it, statements run before
    the transaction begins run on their own."""
    from service.store import pipeline  # (psycopg: PostgreSQL only)

    driver: Any = connection.connection.driver_connection
    dbapi = connection.dialect.loaded_dbapi
    listeners = connection.dispatch.before_cursor_execute
    begin = begin and not driver.autocommit and driver.info.transaction_status == _IDLE
    sent = [(driver._get_tx_start_command().decode(), None), *statements] if begin else statements
    for sql, params in sent:
        for listener in listeners:
            listener(connection, None, sql, params, None, False)
    try:
        answers = pipeline.run(driver, sent)
    except pipeline.StatementFailed as failed:
        raise DBAPIError.instance(
            failed.sql, failed.params, failed.error, dbapi.Error, dialect=connection.dialect
        ) from failed.error
    except dbapi.Error as exc:
        dialect = connection.dialect
        invalidated = dialect.is_disconnect(exc, driver, None)
        if invalidated:
            connection.invalidate(exc)
        raise DBAPIError.instance(
            sent[-1][0], None, exc, dbapi.Error, connection_invalidated=invalidated, dialect=dialect
        ) from exc
    except BaseException as exc:  # (interrupted half-way: the connection's state is unknown)
        connection.invalidate(exc if isinstance(exc, Exception) else None)
        raise
    return answers[1:] if begin else answers


# --- a transaction over the driver (PostgreSQL's ingest write path) -------------------------------

# The Session events' listeners (those registered on the Session class: the outbox's, the
# accounts' counters', `count_when_committed`'s), called as a session's commit and rollback call them.
_SESSION_EVENTS = Session().dispatch


class _Ended:
    """The `transaction` an `after_transaction_end` listener is given: an outermost one."""

    parent = None


_ENDED = _Ended()


class DriverTransaction:
    """One PostgreSQL transaction on a pooled connection, driven over the driver: BEGIN goes with
    the first pipeline (`_run_together`), COMMIT with the statements queued for it
    (`send_with_commit`), as within a session, but without the ORM session's and SQLAlchemy's
    transaction bookkeeping around them (a session's begin, commit and close cost about as much
    client CPU as the statements' own handling in a one-message transaction).

    It stands in for a Session where the write path takes one: `info`, `connection()`,
    `get_bind()`, `get_transaction()`, `in_transaction()`, `flush()`; anything else (an ORM query
    of a rare path: an address row created by a writer that committed meanwhile, an account's
    standing judged at commit) goes to an ORM session joined to this same transaction, made on
    first use. Its end fires the Session events a session's would: `before_commit`, then the
    COMMIT, then `after_commit`; or `after_rollback`; then `after_transaction_end`.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._connection = engine.connect()  # (a pool checkout; SQLAlchemy begins nothing on it)
        self._session: Session | None = None
        self.info: dict[str, Any] = {}

    def connection(self) -> Connection:
        return self._connection

    def get_bind(self) -> Engine:
        return self._engine

    def get_transaction(self) -> DriverTransaction:
        return self  # (what per-transaction memos key on: one object per transaction)

    def in_transaction(self) -> bool:
        return True

    def flush(self) -> None:
        if self._session is not None:
            self._session.flush()

    def __getattr__(self, name: str) -> Any:
        # (only for what the class does not define: the ORM session's public API)
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._orm(), name)

    def _orm(self) -> Session:
        if self._session is None:
            # Joined to the same connection: its statements run in this transaction (psycopg finds
            # it open, or opens it; SQLAlchemy's BEGIN on psycopg sends nothing).
            self._session = Session(bind=self._connection, expire_on_commit=False)
        return self._session

    def commit(self) -> None:
        _SESSION_EVENTS.before_commit(self)
        if self._session is not None:
            self._session.commit()  # (its changes flushed; it commits what it began)
        if self._connection.in_transaction():
            # SQLAlchemy's transaction on the connection (begun by a statement run through it or
            # by the ORM session): its commit sends the queued statements and COMMIT together
            # (`_commit_together`).
            self._connection.commit()
        else:
            queued = self._connection.info.pop(_WITH_COMMIT, [])
            driver: Any = self._connection.connection.driver_connection
            if queued or driver.info.transaction_status != _IDLE:
                _run_together(self._connection, [*queued, (_COMMIT, None)])
        _SESSION_EVENTS.after_commit(self)
        _SESSION_EVENTS.after_transaction_end(self, _ENDED)

    def rollback(self) -> None:
        self._connection.info.pop(_WITH_COMMIT, None)
        try:
            if self._session is not None:
                self._session.rollback()
            if self._connection.in_transaction():
                self._connection.rollback()
            if not self._connection.invalidated:
                driver: Any = self._connection.connection.driver_connection
                try:
                    driver.rollback()  # (nothing is sent when no transaction is open)
                except Exception as exc:  # (a lost connection: the pool replaces it)
                    self._connection.invalidate(exc)
        finally:
            _SESSION_EVENTS.after_rollback(self)
            _SESSION_EVENTS.after_transaction_end(self, _ENDED)

    def close(self) -> None:
        try:
            if self._session is not None:
                self._session.close()
        finally:
            self._connection.close()  # (back to the pool)
