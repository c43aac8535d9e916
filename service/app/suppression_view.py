"""Each process's in-memory view of the suppression list: lookups that miss never reach the database.

The view answers one question: *might* this address be suppressed for this account? It holds one
8-byte hash per suppressed address key (scope slot + address, see service.store.suppression_keys)
in a sorted numpy array (10 million entries: 80 MB), the keys of domain entries (`*@domain`, few)
exactly in a set, and an exact overlay of the address keys that changed since the load (key ->
suppressed now). A lookup probes the address in the scopes the caller sees (DESIGN.md, "Scope":
global and the account's) and its domain:
  - none present: the answer is "not suppressed", from memory;
  - one present: the database's answer, read by an earlier lookup of the address for the same
    account and held in `confirmed` (service/app/confirmed_entries.py) while no change to it was
    heard; else the database is asked (`find`, or one query for a bulk check's hits), so a hash
    collision can never make a false "suppressed". Every change the follower hears drops the
    held answers for its address before the view itself is updated.
The hash is Python's keyed string hash (SipHash with a random key per process) of the address,
mixed with the slot's (`_value`: a bulk check hashes each address once for all the slots it asks),
so nobody outside can craft collisions, and no two processes share one.

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
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import structlog

from service.app.confirmed_entries import DEFAULT_ENTRIES, ConfirmedEntries
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


# A key of a domain entry (`slot\n*@domain`): those are few, and held exactly, in a set.
_DOMAIN_MARK = keys.SEPARATOR + DOMAIN_KEY_PREFIX


@dataclass(frozen=True, slots=True)
class _Snapshot:
    """What lookups read, replaced as one (never a new array with an old overlay, or the reverse);
    the overlay and the domain set are only ever changed key by key."""

    array: Array  # sorted hashes of the address keys
    probe: memoryview  # the same memory, for bisect (a Python int per item, no numpy call)
    domains: set[str]  # domain entries' keys, exactly
    overlay: dict[str, bool]  # address keys changed since: suppressed now or not

    @classmethod
    def of(cls, array: Array, domains: set[str], overlay: dict[str, bool]) -> _Snapshot:
        return cls(array, array.data, domains, overlay)

    def holds(self, key: str) -> bool:
        """Whether the address `key` is held: the overlay's word when it has one, else the array's."""
        if self.overlay:
            state = self.overlay.get(key)
            if state is not None:
                return state
        value = _value(key)
        probe = self.probe
        index = bisect_left(probe, value)
        return index < len(probe) and probe[index] == value

    def contains(self, values: Array) -> Any:
        """A boolean array: which of `values` are in the array. The values are searched in sorted
        order (each search starts where the last ended: two to three times faster on a large
        array than in the given order)."""
        array = self.array
        if not array.size:
            return np.zeros(values.size, dtype=bool)
        order = np.argsort(values)
        ordered = values[order]
        index = np.searchsorted(array, ordered)
        np.minimum(index, array.size - 1, out=index)
        found = np.empty(values.size, dtype=bool)
        found[order] = array[index] == ordered
        return found


def _value(key: str) -> int:
    """The array's value for an address key (`slot\naddress`): its address's hash mixed with its
    slot's, so that a bulk check hashes each address once (a string keeps its hash), whatever the
    number of slots it asks about (`possibly_suppressed`)."""
    slot, _, address = key.partition(keys.SEPARATOR)
    return _hash(address) ^ _hash(slot)


def _values(address_keys: list[str]) -> Array:
    return np.fromiter(map(_value, address_keys), dtype=np.int64, count=len(address_keys))


def _overlaid(present: Any, overlay: dict[str, bool], slots: list[str], unique: list[str]) -> None:
    """The overlay's word over the array's in `present` (slot j's answer for address i at
    j * len(unique) + i). A key the follower folds into the array meanwhile counts as held (the
    database is asked: never a false "free")."""
    count = len(unique)
    if len(overlay) * 4 <= len(slots) * count:
        # Few changes: each changed key split and looked up among the asked addresses.
        index = {slot: j for j, slot in enumerate(slots)}
        changed: dict[str, list[tuple[int, bool]]] = {}
        for key, state in list(overlay.items()):  # (a copy: the follower changes it meanwhile)
            slot, _, address = key.partition(keys.SEPARATOR)
            j = index.get(slot)
            if j is not None:
                changed.setdefault(address, []).append((j, state))
        common = changed.keys() & set(unique) if changed else set()
        for i, address in enumerate(unique) if common else ():
            if address in common:
                for j, state in changed[address]:
                    present[j * count + i] = state
        return
    # Many: the asked keys spelt out and intersected with the overlay's.
    slot_keys = [slot + keys.SEPARATOR + address for slot in slots for address in unique]
    common = overlay.keys() & set(slot_keys)
    if common:
        where = dict(zip(slot_keys, range(len(slot_keys)), strict=True))
        for key in common:
            now = overlay.get(key)
            present[where[key]] = True if now is None else now


class SuppressionView:
    """The compact set of suppressed keys and its follower thread (`start`, `close`)."""

    def __init__(self, db: Database, confirmed_entries: int = DEFAULT_ENTRIES) -> None:
        self._db = db
        # The database's answers for hits, emptied of what each change heard touches (the same
        # freshness as the view's; see service/app/confirmed_entries.py).
        self.confirmed = ConfirmedEntries(confirmed_entries)
        self._state = _Snapshot.of(np.empty(0, dtype=np.int64), set(), {})
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
        state = self._state
        return int(state.array.size) + len(state.domains) + sum(state.overlay.values())

    def might_suppress(self, address: str, account: str | None) -> bool:
        """False: no entry suppresses the normalised `address` for `account` (as of the view's
        freshness); True: one may (ask the database). Only meaningful while `ready`."""
        state = self._state
        if state.holds(GLOBAL_SLOT + keys.SEPARATOR + address):
            return True
        if account is not None and state.holds(account + keys.SEPARATOR + address):
            return True
        if state.domains:
            domain = DOMAIN_KEY_PREFIX + domain_of_address(address)
            return GLOBAL_SLOT + keys.SEPARATOR + domain in state.domains or (
                account is not None and account + keys.SEPARATOR + domain in state.domains
            )
        return False

    def possibly_suppressed(self, addresses: Iterable[str], account: str | None) -> list[str]:
        """Those of the (normalised, distinct) `addresses` that `might_suppress` would pass on, in
        their order: one vectorised search for the addresses in every scope the caller sees, one
        set probe per distinct domain."""
        state = self._state
        unique = addresses if isinstance(addresses, list) else list(addresses)
        count = len(unique)
        if not count:
            return []
        slots = [GLOBAL_SLOT] if account is None else [GLOBAL_SLOT, account]
        hashed = np.fromiter(map(_hash, unique), dtype=np.int64, count=count)
        values = np.concatenate([hashed ^ _hash(slot) for slot in slots])  # (as `_value`)
        present: Any = state.contains(values)
        if state.overlay:
            _overlaid(present, state.overlay, slots, unique)
        hit: Any = present[:count]
        for more in range(1, len(slots)):
            hit = hit | present[more * count : (more + 1) * count]
        if state.domains:
            dead = {
                domain
                for domain in {domain_of_address(address) for address in unique}
                if any(slot + _DOMAIN_MARK + domain in state.domains for slot in slots)
            }
            if dead:
                hit = hit.copy()
                for i, address in enumerate(unique):
                    if domain_of_address(address) in dead:
                        hit[i] = True
        return [unique[i] for i in np.flatnonzero(hit).tolist()]

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
                self.confirmed.forget_all()  # changes may go unheard until the next load
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
        self.confirmed.forget(wanted)
        with self._db.engine.connect() as connection:
            suppressed = keys.suppressed_among(connection, wanted)
            connection.rollback()
        state = self._state
        overlay = state.overlay
        for key in wanted:
            if _DOMAIN_MARK in key:
                if key in suppressed:
                    state.domains.add(key)
                else:
                    state.domains.discard(key)
            else:
                overlay[key] = key in suppressed
        added = sum(overlay.values())
        if added >= MERGE_AT:
            self._merge()
        elif len(overlay) - added >= MAX_REMOVED:
            self._load()

    def _merge(self) -> None:
        """Fold the overlay's suppressed keys into the array (the array first, then the overlay
        forgets them: no moment when neither holds a key)."""
        state = self._state
        overlay = state.overlay
        folded = [key for key, suppressed in list(overlay.items()) if suppressed]
        values = np.sort(_values(folded))
        array = np.insert(state.array, np.searchsorted(state.array, values), values)
        self._state = _Snapshot.of(array, state.domains, overlay)
        for key in folded:
            if overlay.get(key):
                del overlay[key]

    def _load(self) -> None:
        """Every suppressed key from the database, then an empty overlay (callers have started
        listening first, so what changes from the snapshot on is heard and applied after). Until
        the new array is in place, lookups use the old one with its overlay."""
        started = time.monotonic()
        # Whatever was answered before may have changed unheard (the first load after a loss of
        # the database, a TRUNCATE); answers read from now on are followed by the listener.
        self.confirmed.forget_all()
        with self._db.engine.connect() as connection:
            expected = keys.count_suppressed(connection)
            array = np.empty(expected, dtype=np.int64)
            filled = 0
            domains: set[str] = set()
            for batch in keys.suppressed_keys(connection, LOAD_BATCH):
                address_keys = [key for key in batch if _DOMAIN_MARK not in key]
                if len(address_keys) < len(batch):
                    domains.update(key for key in batch if _DOMAIN_MARK in key)
                values = _values(address_keys)
                if filled + len(values) > array.size:  # rows added since the count
                    array = np.concatenate(
                        [array[:filled], np.empty(len(values) + array.size // 8, np.int64)]
                    )
                array[filled : filled + len(values)] = values
                filled += len(values)
            connection.rollback()
        array = array[:filled].copy() if filled < array.size else array
        array.sort()
        self._state = _Snapshot.of(array, domains, {})
        self._ready = True
        self.loads += 1
        log.info(
            "suppression view loaded",
            entries=filled + len(domains),
            seconds=round(time.monotonic() - started, 2),
        )
