"""Each process's in-memory view of the suppression list: lookups that miss never reach the database.

The view answers one question: *might* this address be suppressed for this account? It holds one
8-byte hash per suppressed key (scope slot + address or `*@domain`, see service.store.
suppression_keys) in a sorted numpy array (10 million entries: 80 MB), plus an exact overlay of the
keys that changed since (key -> suppressed now). A lookup hashes its two to four candidate keys
(DESIGN.md, "Scope": global and the account's, for the address and its domain):
  - none present: the answer is "not suppressed", from memory;
  - one present: the database is asked as before (`find`, or one query for a bulk check's hits),
    so a hash collision or a removal not yet heard of can never make a false "suppressed".
The hash is Python's keyed string hash (SipHash with a random key per process), so nobody outside
can craft collisions, and no two processes share one.

Freshness: a follower thread hears of every change (migration 0007's triggers): LISTEN/NOTIFY on
PostgreSQL, polling `suppression_notices` every POLL_SECONDS on SQLite; it reads the changed keys'
state and writes it to the overlay. It starts listening before it loads, so nothing committed
during the load is missed. The view is used only while its last round trip to the database (a
poll, or a ping every PING_SECONDS on PostgreSQL, each of which delivers every notification
committed before it) was sent less than FRESHNESS_BOUND_SECONDS ago: a lookup answered from memory
reflects every commit older than the bound, wherever it was made, and a database that stalls or
goes away puts the lookups back on the database within the bound. A process's own commits count
at once (until the view has caught up with them, lookups ask the database). Until the view is
loaded, and after the follower lost its database (it reconnects and loads again), `ready` is false
and callers use the database alone.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from typing import Any

import numpy as np
import structlog

from service.domain.scope import DOMAIN_KEY_PREFIX, domain_of_address
from service.store import suppression_keys as keys
from service.store.db import Database, make_engine
from service.store.models import GLOBAL_SLOT

log = structlog.get_logger("bounceback.suppression_view")

FRESHNESS_BOUND_SECONDS = 1.0  # documented in the README ("Performance")
POLL_SECONDS = 0.2  # SQLite: how often the notice table is read
PING_SECONDS = 0.25  # PostgreSQL: how often an idle listener makes a round trip (see `_heard`)
LISTEN_SECONDS = 0.05  # PostgreSQL: the longest wait for a notification before own writes are checked
RETRY_SECONDS = 1.0  # after the database was lost: the wait before connecting again
# Overlay keys that are suppressed are folded into the array once there are this many; removed
# ones stay in the overlay (the array cannot tell whose hash a value is), and a full reload starts
# over once they reach MAX_REMOVED.
MERGE_AT = 20_000
MAX_REMOVED = 200_000
LOAD_BATCH = 50_000

Array = np.ndarray[Any, np.dtype[np.int64]]


# Python's string hash: SipHash-1-3 keyed per process (PYTHONHASHSEED), 64 bits, run in C.
_hash = hash


def _holds(array: Array, overlay: dict[str, bool], key: str) -> bool:
    """Whether the view holds `key`: the overlay's word when it has one, else the array's."""
    state = overlay.get(key) if overlay else None
    if state is not None:
        return state
    value = _hash(key)
    index = int(np.searchsorted(array, value))
    return index < array.size and int(array[index]) == value


def _contains(array: Array, values: Array) -> Any:
    """A boolean array: which of `values` are in the sorted `array`."""
    if not array.size:
        return np.zeros(values.size, dtype=bool)
    index = np.searchsorted(array, values)
    np.minimum(index, array.size - 1, out=index)
    return array[index] == values


def candidate_keys(address: str, account: str | None) -> tuple[str, ...]:
    """The keys whose entry would suppress `address` for mail from `account` (None: global only)."""
    domain = DOMAIN_KEY_PREFIX + domain_of_address(address)
    if account is None:
        return (GLOBAL_SLOT + keys.SEPARATOR + address, GLOBAL_SLOT + keys.SEPARATOR + domain)
    return (
        GLOBAL_SLOT + keys.SEPARATOR + address,
        account + keys.SEPARATOR + address,
        GLOBAL_SLOT + keys.SEPARATOR + domain,
        account + keys.SEPARATOR + domain,
    )


class SuppressionView:
    """The compact set of suppressed keys and its follower thread (`start`, `close`)."""

    def __init__(self, db: Database) -> None:
        self._db = db
        # (sorted hashes, overlay), replaced as one: a lookup never sees a new array with an old
        # overlay (or the reverse). The overlay itself is only ever changed key by key.
        self._state: tuple[Array, dict[str, bool]] = (np.empty(0, dtype=np.int64), {})
        self._ready = False
        # This process's own writes (keys.local_writes) the view has caught up with: while it is
        # behind, lookups ask the database, so a process always reads its own changes at once.
        self._synced = -1
        # When (time.monotonic()) the last round trip that heard everything committed before it
        # was sent: older than FRESHNESS_BOUND_SECONDS (a stalled or lost database), the view is
        # not used, so it can never answer from further behind than the bound.
        self._heard = 0.0
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.loads = 0  # full loads done (the first, and one after each loss of the database)

    # --- answers ----------------------------------------------------------------------------------

    @property
    def ready(self) -> bool:
        """Loaded, following, and caught up with this process's own writes (when not, the follower
        is told to catch up now)."""
        if not self._ready or time.monotonic() - self._heard > FRESHNESS_BOUND_SECONDS:
            return False
        if keys.local_writes() > self._synced:
            self._wake.set()
            return False
        return True

    def __len__(self) -> int:
        array, overlay = self._state
        return int(array.size) + sum(overlay.values())

    def might_suppress(self, address: str, account: str | None) -> bool:
        """False: no entry suppresses the normalised `address` for `account` (as of the view's
        freshness); True: one may (ask the database). Only meaningful while `ready`."""
        array, overlay = self._state
        return any(_holds(array, overlay, key) for key in candidate_keys(address, account))

    def possibly_suppressed(self, addresses: Iterable[str], account: str | None) -> list[str]:
        """Those of the (normalised, distinct) `addresses` that `might_suppress` would pass on:
        one vectorised search per scope for the addresses, one probe per distinct domain."""
        array, overlay = self._state
        unique = list(addresses)
        if not unique:
            return []
        slots = [GLOBAL_SLOT + keys.SEPARATOR]
        if account is not None:
            slots.append(account + keys.SEPARATOR)
        hit: Any = np.zeros(len(unique), dtype=bool)
        for slot in slots:
            slot_keys = [slot + address for address in unique]
            hashes = np.fromiter(map(_hash, slot_keys), dtype=np.int64, count=len(slot_keys))
            present: Any = _contains(array, hashes)
            if overlay:
                for i, state in enumerate(map(overlay.get, slot_keys)):
                    if state is not None:
                        present[i] = state
            hit |= present
        domains = [address.rpartition("@")[2] for address in unique]
        domain_hit = {
            domain: any(_holds(array, overlay, slot + DOMAIN_KEY_PREFIX + domain) for slot in slots)
            for domain in set(domains)
        }
        return [
            address
            for address, by_address, domain in zip(unique, hit.tolist(), domains, strict=True)
            if by_address or domain_hit[domain]
        ]

    # --- the follower -----------------------------------------------------------------------------

    def start(self) -> None:
        self._thread = threading.Thread(target=self._follow, name="suppression-view", daemon=True)
        self._thread.start()

    def close(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def wait_ready(self, timeout: float) -> bool:
        """Whether the view became ready within `timeout` seconds (tests, benchmarks)."""
        deadline = time.monotonic() + timeout
        while not self.ready and time.monotonic() < deadline:
            time.sleep(0.01)
        return self.ready

    def _follow(self) -> None:
        failing = False
        while not self._stop.is_set():
            try:
                if self._db.is_sqlite:
                    self._follow_notices()
                else:
                    self._follow_notifications()
            except Exception as exc:
                if self._ready or not failing:  # once per outage, not once per retry
                    log.warning("suppression view cannot follow the database: lookups ask it", error=str(exc))
                failing = True
                self._ready = False
                self._stop.wait(RETRY_SECONDS)
            else:
                failing = False

    def _follow_notifications(self) -> None:
        """PostgreSQL: LISTEN, then load, then apply what is heard (what was heard during the load too)."""
        engine = make_engine(self._db.url, self._db.timeouts, pool_size=1, max_overflow=0)
        try:
            listener = keys.Listener(engine)
            try:
                mark, started = keys.local_writes(), time.monotonic()
                self._load()
                self._synced, self._heard = mark, started
                while not self._stop.is_set():
                    mark, now = keys.local_writes(), time.monotonic()
                    if mark != self._synced or now - self._heard > PING_SECONDS:
                        # A round trip delivers every notification committed before it was sent:
                        # everything committed until `now` (this process's own commits, counted
                        # in `mark`, included) is heard after it.
                        listener.ping()
                        payloads = listener.receive(timeout=0)
                        if payloads:
                            self._apply(payloads)
                        self._synced, self._heard = mark, now
                    else:
                        payloads = listener.receive(timeout=LISTEN_SECONDS)
                        if payloads:
                            self._apply(payloads)
            finally:
                self._ready = False
                listener.close()
        finally:
            engine.dispose()

    def _follow_notices(self) -> None:
        """SQLite: note the newest notice, load, then read the notices after it every POLL_SECONDS."""
        mark, started = keys.local_writes(), time.monotonic()
        with self._db.engine.connect() as connection:
            after = keys.last_notice(connection)
            connection.rollback()
        self._load()
        self._synced, self._heard = mark, started
        try:
            while not self._stop.is_set():
                self._wake.wait(POLL_SECONDS)
                self._wake.clear()
                mark, now = keys.local_writes(), time.monotonic()
                with self._db.engine.connect() as connection:
                    notices = keys.notices_after(connection, after)
                    while notices:
                        if notices[0][0] != after + 1:  # the ones between were dropped: we fell behind
                            log.warning("suppression view fell behind the notices: loading again")
                            return
                        self._apply([key for _, key in notices])
                        after = notices[-1][0]
                        notices = keys.notices_after(connection, after)
                    connection.rollback()
                self._synced, self._heard = mark, now
        finally:
            self._ready = False

    def _apply(self, changed: list[str]) -> None:
        """Write the current state of the `changed` keys into the overlay."""
        if keys.RELOAD in changed:
            self._load()
            return
        wanted = set(changed)
        with self._db.engine.connect() as connection:
            suppressed = keys.suppressed_among(connection, wanted)
            connection.rollback()
        overlay = self._state[1]
        for key in wanted:
            overlay[key] = key in suppressed
        added = sum(overlay.values())
        if added >= MERGE_AT:
            self._merge()
        elif len(overlay) - added >= MAX_REMOVED:
            self._load()

    def _merge(self) -> None:
        """Fold the overlay's suppressed keys into the array (the array first, then the overlay
        forgets them: no moment when neither holds a key)."""
        array, overlay = self._state
        folded = [key for key, state in list(overlay.items()) if state]
        values = np.sort(np.fromiter((_hash(key) for key in folded), dtype=np.int64, count=len(folded)))
        self._state = (np.insert(array, np.searchsorted(array, values), values), overlay)
        for key in folded:
            if overlay.get(key):
                del overlay[key]

    def _load(self) -> None:
        """Every suppressed key from the database, then an empty overlay (callers have started
        listening first, so what changes from the snapshot on is heard and applied after). Until
        the new array is in place, lookups use the old one with its overlay."""
        started = time.monotonic()
        with self._db.engine.connect() as connection:
            expected = keys.count_suppressed(connection)
            array = np.empty(expected, dtype=np.int64)
            filled = 0
            for batch in keys.suppressed_keys(connection, LOAD_BATCH):
                values = np.fromiter((_hash(key) for key in batch), dtype=np.int64, count=len(batch))
                if filled + len(values) > array.size:  # rows added since the count
                    array = np.concatenate(
                        [array[:filled], np.empty(len(values) + array.size // 8, np.int64)]
                    )
                array[filled : filled + len(values)] = values
                filled += len(values)
            connection.rollback()
        array = array[:filled].copy() if filled < array.size else array
        array.sort()
        self._state = (array, {})
        self._ready = True
        self.loads += 1
        log.info("suppression view loaded", entries=filled, seconds=round(time.monotonic() - started, 2))
