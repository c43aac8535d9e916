"""How each `serve --workers N` process takes connections from the listening socket they share.

uvicorn's supervisor binds one socket and every worker accepts from it. An event loop's own server
accepts every connection waiting each time the socket wakes it (asyncio loops up to the backlog,
uvloop until the queue is empty), so keep-alive connections a client opens at once all land on
whichever worker woke first: 16 of 16 on one worker in the lookups benchmark, and `--workers 2`
answered no faster than one.

Here a worker accepts one connection per wake-up, yields the CPU, and goes back to its loop. Every
worker polls the shared socket, level-triggered, so while connections wait each running worker
takes one per turn and they spread over the workers; a stalled worker takes none and the others
take them all. The spread is the scheduler's: a worker that gets no CPU while a burst arrives
takes none of it.

Why not `SO_REUSEPORT` (a socket per worker, the kernel spreading connections by a hash of their
addresses): a stalled or restarting worker would keep its share of new connections waiting or
refused, and a second `serve` started on the same port by mistake would silently join the group
and take a share instead of failing to bind. Nor the supervisor accepting and passing descriptors
to the workers: another hop and much more code for the same spread.

uvicorn's start-up path is kept: a worker runs on the loop `worker_event_loop` makes (uvicorn's
`loop=` setting), and uvicorn's `loop.create_server(factory, sock=..., backlog=...)` gets a
`OneAtATimeServer` for the shared socket. The kernel backlog stays the one uvicorn asks for.
"""

from __future__ import annotations

import asyncio
import errno
import functools
import os
import socket
from collections.abc import Callable
from typing import Any

# A worker out of file descriptors (or kernel memory) stops polling the socket this long rather
# than spin on a socket that stays readable; the other workers take the connections meanwhile.
ACCEPT_RETRY_SECONDS = 1.0
_OUT_OF_RESOURCES = frozenset({errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM})
_yield_cpu: Callable[[], None] = getattr(os, "sched_yield", lambda: None)  # (not on Windows)


class OneAtATimeServer(asyncio.AbstractServer):
    """Serves connections accepted from a socket shared with other processes, one per wake-up."""

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        sock: socket.socket,
        protocol_factory: Callable[[], asyncio.BaseProtocol],
        backlog: int,
    ) -> None:
        self._loop = loop
        self._sock = sock
        self._protocol_factory = protocol_factory
        self._backlog = backlog
        self._serving = False
        self._closed = False
        # Connections accepted and not yet handed to a protocol (kept so the tasks are not lost).
        self._connecting: set[asyncio.Task[None]] = set()

    @property
    def sockets(self) -> tuple[socket.socket, ...]:
        return () if self._closed else (self._sock,)

    def start(self) -> None:
        if self._serving or self._closed:
            return
        self._sock.setblocking(False)
        # As the loop's own server does; listen() on a listening socket only sets the backlog.
        self._sock.listen(self._backlog)
        self._loop.add_reader(self._sock.fileno(), self._accept_one)
        self._serving = True

    def _accept_one(self) -> None:
        try:
            conn, _ = self._sock.accept()
        except (BlockingIOError, InterruptedError, ConnectionAbortedError):
            return  # another worker took it, or the client gave up
        except OSError as exc:
            self._loop.call_exception_handler(
                {"message": "accept() on the shared socket failed", "exception": exc, "socket": self._sock}
            )
            if exc.errno in _OUT_OF_RESOURCES:
                self._pause()
                self._loop.call_later(ACCEPT_RETRY_SECONDS, self.start)
            return
        conn.setblocking(False)
        task = self._loop.create_task(self._connect(conn))
        self._connecting.add(task)
        task.add_done_callback(self._connecting.discard)
        # Give up the CPU once per connection (as libuv's UV_TCP_SINGLE_ACCEPT does): on a busy
        # machine a worker woken by the same connections may be waiting for this very core, and
        # would otherwise find them all taken. Once per new connection, not per request.
        _yield_cpu()

    async def _connect(self, conn: socket.socket) -> None:
        try:
            await self._loop.connect_accepted_socket(self._protocol_factory, conn)
        except Exception as exc:  # one connection's failure must not stop the server
            conn.close()
            self._loop.call_exception_handler(
                {"message": "could not serve an accepted connection", "exception": exc}
            )

    def _pause(self) -> None:
        if self._serving:
            self._loop.remove_reader(self._sock.fileno())
            self._serving = False

    def close(self) -> None:
        # Stops accepting; connections already served are the caller's to finish (uvicorn does).
        # The socket object is closed as the loop's own server would; the other processes keep
        # their own descriptors of it.
        if self._closed:
            return
        self._pause()
        self._closed = True
        self._sock.close()

    def get_loop(self) -> asyncio.AbstractEventLoop:
        return self._loop

    def is_serving(self) -> bool:
        return self._serving

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


def _serve_one_at_a_time(
    loop: asyncio.AbstractEventLoop, protocol_factory: Any, sock: socket.socket, options: dict[str, Any]
) -> OneAtATimeServer:
    server = OneAtATimeServer(loop, sock, protocol_factory, options.get("backlog", 100))
    if options.get("start_serving", True):
        server.start()
    return server


def _takes_the_shared_socket(args: tuple[Any, ...], options: dict[str, Any]) -> bool:
    """A plain TCP server on a socket handed over (uvicorn's workers); anything else (host and
    port, TLS) is left to the loop's own server."""
    return not args and options.get("sock") is not None and options.get("ssl") is None


def worker_event_loop() -> asyncio.AbstractEventLoop:
    """The event loop of a `--workers` process (uvicorn's `loop=` setting): uvloop when installed,
    as uvicorn's "auto" picks, else asyncio's; its servers on a handed-over socket accept one
    connection per wake-up."""
    base: type[asyncio.AbstractEventLoop]
    try:
        import uvloop

        base = uvloop.Loop
    except ImportError:  # pragma: no cover (uvicorn[standard] installs uvloop where it builds)
        base = asyncio.SelectorEventLoop
    return _one_at_a_time_loop(base)()


@functools.cache
def _one_at_a_time_loop(base: type[asyncio.AbstractEventLoop]) -> type[asyncio.AbstractEventLoop]:
    class OneAtATimeLoop(base):  # type: ignore[misc,valid-type]
        async def create_server(self, protocol_factory: Any, *args: Any, **options: Any) -> Any:
            if _takes_the_shared_socket(args, options):
                return _serve_one_at_a_time(self, protocol_factory, options["sock"], options)
            return await super().create_server(protocol_factory, *args, **options)

    return OneAtATimeLoop
