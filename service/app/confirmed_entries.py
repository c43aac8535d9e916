"""What the database answered for lookups that hit, kept per process so the next lookup of the same
address (for the same account) needs no query: a bounded LRU, emptied of an address by every change
the suppression view hears of (service/app/suppression_view.py), so it is exactly as fresh as the
view.

The answers are the database's own rows (service.store.reads.Hit), keyed by the looked-up address
and the lookup's scope slot (the account asking; GLOBAL_SLOT for a lookup for nobody): an answer
read for account A is never given to B, whose lookup may see other entries. A bulk check reads and
keeps less of a row (service.store.reads.BulkHit: key, scope and reason): such an answer serves
the next bulk check, and a single lookup, which answers with the whole entry, reads the row itself
(and its answer then serves both).

Race with a change: a fill is the answer of a read that started earlier. A change committed after
that read began, and heard before the answer is stored, would leave a stale answer nobody removes.
So a reader takes a `ticket` (the count of changes heard) before its query, and `fill` refuses the
answer when the address, or everything, was changed since. Changes are itemised for the last
CHANGES_KEPT addresses; a ticket older than what has been forgotten is refused outright.
"""

from __future__ import annotations

import sys
import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from typing import cast

from service.config import DEFAULT_LOOKUP_CONFIRMED_ENTRIES
from service.domain.scope import DOMAIN_KEY_PREFIX
from service.store.models import GLOBAL_SLOT
from service.store.reads import BulkHit, Hit

Held = Hit | BulkHit  # a lookup's whole row, or a bulk check's (key, slot, reason)

DEFAULT_ENTRIES = DEFAULT_LOOKUP_CONFIRMED_ENTRIES  # BOUNCEBACK_LOOKUP_CONFIRMED_ENTRIES
# Addresses whose latest change is remembered for fills in flight (a fill takes milliseconds; this
# many changes within one fill's read is far beyond any ingest rate).
CHANGES_KEPT = 10_000

FILL_CHUNK = 500  # answers put in per hold of the lock
_WHOLE = 6  # fields of a whole row (Hit); a bulk check's answer (BulkHit) has 3

_SEPARATOR = "\n"  # of a notice key: slot, separator, address (service.store.suppression_keys)


def slot_of(account: str | None) -> str:
    return GLOBAL_SLOT if account is None else account


class ConfirmedEntries:
    """address -> ((slot, answer), ...): at most `limit` answers, least recently used dropped first."""

    def __init__(self, limit: int = DEFAULT_ENTRIES) -> None:
        self.limit = limit
        self._answers: OrderedDict[str, tuple[tuple[str, Held], ...]] = OrderedDict()
        self._size = 0  # answers held (an address may hold one per asking account)
        self._lock = threading.Lock()
        self._changes = 0  # changes heard so far (tickets are this count)
        self._changed: OrderedDict[str, int] = OrderedDict()  # address -> count at its latest change
        self._forgotten = 0  # tickets below this are refused (their changes are no longer itemised)

    def __len__(self) -> int:
        return self._size

    def get(self, address: str, account: str | None) -> Hit | None:
        """The database's whole row for `address` looked up for `account`, when held (a bulk
        check's answer alone is not enough for a lookup: None)."""
        if not self._size:
            return None
        slot = slot_of(account)
        with self._lock:
            held = self._answers.get(address)
            if held is None:
                return None
            for owner, hit in held:
                if owner == slot:
                    if len(hit) != _WHOLE:
                        return None
                    self._answers.move_to_end(address)
                    return cast(Hit, hit)
        return None

    def get_many(self, addresses: Iterable[str], account: str | None) -> dict[str, Held]:
        """What a bulk check needs for many addresses, under one lock: {address: answer} for
        those held (a whole row or a bulk check's)."""
        if not self._size:
            return {}
        slot = slot_of(account)
        found: dict[str, Held] = {}
        with self._lock:
            answers = self._answers
            for address in addresses:
                held = answers.get(address)
                if held is not None:
                    for owner, hit in held:
                        if owner == slot:
                            found[address] = hit
                            answers.move_to_end(address)
                            break
        return found

    def ticket(self) -> int:
        """Take before the database read whose answer will be `fill`ed."""
        return self._changes

    def fill(self, ticket: int, account: str | None, hits: Mapping[str, Held]) -> None:
        """Keep the answers (read after `ticket` was taken) that no change heard since can have
        made stale; the others are dropped (the next lookup reads again)."""
        if not hits or not self.limit:
            return
        slot = sys.intern(slot_of(account))
        items = [(address, (slot, _compact(address, hit))) for address, hit in hits.items()]
        # A chunk at a time under the lock: a lookup on the event loop waits for one chunk at
        # most, never for a whole bulk check's answers. (Each chunk checks the ticket afresh; a
        # change heard between chunks drops what the earlier ones put in, as for any answer.)
        for start in range(0, len(items), FILL_CHUNK):
            with self._lock:
                if ticket < self._forgotten:
                    return
                changed = self._changed
                answers = self._answers
                for address, pair in items[start : start + FILL_CHUNK]:
                    if changed and changed.get(address, -1) > ticket:
                        continue
                    held = answers.get(address)
                    if held is None:  # (most fills: a new address goes in at the recent end)
                        answers[address] = (pair,)
                        self._size += 1
                        continue
                    kept = tuple(other for other in held if other[0] != slot)
                    if len(kept) < len(held) and len(pair[1]) < _WHOLE:
                        # A whole row held for this account stays (it is as fresh: a change
                        # since would have dropped it) over a bulk check's part of it.
                        pair = next(other for other in held if other[0] == slot)
                    answers[address] = (*kept, pair)
                    answers.move_to_end(address)
                    self._size += len(kept) + 1 - len(held)
                while self._size > self.limit:
                    _, dropped = answers.popitem(last=False)
                    self._size -= len(dropped)

    def forget(self, notice_keys: Iterable[str]) -> None:
        """Changes heard (notice keys `slot\\naddress`): drop every answer for those addresses (for
        every asking account: a global entry's change alters them all); a domain entry's change
        drops everything (domain entries change rarely, and cover addresses not named here)."""
        with self._lock:
            self._changes += 1
            heard = self._changes
            changed = self._changed
            for key in notice_keys:
                address = key.partition(_SEPARATOR)[2]
                if not address or address.startswith(DOMAIN_KEY_PREFIX):
                    self._clear(heard)
                    return
                held = self._answers.pop(address, None)
                if held is not None:
                    self._size -= len(held)
                changed.pop(address, None)
                changed[address] = heard
                if len(changed) > CHANGES_KEPT:
                    _, oldest = changed.popitem(last=False)
                    self._forgotten = max(self._forgotten, oldest)

    def forget_all(self) -> None:
        """Everything may have changed (a reload, a lost connection): drop every answer, and every
        fill whose read began before now."""
        with self._lock:
            self._changes += 1
            self._clear(self._changes)

    def _clear(self, heard: int) -> None:
        self._answers.clear()
        self._size = 0
        self._changed.clear()
        self._forgotten = heard


def _compact(address: str, hit: Held) -> Held:
    """The row as a plain tuple, its repeated strings shared (an answer costs less memory): the
    entry's key is the address's own string when they are equal, slot and reason are interned."""
    key, slot, reason = hit[0], hit[1], hit[2]
    shared = (
        address if key == address else key,
        sys.intern(slot),
        sys.intern(reason) if reason is not None else None,
    )
    return shared if len(hit) != _WHOLE else (*shared, *hit[3:])
