"""How many connections each `serve --workers N` process holds open, shared by all of them.

The supervisor makes a small table of slots before it starts the workers; each worker claims a
slot, counts its open connections in it, and reads the others' counts to decide whether to accept
now or leave the next connection to a worker that holds fewer (`service/wiring/worker_server.py`).

A slot is two 64-bit words, its owner's pid (0: free) and the owner's open connections, in a file
mapped by every process (an unlinked temporary file: nothing is left behind, whatever ends the
processes). Only a slot's owner writes its count, so no word needs a lock to be read: a count
read a moment late only makes one accept decision a little off. A header word says how many
slots have ever been claimed (the lowest free one is claimed first), so a look reads those only.

Who owns a slot is the kernel's word: the owner holds a POSIX record lock on the slot's first
byte for as long as it lives, and the kernel drops the lock when the process ends, however it
ends (SIGKILL, the OOM killer). A worker about to leave a connection to another first checks
that the other's lock is still held; a dead owner's slot is cleared then, so the count it left
behind favours nobody.
"""

from __future__ import annotations

import fcntl
import mmap
import os
import tempfile
from multiprocessing.reduction import DupFd
from pathlib import Path
from typing import Any

_WORD = 8  # bytes of one 64-bit word
_SLOT = 2 * _WORD  # a slot: owner pid, open connections
_HEADER = _SLOT  # the slots claimed so far (one word, then one spare); its first byte is the
# lock claims take in turn, as a slot's first byte is its owner's
# Where the table's file goes: memory, where there is a memory file system.
_SHARED_MEMORY = Path("/dev/shm")


class ConnectionCounts:
    """The shared table. Made by the supervisor (`create`), handed to each worker it starts with
    the worker's other start-up state (pickled while multiprocessing spawns the worker: the file
    descriptor goes with it)."""

    def __init__(self, fd: int, slots: int) -> None:
        self._fd = fd
        self._slots = slots
        self._map = mmap.mmap(fd, _HEADER + slots * _SLOT)
        # Word 0: how many slots have been claimed; then words 2 + 2i: slot i's owner, 3 + 2i: its
        # open connections. One aligned word is written and read whole.
        self._words = memoryview(self._map).cast("q")

    @classmethod
    def create(cls, slots: int) -> ConnectionCounts:
        directory = str(_SHARED_MEMORY) if _SHARED_MEMORY.is_dir() else None
        with tempfile.TemporaryFile(dir=directory) as file:
            fd = os.dup(file.fileno())
        os.ftruncate(fd, _HEADER + slots * _SLOT)  # all zero: every slot free
        return cls(fd, slots)

    def __reduce__(self) -> tuple[Any, ...]:
        # Only while spawning a worker (DupFd hands the descriptor to the child being started).
        return (_attach, (DupFd(self._fd), self._slots))

    def claim(self) -> Slot | None:
        """A free slot for this process, locked for as long as it lives; None if all are taken.
        One per process (a process's own lock never stops it)."""
        fcntl.lockf(self._fd, fcntl.LOCK_EX, 1, 0)  # claims one at a time (for the header)
        try:
            for index in range(self._slots):
                if self._lock(index):
                    self._words[3 + 2 * index] = 0  # (a dead owner's count, if it left one)
                    self._words[2 + 2 * index] = os.getpid()
                    self._words[0] = max(self._words[0], index + 1)
                    return Slot(self, index)
            return None
        finally:
            fcntl.lockf(self._fd, fcntl.LOCK_UN, 1, 0)

    def least_open_but(self, index: int) -> tuple[int, int] | None:
        """(slot, open connections) of the slot other than `index` whose owner holds the fewest,
        or None when `index` is alone."""
        words = self._words[2 : 2 + 2 * self._words[0]].tolist()
        least: tuple[int, int] | None = None
        for other, (owner, count) in enumerate(zip(words[::2], words[1::2], strict=True)):
            if owner and other != index and (least is None or count < least[1]):
                least = (other, count)
        return least

    def owner_gone(self, index: int) -> bool:
        """Whether slot `index`'s owner has ended without freeing it (its lock is gone); such a
        slot is freed here. Never asked of this process's own slot (a process's own lock never
        stops it)."""
        if not self._words[2 + 2 * index] or not self._lock(index):
            return False
        self._clear(index)
        return True

    def set_open(self, index: int, count: int) -> None:
        self._words[3 + 2 * index] = count

    def free(self, index: int) -> None:
        self._clear(index)

    def close(self) -> None:
        self._words.release()
        self._map.close()
        os.close(self._fd)

    def _lock(self, index: int) -> bool:
        try:
            fcntl.lockf(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, _HEADER + index * _SLOT)
        except OSError:  # held by a live process
            return False
        return True

    def _clear(self, index: int) -> None:
        self._words[2 + 2 * index] = 0
        self._words[3 + 2 * index] = 0
        fcntl.lockf(self._fd, fcntl.LOCK_UN, 1, _HEADER + index * _SLOT)


def _attach(fd: Any, slots: int) -> ConnectionCounts:
    """The table in a worker: the descriptor spawning handed over."""
    return ConnectionCounts(fd.detach(), slots)


class Slot:
    """One worker's slot: its count of open connections, and how it stands against the others."""

    def __init__(self, table: ConnectionCounts, index: int) -> None:
        self._table = table
        self._index = index
        self._open = 0
        self._freed = False

    @property
    def index(self) -> int:
        return self._index

    @property
    def open(self) -> int:
        return self._open

    def opened(self) -> None:
        self._open += 1
        if not self._freed:
            self._table.set_open(self._index, self._open)

    def closed(self) -> None:
        self._open -= 1
        if not self._freed:
            self._table.set_open(self._index, self._open)

    def ahead(self) -> bool:
        """Whether another live worker holds fewer connections open than this one."""
        while (least := self._table.least_open_but(self._index)) is not None:
            other, count = least
            if count >= self._open:
                return False
            if not self._table.owner_gone(other):
                return True
        return False

    def free(self) -> None:
        """Leaves the table (the worker stops accepting): the others no longer wait for it."""
        if not self._freed:
            self._freed = True
            self._table.free(self._index)
