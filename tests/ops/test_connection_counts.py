"""The open-connection counts `serve --workers N` share (service/wiring/connection_counts.py),
between real processes started as uvicorn starts the workers (spawned, the table handed over
pickled): who is ahead of whom, and what a worker that ends, or is stopped, leaves behind."""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Iterator
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

import pytest

from service.wiring.connection_counts import ConnectionCounts

SPAWN = multiprocessing.get_context("spawn")


def _worker(counts: ConnectionCounts, opened: int, report: Connection) -> None:
    """A worker: claims a slot, opens `opened` connections, says which slot, and waits."""
    slot = counts.claim()
    assert slot is not None
    for _ in range(opened):
        slot.opened()
    report.send(slot.index)
    report.recv()  # until told to go (or killed)
    slot.free()


class Worker:
    def __init__(self, counts: ConnectionCounts, opened: int) -> None:
        self._report, child_end = SPAWN.Pipe()
        self.process: BaseProcess = SPAWN.Process(target=_worker, args=(counts, opened, child_end))
        self.process.start()
        assert self._report.poll(60), "the worker did not claim a slot"
        self.slot: int = self._report.recv()

    @property
    def pid(self) -> int:
        assert self.process.pid is not None
        return self.process.pid

    def finish(self) -> None:
        self._report.send("go")
        self.process.join(30)

    def kill(self) -> None:
        self.process.kill()
        self.process.join(30)


@pytest.fixture()
def counts() -> Iterator[ConnectionCounts]:
    table = ConnectionCounts.create(slots=8)
    yield table
    table.close()


@pytest.fixture()
def workers() -> Iterator[list[Worker]]:
    started: list[Worker] = []
    yield started
    for worker in started:
        if worker.process.is_alive():
            os.kill(worker.pid, signal.SIGCONT)
            worker.kill()


def test_each_process_claims_its_own_slot(counts: ConnectionCounts, workers: list[Worker]) -> None:
    workers.extend(Worker(counts, 0) for _ in range(3))
    mine = counts.claim()
    assert mine is not None
    assert len({mine.index, *(w.slot for w in workers)}) == 4


def test_ahead_of_a_live_worker_holding_fewer(counts: ConnectionCounts, workers: list[Worker]) -> None:
    other = Worker(counts, 2)
    workers.append(other)
    mine = counts.claim()
    assert mine is not None
    for held, ahead in ((0, False), (1, False), (2, False), (3, True), (2, False)):
        while mine.open < held:
            mine.opened()
        while mine.open > held:
            mine.closed()
        assert mine.ahead() is ahead, held  # level is not ahead


def test_a_stopped_worker_still_counts(counts: ConnectionCounts, workers: list[Worker]) -> None:
    # Alive, so a connection is still left to it (for the deferral only: worker_server.py).
    other = Worker(counts, 0)
    workers.append(other)
    mine = counts.claim()
    assert mine is not None
    mine.opened()
    os.kill(other.pid, signal.SIGSTOP)
    try:
        assert mine.ahead()
    finally:
        os.kill(other.pid, signal.SIGCONT)


@pytest.mark.parametrize("ends", ["killed", "finishes"])
def test_a_worker_that_ends_leaves_no_count_behind(
    counts: ConnectionCounts, workers: list[Worker], ends: str
) -> None:
    # Killed, it never frees its slot or lowers its count (none open here: the one everybody
    # would otherwise wait for); the kernel drops its lock, and the next look frees the slot.
    other = Worker(counts, 0)
    workers.append(other)
    mine = counts.claim()
    assert mine is not None
    mine.opened()
    assert mine.ahead()
    other.kill() if ends == "killed" else other.finish()
    assert not mine.ahead()
    assert counts.least_open_but(mine.index) is None  # its slot is free
    replacement = Worker(counts, 0)  # and taken by the next worker, counting from none
    workers.append(replacement)
    assert mine.ahead()


def test_a_freed_slot_no_longer_counts(counts: ConnectionCounts, workers: list[Worker]) -> None:
    # A worker that stops accepting (shutting down) frees its slot: its later closes write nothing.
    workers.append(Worker(counts, 1))
    mine = counts.claim()
    assert mine is not None
    mine.opened()
    mine.opened()
    assert mine.ahead()
    mine.free()
    mine.closed()
    mine.closed()
    newcomer = Worker(counts, 5)  # may get the slot freed: nothing of this process's overwrites it
    workers.append(newcomer)
    assert counts.least_open_but(-1) == (workers[0].slot, 1)
