"""The one read path: lookups, bulk checks, the paged list, an address's history and the event feed.

The REST API and the CLI both call these, with the same input checks: an address is normalised by
`normalise` (an `InvalidAddress` names the entry that is not an address), a cursor is one `list_page`
handed out (else `InvalidCursor`). Reads need no transaction: callers pass a session or, for the
lookups every send makes, a plain connection.

Every read is for a view (service.domain.scope.View): lookups answer for one sender (the view's
account; global entries only for none), lists, exports, history and the feed hold the rows the view
sees and no others (filtered in SQL, so nothing of another account counts anywhere).
"""

from __future__ import annotations

import base64
import binascii
import contextvars
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any, TypeVar, cast

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session

from service.app.confirmed_entries import Held
from service.app.suppression_view import SuppressionView
from service.domain.addresses import (
    InvalidAddress,
    normalize_address,
    normalize_key,
    normalize_plain_addresses,
)
from service.domain.scope import View
from service.domain.times import iso_z_or_none
from service.store import reads
from service.store.models import GLOBAL_SLOT

# Entries per page when the whole list is read (exports, `suppressions list`).
EXPORT_PAGE = 2000

T = TypeVar("T")


class InvalidCursor(ValueError):
    """The pagination cursor was not produced by this service."""


def normalise(value: str, where: str | None = None, *, keys: bool = False) -> str:
    """The address as it is stored; InvalidAddress (naming `where`, when given) for anything else.
    `keys`: an entry's key is taken too, `*@domain` (an entry covering a whole domain)."""
    try:
        return normalize_key(value) if keys else normalize_address(value)
    except InvalidAddress as exc:
        if where is None:
            raise
        raise InvalidAddress(f"{where}: {exc}") from None


def find(db: Connection | Session, address: str, account: str | None = None) -> dict[str, Any] | None:
    """The entry that suppresses a normalised address for mail from `account` (None: global entries
    only): reason, since, source event, note, scope and account; None when it is free."""
    return reads.find_suppression(db, address, account)


def known_free(view: SuppressionView | None, address: str, account: str | None = None) -> bool:
    """Whether the in-memory view (when there is one and it is loaded) answers that no entry
    suppresses the normalised `address` for `account`: then `find` would answer None, and the
    database need not be asked. False means: ask it (`find`)."""
    return view is not None and view.ready and not view.might_suppress(address, account)


def from_memory(
    view: SuppressionView | None, address: str, account: str | None = None
) -> dict[str, Any] | bool:
    """What memory alone answers for a lookup of the normalised `address` for `account`, exactly as
    `find` would: False when the view says it is free, the entry when the database's answer for
    it is held (service/app/confirmed_entries.py); True when the database must be asked
    (`find_remembered`)."""
    if view is None or not view.ready:
        return True
    if not view.might_suppress(address, account):
        return False
    hit = view.confirmed.get(address, account)
    return True if hit is None else reads.entry_of_hit(address, hit)


def find_remembered(
    db: Connection | Session, view: SuppressionView | None, address: str, account: str | None = None
) -> dict[str, Any] | None:
    """`find`, and the database's answer kept in memory for the next lookup when it is a hit (and
    no change to the address was heard while it was read)."""
    if view is None or not view.ready:
        return find(db, address, account)
    ticket = view.confirmed.ticket()  # before the read: a change heard during it voids the answer
    hit = reads.find_hit(db, address, account)
    if hit is None:
        return None
    view.confirmed.fill(ticket, account, {address: hit})
    return reads.entry_of_hit(address, hit)


def entry_of(row: Any) -> dict[str, Any]:
    """The entry of a suppressed row (as `find` answers), e.g. one a change just wrote."""
    return reads.entry_of(row)


def get(db: Connection | Session, value: str, account: str | None = None) -> dict[str, Any] | None:
    """`find` for any spelling of an address (normalised first)."""
    return find(db, normalise(value), account)


