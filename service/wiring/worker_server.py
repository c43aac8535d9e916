"""How each `serve --workers N` process takes connections from the listening socket they share.

uvicorn's supervisor binds one socket and every worker accepts from it. An event loop's own server
accepts every connection waiting each time the socket wakes it (asyncio up to the backlog, uvloop
until the queue is empty), so the keep-alive connections a client opens at once land on whichever
worker woke first: on an idle machine one worker held 16 of 16 in most rounds, and `--workers 2`
answered no faster than one.

Here the workers share how many connections each holds open (`connection_counts.py`). A worker
accepts while no other holds fewer; ahead of one, it stops polling the socket for
`DEFER_SECONDS` and sleeps, which leaves its core to the worker behind (woken by the same
connections: on a 2-core machine whose other core runs the client, it gets none until then).
If the connection is still waiting when the deferral ends, the worker behind did not take it
(stopped, busy, or not given a core in time) and this one takes it. So connections opened at once
alternate between the workers whatever the scheduler does, and a stalled worker costs a new
connection at most `DEFER_SECONDS` per connection waiting. The worker holding the fewest never
waits, so when every worker runs, none defers to a worker that could have taken the connection.

Why not `SO_REUSEPORT` (a socket per worker, the kernel spreading connections by a hash of their
addresses): a stalled or restarting worker would keep its share of new connections waiting or
refused, and a second `serve` started on the same port by mistake would silently join the group
and take a share instead of failing to bind. Nor the supervisor accepting and handing descriptors
to workers: a worker stopped after being handed one would hold it unanswered.

uvicorn's start-up path is kept: a worker runs on the loop `WorkersConfig` makes (uvicorn asks its
config for the loop factory), and uvicorn's `loop.create_server(factory, sock=..., backlog=...)`
gets a `SpreadingServer` for the shared socket. The kernel backlog stays the one uvicorn asks for.
"""

from __future__ import annotations

import asyncio
import errno
import functools
import logging
import socket
from collections.abc import Callable
from typing import Any

import uvicorn

from service.wiring.connection_counts import ConnectionCounts, Slot

# How long a worker ahead of another leaves a waiting connection to it. A millisecond is the
# event loops' timer resolution; the second is margin for the worker behind to be scheduled.
DEFER_SECONDS = 0.002
# A worker out of file descriptors (or kernel memory) stops polling the socket this long rather
# than spin on a socket that stays readable; the other workers take the connections meanwhile.
ACCEPT_RETRY_SECONDS = 1.0
_OUT_OF_RESOURCES = frozenset({errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM})

logger = logging.getLogger(__name__)


