"""Shared set-up for the sends and reputation tests: sends, attributed bounces and complaints, and
what the ladder has said (status, status_changed events)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from service.app import reputation, sends
from service.app.ingest import ingest_message
from service.config import Settings
from service.domain import event_types
from service.store.db import Database
from service.store.models import OutboxEvent
from tests import core_samples as samples


def yesterday_noon() -> datetime:
    """A moment of yesterday (UTC): a whole day the tests can fill and then look back on."""
    return datetime.now(UTC).replace(hour=12, minute=0, second=0, microsecond=0) - timedelta(days=1)


def send_items(
    account: str, count: int, sent_at: datetime, *, prefix: str | None = None
) -> list[dict[str, Any]]:
    """`count` sends of `account`, message i to r<i>@example.com with Message-ID orig-<prefix><i>@...
    (what core_samples' reports about tag <prefix><i> name as the original)."""
    tag = prefix if prefix is not None else f"{account}-"
    return [
        {
            "account": account,
            "message_id": f"<orig-{tag}{i}@sender.example>",
            "recipient": f"r{i}@example.com",
            "sent_at": sent_at.isoformat(),
        }
        for i in range(count)
    ]


def report_sends(
    db: Database,
    settings: Settings,
    account: str,
    count: int,
    sent_at: datetime,
    *,
    prefix: str | None = None,
) -> None:
    result = sends.record_sends(db, send_items(account, count, sent_at, prefix=prefix), settings)
    assert (result.stored, result.errors) == (count, []), result.to_dict()


def hard_bounce(db: Database, settings: Settings, account: str, i: int, when: datetime) -> None:
    """An attributed (by its original's Message-ID only) hard bounce of the account's message i."""
    raw = samples.hard_bounce(f"r{i}@example.com", f"{account}-{i}", when)
    result = ingest_message(db, raw, "test", settings)
    assert (result.account, result.attributed_by) == (account, "message_id")


def complaint(db: Database, settings: Settings, account: str, i: int, when: datetime) -> None:
    raw = samples.complaint(f"r{i}@example.com", f"{account}-{i}", when)
    result = ingest_message(db, raw, "test", settings)
    assert (result.account, result.attributed_by) == (account, "message_id")


def status_of(db: Database, settings: Settings, account: str, now: datetime | None = None) -> dict[str, Any]:
    with db.engine.connect() as connection:
        answer = reputation.status(connection, account, settings, now=now)
    assert answer is not None
    return answer


def status_events(db: Database, account: str | None = None) -> list[dict[str, Any]]:
    """The data of every bounceback.account.status_changed written, in order."""
    with db.session() as session:
        rows = session.scalars(
            select(OutboxEvent)
            .where(OutboxEvent.ce_type == event_types.ACCOUNT_STATUS_CHANGED)
            .order_by(OutboxEvent.id)
        )
        return [dict(row.data) for row in rows if account is None or row.account_id == account]