def to_dict(entry: dict[str, Any]) -> dict[str, Any]:
    """An entry with JSON-able values (`since` as ISO 8601 UTC with a Z), for JSON Lines output."""
    return {**entry, "since": iso_z_or_none(entry["since"])}


# (reason, scope, entry's account) of a suppressed address, as a bulk check answers it.
Answer = tuple[str | None, str, str | None]


@dataclass(slots=True)
class Checking:
    """A bulk check under way (`start_check`): every address normalised and sifted, the answers
    known from memory in `known`, the database still reading those of the others that may be
    suppressed (`answers` waits for them).

    Callers build their answers (`check`'s dicts, the API's JSON) from this: per position i,
    `normalised[i]` is None for an entry that is not an address (`errors[i]` says why, `echoed(i)`
    is what to give back), else its stored form, suppressed when `answers()` answers for it, free
    otherwise. `plain`: every entry was a plain ASCII address (`normalize_plain_addresses`), so no
    stored form holds a character JSON escapes.
    """

    given: Sequence[str]
    normalised: list[str | None]
    errors: dict[int, str]
    known: dict[str, Answer]
    read: Callable[[], reads.BulkGroups]  # waits for the rows the database reads
    plain: bool

    def echoed(self, i: int) -> str:
        """The entry at `i` (not an address) as given, at most 320 characters, always encodable
        (an unpaired surrogate is written out escaped)."""
        return self.given[i][:320].encode("utf-8", "backslashreplace").decode("utf-8")

    def answers(self) -> dict[str, Answer]:
        """{address: answer} of the suppressed addresses, those known and those read (the others
        are free), once read. Called once, even were nothing read (the read's answers to keep are
        in `later` then). The addresses of one (reason, scope, account) share one answer."""
        read = self.read().answers()
        if not read or not self.known:
            return read or self.known
        return self.known | read  # (never both: an answer held is not read)


def start_check(
    db: Connection | Session | Engine,
    addresses: Sequence[str],
    account: str | None = None,
    view: SuppressionView | None = None,
    later: list[Callable[[], None]] | None = None,
) -> Checking:
    """A bulk check of `addresses` for mail from `account` (None: global entries only), started:
    see `check` for what is read and kept; `Checking` for what the caller does with it."""
    # Per address: its stored form, None when it is none. Most lists are all plain addresses,
    # judged at once; any other value and each is judged alone.
    plain = normalize_plain_addresses(addresses)
    normalised: list[str | None] = cast(list[str | None], plain) if plain is not None else []
    errors: dict[int, str] = {}
    if plain is None:
        for value in addresses:
            try:
                normalised.append(normalize_address(value))
            except InvalidAddress as exc:
                errors[len(normalised)] = str(exc)
                normalised.append(None)
    distinct = dict.fromkeys(normalised)
    distinct.pop(None, None)
    asked = cast(list[str], list(distinct))  # (None popped)
    known, read = _suppressing(db, asked, account, view, later)
    return Checking(addresses, normalised, errors, known, read, plain=plain is not None)


def check(
    db: Connection | Session | Engine,
    addresses: Sequence[str],
    account: str | None = None,
    view: SuppressionView | None = None,
    later: list[Callable[[], None]] | None = None,
) -> list[dict[str, Any]]:
    """`{"address", "valid", "suppressed", "reason", "scope", "account", "error"}` per address, in
    input order, for mail from `account` (None: global entries only); at most one query per
    check. With a loaded in-memory `view`, only the addresses it cannot clear are asked (none: no
    query at all), and of those, the ones whose answers it holds are answered from memory; given
    an Engine, a connection is taken only then, and a large query runs in a thread of its own
    while the answers known already are built. The answers read are kept for the next check, at
    once or, given `later`, by a call appended to it (the API's runs after the response is sent).

    Every address gets an answer: one that is not an address comes back as given (at most 320
    characters) with `valid` false and `error` saying why, so one typo does not cost a campaign's
    whole check; the others come back normalised.
    """
    checking = start_check(db, addresses, account, view, later)
    answers, errors = checking.answers(), checking.errors
    results: list[dict[str, Any]] = []
    append = results.append
    for i, address in enumerate(checking.normalised):
        if address is None:
            append(
                {
                    "address": checking.echoed(i),
                    "valid": False,
                    "suppressed": False,
                    "reason": None,
                    "scope": None,
                    "account": None,
                    "error": errors[i],
                }
            )
        elif (answer := answers.get(address)) is None:
            append(
                {
                    "address": address,
                    "valid": True,
                    "suppressed": False,
                    "reason": None,
                    "scope": None,
                    "account": None,
                    "error": None,
                }
            )
        else:
            append(
                {
                    "address": address,
                    "valid": True,
                    "suppressed": True,
                    "reason": answer[0],
                    "scope": answer[1],
                    "account": answer[2],
                    "error": None,
                }
            )
    return results


