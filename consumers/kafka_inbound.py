"""Kafka intake: a consumer-group member that ingests raw inbound mail from a topic.

Each record's value is one raw RFC 5322 message. A poll's records go to the intake runner
(`service.app.runner`) as one batch, and their offsets are committed only after the runner has
committed their fate to the database, so a crash redelivers at most the records in hand, and
redelivered records change nothing (content-hash idempotency). The runner waits out a database
outage (not the records' fault) and quarantines a record that cannot be used (empty, too large,
failing again and again) with the `bounceback.message.quarantined` event, as it does for every
intake; such a record also goes to the dead-letter topic with the reason, so a poison message never
stalls a partition.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import structlog
from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.structs import OffsetAndMetadata

from service.app.mail_intake import RawMail
from service.app.runner import IntakeRunner, Outcome
from service.config import Settings

log = structlog.get_logger("bounceback.kafka_inbound")

T = TypeVar("T")

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


class RecordsLeft(Exception):
    """The runner could not commit a record's fate (not even as quarantined): read it again."""


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


class TopicConsumer(Generic[T]):
    """One member of a consumer group that hands a topic's records, a poll at a time, to the intake
    runner as items of its kind (`item_of`); the raw-mail and the sends topics both run on it."""

    max_records = 100  # records per poll (and per transaction)

    def __init__(self, settings: Settings, runner: IntakeRunner[T], *, topic: str, group_id: str) -> None:
        self.settings = settings
        self.runner = runner
        self.topic = topic
        self.group_id = group_id
        self._consumer: KafkaConsumer | None = None
        self._producer: KafkaProducer | None = None
        self.processed = 0
        self.dead_lettered = 0

    def item_of(self, record: InboundRecord) -> T:
        raise NotImplementedError

    # -- Kafka plumbing ---------------------------------------------------------------------------
    def _consumer_or_connect(self) -> KafkaConsumer:
        if self._consumer is None:
            config = {
                **consumer_config(self.settings),
                "group_id": self.group_id,
                "max_poll_records": self.max_records,
            }
            self._consumer = KafkaConsumer(self.topic, **config)
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
    def handle_batch(self, records: list[InboundRecord], stop: threading.Event) -> int:
        """Run one poll's records through the runner; how many of them, from the first, are done.

        Done means committed to the database (and, for a record the runner quarantined, dead-
        lettered too), so their offsets may be committed. Fewer than all: stopped, or left.
        """
        items = [self.item_of(record) for record in records]
        done = 0
        for record, result in zip(records, self.runner.run_batch(items, stop), strict=False):
            if not result.committed:
                break
            if result.outcome is Outcome.POISON:
                self._dead_letter(record, result.reason or "quarantined")
            else:
                self.processed += 1
            done += 1
        return done

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

    def run(self, stop: threading.Event) -> None:
        """Consume until `stop` is set; the batch in hand is finished first."""
        backoff = 1.0
        while not stop.is_set():
            try:
                consumer = self._consumer_or_connect()
                batch = consumer.poll(timeout_ms=500, max_records=self.max_records)
                backoff = 1.0
                done: dict[TopicPartition, OffsetAndMetadata] = {}
                records = [rec for recs in batch.values() for rec in recs]
                handled = self.handle_batch([_record(rec) for rec in records], stop) if records else 0
                # Records come grouped by partition, in offset order: the first `handled` of them
                # include, per partition, only records whose every predecessor is done too.
                for rec in records[:handled]:
                    done[TopicPartition(rec.topic, rec.partition)] = OffsetAndMetadata(rec.offset + 1, "", -1)
                # Every record up to these offsets is committed in the database (or dead-
                # lettered): moving the group's offsets on now loses nothing.
                if done:
                    consumer.commit(done)
                    log.info(
                        "records committed",
                        records=handled,
                        offsets={f"{tp.topic}/{tp.partition}": meta.offset for tp, meta in done.items()},
                    )
                if handled < len(records):
                    if stop.is_set():
                        return
                    raise RecordsLeft(f"{len(records) - handled} records could not be committed")
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


class InboundConsumer(TopicConsumer[RawMail]):
    """One member of the inbound consumer group: each record's value is one raw message."""

    def __init__(self, settings: Settings, runner: IntakeRunner[RawMail]) -> None:
        if not settings.kafka_bootstrap_servers or not settings.kafka_inbound_topic:
            raise ValueError(
                "the Kafka inbound consumer needs BOUNCEBACK_KAFKA_BOOTSTRAP_SERVERS and BOUNCEBACK_KAFKA_INBOUND_TOPIC"
            )
        super().__init__(
            settings, runner, topic=settings.kafka_inbound_topic, group_id=settings.kafka_group_id
        )

    def item_of(self, record: InboundRecord) -> RawMail:
        return RawMail(record.value or b"", record.source)


def _record(rec: Any) -> InboundRecord:
    headers = tuple((str(k), bytes(v) if v is not None else b"") for k, v in (rec.headers or []))
    return InboundRecord(rec.topic, rec.partition, rec.offset, rec.value, headers)


def run_inbound(settings: Settings, runner: IntakeRunner[RawMail], stop: threading.Event) -> None:
    """Blocking entry point for `serve` and `worker`: consume until stop is set, then close."""
    run_until_stopped(InboundConsumer(settings, runner), stop)


def run_until_stopped(consumer: TopicConsumer[Any], stop: threading.Event) -> None:
    """Consume until stop is set, then close (a failure to close is only logged)."""
    try:
        consumer.run(stop)
    finally:
        try:
            consumer.close()
        except Exception as exc:
            log.warning("error closing the Kafka consumer", topic=consumer.topic, error=str(exc))
