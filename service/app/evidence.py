"""Evidence: the stored messages behind every event and suppression, for the API and the CLI alike.

From a suppressed address to the bytes that caused it takes two calls: the address's history names
the message of each event (and of each change an event caused), and the message's raw bytes are
kept byte for byte (`raw`). Every read is for a view (service.domain.scope.View): a view of one
account sees the messages attributed to it and no others (another account's are "not found").
Raw bytes may be pruned after BOUNCEBACK_RAW_RETENTION_DAYS (`prune_raw`), except while the message
is evidence of a live suppression.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from service.app.ingest import event_to_dict
from service.domain.scope import View
from service.domain.times import iso_z_or_none
from service.store import messages as stored
from service.store.db import Database

OUTCOMES = ("processed", "quarantined")
# Messages whose raw bytes are dropped per transaction: short transactions, bounded work per tick.
PRUNE_BATCH = 500


class InvalidCursor(ValueError):
    """The pagination cursor was not produced by this service."""


class UnknownMessage(LookupError):
    """No message with this id that the caller may see."""


class RawPruned(LookupError):
    """The message exists but its raw bytes were pruned after the retention period."""


def message_link(message_id: int) -> str:
    """Where the message's evidence is (`GET` it; `/raw` for the bytes)."""
    return f"/v1/messages/{message_id}"


def _with_links(item: dict[str, Any]) -> dict[str, Any]:
    link = message_link(item["id"])
    return {**item, "links": {"self": link, "raw": f"{link}/raw" if item["raw_kept"] else None}}


def show(session: Session, message_id: int, view: View) -> dict[str, Any]:
    """A message's metadata, outcome (and quarantine reason), attribution, its parsed events (those a
    replay superseded included, marked) and the suppression changes they caused; UnknownMessage when
    `view` sees no such message."""
    found = stored.message(session, message_id, view)
    if found is None:
        raise UnknownMessage(f"no message {message_id}")
    rows = stored.events(session, message_id)
    events = [{**event_to_dict(row), "superseded_at": iso_z_or_none(row.superseded_at)} for row in rows]
    changes = stored.changes_of_events(session, [row.id for row in rows], view)
    return {**_with_links(found), "events": events, "changes": changes}


def raw(session: Session, message_id: int, view: View) -> bytes:
    """The stored bytes, exactly as received; UnknownMessage or RawPruned."""
    seen, body = stored.raw(session, message_id, view)
    if not seen:
        raise UnknownMessage(f"no message {message_id}")
    if body is None:
        raise RawPruned(f"the raw bytes of message {message_id} were pruned after the retention period")
    return bytes(body)


@dataclass(frozen=True, slots=True)
class Page:
    items: list[dict[str, Any]]
    next_cursor: str | None


def list_page(
    session: Session, view: View, *, outcome: str | None = None, cursor: str | None = None, limit: int = 100
) -> Page:
    """Messages `view` sees, newest first, one page at a time; `cursor` is the previous page's."""
    before: int | None = None
    if cursor is not None:
        if not (cursor.isascii() and cursor.isdigit()) or len(cursor) > 19:
            raise InvalidCursor("the cursor is not one this service handed out")
        before = int(cursor)
    items, more = stored.page(session, view, outcome=outcome, before=before, limit=limit)
    return Page([_with_links(i) for i in items], str(items[-1]["id"]) if more and items else None)


def to_json(item: dict[str, Any]) -> dict[str, Any]:
    """A message (metadata, or `show`'s whole answer) with JSON-able dates (ISO 8601 UTC with a Z),
    for JSON output."""
    out = {
        **item,
        "received_at": iso_z_or_none(item["received_at"]),
        "message_date": iso_z_or_none(item["message_date"]),
    }
    if "changes" in item:
        out["changes"] = [{**change, "at": iso_z_or_none(change["at"])} for change in item["changes"]]
    return out


def prune_raw(db: Database, retention_days: int, *, now: datetime) -> int:
    """Drop raw bytes older than `retention_days` (0: keep for ever), a batch per transaction; how
    many messages were pruned. Evidence of a live suppression is kept."""
    if retention_days <= 0:
        return 0
    cutoff = now - timedelta(days=retention_days)
    total = 0
    while True:
        with db.transaction() as session:
            pruned = stored.prune_raw(session, received_before=cutoff, limit=PRUNE_BATCH)
        total += pruned
        if pruned < PRUNE_BATCH:
            return total
