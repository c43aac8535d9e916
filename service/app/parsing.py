"""The parse half of ingest, before any transaction opens: raw bytes -> `Parsed`, in this process or
in worker processes a batch ahead of the writer.

Parsing is pure and costs more than writing a message, so ingest does it outside the transaction
(locks are held only for the writes), and bulk intake (`bounceback ingest`) parses the next batch
in worker processes while the current one is written (`ParsePool.parse_ahead`). A message seen
before in the same stream is not parsed again: it is a duplicate, which the write answers from
the database (and parses after all in the rare case it was not stored).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

import parsers
from parsers.model import ParseResult
from service.logging import get_logger

__all__ = ["MessageTooLarge", "ParsePool", "Parsed", "content_hash", "parse_message"]

log = get_logger(__name__)

# Digests remembered per stream to skip parsing redeliveries (bounded: a long stream forgets the
# oldest; a message parsed twice costs time, never correctness).
SEEN_LIMIT = 100_000


# Messages below which `parse_spread` parses in this process: shipping them costs more than it saves.
SPREAD_AT_LEAST = 20


class MessageTooLarge(Exception):
    """The raw message exceeds `settings.max_message_bytes`; nothing was stored."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"message of {size} bytes exceeds the limit of {limit} bytes")
        self.size = size
        self.limit = limit


def content_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


@dataclass(frozen=True, slots=True)
class Parsed:
    """One raw message, parsed (or known to be a redelivery), ready for `ingest.write_batch`."""

    raw: bytes
    source: str
    digest: str
    result: ParseResult | None  # None: not parsed, as seen before (a duplicate, most likely)
    parse_error: str | None = None  # the parser failed: the message is kept, quarantined


@dataclass(frozen=True, slots=True)
class ParseLimits:
    """The settings parsing needs (picklable, for worker processes)."""

    max_bytes: int
    account_header: str


def safe_parse(raw: bytes, limits: ParseLimits) -> tuple[ParseResult, str | None]:
    try:
        return parsers.parse(raw, max_bytes=limits.max_bytes, account_header=limits.account_header), None
    except Exception as exc:  # the parser promises never to raise; if it does, keep the message
        return ParseResult(message_type="unknown"), f"parser error: {type(exc).__name__}: {exc}"[:500]


def parse_message(
    raw: bytes, source: str, limits: ParseLimits, *, skip: bool = False, digest: str | None = None
) -> Parsed | MessageTooLarge:
    """`raw` parsed (not when `skip`: a redelivery), or its MessageTooLarge."""
    if len(raw) > limits.max_bytes:
        return MessageTooLarge(len(raw), limits.max_bytes)
    digest = digest or content_hash(raw)
    if skip:
        return Parsed(raw, source, digest, None)
    result, error = safe_parse(raw, limits)
    return Parsed(raw, source, digest, result, error)


def _parse_chunk(
    chunk: Sequence[tuple[bytes, str, str, bool]], limits: ParseLimits
) -> list[Parsed | MessageTooLarge]:
    """A worker process's share of a batch: (raw, source, digest, skip) each."""
    return [
        parse_message(raw, source, limits, skip=skip, digest=digest) for raw, source, digest, skip in chunk
    ]


Batch = Sequence[tuple[bytes, str]]


