"""The transactional outbox: events to announce are rows written with the change they announce."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from service.store.models import OutboxEvent

# CloudEvents `type` values (see DESIGN.md and openapi/asyncapi.yaml).
BOUNCE_HARD = "bounceback.bounce.hard"
BOUNCE_SOFT = "bounceback.bounce.soft"
COMPLAINT = "bounceback.complaint"
AUTO_REPLY = "bounceback.auto_reply"
DELAY = "bounceback.delay"
SUPPRESSION_ADDED = "bounceback.suppression.added"
SUPPRESSION_REMOVED = "bounceback.suppression.removed"
MESSAGE_QUARANTINED = "bounceback.message.quarantined"

EVENT_TYPES = (
    BOUNCE_HARD,
    BOUNCE_SOFT,
    COMPLAINT,
    AUTO_REPLY,
    DELAY,
    SUPPRESSION_ADDED,
    SUPPRESSION_REMOVED,
    MESSAGE_QUARANTINED,
)


def enqueue(
    session: Session,
    ce_type: str,
    subject: str | None,
    data: dict[str, Any],
    *,
    now: datetime | None = None,
) -> OutboxEvent:
    """Add an event to the outbox in the caller's transaction (the caller commits)."""
    if ce_type not in EVENT_TYPES:
        raise ValueError(f"unknown event type {ce_type}")
    row = OutboxEvent(
        ce_id=str(uuid.uuid4()),
        ce_type=ce_type,
        subject=subject,
        data=data,
        created_at=now or datetime.now(UTC),
    )
    session.add(row)
    return row
