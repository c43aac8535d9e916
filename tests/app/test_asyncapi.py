"""openapi/asyncapi.yaml describes what the relay really publishes: topic, key, headers, payloads."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from sqlalchemy import select

from service.app import accounts, reputation, suppressions
from service.app.cloudevents import KafkaRecord, to_kafka_record
from service.app.ingest import ingest_message
from service.config import Settings
from service.domain import event_types
from service.store.db import Database
from service.store.models import OutboxEvent
from tests import core_samples

ASYNCAPI = Path(__file__).resolve().parents[2] / "openapi" / "asyncapi.yaml"


@cache
def document() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(ASYNCAPI.read_text())
    return loaded


def _resolve(node: Any) -> Any:
    """The node with every local `$ref` replaced by what it points at (siblings of a $ref are notes)."""
    if isinstance(node, dict):
        if "$ref" in node:
            target: Any = document()
            for part in node["$ref"].removeprefix("#/").split("/"):
                target = target[part]
            return _resolve(target)
        return {k: _resolve(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_resolve(v) for v in node]
    return node


def messages_by_type() -> dict[str, dict[str, Any]]:
    channel = document()["channels"]["events"]
    resolved = [_resolve(m) for m in channel["messages"].values()]
    return {m["name"]: m for m in resolved}


def validate_record(ce_type: str, key: bytes | None, headers: list[tuple[str, bytes]], value: bytes) -> None:
    """Raise jsonschema.ValidationError unless the record matches the document's message for its type."""
    message = messages_by_type()[ce_type]
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    decoded_headers = {name: raw.decode("utf-8") for name, raw in headers}
    assert len(decoded_headers) == len(headers), "no header appears twice"
    jsonschema.validate(decoded_headers, message["headers"], format_checker=checker)
    jsonschema.validate(json.loads(value), message["payload"], format_checker=checker)
    key_schema = message["bindings"]["kafka"]["key"]
    jsonschema.validate(None if key is None else key.decode("utf-8"), key_schema)
    if key is not None:
        assert key.decode() == decoded_headers["ce_subject"].lower()


def validate_kafka_record(ce_type: str, record: KafkaRecord) -> None:
    validate_record(ce_type, record.key, list(record.headers), record.value)


def test_document_covers_every_event_type_on_the_configured_topic() -> None:
    doc = document()
    assert doc["asyncapi"].startswith("3.")
    assert set(messages_by_type()) == set(event_types.EVENT_TYPES)
    defaults = Settings(database_url="sqlite:///unused.db")
    channel = doc["channels"]["events"]
    assert channel["address"] == defaults.kafka_topic
    assert channel["bindings"]["kafka"]["topic"] == defaults.kafka_topic
    assert channel["bindings"]["kafka"]["partitions"] == defaults.kafka_topic_partitions
    operation_messages = {m["name"] for m in _resolve(doc["operations"]["publishEvents"]["messages"])}
    assert operation_messages == set(event_types.EVENT_TYPES)


def test_every_event_the_code_produces_matches_its_schema(database: Database, tmp_path: Path) -> None:
    settings = Settings(database_url=database.url, instance="schema-test")
    with database.transaction() as session:
        accounts.create(session, "shop-a")
    shop_a = {"X-Bounceback-Account": "shop-a"}
    for raw in (
        core_samples.hard_bounce("Hard.User@example.com", "h1"),
        core_samples.soft_bounce("soft@example.com", "s1", original=shop_a),
        core_samples.complaint("complainer@example.com", "c1"),
        core_samples.complaint("complainer@example.com", "c2", original=shop_a),
        core_samples.unsubscribe("leaver@example.com", "u1", original=shop_a),
        core_samples.auto_reply("away@example.com", "a1"),
        core_samples.delay_warning("slow@example.com", "d1"),
        core_samples.human_mail("m1"),
    ):
        ingest_message(database, raw, f"file:{tmp_path}/sample.eml", settings)
    for account in (None, "shop-a"):
        with database.transaction() as session:
            suppressions.add_manual(
                session, "manual@example.com", note="asked us", actor="cli", account=account
            )
        with database.transaction() as session:
            suppressions.remove(session, "manual@example.com", note=None, actor="cli", account=account)
    reputation.pause_account(database, "shop-a", settings, note="abuse desk", actor="cli")

    with database.session() as session:
        rows = list(session.scalars(select(OutboxEvent).order_by(OutboxEvent.id)))
        assert {r.ce_type for r in rows} == set(event_types.EVENT_TYPES), "the samples exercise every type"
        assert {r.account_id for r in rows} == {None, "shop-a"}, "with and without an account"
        for row in rows:
            validate_kafka_record(row.ce_type, to_kafka_record(row, settings.instance))


def test_schemas_reject_what_consumers_must_not_see() -> None:
    good_headers = [
        ("ce_specversion", b"1.0"),
        ("ce_id", b"0b6a4a7e-3f5c-4c57-9a39-8d3c4b1c2f10"),
        ("ce_type", b"bounceback.suppression.added"),
        ("ce_source", b"bounceback/default"),
        ("ce_time", b"2026-11-23T01:02:03Z"),
        ("ce_subject", b"a@example.com"),
        ("content-type", b"application/json"),
    ]
    data = {"address": "a@example.com", "reason": "manual", "since": "2026-11-23T01:02:03Z"}
    data |= {"event_id": None, "actor": "cli", "note": None, "scope": "global", "account": None}
    validate_record("bounceback.suppression.added", b"a@example.com", good_headers, json.dumps(data).encode())

    def rejected(key: bytes | None, headers: list[tuple[str, bytes]], payload: dict[str, Any]) -> bool:
        try:
            validate_record("bounceback.suppression.added", key, headers, json.dumps(payload).encode())
        except (jsonschema.ValidationError, AssertionError):
            return True
        return False

    assert rejected(b"a@example.com", good_headers, {**data, "reason": "because"})
    assert rejected(b"a@example.com", good_headers, {**data, "account": "shop-a"}), "a global entry has none"
    assert rejected(b"a@example.com", good_headers, {**data, "scope": "account"}), "a scoped one has one"
    assert rejected(b"a@example.com", good_headers, {**data, "scope": "account", "account": "Shop A"})
    assert rejected(b"a@example.com", [*good_headers, ("ce_bouncebackaccount", b"no spaces")], data)
    assert rejected(b"a@example.com", good_headers, {k: v for k, v in data.items() if k != "since"})
    assert rejected(None, good_headers, data), "an address event needs its key"
    assert rejected(b"a@example.com", [h for h in good_headers if h[0] != "ce_id"], data)
    wrong_type = [(n, b"bounceback.suppression.removed" if n == "ce_type" else v) for n, v in good_headers]
    assert rejected(b"a@example.com", wrong_type, data)
