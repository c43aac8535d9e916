"""`bounceback publish-inbound`: send message files, maildirs or mbox files to the inbound topic."""

from __future__ import annotations

import argparse
import hashlib
import sys
from typing import Any

from service.cli.common import fail, settings_or_exit
from service.sources import iter_messages


def register(sub: Any) -> None:
    p = sub.add_parser(
        "publish-inbound",
        help="publish raw messages to the Kafka inbound topic (for MTA pipes and backfills)",
    )
    p.add_argument(
        "paths", nargs="*", metavar="PATH", help="message file, maildir, folder or mbox; '-' or none: stdin"
    )
    p.add_argument("--mbox", action="store_true", help="read every file as an mbox")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kafka import KafkaProducer
    from kafka.errors import KafkaError

    settings = settings_or_exit()
    if not settings.kafka_bootstrap_servers:
        fail("BOUNCEBACK_KAFKA_BOOTSTRAP_SERVERS is not set")
    topic = settings.kafka_inbound_topic or "bounceback.inbound"
    try:
        producer = KafkaProducer(
            bootstrap_servers=settings.kafka_bootstrap_servers.split(","),
            acks="all",
            retries=5,
            max_block_ms=15000,
            request_timeout_ms=15000,
            max_request_size=max(settings.max_message_bytes + 65536, 1048576),
            client_id=f"bounceback-{settings.instance}-publisher",
        )
    except KafkaError as exc:
        fail(f"Kafka unreachable at {settings.kafka_bootstrap_servers}: {exc}")

    paths = [p for p in args.paths if p != "-"]
    items: list[tuple[str, bytes]] = []
    failures = 0
    if not paths:
        items.append(("stdin", sys.stdin.buffer.read()))
    sent = 0
    futures = []
    try:
        for source, raw in items:
            futures.append(_send(producer, topic, source, raw))
        for item in iter_messages(paths, mbox=args.mbox):
            if item.raw is None:
                failures += 1
                print(f"bounceback: {item.error}", file=sys.stderr)
                continue
            futures.append(_send(producer, topic, item.source, item.raw))
        producer.flush(timeout=60)
        for future in futures:
            future.get(timeout=30)  # every message acknowledged by the broker, or an error
            sent += 1
    except KafkaError as exc:
        fail(f"publishing to {topic} failed after {sent} messages: {exc}")
    finally:
        producer.close(timeout=10)
    print(
        f"published {sent} messages to {topic}" + (f", {failures} unreadable" if failures else ""),
        file=sys.stderr,
    )
    return 1 if failures else 0


def _send(producer: Any, topic: str, source: str, raw: bytes) -> Any:
    # Keyed by content hash: copies of one message land on one partition, in order.
    key = hashlib.sha256(raw).hexdigest().encode()
    return producer.send(topic, key=key, value=raw, headers=[("source", source.encode("utf-8", "replace"))])
