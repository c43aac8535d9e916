"""Database access: the engine, one-transaction sessions (and figures counted when they commit), migrations."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import InterfaceError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

import migrations

MIGRATIONS_DIR = Path(migrations.__file__).resolve().parent


class DatabaseUnavailable(Exception):
    """The database cannot be reached or migrated; the message is one line for the operator."""


def is_database_outage(exc: BaseException) -> bool:
    """Whether `exc` says the database cannot be reached (not that something in the work is wrong).

    Intake waits such an outage out instead of blaming (and eventually quarantining) the item.
    """
    return isinstance(exc, OperationalError | InterfaceError | DatabaseUnavailable)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets readers (the API) run while a writer (ingest) holds the lock; busy_timeout makes a
    # second writer wait instead of failing at once.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(
        url, pool_pre_ping=True, pool_size=10, max_overflow=20, connect_args={"connect_timeout": 5}
    )


def alembic_config(url: str) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


class Database:
    """Owns the engine. `transaction()` is the one place that commits."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
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
            with self.engine.begin() as conn:
                cfg = alembic_config(self.url)
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        except SQLAlchemyError as exc:
            raise DatabaseUnavailable(f"database migration failed: {first_line(exc)}") from None

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str, *, migrate: bool | None = None) -> Database:
    """Open the database; the embedded SQLite default is migrated on first use."""
    db = Database(url)
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
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "<unparseable url>"


# --- figures that count committed work ------------------------------------------------------

_PENDING_COUNTS = "bounceback.pending_counts"


def count_when_committed(session: Session, counter: Any) -> None:
    """Increment a Prometheus counter (a labelled child) once the session's transaction commits.

    Counting inside the transaction would count work that is rolled back (a batch redone message by
    message after a deadlock, a request that fails after ingesting).
    """
    session.info.setdefault(_PENDING_COUNTS, []).append(counter)


@event.listens_for(Session, "after_commit")
def _apply_counts(session: Session) -> None:
    for counter in session.info.pop(_PENDING_COUNTS, ()):
        counter.inc()


@event.listens_for(Session, "after_rollback")
def _drop_counts(session: Session) -> None:
    session.info.pop(_PENDING_COUNTS, None)
