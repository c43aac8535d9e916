"""The one read path: lookups, bulk checks, the paged list, an address's history and the event feed.

The REST API and the CLI both call these, with the same input checks: an address is normalised by
`normalise` (an `InvalidAddress` names the entry that is not an address), a cursor is one `list_page`
handed out (else `InvalidCursor`). Reads need no transaction: callers pass a session or, for the
lookups every send makes, a plain connection.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from service.domain.addresses import InvalidAddress, normalize_address
from service.domain.times import iso_z_or_none
from service.store import reads

# Entries per page when the whole list is read (exports, `suppressions list`).
EXPORT_PAGE = 2000


class InvalidCursor(ValueError):
    """The pagination cursor was not produced by this service."""


def normalise(value: str, where: str | None = None) -> str:
    """The address as it is stored; InvalidAddress (naming `where`, when given) for anything else."""
    try:
        return normalize_address(value)
    except InvalidAddress as exc:
        if where is None:
            raise
        raise InvalidAddress(f"{where}: {exc}") from None


def find(db: Connection | Session, address: str) -> dict[str, Any] | None:
    """The entry of a normalised address (reason, since, source event, note), or None when free."""
    return reads.find_suppression(db, address)


def get(db: Connection | Session, value: str) -> dict[str, Any] | None:
    """`find` for any spelling of an address (normalised first)."""
    return find(db, normalise(value))


def to_dict(entry: dict[str, Any]) -> dict[str, Any]:
    """An entry with JSON-able values (`since` as ISO 8601 UTC with a Z), for JSON Lines output."""
    return {**entry, "since": iso_z_or_none(entry["since"])}


def check(db: Connection | Session, addresses: Sequence[str]) -> list[dict[str, Any]]:
    """`{"address", "suppressed", "reason"}` per address (normalised), in input order.

    Raises InvalidAddress naming the first entry (`addresses[i]`) that is not an address: a bulk
    check fails as a whole rather than answering "not suppressed" for garbage.
    """
    normalised = [normalise(value, f"addresses[{i}]") for i, value in enumerate(addresses)]
    found = reads.suppressed_reasons(db, list(set(normalised)))
    return [{"address": a, "suppressed": a in found, "reason": found.get(a)} for a in normalised]


@dataclass(frozen=True, slots=True)
class Page:
    items: list[dict[str, Any]]
    next_cursor: str | None  # None on the last page


def encode_cursor(address: str) -> str:
    return base64.urlsafe_b64encode(address.encode("utf-8")).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> str:
    try:
        value = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise InvalidCursor("the cursor is not one this service handed out") from None
    if not value:
        raise InvalidCursor("the cursor is not one this service handed out")
    return value


def list_page(
    session: Session,
    *,
    reason: str | None = None,
    since: datetime | None = None,
    cursor: str | None = None,
    limit: int = 100,
) -> Page:
    """One page of suppressed addresses in address order; `cursor` is the previous page's."""
    after = decode_cursor(cursor) if cursor is not None else None
    items, more = reads.list_suppressions(session, reason=reason, since=since, after=after, limit=limit)
    return Page(items, encode_cursor(items[-1]["address"]) if more and items else None)


def pages(
    sessions: Callable[[], Session],
    *,
    reason: str | None = None,
    since: datetime | None = None,
    size: int = EXPORT_PAGE,
) -> Iterator[list[dict[str, Any]]]:
    """The whole list, page by page, each read with its own short-lived session.

    A streaming export of a large list thus never holds a connection (or a snapshot) between pages.
    """
    after: str | None = None
    while True:
        with sessions() as session:
            items, more = reads.list_suppressions(
                session, reason=reason, since=since, after=after, limit=size
            )
        if items:
            yield items
        if not more:
            return
        after = items[-1]["address"]


def history(session: Session, address: str, *, limit: int = 100) -> dict[str, Any]:
    """Every event and suppression change of a normalised address, newest first, and its state."""
    items, truncated = reads.address_history(session, address, limit=limit)
    entry = reads.find_suppression(session, address)
    return {"address": address, "suppressed": entry is not None, "items": items, "truncated": truncated}


def event_feed(session: Session, *, after: int = 0, limit: int = 100) -> dict[str, Any]:
    """Events with an id above `after`, oldest first (the stream Kafka gets), and where to go on."""
    events = reads.event_feed(session, after=after, limit=limit)
    return {"events": events, "next_after": events[-1]["id"] if events else after}
