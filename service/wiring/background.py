"""The long-running parts `serve` and `worker` share: outbox relay, mailbox readers, Kafka intake
(raw mail and sends), housekeeping (expiry, raw-byte retention) and the reputation upkeep (sends
past their retention purged, the accounts-per-status gauges refreshed).

Every intake adapter runs its items through one intake runner (service/app/runner.py) over the
mail ingest use case, so retries, outage waits and quarantine are the same whichever queue an
item came from.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import structlog

from consumers.imap import run_mailboxes
from consumers.kafka_inbound import run_inbound
from consumers.kafka_sends import run_sends
from service.app.expiry import run_housekeeping
from service.app.mail_intake import MailIntake
from service.app.relay import OutboxRelay
from service.app.runner import IntakeRunner
from service.app.sends import SendIntake
from service.app.upkeep import run_reputation_upkeep
from service.config import Settings
from service.store.db import Database

log = structlog.get_logger("bounceback.background")


class BackgroundWork:
    """Runs each part in its own thread until `stop` is set; one part failing leaves the others."""

    def __init__(self, settings: Settings, db: Database) -> None:
        self.settings = settings
        self.db = db
        self.stop = threading.Event()
        self.threads: list[threading.Thread] = []
        self.errors: list[str] = []
        self.relay: OutboxRelay | None = None
        self.intake: MailIntake | None = None

    def start(self) -> None:
        # The relay runs in embedded mode too: it keeps the backlog gauge and prunes published rows.
        # Commits that write outbox rows wake it (service.store.outbox), whichever part made them.
        relay = self.relay = OutboxRelay(self.settings, self.db)
        self._spawn("outbox-relay", relay.run, self.stop)
        # Entries that lapse (BOUNCEBACK_EXPIRY_DAYS) and raw bytes past their retention.
        self._spawn("housekeeping", run_housekeeping, self.settings, self.db, self.stop)
        # (a poll's worth of raw mail is parsed on every core: see MailIntake)
        self.intake = MailIntake(self.db, self.settings, parse_workers=None)
        runner = IntakeRunner(self.intake)
        if self.settings.imap_urls.strip():
            self._spawn("mailboxes", run_mailboxes, self.settings, runner, self.stop)
        else:
            log.warning("no mailboxes to read", reason="BOUNCEBACK_IMAP_URLS is empty")
        if self.settings.kafka_bootstrap_servers and self.settings.kafka_inbound_topic:
            self._spawn("kafka-inbound", run_inbound, self.settings, runner, self.stop)
        if self.settings.kafka_bootstrap_servers and self.settings.kafka_sends_topic:
            sends_runner = IntakeRunner(SendIntake(self.db, self.settings))
            self._spawn("kafka-sends", run_sends, self.settings, sends_runner, self.stop)
        self._spawn("reputation-upkeep", run_reputation_upkeep, self.db, self.settings, self.stop)

    def _spawn(self, name: str, target: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        def guarded() -> None:
            try:
                target(*args, **kwargs)
            except Exception as exc:
                self.errors.append(f"{name}: {exc}")
                log.exception("background worker failed", worker=name)

        thread = threading.Thread(target=guarded, name=name, daemon=True)
        thread.start()
        self.threads.append(thread)
        log.info("background worker started", worker=name)

    def alive(self) -> bool:
        return any(thread.is_alive() for thread in self.threads)

    def shutdown(self, deadline_seconds: float) -> list[str]:
        """Stop every part within the deadline; returns the names of parts still running."""
        self.stop.set()
        deadline = time.monotonic() + deadline_seconds
        for thread in self.threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        stuck = [thread.name for thread in self.threads if thread.is_alive()]
        for name in stuck:
            log.warning("background worker did not stop in time", worker=name)
        if self.relay is not None:
            try:
                self.relay.close()
            except Exception:
                log.exception("closing the outbox relay failed")
        if self.intake is not None and not stuck:
            self.intake.close()  # (its parse workers; one still in use is left to exit with us)
        return stuck
