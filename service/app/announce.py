"""What bounceback announces: recorded events, suppression changes and quarantined messages.

Each function turns one kind of change into its outbox rows (CloudEvents type, subject, data) in the
caller's transaction; the relay publishes them after commit. The data shapes are the contract in
openapi/asyncapi.yaml. Every event names its account (data field `account`, CloudEvents extension
`bouncebackaccount`): the attributed account of a recorded event or a quarantined message, the
scope of a suppression change; null for unattributed ones and global entries.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from service.domain import event_types
from service.domain.times import iso_z_or_none
from service.store import outbox
from service.store.outbox import Announcement

# Event type per (event type, classification); events not listed (delivery reports) are not announced.
CE_TYPES = {
    ("bounce", "hard"): event_types.BOUNCE_HARD,
    ("bounce", "soft"): event_types.BOUNCE_SOFT,
    ("complaint", "hard"): event_types.COMPLAINT,
    ("complaint", "soft"): event_types.COMPLAINT,
    ("complaint", "ignored"): event_types.COMPLAINT,
    ("auto_reply", "ignored"): event_types.AUTO_REPLY,
    ("auto_reply", "soft"): event_types.AUTO_REPLY,
    ("auto_reply", "hard"): event_types.AUTO_REPLY,
    ("delay", "ignored"): event_types.DELAY,
    ("delay", "soft"): event_types.DELAY,
    ("delay", "hard"): event_types.DELAY,
    ("unsubscribe", "hard"): event_types.UNSUBSCRIBE,
    ("unsubscribe", "soft"): event_types.UNSUBSCRIBE,
    ("unsubscribe", "ignored"): event_types.UNSUBSCRIBE,
}


def events_recorded(
    session: Session, recorded: Sequence[dict[str, Any]], *, source: str, now: datetime
) -> None:
    """The parsed events of one message (as `ingest` recorded them), one row each, in order."""
    announcements = []
    for data in recorded:
        ce_type = CE_TYPES.get((data["type"], data["classification"]))
        if ce_type is None:
            continue
        payload = {**{k: v for k, v in data.items() if k != "id"}, "event_id": data["id"], "source": source}
        announcements.append(Announcement(ce_type, data["recipient"], payload, data["account"]))
    outbox.write(session, announcements, now=now)


def suppression_changed(
    session: Session,
    *,
    added: bool,
    address: str,
    reason: str,
    since: datetime | None,
    event_id: int | None,
    actor: str,
    note: str | None,
    account: str | None,
    now: datetime,
) -> None:
    """An address put on the list (`added`) or taken off it, for everyone or for `account`."""
    ce_type = event_types.SUPPRESSION_ADDED if added else event_types.SUPPRESSION_REMOVED
    data = {
        "address": address,
        "reason": reason,
        "since": iso_z_or_none(since),
        "event_id": event_id,
        "actor": actor,
        "note": note,
        "scope": "global" if account is None else "account",
        "account": account,
    }
    outbox.write(session, [Announcement(ce_type, address, data, account)], now=now)


def suppressions_added(
    session: Session,
    entries: Sequence[dict[str, Any]],
    *,
    actor: str,
    now: datetime,
) -> None:
    """Entries put on the list together (an import, an ingest batch's policy decisions), as
    `suppression_changed` announces one; each entry has `address`, `account` (None: global),
    `reason`, `since`, `note` and optionally `event_id` (the event that decided it)."""
    outbox.write(
        session,
        [
            Announcement(
                event_types.SUPPRESSION_ADDED,
                entry["address"],
                {
                    "address": entry["address"],
                    "reason": entry["reason"],
                    "since": iso_z_or_none(entry["since"]),
                    "event_id": entry.get("event_id"),
                    "actor": actor,
                    "note": entry["note"],
                    "scope": "global" if entry["account"] is None else "account",
                    "account": entry["account"],
                },
                entry["account"],
            )
            for entry in entries
        ],
        now=now,
    )


def message_quarantined(
    session: Session,
    *,
    message_id: int,
    source: str,
    reason: str,
    content_hash: str,
    account: str | None,
    now: datetime,
) -> None:
    """A message kept aside: about no address, so the record has no key."""
    data = {
        "message_id": message_id,
        "source": source,
        "reason": reason,
        "content_hash": content_hash,
        "account": account,
    }
    outbox.write(session, [Announcement(event_types.MESSAGE_QUARANTINED, None, data, account)], now=now)


def account_status_changed(session: Session, data: dict[str, Any], *, now: datetime) -> None:
    """An account's status changed (the ladder's verdict, or an operator's pause or resume), with
    the numbers that caused it; keyed by the account, so one account's changes stay in order."""
    account = data["account"]
    outbox.write(session, [Announcement(event_types.ACCOUNT_STATUS_CHANGED, account, data, account)], now=now)