# A bulk check that asks the database for at least this many addresses asks from a thread of its
# own, while the answers already known are built (fewer: the thread would cost more than it saves).
READ_ASIDE_FROM = 200
# On PostgreSQL, a bulk check asking at least this many reads them in two halves, on two
# connections at once: the server's probes are most of a first check's time, and while they run
# this process has little to do, so the other core probes the other half (on the 2-core box:
# 0.85x the time of one read, for 2 ms more of this process's CPU; session 8 in the README).
SPLIT_FROM = 2000


def _suppressing(
    db: Connection | Session | Engine,
    asked: list[str],
    account: str | None,
    view: SuppressionView | None,
    later: list[Callable[[], None]] | None,
) -> tuple[dict[str, Answer], Callable[[], reads.BulkGroups]]:
    """For the distinct normalised `asked` addresses: (reason, scope, entry's account) of those
    known to be suppressed for `account` without a query (answers held), and the call that
    returns the rows that suppress those the database is asked about (what the view clears is
    not asked), waiting for the read when it runs aside."""
    held: dict[str, Held] = {}
    ticket: int | None = None
    if view is not None and view.ready:
        asked = view.possibly_suppressed(asked, account)
        held = view.confirmed.get_many(asked, account)
        if held:
            asked = [address for address in asked if address not in held]
        ticket = view.confirmed.ticket()  # before the read (see `find_remembered`)
    known = {address: reads.reason_of_hit(address, hit) for address, hit in held.items()}
    if not asked:
        return known, lambda: reads.NO_BULK_GROUPS

    def read_part(part: list[str]) -> reads.BulkGroups:
        if isinstance(db, Engine):
            with db.connect() as connection:
                return reads.suppressed_bulk_groups(connection, part, account)
        return reads.suppressed_bulk_groups(db, part, account)

    def kept(read: reads.BulkGroups) -> reads.BulkGroups:
        if read.groups and view is not None and ticket is not None:
            # (the ticket was taken before the read: a fill made later is refused just the same
            # when a change to one of the addresses was heard meanwhile; the entries to keep are
            # built then too, off the response's path)
            fill = partial(_keep, view, ticket, account, read)
            if later is None:
                fill()
            else:
                later.append(fill)
        return read

    if isinstance(db, Engine) and len(asked) >= SPLIT_FROM and db.dialect.name == "postgresql":
        ordered = sorted(asked)  # (each half a key range: neighbouring probes share pages)
        half = len(ordered) // 2
        first, second = _aside(partial(read_part, ordered[:half])), _aside(partial(read_part, ordered[half:]))

        def both() -> reads.BulkGroups:
            one, other = first(), second()
            # (the global groups last, as one read gives them: their answers stand)
            groups = sorted(one.groups + other.groups, key=lambda group: group[0] == GLOBAL_SLOT)
            return kept(reads.BulkGroups(asked, groups, one.domains or other.domains))

        return known, both
    if isinstance(db, Engine) and len(asked) >= READ_ASIDE_FROM:
        return known, _aside(lambda: kept(read_part(asked)))
    read = kept(read_part(asked))
    return known, lambda: read


