"""The reputation upkeep `serve` and `worker` run in the background: warnings whose day is over are
announced as lapsed (within GAUGE_SECONDS of midnight UTC; once, whichever processes run it),
sends past BOUNCEBACK_SEND_RETENTION_DAYS are purged (in bounded batches) and the
accounts-per-status gauges refreshed (recounted, not kept up by the writers)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime

from service.app import reputation, sends
from service.config import Settings
from service.logging import get_logger
from service.store.db import Database

log = get_logger(__name__)

GAUGE_SECONDS = 30.0
PURGE_SECONDS = 600.0


def run_reputation_upkeep(
    db: Database,
    settings: Settings,
    stop: threading.Event,
    *,
    gauge_seconds: float = GAUGE_SECONDS,
    purge_seconds: float = PURGE_SECONDS,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> None:
    """Until `stop` is set: lapsed warnings announced and the gauges refreshed every
    `gauge_seconds`, the purge every `purge_seconds` (all at once on start). A failure (the
    database away) is logged and tried at the next turn. `clock`: the time now (tests move it)."""
    since_purge = purge_seconds
    while not stop.is_set():
        try:
            now = clock()
            lapsed = reputation.announce_lapses(db, settings, now=now)
            if lapsed:
                log.info("warnings_lapsed", accounts=lapsed)
            with db.session() as session:
                reputation.refresh_status_gauges(session, now=now)
            if since_purge >= purge_seconds:
                since_purge = 0.0
                purged = sends.purge_expired(db, settings)
                if purged:
                    log.info("sends_purged", sends=purged, retention_days=settings.send_retention_days)
        except Exception as exc:
            log.warning(
                "reputation_upkeep_failed", error=str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            )
        if stop.wait(gauge_seconds):
            return
        since_purge += gauge_seconds