class SpreadingServer(asyncio.AbstractServer):
    """Serves connections accepted from a socket shared with other worker processes, leaving each
    to a worker holding fewer open connections when one can take it."""

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        sock: socket.socket,
        protocol_factory: Callable[[], asyncio.BaseProtocol],
        backlog: int,
        counts: ConnectionCounts,
    ) -> None:
        self._loop = loop
        self._sock = sock
        self._protocol_factory = protocol_factory
        self._backlog = backlog
        self._counts = counts
        self._slot: Slot | None = None
        self._polling = False
        self._deferral: asyncio.TimerHandle | None = None
        self._closed = False
        # Connections accepted and not yet handed to a protocol (kept so the tasks are not lost).
        self._connecting: set[asyncio.Task[None]] = set()

    @property
    def sockets(self) -> tuple[socket.socket, ...]:
        return () if self._closed else (self._sock,)

    def start(self) -> None:
        if self._closed or self._polling or self._deferral is not None:
            return
        if self._slot is None:
            self._slot = self._counts.claim()
            if self._slot is None:
                logger.warning(
                    "no free slot in the workers' connection counts: this worker takes every connection it can"
                )
        self._sock.setblocking(False)
        # As the loop's own server does; listen() on a listening socket only sets the backlog.
        self._sock.listen(self._backlog)
        self._poll()

    def _poll(self) -> None:
        self._loop.add_reader(self._sock.fileno(), self._take_connections)
        self._polling = True

    def _stop_polling(self) -> None:
        if self._polling:
            self._loop.remove_reader(self._sock.fileno())
            self._polling = False

    def _take_connections(self) -> None:
        """The socket has connections waiting: take them while no other worker holds fewer."""
        while self._slot is None or not self._slot.ahead():
            if not self._accept():
                return
        self._stop_polling()
        self._deferral = self._loop.call_later(DEFER_SECONDS, self._after_deferring)

    def _after_deferring(self) -> None:
        self._deferral = None
        if self._slot is not None and self._slot.ahead():
            # Still ahead: any connection still waiting is one no worker behind took in time.
            self._accept()
        self._poll()

    def _accept(self) -> bool:
        """Accepts one connection; False when none was waiting (or this worker cannot take one)."""
        try:
            conn, _ = self._sock.accept()
        except (BlockingIOError, InterruptedError):
            return False  # none waiting (another worker took it)
        except ConnectionAbortedError:
            return True  # the client gave up; others may wait
        except OSError as exc:
            self._loop.call_exception_handler(
                {"message": "accept() on the shared socket failed", "exception": exc, "socket": self._sock}
            )
            if exc.errno in _OUT_OF_RESOURCES:
                self._stop_polling()
                self._deferral = self._loop.call_later(ACCEPT_RETRY_SECONDS, self._after_deferring)
            return False
        conn.setblocking(False)
        if self._slot is not None:
            self._slot.opened()  # before the next decision, which must see it
        task = self._loop.create_task(self._serve(conn, _Once(self._slot.closed if self._slot else _nothing)))
        self._connecting.add(task)
        task.add_done_callback(self._connecting.discard)
        return True

    async def _serve(self, conn: socket.socket, closed: Callable[[], None]) -> None:
        def counted_protocol() -> asyncio.BaseProtocol:
            protocol = self._protocol_factory()
            lost = protocol.connection_lost

            # The loop calls this however the connection ends (closed, reset, or at shutdown).
            def connection_lost(exc: Exception | None) -> None:
                closed()
                lost(exc)

            protocol.connection_lost = connection_lost  # type: ignore[method-assign]
            return protocol

        try:
            await self._loop.connect_accepted_socket(counted_protocol, conn)
        except Exception as exc:  # one connection's failure must not stop the server
            conn.close()
            closed()
            self._loop.call_exception_handler(
                {"message": "could not serve an accepted connection", "exception": exc}
            )

    def close(self) -> None:
        # Stops accepting and leaves the counts (the other workers no longer wait for this one);
        # connections already served are the caller's to finish (uvicorn does). The socket object
        # is closed as the loop's own server would; the other processes keep their descriptors.
        if self._closed:
            return
        self._stop_polling()
        if self._deferral is not None:
            self._deferral.cancel()
            self._deferral = None
        if self._slot is not None:
            self._slot.free()
        self._closed = True
        self._sock.close()

    def get_loop(self) -> asyncio.AbstractEventLoop:
        return self._loop

    def is_serving(self) -> bool:
        return not self._closed and (self._polling or self._deferral is not None)

    async def start_serving(self) -> None:
        self.start()

    async def serve_forever(self) -> None:
        self.start()
        try:
            await self._loop.create_future()
        finally:
            self.close()

    async def wait_closed(self) -> None:
        if self._connecting:
            await asyncio.gather(*self._connecting, return_exceptions=True)


class _Once:
    """Calls `action` the first time it is called (a connection ends once, however many paths
    report it)."""

    __slots__ = ("_action",)

    def __init__(self, action: Callable[[], None]) -> None:
        self._action: Callable[[], None] | None = action

    def __call__(self) -> None:
        if self._action is not None:
            action, self._action = self._action, None
            action()


def _nothing() -> None:
    pass


def _takes_the_shared_socket(args: tuple[Any, ...], options: dict[str, Any]) -> bool:
    """A plain TCP server on a socket handed over (uvicorn's workers); anything else (host and
    port, TLS) is left to the loop's own server."""
    return not args and options.get("sock") is not None and options.get("ssl") is None


@functools.cache
def _spreading_loop(base: type[asyncio.AbstractEventLoop]) -> type[asyncio.AbstractEventLoop]:
    class SpreadingLoop(base):  # type: ignore[misc,valid-type]
        counts: ConnectionCounts

        async def create_server(self, protocol_factory: Any, *args: Any, **options: Any) -> Any:
            if not _takes_the_shared_socket(args, options):
                return await super().create_server(protocol_factory, *args, **options)
            server = SpreadingServer(
                self, options["sock"], protocol_factory, options.get("backlog", 100), self.counts
            )
            if options.get("start_serving", True):
                server.start()
            return server

    return SpreadingLoop


def worker_event_loop(counts: ConnectionCounts) -> asyncio.AbstractEventLoop:
    """The event loop of a `--workers` process: uvloop when installed (as uvicorn's "auto" picks),
    else asyncio's; its servers on a handed-over socket spread connections by `counts`."""
    base: type[asyncio.AbstractEventLoop]
    try:
        import uvloop

        base = uvloop.Loop
    except ImportError:  # pragma: no cover (uvicorn[standard] installs uvloop where it builds)
        base = asyncio.SelectorEventLoop
    loop = _spreading_loop(base)()
    loop.counts = counts  # type: ignore[attr-defined]
    return loop


class WorkersConfig(uvicorn.Config):
    """uvicorn's config for the `--workers` processes, carrying the shared connection counts to
    each (uvicorn pickles its config into every worker it spawns)."""

    def __init__(self, app: Any, *, counts: ConnectionCounts, **options: Any) -> None:
        super().__init__(app, **options)
        self.counts = counts

    def get_loop_factory(self) -> Callable[[], asyncio.AbstractEventLoop]:
        return functools.partial(worker_event_loop, self.counts)
