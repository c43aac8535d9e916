"""How the API reaches the database: never on the event loop, in a bounded pool of threads, under a deadline."""

from __future__ import annotations

import asyncio
import contextvars
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from service.store.db import DatabaseUnavailable

T = TypeVar("T")

# Threads for database work; more than the connection pools hold is useless.
DATABASE_THREADS = 32


class DatabaseCalls:
    """Runs a call's blocking database work in its own thread pool and waits at most `deadline`.

    The event loop only ever waits, so `/healthz` and calls that need no database answer whatever
    the database does. A call whose work outlives its deadline fails with DatabaseUnavailable (503)
    at once; its thread is left to finish or fail on its own (a statement cannot be taken back from
    a connection that does not answer), so a database that stalls can hold at most the pool's
    threads: work queued behind them is dropped when its caller's deadline passes.
    """

    def __init__(self, deadline: float, threads: int = DATABASE_THREADS) -> None:
        self.deadline = deadline
        self.threads = threads
        self._executor: ThreadPoolExecutor | None = None

    async def run(self, work: Callable[..., T], *args: Any, deadline: float | None = None) -> T:
        """`work(*args)` in a database thread; its result, or DatabaseUnavailable past the deadline."""
        limit = self.deadline if deadline is None else deadline
        if self._executor is None:  # first use, or first use after a shutdown (an app run again)
            self._executor = ThreadPoolExecutor(max_workers=self.threads, thread_name_prefix="database-call")
        context = contextvars.copy_context()  # the request's log context goes along
        future = asyncio.get_running_loop().run_in_executor(
            self._executor, functools.partial(context.run, work, *args)
        )
        try:
            return await asyncio.wait_for(future, limit)
        except TimeoutError:
            raise DatabaseUnavailable(f"the database did not answer within {limit:g} s") from None

    def shutdown(self) -> None:
        """Stop taking work; threads still waiting on the database end when it answers or fails."""
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
