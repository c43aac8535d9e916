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
    """`{"address", "valid", "suppressed", "reason", "error"}` per address, in input order.

    Every address gets an answer: one that is not an address comes back as given (at most 320
    characters) with `valid` false and `error` saying why, so one typo does not cost a campaign's
    whole check; the others come back normalised.
    """
    results: list[dict[str, Any]] = []
    for value in addresses:
        try:
            address = normalize_address(value)
        except InvalidAddress as exc:
            # Echoed as given, but always encodable (an unpaired surrogate is written out escaped).
            given = value[:320].encode("utf-8", "backslashreplace").decode("utf-8")
            results.append(
                {"address": given, "valid": False, "suppressed": False, "reason": None, "error": str(exc)}
            )
            continue
        results.append(
            {"address": address, "valid": True, "suppressed": False, "reason": None, "error": None}
        )
    found = reads.suppressed_reasons(db, list({r["address"] for r in results if r["valid"]}))
    for result in results:
        if result["valid"] and result["address"] in found:
            result["suppressed"] = True
            result["reason"] = found[result["address"]]
    return results


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
