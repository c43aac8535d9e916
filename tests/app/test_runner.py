"""The intake runner on the real database: poison and failing items quarantined with the event,
outages waited out and never blamed on the item, batches that break redone one by one."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence

from sqlalchemy import select

from service.app.mail_intake import MailIntake, RawMail
from service.app.runner import IntakeRunner, Outcome
from service.config import Settings
from service.store.db import Database
from service.store.models import InboundMessage, OutboxEvent
from tests import core_samples as samples
from tests.fixtures.outage import CuttableDatabase

MAX_BYTES = 4096


def settings_for(db: Database) -> Settings:
    return Settings(database_url=db.url, max_message_bytes=MAX_BYTES)


def runner_for(intake: MailIntake) -> IntakeRunner[RawMail]:
    return IntakeRunner(intake, retry_seconds=0.01, outage_seconds=(0.05, 0.1))


def quarantined(db: Database) -> list[tuple[str, str | None]]:
    """(source, reason) of every quarantined message, and the reasons announced for them."""
    with db.session() as session:
        stored = sorted(
            (source, reason)
            for source, reason in session.execute(
                select(InboundMessage.source, InboundMessage.quarantine_reason).where(
                    InboundMessage.outcome == "quarantined"
                )
            )
        )
        announced = sorted(
            (e.data["source"], e.data["reason"])
            for e in session.scalars(
                select(OutboxEvent).where(OutboxEvent.ce_type == "bounceback.message.quarantined")
            )
        )
    assert stored == announced, "every quarantined message is announced"
    return stored


def wait_until(condition: Callable[[], bool], what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


def test_an_unusable_item_is_quarantined_at_once_with_the_event(database: Database) -> None:
    runner = runner_for(MailIntake(database, settings_for(database)))
    stop = threading.Event()
    empty = runner.run(RawMail(b"", "test:empty"), stop)
    big = runner.run(RawMail(b"X-Filler: " + b"x" * MAX_BYTES, "test:big"), stop)
    assert (empty.outcome, big.outcome) == (Outcome.POISON, Outcome.POISON)
    assert runner.failed_attempts == 0
    assert quarantined(database) == [
        ("test:big", f"too large: more than {MAX_BYTES} bytes (BOUNCEBACK_MAX_MESSAGE_BYTES)"),
        ("test:empty", "empty message (no bytes)"),
    ]
    with database.session() as session:
        kept = session.scalar(select(InboundMessage.size).where(InboundMessage.source == "test:big"))
    assert kept == MAX_BYTES  # the start of it; an adapter that can keeps the whole


def test_an_item_that_keeps_failing_is_tried_three_times_then_quarantined(database: Database) -> None:
    tries: list[str] = []

    class Broken(MailIntake):
        def process(self, item: RawMail) -> Outcome:
            tries.append(item.source)
            raise KeyError("a bug this message triggers")

    runner = runner_for(Broken(database, settings_for(database)))
    result = runner.run(RawMail(samples.hard_bounce("x@example.com"), "test:bug"), threading.Event())
    assert result.outcome is Outcome.POISON and result.committed
    assert tries == ["test:bug"] * 3
    assert quarantined(database) == [("test:bug", "failed 3 times: 'a bug this message triggers'")]


def test_a_batch_quarantines_its_poison_and_keeps_the_rest(database: Database) -> None:
    runner = runner_for(MailIntake(database, settings_for(database)))
    items = [
        RawMail(samples.hard_bounce("gone@example.com", "b1"), "test:hard"),
        RawMail(b"", "test:empty"),
        RawMail(samples.human_mail("b2"), "test:human"),
    ]
    results = runner.run_batch(items, threading.Event())
    assert [r.outcome for r in results] == [Outcome.PROCESSED, Outcome.POISON, Outcome.QUARANTINED]
    assert [source for source, _ in quarantined(database)] == ["test:empty", "test:human"]


def test_a_batch_that_breaks_is_redone_one_by_one(database: Database) -> None:
    class NoBatches(MailIntake):
        def process_many(self, items: Sequence[RawMail]) -> list[Outcome | Exception]:  # type: ignore[override]
            raise RuntimeError("one of these breaks the batch")

    runner = runner_for(NoBatches(database, settings_for(database)))
    items = [RawMail(samples.hard_bounce(f"g{i}@example.com", f"nb{i}"), f"test:{i}") for i in range(3)]
    results = runner.run_batch(items, threading.Event())
    assert [r.outcome for r in results] == [Outcome.PROCESSED] * 3
    assert quarantined(database) == []


def test_an_outage_is_waited_out_item_and_batch_and_never_counted(
    cuttable_database: CuttableDatabase,
) -> None:
    db = cuttable_database.db
    runner = runner_for(MailIntake(db, settings_for(db)))
    cuttable_database.cut()
    results: dict[str, object] = {}
    stop = threading.Event()
    worker = threading.Thread(
        target=lambda: results.update(
            one=runner.run(RawMail(samples.hard_bounce("one@example.com", "o1"), "test:one"), stop),
            batch=runner.run_batch(
                [RawMail(samples.hard_bounce(f"b{i}@example.com", f"o2{i}"), f"test:b{i}") for i in range(2)],
                stop,
            ),
        )
    )
    worker.start()
    wait_until(lambda: runner.database_waits > runner.max_attempts, "the runner waiting for the database")
    assert not results
    cuttable_database.restore()
    worker.join(30)
    assert not worker.is_alive()
    assert runner.failed_attempts == 0
    one, batch = results["one"], results["batch"]
    assert one.outcome is Outcome.PROCESSED  # type: ignore[attr-defined]
    assert [r.outcome for r in batch] == [Outcome.PROCESSED] * 2  # type: ignore[attr-defined]
    assert quarantined(db) == []


def test_stop_during_an_outage_commits_nothing_and_returns(cuttable_database: CuttableDatabase) -> None:
    db = cuttable_database.db
    runner = runner_for(MailIntake(db, settings_for(db)))
    cuttable_database.cut()
    stop = threading.Event()
    result: list[object] = []
    worker = threading.Thread(
        target=lambda: result.append(
            runner.run(RawMail(samples.hard_bounce("s@example.com"), "test:s"), stop)
        )
    )
    worker.start()
    wait_until(lambda: runner.database_waits >= 1, "the first wait")
    stop.set()
    worker.join(30)
    assert not worker.is_alive()
    assert [r.outcome for r in result] == [Outcome.STOPPED]  # type: ignore[attr-defined]
    cuttable_database.restore()
    with db.session() as session:
        assert session.scalar(select(InboundMessage.id)) is None
