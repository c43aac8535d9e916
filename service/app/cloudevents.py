"""CloudEvents 1.0 in Kafka binary mode: the key, headers and value published for an outbox row."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from service.domain.times import iso_z
from service.store.models import OutboxEvent

SPEC_VERSION = "1.0"
CONTENT_TYPE = "application/json"
# The CloudEvents extension attribute naming the account an event belongs to (absent: none).
ACCOUNT_EXTENSION = "bouncebackaccount"


@dataclass(frozen=True)
class KafkaRecord:
    """What goes on the topic for one event.

    `key` is the lower-cased recipient address, so one address's events land on one partition and
    keep their order. Events about no address (a quarantined message) have no key: Kafka spreads
    them over the partitions, and no consumer needs them ordered relative to each other.
    """

    key: bytes | None
    value: bytes
    headers: tuple[tuple[str, bytes], ...]


def source_of(instance: str) -> str:
    """The CloudEvents `source`: which bounceback installation said it."""
    return f"bounceback/{instance}"


def attributes(row: OutboxEvent, instance: str) -> dict[str, str]:
    """The CloudEvents context attributes of an outbox row (without the `ce_` prefix)."""
    attrs = {
        "specversion": SPEC_VERSION,
        "id": row.ce_id,
        "type": row.ce_type,
        "source": source_of(instance),
        "time": iso_z(row.created_at),
    }
    if row.subject is not None:
        attrs["subject"] = row.subject
    if row.account_id is not None:
        attrs[ACCOUNT_EXTENSION] = row.account_id
    return attrs


def partition_key(subject: str | None) -> bytes | None:
    return None if subject is None else subject.lower().encode("utf-8")


def encode_data(data: dict[str, Any]) -> bytes:
    # Compact and key-sorted: the same event always has the same bytes.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def to_kafka_record(row: OutboxEvent, instance: str) -> KafkaRecord:
    """The binary-mode record for `row`: attributes as `ce_*` headers, the data as the JSON value."""
    headers = [(f"ce_{name}", value.encode("utf-8")) for name, value in attributes(row, instance).items()]
    headers.append(("content-type", CONTENT_TYPE.encode("ascii")))
    return KafkaRecord(key=partition_key(row.subject), value=encode_data(row.data), headers=tuple(headers))


def to_structured(row: OutboxEvent, instance: str) -> dict[str, Any]:
    """The same event in CloudEvents structured JSON form (for feeds that are not Kafka)."""
    return {**attributes(row, instance), "datacontenttype": CONTENT_TYPE, "data": row.data}
