"""The outbox relay: publishes committed outbox rows to Kafka as CloudEvents, in order, at least once.

A row is marked published only after the broker acknowledged it (acks=all); when anything fails,
nothing of the batch is marked and the rows go out again on the next pass (consumers de-duplicate
on `ce_id`). Several relays may run against one database:

- PostgreSQL: each batch is one transaction that takes a transaction-scoped advisory lock, then
  `SELECT ... FOR UPDATE SKIP LOCKED` the oldest rows, publishes them and marks them. The advisory
  lock makes relays take turns batch by batch, so rows leave in id order even with many relays.
- SQLite: a lease. One atomic UPDATE stamps `claimed_until` on the oldest rows, and only when no
  other relay holds an unexpired claim; the rows are published outside the transaction (so ingest is
  never blocked behind the broker) and then marked. A relay that dies mid-batch leaves a claim that
  expires by itself after the lease (`LEASE`, longer with long broker timeouts).

Without `BOUNCEBACK_KAFKA_BOOTSTRAP_SERVERS` nothing is published and the rows stay for the API feed.

Waking: a commit of outbox rows in the relay's own process wakes it at once (service/store/outbox.py's
commit hook). On PostgreSQL `run` also LISTENs for the NOTIFY every such commit sends, so a commit in
another process (a `serve --workers N` worker, another `worker`, `bounceback ingest`) wakes it as
promptly; the listener reconnects by itself and wakes the relay once on reconnecting (a commit made
while nobody listened is not lost, only heard late). On SQLite there is no such channel: another
process's rows are published at the relay's next idle poll (`idle_poll_seconds`, 1 s).
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from service import metrics
from service.app.cloudevents import to_kafka_record
from service.config import Settings
from service.logging import get_logger
from service.store import outbox
from service.store.db import Database, first_line
from service.store.models import OutboxEvent
from service.store.outbox_notices import OutboxListener

log = get_logger(__name__)

BATCH_SIZE = 500
# A SQLite claim older than this is taken to belong to a dead relay. Far above the worst publish
# time (a few broker timeouts), so a live relay never loses its claim.
LEASE = timedelta(seconds=120)
# Arbitrary, fixed: the key of the PostgreSQL advisory lock relays take turns on.
RELAY_LOCK_KEY = 0x626F756E6365  # "bounce"
PRUNE_INTERVAL_SECONDS = 600.0
# PostgreSQL listener: the longest wait for a notification before `stop` is looked at again, and
# how long a quiet channel may go without a round trip that proves the connection is alive.
LISTEN_SECONDS = 0.5
LISTEN_PING_SECONDS = 10.0


class BrokerUnavailable(Exception):
    """The Kafka broker could not be reached or did not acknowledge in time; one line for operators."""


def _now() -> datetime:
    return datetime.now(UTC)


class OutboxRelay:
    """Publishes pending outbox rows; `run` keeps doing it until told to stop.

    Thread-safe: `wake()` and `close()` may be called from any thread; one pass runs at a time.
    """

    def __init__(
        self,
        settings: Settings,
        db: Database,
        *,
        batch_size: int = BATCH_SIZE,
        idle_poll_seconds: float = 1.0,
        max_backoff_seconds: float = 30.0,
        broker_timeout_ms: int | None = None,
    ) -> None:
        self.settings = settings
        self.db = db
        self.batch_size = batch_size
        self.idle_poll_seconds = idle_poll_seconds
        self.max_backoff_seconds = max_backoff_seconds
        # Every wait on the broker is bounded, so "unreachable" is an answer within seconds, not a
        # hang: connecting, a request and waiting for metadata take at most this, a delivery twice it.
        self.broker_timeout_ms = broker_timeout_ms or int(settings.kafka_timeout_seconds * 1000)
        self.lease = max(LEASE, timedelta(milliseconds=10 * self.broker_timeout_ms))
        self.topic = settings.kafka_topic
        self._servers = [s.strip() for s in settings.kafka_bootstrap_servers.split(",") if s.strip()]
        self._pass_lock = threading.Lock()
        self._wake = threading.Event()
        self._producer: Any = None
        self._stop: threading.Event | None = None  # run()'s stop flag, checked while awaiting acks
        self._topic_ready = False
        self._last_prune = 0.0
        # In-process commits of new events wake the relay at once (other processes: see `run`).
        outbox.wake_on_commit(self)

    @property
    def enabled(self) -> bool:
        """False in embedded mode (no Kafka configured): events stay in the outbox for the API feed."""
        return bool(self._servers)

    # --- public surface -------------------------------------------------------------------------

    def publish_pending(self) -> int:
        """Publish everything pending, oldest first; return how many rows were published.

        Raises BrokerUnavailable (rows published before the failure stay published, the failed
        batch stays pending).
        """
        if not self.enabled:
            self._update_backlog()
            return 0
        total = 0
        with self._pass_lock:
            try:
                # Even with nothing to send: an unreachable broker is reported, the topic gets created.
                self._ensure_producer()
                while True:
                    published = self._publish_batch()
                    total += published
                    if published < self.batch_size:
                        break
            except BrokerUnavailable:
                # The producer may hold half-sent batches for a broker that is gone; start afresh.
                self._drop_producer()
                raise
            finally:
                self._update_backlog()
        return total

    def run(self, stop: threading.Event) -> None:
        """Publish continuously until `stop` is set: promptly after `wake()`, with backoff on failure."""
        if not self.enabled:
            log.info("relay_disabled", reason="BOUNCEBACK_KAFKA_BOOTSTRAP_SERVERS is not set")
        self._stop = stop
        backoff = 0.0
        listening: threading.Thread | None = None
        if self.enabled and not self.db.is_sqlite:
            listening = threading.Thread(
                target=self.follow_other_processes, args=(stop,), name="outbox-listener", daemon=True
            )
            listening.start()
        try:
            while not stop.is_set():
                self._wake.clear()
                try:
                    published = self.publish_pending()
                    if backoff:
                        log.info("relay_recovered", published=published)
                    backoff = 0.0
                    self._prune_now_and_then()
                except BrokerUnavailable as exc:
                    if stop.is_set():
                        break
                    backoff = min(max(1.0, backoff * 2), self.max_backoff_seconds)
                    log.warning("relay_broker_unavailable", error=str(exc), retry_in=backoff)
                except Exception as exc:  # the database, most likely; keep the worker alive
                    backoff = min(max(1.0, backoff * 2), self.max_backoff_seconds)
                    log.error("relay_failed", error=f"{type(exc).__name__}: {exc}", retry_in=backoff)
                # While backing off, new events must not hammer a broker that is down.
                self._sleep(stop, backoff or self.idle_poll_seconds, wakeable=not backoff)
        finally:
            if listening is not None:
                listening.join(timeout=2 * LISTEN_SECONDS)
            self.close()

    def follow_other_processes(self, stop: threading.Event) -> None:
        """PostgreSQL: wake this relay whenever any process commits outbox rows, until `stop` is set.

        (`run` starts it in a thread of its own.) A lost connection is logged and made again with
        back-off; each new connection wakes the relay once, for what was committed unheard.
        """
        backoff = 0.0
        while not stop.is_set():
            listener: OutboxListener | None = None
            try:
                listener = OutboxListener(self.db.engine)
                self.wake()
                if backoff:
                    log.info("relay_listening_again")
                backoff = 0.0
                quiet = 0.0
                while not stop.is_set():
                    if listener.heard(timeout=LISTEN_SECONDS):
                        self.wake()
                        quiet = 0.0
                        continue
                    quiet += LISTEN_SECONDS
                    if quiet >= LISTEN_PING_SECONDS:
                        listener.ping()
                        quiet = 0.0
            except Exception as exc:  # the database, most likely: the idle poll covers meanwhile
                backoff = min(max(1.0, backoff * 2), self.max_backoff_seconds)
                log.warning("relay_listen_failed", error=first_line(exc), retry_in=backoff)
                stop.wait(backoff)
            finally:
                if listener is not None:
                    listener.close()

    def wake(self) -> None:
        """New events are waiting: cut the current idle wait short.

        Called by itself after any commit in this process that wrote outbox rows.
        """
        self._wake.set()

    def close(self) -> None:
        """Flush and close the producer (waits for a running pass to finish)."""
        with self._pass_lock:
            self._drop_producer(flush=True)

    def prune(self, *, now: datetime | None = None) -> int:
        """Delete rows published longer ago than the retention (0 days = keep forever)."""
        days = self.settings.outbox_retention_days
        if days <= 0:
            return 0
        cutoff = (now or _now()) - timedelta(days=days)
        with self.db.transaction() as session:
            removed = outbox.prune_published(session, before=cutoff)
        if removed:
            log.info("outbox_pruned", removed=removed, retention_days=days)
        return removed

    # --- one batch ------------------------------------------------------------------------------

    def _publish_batch(self) -> int:
        if self.db.is_sqlite:
            return self._publish_batch_leased()
        return self._publish_batch_locked()

    def _publish_batch_locked(self) -> int:
        """PostgreSQL: claim, publish and mark in one transaction; a failure rolls the claim back."""
        with self.db.transaction() as session:
            outbox.lock_for_relay(session, RELAY_LOCK_KEY)
            rows = outbox.oldest_pending_locked(session, self.batch_size)
            if not rows:
                return 0
            self._send(rows)
            outbox.mark_published(session, [r.id for r in rows], now=_now(), claimed_until=None)
        metrics.EVENTS_PUBLISHED.inc(len(rows))
        return len(rows)

    def _publish_batch_leased(self) -> int:
        """SQLite: claim with a lease, publish outside any transaction, then mark."""
        # Microseconds of randomness make this relay's stamp its own.
        until = _now() + self.lease + timedelta(microseconds=secrets.randbelow(1_000_000))
        with self.db.transaction() as session:
            rows = outbox.claim_oldest(session, self.batch_size, until=until, now=_now())
        if not rows:
            return 0
        ids = [r.id for r in rows]
        try:
            self._send(rows)
        except BaseException:
            self._release(ids, until)
            raise
        with self.db.transaction() as session:
            outbox.mark_published(session, ids, now=_now(), claimed_until=until)
        metrics.EVENTS_PUBLISHED.inc(len(rows))
        return len(rows)

    def _release(self, ids: Sequence[int], until: datetime) -> None:
        try:
            with self.db.transaction() as session:
                outbox.release(session, ids, until=until)
        except Exception as exc:  # the lease expires by itself
            log.warning("relay_release_failed", error=str(exc))

    # --- Kafka ----------------------------------------------------------------------------------

    def _send(self, rows: Sequence[OutboxEvent]) -> None:
        """Send `rows` in order and wait until the broker acknowledged every one of them."""
        from kafka.errors import KafkaError

        producer = self._ensure_producer()
        instance = self.settings.instance
        try:
            futures = []
            for row in rows:
                record = to_kafka_record(row, instance)
                futures.append(
                    producer.send(
                        self.topic, key=record.key, value=record.value, headers=list(record.headers)
                    )
                )
            self._await_acks(producer, futures)
            for future in futures:
                future.get(timeout=0)
        except KafkaError as exc:
            raise BrokerUnavailable(self._describe(exc)) from None

    def _await_acks(self, producer: Any, futures: Sequence[Any]) -> None:
        """Flush in short slices, so a shutdown does not wait out a dead broker's delivery timeout."""
        from kafka.errors import KafkaTimeoutError

        deadline = time.monotonic() + 3 * self.broker_timeout_ms / 1000
        while True:
            try:
                producer.flush(timeout=0.2)
                return
            except KafkaTimeoutError:
                if all(f.is_done for f in futures):
                    return
                if self._stop is not None and self._stop.is_set():
                    # Nothing of this batch gets marked; it goes out after the restart.
                    raise BrokerUnavailable("publishing interrupted by shutdown") from None
                if time.monotonic() > deadline:
                    raise

    def _ensure_producer(self) -> Any:
        if self._producer is not None and self._topic_ready:
            return self._producer
        from kafka import KafkaProducer
        from kafka.errors import KafkaError

        try:
            if not self._topic_ready:
                self._ensure_topic()
                self._topic_ready = True
            if self._producer is None:
                self._producer = KafkaProducer(
                    bootstrap_servers=self._servers,
                    client_id=f"bounceback-relay-{self.settings.instance}",
                    acks="all",
                    # Idempotence keeps retried batches in order and without broker-side copies.
                    enable_idempotence=True,
                    linger_ms=5,
                    batch_size=256 * 1024,
                    allow_auto_create_topics=False,
                    bootstrap_timeout_ms=self.broker_timeout_ms,
                    max_block_ms=self.broker_timeout_ms,
                    request_timeout_ms=self.broker_timeout_ms,
                    delivery_timeout_ms=2 * self.broker_timeout_ms + 10,
                    reconnect_backoff_max_ms=1000,
                )
        except KafkaError as exc:
            raise BrokerUnavailable(self._describe(exc)) from None
        return self._producer

    def _ensure_topic(self) -> None:
        """Create the topic with the configured partition count when it does not exist yet."""
        from kafka.admin import KafkaAdminClient, NewTopic
        from kafka.errors import TopicAlreadyExistsError

        admin = KafkaAdminClient(
            bootstrap_servers=self._servers,
            client_id=f"bounceback-relay-{self.settings.instance}",
            bootstrap_timeout_ms=self.broker_timeout_ms,
            request_timeout_ms=self.broker_timeout_ms,
        )
        try:
            if self.topic in admin.list_topics():
                return
            partitions = self.settings.kafka_topic_partitions
            try:
                # replication_factor -1: the broker's default (3 on a production cluster, 1 locally).
                admin.create_topics([NewTopic(self.topic, num_partitions=partitions, replication_factor=-1)])
                log.info("topic_created", topic=self.topic, partitions=partitions)
            except TopicAlreadyExistsError:
                pass  # another relay was quicker
        finally:
            admin.close()

    def _drop_producer(self, *, flush: bool = False) -> None:
        producer, self._producer = self._producer, None
        self._topic_ready = False
        if producer is None:
            return
        try:
            if flush:
                producer.flush(timeout=self.broker_timeout_ms / 1000)
            producer.close(timeout=self.broker_timeout_ms / 1000 if flush else 0)
        except Exception as exc:  # closing a producer for a dead broker may complain; nothing to save
            log.debug("producer_close_failed", error=str(exc))

    def _describe(self, exc: BaseException) -> str:
        detail = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        return f"Kafka broker unreachable at {','.join(self._servers)}: {detail}"

    # --- bookkeeping ----------------------------------------------------------------------------

    def _update_backlog(self) -> None:
        try:
            with self.db.transaction() as session:
                count, oldest = outbox.backlog(session)
        except Exception as exc:  # metrics must never break publishing
            log.debug("backlog_query_failed", error=str(exc))
            return
        metrics.OUTBOX_BACKLOG.set(count)
        if oldest is None:
            metrics.OUTBOX_OLDEST_AGE.set(0)
        else:
            oldest = oldest.replace(tzinfo=UTC) if oldest.tzinfo is None else oldest
            metrics.OUTBOX_OLDEST_AGE.set(max(0.0, (_now() - oldest).total_seconds()))

    def _prune_now_and_then(self) -> None:
        if time.monotonic() - self._last_prune < PRUNE_INTERVAL_SECONDS:
            return
        self._last_prune = time.monotonic()
        self.prune()

    def _sleep(self, stop: threading.Event, seconds: float, *, wakeable: bool) -> None:
        """Wait `seconds`, returning early when `stop` is set (or, if wakeable, on `wake()`)."""
        deadline = time.monotonic() + seconds
        while not stop.is_set():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            slice_ = min(remaining, 0.1)
            if wakeable:
                if self._wake.wait(slice_):
                    return
            else:
                stop.wait(slice_)
