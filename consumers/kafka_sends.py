"""Kafka sends intake: a consumer-group member for BOUNCEBACK_KAFKA_SENDS_TOPIC (default
`bounceback.sends`), each record one send as a JSON object (`account`, `message_id`, `recipient`,
`sent_at`), as `POST /v1/sends` takes them.

It runs on the same plumbing as the raw-mail topic (consumers/kafka_inbound.py): a poll's records
go through the intake runner as one transaction (service.app.sends.SendIntake), and their offsets
are committed only after it commits, so a crash redelivers at most the records in hand, and
redelivered sends change nothing (idempotent on account, message_id, recipient). A record that
cannot be read, or that is no send that can be kept, is quarantined with the
`bounceback.message.quarantined` event and goes to the dead-letter topic with the reason: never
silently dropped. Its own consumer group (`<BOUNCEBACK_KAFKA_GROUP_ID>.sends`), so the two topics'
members never share an assignment.
"""

from __future__ import annotations

import threading

from consumers.kafka_inbound import InboundRecord, TopicConsumer, run_until_stopped
from service.app.runner import IntakeRunner
from service.app.sends import SendRecord
from service.config import Settings


class SendsConsumer(TopicConsumer[SendRecord]):
    """One member of the sends consumer group."""

    # Sends are small and many: a bigger poll is a bigger transaction and far fewer commits.
    max_records = 2000

    def __init__(self, settings: Settings, runner: IntakeRunner[SendRecord]) -> None:
        if not settings.kafka_bootstrap_servers or not settings.kafka_sends_topic:
            raise ValueError(
                "the Kafka sends consumer needs BOUNCEBACK_KAFKA_BOOTSTRAP_SERVERS and BOUNCEBACK_KAFKA_SENDS_TOPIC"
            )
        super().__init__(
            settings, runner, topic=settings.kafka_sends_topic, group_id=f"{settings.kafka_group_id}.sends"
        )

    def item_of(self, record: InboundRecord) -> SendRecord:
        return SendRecord(record.value or b"", record.source)


def run_sends(settings: Settings, runner: IntakeRunner[SendRecord], stop: threading.Event) -> None:
    """Blocking entry point for `serve` and `worker`: consume until stop is set, then close."""
    run_until_stopped(SendsConsumer(settings, runner), stop)
