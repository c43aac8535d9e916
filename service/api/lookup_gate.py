"""How the hot lookups reach the database: on the event loop while it answers fast, else in threads."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

T = TypeVar("T")

# A primary-key lookup takes well under a millisecond; one taking this long means trouble.
SLOW_SECONDS = 0.05


class LookupGate:
    """Runs a short, blocking read inline on the event loop while the database is healthy.

    A hop to the thread pool costs more than a primary-key lookup itself (the benchmark shows
    single lookups at a quarter of the framework's rate through threads, above half inline). The
    price of inline calls is that a stalled database would stall the loop, so any error or slow
    answer sends subsequent calls to the thread pool until one succeeds quickly again: an outage
    stalls the loop at most once (bounded by the driver's connect timeout), /healthz stays live.
    """

    def __init__(self, engine: Engine | None = None, slow_seconds: float = SLOW_SECONDS) -> None:
        self.engine = engine  # where the lookups read (the app's read engine)
        self.slow_seconds = slow_seconds
        self.inline = True

    async def run(self, read: Callable[[], T]) -> T:
        if not self.inline:
            started = time.perf_counter()
            result = await run_in_threadpool(read)
            self.inline = time.perf_counter() - started < self.slow_seconds
            return result
        started = time.perf_counter()
        try:
            result = read()
        except Exception:
            self.inline = False
            raise
        if time.perf_counter() - started >= self.slow_seconds:
            self.inline = False
        return result
