"""PostgreSQL: hearing that another process committed outbox rows (the NOTIFY service/store/outbox.py
sends on `OUTBOX_CHANNEL` with every such commit).

A connection of its own, outside the pool's transactions (autocommit), LISTENs; the relay's
process wakes its relay when anything arrives. Notifications carry no data: one is "look now", and
several that arrive together are one wake-up.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from service.store.outbox import OUTBOX_CHANNEL


class OutboxListener:
    """LISTENs on OUTBOX_CHANNEL on a connection of its own (the engine's timeouts apply)."""

    def __init__(self, engine: Engine) -> None:
        self._raw = engine.raw_connection()
        # Out of the pool for good: an autocommit connection that LISTENs must never be handed to
        # a transaction afterwards; closing it closes it.
        self._raw.detach()
        try:
            connection: Any = self._raw.dbapi_connection  # psycopg's own (LISTEN is below SQLAlchemy)
            connection.autocommit = True
            connection.execute(f"LISTEN {OUTBOX_CHANNEL}")
        except BaseException:
            self.close()
            raise
        self._connection = connection

    def heard(self, timeout: float) -> bool:
        """Whether a commit was announced within `timeout` seconds (every waiting one is taken, so
        a burst of commits is one answer). Raises when the connection is gone."""
        found = False
        for _ in self._connection.notifies(timeout=timeout, stop_after=1):
            found = True
        if found:
            for _ in self._connection.notifies(timeout=0):
                pass
        return found

    def ping(self) -> None:
        """A round trip: raises when the connection is gone (a quiet channel says nothing of it)."""
        self._connection.execute("SELECT 1")

    def close(self) -> None:
        try:
            self._raw.close()
        except Exception:
            pass  # a connection that is gone already has nothing left to close
