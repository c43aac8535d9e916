"""The intake runner: every queue's items go through here, one transaction each, and none is lost.

Mailman's runner, for bounceback's queues. An adapter (an IMAP mailbox, a Kafka topic; later the
sends topic and LMTP) only fetches an item, hands it to `IntakeRunner.run` (or a poll's worth to
`run_batch`) and acknowledges it (moves it, commits its offset) when the result says the item's
fate is committed. What one item does is the adapter's `Intake` (for raw mail: `ingest.MailIntake`);
the runner adds the rest, the same for every adapter:

- a database outage (cannot connect, connection lost) is not the item's fault: the runner waits,
  with back-off, and tries the same item again until the database answers or it is told to stop;
- any other failure is tried again `max_attempts` times in all, with back-off, and then the item
  is quarantined with the reason;
- an item the intake calls unusable at once (`Poison`: empty, too large) is quarantined without
  retries;
- quarantining stores the item aside with the `bounceback.message.quarantined` event; when even
  that fails (not an outage), the item is left unacknowledged for a later pass: stuck and visible
  beats lost.
"""

from __future__ import annotations

import enum
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from service.logging import get_logger
from service.store.db import is_database_outage

log = get_logger(__name__)

T = TypeVar("T")
T_contra = TypeVar("T_contra", contravariant=True)

MAX_ATTEMPTS = 3
RETRY_SECONDS = 0.2  # after the n-th failed attempt the runner waits n times this
OUTAGE_SECONDS = (0.5, 1.0, 2.0, 5.0, 10.0)  # waits for the database; the last one repeats


class Poison(Exception):
    """The item itself is unusable (empty, too large): quarantine it at once, no retries."""


class Outcome(enum.StrEnum):
    PROCESSED = "processed"  # committed; the item was usable
    QUARANTINED = "quarantined"  # committed; the intake kept it aside as unusable (human mail, garbage)
    POISON = "poison"  # committed by the runner as quarantined: unusable, or failing again and again
    LEFT = "left"  # nothing committed: leave the item where it is for a later pass
    STOPPED = "stopped"  # told to stop while waiting for the database; nothing committed


@dataclass(frozen=True, slots=True)
class Result:
    outcome: Outcome
    reason: str | None = None  # why the runner quarantined it (POISON), or why it was left (LEFT)

    @property
    def committed(self) -> bool:
        """Whether the item's fate is in the database: the adapter may acknowledge it."""
        return self.outcome in (Outcome.PROCESSED, Outcome.QUARANTINED, Outcome.POISON)


class Intake(Protocol[T_contra]):
    """What one item does. Each method owns its one transaction, committed when it returns."""

    def process(self, item: T_contra) -> Outcome:
        """Act on the item: PROCESSED or QUARANTINED; raises Poison for an unusable item."""
        ...

    def process_many(self, items: Sequence[T_contra]) -> list[Outcome | Poison]:
        """`process` for many items in one transaction (all or nothing), in order."""
        ...

    def quarantine(self, item: T_contra, reason: str) -> None:
        """Keep the item aside with `reason` and announce it."""
        ...

    def describe(self, item: T_contra) -> str:
        """The item's source, for the logs."""
        ...


class IntakeRunner(Generic[T]):
    """Runs items through an `Intake`; blocking, so adapters call it from a worker thread."""

    def __init__(
        self,
        intake: Intake[T],
        *,
        max_attempts: int = MAX_ATTEMPTS,
        retry_seconds: float = RETRY_SECONDS,
        outage_seconds: Sequence[float] = OUTAGE_SECONDS,
    ) -> None:
        self.intake = intake
        self.max_attempts = max_attempts
        self.retry_seconds = retry_seconds
        self.outage_seconds = tuple(outage_seconds)
        # Figures an operator (and a test) can read: how often the runner waited for the database,
        # and how many attempts failed for the item's own sake.
        self.database_waits = 0
        self.failed_attempts = 0

    def run(self, item: T, stop: threading.Event) -> Result:
        """One item, to a committed fate (or LEFT, or STOPPED)."""
        attempts = 0
        outages = 0
        while True:
            try:
                return Result(self.intake.process(item))
            except Poison as exc:
                return self._quarantine(item, str(exc), stop)
            except Exception as exc:
                if is_database_outage(exc):
                    if self._wait_for_database(exc, outages, stop):
                        return Result(Outcome.STOPPED)
                    outages += 1
                    continue
                attempts += 1
                self.failed_attempts += 1
                if attempts >= self.max_attempts:
                    log.error(
                        "intake_item_failed_repeatedly",
                        source=self.intake.describe(item),
                        attempts=attempts,
                        error=_one_line(exc),
                    )
                    return self._quarantine(item, f"failed {attempts} times: {_one_line(exc)}", stop)
                log.warning(
                    "intake_item_failed_will_retry",
                    source=self.intake.describe(item),
                    attempt=attempts,
                    error=_one_line(exc),
                )
                if stop.wait(self.retry_seconds * attempts):
                    return Result(Outcome.STOPPED)

    def run_batch(self, items: Sequence[T], stop: threading.Event) -> list[Result]:
        """Many items in one transaction; on a failure that is not an outage, one by one (`run`).

        On an outage the batch waits and is retried whole. Unusable items (Poison) are
        quarantined one by one after the batch commits.
        """
        if not items:
            return []
        outages = 0
        while True:
            try:
                outcomes = self.intake.process_many(items)
                break
            except Exception as exc:
                if not is_database_outage(exc):
                    log.warning("intake_batch_failed_one_by_one", items=len(items), error=_one_line(exc))
                    results: list[Result] = []
                    for item in items:
                        result = self.run(item, stop)
                        results.append(result)
                        if result.outcome is Outcome.STOPPED:
                            break
                    return results
                if self._wait_for_database(exc, outages, stop):
                    return [Result(Outcome.STOPPED)]
                outages += 1
        results = []
        for item, outcome in zip(items, outcomes, strict=True):
            if isinstance(outcome, Poison):
                result = self._quarantine(item, str(outcome), stop)
                results.append(result)
                if result.outcome is Outcome.STOPPED:
                    break
            else:
                results.append(Result(outcome))
        return results

    def _quarantine(self, item: T, reason: str, stop: threading.Event) -> Result:
        outages = 0
        while True:
            try:
                self.intake.quarantine(item, reason)
                log.error("intake_item_quarantined", source=self.intake.describe(item), reason=reason)
                return Result(Outcome.POISON, reason)
            except Exception as exc:
                if not is_database_outage(exc):
                    log.error(
                        "intake_item_cannot_even_be_quarantined_left_in_place",
                        source=self.intake.describe(item),
                        error=_one_line(exc),
                    )
                    return Result(Outcome.LEFT, f"cannot be quarantined: {_one_line(exc)}")
                if self._wait_for_database(exc, outages, stop):
                    return Result(Outcome.STOPPED)
                outages += 1

    def _wait_for_database(self, exc: BaseException, outages: int, stop: threading.Event) -> bool:
        """Back off after a database outage; True when told to stop meanwhile."""
        self.database_waits += 1
        delay = self.outage_seconds[min(outages, len(self.outage_seconds) - 1)]
        # One warning per outage; the waits after it are not news.
        level = log.warning if outages == 0 else log.info
        level("intake_database_unavailable", error=_one_line(exc), retry_in=delay)
        return stop.wait(delay)


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