class ParsePool:
    """Parses batches of (raw, source) in worker processes, one batch ahead of the caller.

    `parse_ahead` hands out each batch parsed while the next one is being parsed, so a caller that
    writes batch k meanwhile overlaps its writes with the parse of batch k+1. A single batch is
    parsed in this process (no worker is started for it). Workers start on first need (see
    `_start_method`) and stop with `close`; a worker that dies (killed, out
    of memory) costs nothing but time: its share is parsed here.
    """

    def __init__(self, limits: ParseLimits, workers: int | None = None) -> None:
        self.limits = limits
        self.workers = default_workers() if workers is None else max(0, workers)
        self._pool: ProcessPoolExecutor | None = None
        self._seen: set[str] = set()
        self._seen_order: deque[str] = deque()

    def parse_ahead(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, list[Parsed | MessageTooLarge]]]:
        """Each batch with its parsed messages, in order; the next batch parses meanwhile."""
        queued: deque[
            tuple[Batch, list[tuple[bytes, str, str, bool]], list[Future[list[Parsed | MessageTooLarge]]]]
        ] = deque()
        iterator = iter(batches)
        first = next(iterator, None)
        if first is None:
            return
        second = next(iterator, None)
        if second is None or self.workers == 0:
            yield first, self.parse_here(first)
            if second is not None:
                yield second, self.parse_here(second)
                for batch in iterator:
                    yield batch, self.parse_here(batch)
            return
        for batch in (first, second):
            queued.append(self._submit(batch))
        for batch in iterator:
            yield self._collect(queued.popleft())
            queued.append(self._submit(batch))
        while queued:
            yield self._collect(queued.popleft())

    def parse_spread(self, batch: Batch) -> list[Parsed | MessageTooLarge]:
        """A batch parsed in the workers at once, shared out among them (in this process when
        there are none, or when the batch is too small to be worth sending: SPREAD_AT_LEAST)."""
        if self.workers == 0 or len(batch) < SPREAD_AT_LEAST:
            return self.parse_here(batch)
        return self._collect(self._submit(batch))[1]

    def parse_here(self, batch: Batch) -> list[Parsed | MessageTooLarge]:
        """A batch parsed in this process (redeliveries in the stream skipped as in workers)."""
        return _parse_chunk(self._mark(batch), self.limits)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> ParsePool:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _mark(self, batch: Batch) -> list[tuple[bytes, str, str, bool]]:
        """(raw, source, digest, skip) for each message: skip those seen before in the stream."""
        marked = []
        for raw, source in batch:
            digest = content_hash(raw)
            marked.append((raw, source, digest, digest in self._seen))
            if digest not in self._seen:
                self._seen.add(digest)
                self._seen_order.append(digest)
                if len(self._seen_order) > SEEN_LIMIT:
                    self._seen.discard(self._seen_order.popleft())
        return marked

    def _submit(
        self, batch: Batch
    ) -> tuple[Batch, list[tuple[bytes, str, str, bool]], list[Future[list[Parsed | MessageTooLarge]]]]:
        marked = self._mark(batch)
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=_start_method(), initializer=_exit_with, initargs=(os.getpid(),)
            )
        size = -(-len(marked) // self.workers) or 1
        futures = []
        try:
            for i in range(0, len(marked), size):
                futures.append(self._pool.submit(_parse_chunk, marked[i : i + size], self.limits))
        except BrokenProcessPool:
            pass  # collected here, in this process
        return batch, marked, futures

    def _collect(
        self,
        queued: tuple[
            Batch, list[tuple[bytes, str, str, bool]], list[Future[list[Parsed | MessageTooLarge]]]
        ],
    ) -> tuple[Batch, list[Parsed | MessageTooLarge]]:
        batch, marked, futures = queued
        parsed: list[Parsed | MessageTooLarge] = []
        try:
            for future in futures:
                parsed.extend(future.result())
        except BrokenProcessPool:
            log.warning("parse_worker_lost_parsing_here", messages=len(marked))
            self._restart()
        if len(parsed) != len(marked):
            parsed = _parse_chunk(marked, self.limits)
        return batch, parsed

    def _restart(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


def _exit_with(parent: int) -> None:
    """In a worker: exit when the process that started it is gone (killed, even with SIGKILL), so
    that no worker outlives an interrupted `bounceback ingest` waiting for work that never comes."""

    # Ctrl-C reaches the whole process group: the parent stops its workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _start_method() -> multiprocessing.context.BaseContext:
    """How workers start: forked from a single-threaded process (`bounceback ingest`: nothing to
    import again), spawned afresh from one with threads (a fork copies other threads' locks in
    whatever state they are)."""
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def default_workers() -> int:
    """Worker processes for parsing: one per core this process may use."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        cores = os.cpu_count() or 1
    return max(1, cores)