def _keep(view: SuppressionView, ticket: int, account: str | None, read: reads.BulkGroups) -> None:
    view.confirmed.fill(ticket, account, read.hits())


def _aside(work: Callable[[], T]) -> Callable[[], T]:
    """`work` started in a thread of its own; the call returned waits for its result (or raises
    its exception). The database drivers let go of Python's lock while the database works."""
    outcome: list[T] = []
    failure: list[BaseException] = []
    context = contextvars.copy_context()  # the request's log context goes along

    def run() -> None:
        try:
            outcome.append(context.run(work))
        except BaseException as exc:  # handed to the waiting caller
            failure.append(exc)

    thread = threading.Thread(target=run, name="bulk-check-read", daemon=True)
    thread.start()

    def result() -> T:
        thread.join()
        if failure:
            raise failure[0]
        return outcome[0]

    return result


@dataclass(frozen=True, slots=True)
class Page:
    items: list[dict[str, Any]]
    next_cursor: str | None  # None on the last page


# A cursor is the last entry's address and account: the list is in (address, scope) order, and an
# address can be on it once globally and once per account. Round 1's cursors (the address alone)
# read as (address, global).
_CURSOR_SEPARATOR = "\n"


def encode_cursor(address: str, account: str | None = None) -> str:
    value = address if account is None else f"{address}{_CURSOR_SEPARATOR}{account}"
    return base64.urlsafe_b64encode(value.encode("utf-8")).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, str | None]:
    try:
        value = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise InvalidCursor("the cursor is not one this service handed out") from None
    address, _, account = value.partition(_CURSOR_SEPARATOR)
    if not address:
        raise InvalidCursor("the cursor is not one this service handed out")
    return address, account or None


def list_page(
    session: Session,
    view: View,
    *,
    reason: str | None = None,
    since: datetime | None = None,
    cursor: str | None = None,
    limit: int = 100,
) -> Page:
    """One page of the entries `view` sees, in (address, scope) order; `cursor` is the previous page's."""
    after = decode_cursor(cursor) if cursor is not None else None
    items, more = reads.list_suppressions(session, view, reason=reason, since=since, after=after, limit=limit)
    return Page(items, encode_cursor(items[-1]["address"], items[-1]["account"]) if more and items else None)


def pages(
    sessions: Callable[[], Session],
    view: View,
    *,
    reason: str | None = None,
    since: datetime | None = None,
    size: int = EXPORT_PAGE,
) -> Iterator[list[dict[str, Any]]]:
    """Every entry `view` sees, page by page, each read with its own short-lived session.

    A streaming export of a large list thus never holds a connection (or a snapshot) between pages.
    """
    after: tuple[str, str | None] | None = None
    while True:
        with sessions() as session:
            items, more = reads.list_suppressions(
                session, view, reason=reason, since=since, after=after, limit=size
            )
        if items:
            yield items
        if not more:
            return
        after = (items[-1]["address"], items[-1]["account"])


def history(session: Session, address: str, view: View, *, limit: int = 100) -> dict[str, Any]:
    """The events and suppression changes of a normalised address that `view` sees, newest first;
    `suppressed` as a lookup for the view's account answers, and the active `entries` it sees."""
    items, truncated = reads.address_history(session, address, view, limit=limit)
    entry = reads.find_suppression(session, address, view.lookup_account)
    entries, _ = reads.list_suppressions(session, view, after=None, limit=1000, address=address)
    return {
        "address": address,
        "suppressed": entry is not None,
        "entries": [to_dict(e) for e in entries],
        "items": items,
        "truncated": truncated,
    }


def event_feed(session: Session, view: View, *, after: int = 0, limit: int = 100) -> dict[str, Any]:
    """The events `view` sees with an id above `after`, oldest first (the stream Kafka gets), and
    where to go on."""
    events = reads.event_feed(session, view, after=after, limit=limit)
    return {"events": events, "next_after": events[-1]["id"] if events else after}
