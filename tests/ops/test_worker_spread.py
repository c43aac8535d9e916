"""`serve --workers 2` spreads the connections a client opens at once over both workers, in every
round, however busy the machine (the workers share their open-connection counts:
service/wiring/worker_server.py); a worker that is stopped or killed leaves new connections to the
other. Which worker holds a connection is read on the server side, from each worker's descriptors
and /proc/net/tcp: the service says nothing about its processes."""

from __future__ import annotations

import os
import signal
import socket
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.fixtures.processes import clients_held, connections_held, sockets_held, worker_processes
from tests.ops.test_processes import Process, clean_env, free_port, get

CONNECTIONS = 16  # as the lookups benchmark opens them
ROUNDS = 20
FAIR_SHARE = 6  # of a round's CONNECTIONS, held by each worker in every round


@dataclass
class Workers:
    """A `serve --workers 2` (API only, on the embedded default), its port and worker processes."""

    serve: Process
    port: int

    @property
    def pids(self) -> list[int]:
        return worker_processes(self.serve.proc.pid)

    def wait_until_serving(self) -> None:
        self.serve.wait_for(lambda: get(f"http://127.0.0.1:{self.port}/healthz")[0] == 200, 60, "/healthz")
        self.serve.wait_for(lambda: len(self.pids) == 2, 30, "two worker processes")


@pytest.fixture()
def workers(tmp_path: Path) -> Iterator[Workers]:
    port = free_port()
    serve = Process(
        ["serve", "--workers", "2", "--no-background", "--port", str(port)], tmp_path, clean_env()
    )
    try:
        started = Workers(serve, port)
        started.wait_until_serving()
        # Both serving (one answering /healthz says nothing of the other).
        serve.wait_for(lambda: serve.stderr().count("Application startup complete") == 2, 60, "both started")
        warm_up(started)
        yield started
    finally:
        serve.close()


def warm_up(started: Workers, pids: list[int] | None = None) -> None:
    """Has each worker (of `pids`) answer once, the other stopped: a worker's first request takes
    100-150 ms more (FastAPI builds its routing then), during which the other rightly takes every
    new connection; the rounds measure the workers as they run from then on."""
    for warmed in started.pids if pids is None else pids:
        (stopped,) = set(started.pids) - {warmed}
        os.kill(stopped, signal.SIGSTOP)
        try:
            with connections_at_once(started.port, 1):
                pass
        finally:
            os.kill(stopped, signal.SIGCONT)


def answered(sock: socket.socket) -> None:
    """Reads one whole answer to /healthz (a connection closed with unread data is reset)."""
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(65536)
    head, body = data.split(b"\r\n\r\n", 1)
    assert head.startswith(b"HTTP/1.1 200"), head
    length = next(
        int(line.split(b":")[1])
        for line in head.lower().split(b"\r\n")
        if line.startswith(b"content-length:")
    )
    while len(body) < length:
        body += sock.recv(65536)


@contextmanager
def connections_at_once(
    port: int, connections: int = CONNECTIONS, *, reset: bool = False
) -> Iterator[list[socket.socket]]:
    """`connections` keep-alive connections opened one after another with nothing between (each
    waits in the socket's queue until a worker accepts it), then a request on each and its answer
    (so a worker has accepted each); ended on leaving (`reset`: with a TCP reset, as a client that
    crashes or gives up does)."""
    opened = [socket.create_connection(("127.0.0.1", port), timeout=30) for _ in range(connections)]
    try:
        for sock in opened:
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n")
        for sock in opened:
            answered(sock)
        yield opened
    finally:
        for sock in opened:
            if reset:  # lingering for 0 s: close() sends a reset
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            sock.close()


def rounds_of_connections(started: Workers, rounds: int) -> list[list[int]]:
    """How many of each round's connections every worker held, over `rounds` rounds of connections
    opened at once; every other round ends in resets, and each starts on a server with none open."""
    pids = started.pids
    idle = {pid: sockets_held(pid) for pid in pids}  # (the listening socket, the supervisor's pipe)
    held = []
    for number in range(rounds):
        with connections_at_once(started.port, reset=number % 2 == 1):
            held.append(connections_held(started.port, pids))
        # Until each worker has closed its connections of the round, however the client ended them.
        started.serve.wait_for(lambda: all(sockets_held(p) <= n for p, n in idle.items()), 30, "closed")
    return held


def test_connections_opened_at_once_spread_over_both_workers_in_every_round(workers: Workers) -> None:
    rounds = rounds_of_connections(workers, ROUNDS)
    assert all(sum(held) == CONNECTIONS for held in rounds), rounds  # each held by one worker
    # Every round, not most: a worker ahead leaves the next connection to the other for as long
    # as the other needs to be scheduled (accepting every waiting connection, one worker held 16
    # of 16 in most rounds on an idle 2-core machine). The rounds ended by resets count too: a
    # reset connection no longer counted, or the rounds after would lean to the other worker.
    assert all(min(held) >= FAIR_SHARE for held in rounds), rounds


@pytest.mark.parametrize("reset", [False, True], ids=["closed", "reset"])
def test_a_connection_ended_by_its_client_is_no_longer_counted(workers: Workers, reset: bool) -> None:
    # (Both workers counting every connection they ever took would spread rounds as evenly.)
    ending, staying = workers.pids
    idle = sockets_held(ending)
    with connections_at_once(workers.port) as first:
        ended = clients_held(workers.port, [ending])[0]
        for sock in first:
            if sock.getsockname()[1] in ended:
                if reset:
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                sock.close()
        workers.serve.wait_for(lambda: sockets_held(ending) <= idle, 30, "the ended connections closed")
        # One worker holds none, the other its part of the first round: new connections go to the
        # first until both hold as many (counting the ended ones still, it would take half).
        with connections_at_once(workers.port, len(ended)):
            held = connections_held(workers.port, [ending, staying])
    assert held[0] >= len(ended) - 1, (len(ended), held)


def test_a_stopped_worker_leaves_every_new_connection_to_the_other(workers: Workers) -> None:
    for stopped, running in (workers.pids, reversed(workers.pids)):
        os.kill(stopped, signal.SIGSTOP)
        try:
            with connections_at_once(workers.port):  # each answered
                held = connections_held(workers.port, [stopped, running])
        finally:
            os.kill(stopped, signal.SIGCONT)
        assert held == [0, CONNECTIONS]


def test_connections_spread_over_a_killed_workers_replacement(workers: Workers) -> None:
    # Killed holding connections, a worker never counts them closed; the worker started in its
    # place claims a slot counting from none, and the rounds spread as before.
    killed, survivor = workers.pids
    idle = sockets_held(survivor)
    with connections_at_once(workers.port, reset=True):
        os.kill(killed, signal.SIGKILL)
        workers.serve.wait_for(lambda: killed not in workers.pids, 30, "the killed worker gone")
    workers.wait_until_serving()
    workers.serve.wait_for(
        lambda: workers.serve.stderr().count("Application startup complete") == 3,
        60,
        "the new worker started",
    )
    (replacement,) = set(workers.pids) - {survivor}
    warm_up(workers, [replacement])
    workers.serve.wait_for(lambda: sockets_held(survivor) <= idle, 30, "the survivor's connections closed")
    rounds = rounds_of_connections(workers, ROUNDS // 2)
    assert all(min(held) >= FAIR_SHARE for held in rounds), rounds
