"""Every commit of new outbox rows wakes this process's relay, whichever use case wrote them."""

from __future__ import annotations

import threading

import pytest

from service.app.ingest import ingest_message
from service.app.relay import OutboxRelay
from service.config import Settings
from service.store.db import Database
from tests import core_samples as samples


class WatchedRelay(OutboxRelay):
    """A relay that notes each wake-up (it never runs: only the wake-up is under test)."""

    def __init__(self, settings: Settings, db: Database) -> None:
        super().__init__(settings, db)
        self.woken = threading.Event()

    def wake(self) -> None:
        self.woken.set()
        super().wake()


@pytest.mark.parametrize(
    "message",
    [samples.soft_bounce("soft@example.com"), samples.hard_bounce("hard@example.com"), samples.human_mail()],
    ids=["soft bounce", "hard bounce", "quarantined"],
)
def test_a_commit_of_new_events_wakes_the_relay(database: Database, message: bytes) -> None:
    settings = Settings(database_url=database.url)
    relay = WatchedRelay(settings, database)
    try:
        ingest_message(database, message, "test", settings)
        assert relay.woken.is_set()
    finally:
        relay.close()
