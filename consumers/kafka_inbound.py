"""Kafka intake: a consumer-group member that ingests raw inbound mail from a topic.

Each record's value is one raw RFC 5322 message. The offset is committed only after the database
transaction that stored the message has committed, so a crash redelivers at most the records in
hand, and redelivered records change nothing (content-hash idempotency). A record that keeps
failing goes to the dead-letter topic with the error, so a poison message never stalls a
partition. A database outage is not the record's fault: the consumer waits and retries the same
record instead of dead-lettering it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import structlog
from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.structs import OffsetAndMetadata
from sqlalchemy.exc import OperationalError

from service.app.ingest import IngestResult, MessageTooLarge, ingest_many, ingest_message
from service.config import Settings
from service.store.db import Database, DatabaseUnavailable

log = structlog.get_logger("bounceback.kafka_inbound")

MAX_ATTEMPTS = 3  # a record that fails this often (not counting database outages) is dead-lettered
DB_RETRY_SECONDS = (0.5, 1.0, 2.0, 5.0, 10.0)
SOURCE_HEADER = "source"


@dataclass(frozen=True, slots=True)
class InboundRecord:
    """What the consumer needs of a Kafka record."""

    topic: str
    partition: int
    offset: int
    value: bytes | None
    headers: tuple[tuple[str, bytes], ...]

    @property
    def source(self) -> str:
        for name, value in self.headers:
            if name == SOURCE_HEADER and value:
                return "kafka:" + value.decode("utf-8", "replace")[:900]
        return f"kafka:{self.topic}/{self.partition}@{self.offset}"


class PoisonRecord(Exception):
    """The record itself cannot be processed (empty, oversized, or failing repeatedly)."""


def consumer_config(settings: Settings) -> dict[str, Any]:
    return {
        "bootstrap_servers": settings.kafka_bootstrap_servers.split(","),
        "group_id": settings.kafka_group_id,
        "enable_auto_commit": False,
        "auto_offset_reset": "earliest",
        "max_poll_records": 100,
        # Short timeouts so a lost member's partitions move to the survivors quickly.
        "session_timeout_ms": 6000,
        "heartbeat_interval_ms": 1000,
        "max_poll_interval_ms": 60000,
        "request_timeout_ms": 30000,
        "client_id": f"bounceback-{settings.instance}",
    }


class InboundConsumer:
    """One member of the inbound consumer group."""

    def __init__(
        self,
        settings: Settings,
        db: Database,
        *,
        ingest: Callable[[Database, bytes, str, Settings], IngestResult] = ingest_message,
    ) -> None:
        if not settings.kafka_bootstrap_servers or not settings.kafka_inbound_topic:
            raise ValueError(
                "the Kafka inbound consumer needs BOUNCEBACK_KAFKA_BOOTSTRAP_SERVERS and BOUNCEBACK_KAFKA_INBOUND_TOPIC"
            )
        self.settings = settings
        self.db = db
        self._ingest = ingest
        self._consumer: KafkaConsumer | None = None
        self._producer: KafkaProducer | None = None
        self._attempts: dict[tuple[str, int, int], int] = {}
        self.processed = 0
        self.dead_lettered = 0

    # -- Kafka plumbing ---------------------------------------------------------------------------
    def _consumer_or_connect(self) -> KafkaConsumer:
        if self._consumer is None:
            self._consumer = KafkaConsumer(
                self.settings.kafka_inbound_topic, **consumer_config(self.settings)
            )
        return self._consumer

    def _dead_letter_producer(self) -> KafkaProducer:
        if self._producer is None:
            self._producer = KafkaProducer(
                bootstrap_servers=self.settings.kafka_bootstrap_servers.split(","),
                acks="all",
                retries=5,
                max_block_ms=30000,
                client_id=f"bounceback-{self.settings.instance}-dlq",
            )
        return self._producer

    def close(self) -> None:
        if self._producer is not None:
            self._producer.flush(timeout=10)
            self._producer.close(timeout=10)
            self._producer = None
        if self._consumer is not None:
            self._consumer.close(autocommit=False)
            self._consumer = None

    # -- processing -------------------------------------------------------------------------------
    def handle(self, record: InboundRecord, stop: threading.Event) -> str:
        """Ingest one record; returns "ingested", "dead_lettered" or "stopped"."""
        key = (record.topic, record.partition, record.offset)
        db_wait = 0
        while True:
            try:
                if not record.value:
                    raise PoisonRecord("empty record value (no message)")
                try:
                    self._ingest(self.db, record.value, record.source, self.settings)
                except MessageTooLarge as exc:
                    raise PoisonRecord(str(exc)) from exc
                self._attempts.pop(key, None)
                self.processed += 1
                return "ingested"
            except (DatabaseUnavailable, OperationalError) as exc:
                # Not the record's fault: wait for the database and try the same record again.
                if _wait_for_database(exc, db_wait, stop):
                    return "stopped"
                db_wait += 1
            except PoisonRecord as exc:
                self._dead_letter(record, str(exc))
                return "dead_lettered"
            except Exception as exc:
                attempts = self._attempts.get(key, 0) + 1
                self._attempts[key] = attempts
                log.warning(
                    "record failed",
                    topic=record.topic,
                    partition=record.partition,
                    offset=record.offset,
                    attempt=attempts,
                    error=f"{type(exc).__name__}: {exc}",
                )
                if attempts >= MAX_ATTEMPTS:
                    self._attempts.pop(key, None)
                    self._dead_letter(record, f"failed {attempts} times: {type(exc).__name__}: {exc}")
                    return "dead_lettered"
                if stop.wait(0.2 * attempts):
                    return "stopped"

    def _dead_letter(self, record: InboundRecord, error: str) -> None:
        headers = [
            *[(k, v) for k, v in record.headers if k != "error"],
            ("error", error.encode("utf-8", "replace")[:1000]),
            ("original_topic", record.topic.encode()),
            ("original_partition", str(record.partition).encode()),
            ("original_offset", str(record.offset).encode()),
        ]
        producer = self._dead_letter_producer()
        future = producer.send(
            self.settings.kafka_dead_letter_topic, value=record.value or b"", headers=headers
        )
        future.get(timeout=30)  # acknowledged before the offset moves on: nothing is lost
        self.dead_lettered += 1
        log.error(
            "record dead-lettered",
            topic=record.topic,
            partition=record.partition,
            offset=record.offset,
            dead_letter_topic=self.settings.kafka_dead_letter_topic,
            error=error,
        )

    def handle_batch(self, records: list[InboundRecord], stop: threading.Event) -> str:
        """Ingest one poll's records in one transaction; returns "done" or "stopped".

        The records stay in Kafka until their offsets are committed, so a batch that fails can be
        redone: on a database outage it is retried as a whole; when one record breaks it, the
        records are taken one at a time (`handle`), which retries and dead-letters the culprit.
        """
        usable = []
        for record in records:
            if record.value:
                usable.append(record)
            else:
                self._dead_letter(record, "empty record value (no message)")
        db_wait = 0
        while usable:
            try:
                results = ingest_many(self.db, [(r.value or b"", r.source) for r in usable], self.settings)
            except (DatabaseUnavailable, OperationalError) as exc:
                if _wait_for_database(exc, db_wait, stop):
                    return "stopped"
                db_wait += 1
                continue
            except Exception as exc:
                log.warning(
                    "batch failed; ingesting its records one by one", error=f"{type(exc).__name__}: {exc}"
                )
                for record in usable:
                    if self.handle(record, stop) == "stopped":
                        return "stopped"
                return "done"
            for record, result in zip(usable, results, strict=True):
                if isinstance(result, MessageTooLarge):
                    self._dead_letter(record, str(result))
                else:
                    self.processed += 1
            break
        return "done"

    def run(self, stop: threading.Event) -> None:
        """Consume until `stop` is set; the batch in hand is finished first."""
        backoff = 1.0
        while not stop.is_set():
            try:
                consumer = self._consumer_or_connect()
                batch = consumer.poll(timeout_ms=500, max_records=100)
                backoff = 1.0
                done: dict[TopicPartition, OffsetAndMetadata] = {}
                try:
                    records = [rec for recs in batch.values() for rec in recs]
                    if records and self.handle_batch([_record(rec) for rec in records], stop) == "stopped":
                        return
                    for rec in records:
                        done[TopicPartition(rec.topic, rec.partition)] = OffsetAndMetadata(
                            rec.offset + 1, "", -1
                        )
                finally:
                    # Every record up to these offsets is committed in the database (or dead-
                    # lettered): moving the group's offsets on now loses nothing.
                    if done:
                        consumer.commit(done)
            except Exception as exc:
                log.error(
                    "kafka consumer error; reconnecting", error=f"{type(exc).__name__}: {exc}", delay=backoff
                )
                try:
                    self.close()
                except Exception:
                    self._consumer = None
                    self._producer = None
                if stop.wait(backoff):
                    return
                backoff = min(backoff * 2, 30.0)


def _wait_for_database(exc: Exception, attempt: int, stop: threading.Event) -> bool:
    """Back off after a database outage; True when asked to stop meanwhile."""
    delay = DB_RETRY_SECONDS[min(attempt, len(DB_RETRY_SECONDS) - 1)]
    log.warning("database unavailable; retrying", error=str(exc).splitlines()[0], delay=delay)
    return stop.wait(delay)


def _record(rec: Any) -> InboundRecord:
    headers = tuple((str(k), bytes(v) if v is not None else b"") for k, v in (rec.headers or []))
    return InboundRecord(rec.topic, rec.partition, rec.offset, rec.value, headers)


def run_inbound(settings: Settings, db: Database, stop: threading.Event) -> None:
    """Blocking entry point for `bounceback worker`: consume until stop is set, then close."""
    consumer = InboundConsumer(settings, db)
    try:
        consumer.run(stop)
    finally:
        try:
            consumer.close()
        except Exception as exc:
            log.warning("error closing the Kafka consumer", error=str(exc))
