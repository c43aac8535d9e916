"""`serve --workers 2` spreads the connections a client opens at once over both workers (each
worker accepts one per wake-up from the socket they share: service/wiring/shared_socket.py).
Which worker holds a connection is read on the server side, from each worker's descriptors and
/proc/net/tcp: the service says nothing about its processes."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ops.test_processes import Process, clean_env, free_port, get, worker_processes

CONNECTIONS = 16  # as the lookups benchmark opens them
ROUNDS = 20
SPREAD_ROUNDS = 14  # of ROUNDS, each with every worker holding at least ...
AT_LEAST = 5  # ... of the CONNECTIONS


def held_by(workers: list[int], server_port: int, client_ports: set[int]) -> list[int]:
    """How many of the client's connections (by its local ports) each worker process holds."""
    inodes: dict[int, int] = {}  # socket inode -> client port, for connections to the server
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, remote = (int(address.rsplit(":", 1)[1], 16) for address in fields[1:3])
        if local == server_port and remote in client_ports:
            inodes[int(fields[9])] = remote
    held = []
    for pid in workers:
        links = []
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            try:
                links.append(os.readlink(fd))
            except OSError:  # closed meanwhile
                continue
        held.append(sum(link.startswith("socket:[") and int(link[8:-1]) in inodes for link in links))
    return held


async def connections_at_once(port: int, workers: list[int]) -> list[int]:
    """Opens CONNECTIONS keep-alive connections at once, has each answered (so a worker has
    accepted it), and says how many each worker holds."""

    async def answered() -> asyncio.StreamWriter:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n")
        assert (await reader.readuntil(b"\r\n\r\n")).startswith(b"HTTP/1.1 200")
        return writer

    writers = await asyncio.gather(*(answered() for _ in range(CONNECTIONS)))
    try:
        return held_by(workers, port, {w.get_extra_info("sockname")[1] for w in writers})
    finally:
        for writer in writers:
            writer.close()
        await asyncio.gather(*(w.wait_closed() for w in writers), return_exceptions=True)


@pytest.fixture()
def two_workers(tmp_path: Path) -> Iterator[tuple[Process, int]]:
    """`serve --workers 2`, API only, on the embedded default, and its port."""
    port = free_port()
    serve = Process(
        ["serve", "--workers", "2", "--no-background", "--port", str(port)], tmp_path, clean_env()
    )
    try:
        yield serve, port
    finally:
        serve.close()


def test_connections_opened_at_once_spread_over_both_workers(two_workers: tuple[Process, int]) -> None:
    serve, port = two_workers
    serve.wait_for(lambda: get(f"http://127.0.0.1:{port}/healthz")[0] == 200, 60, "/healthz")
    serve.wait_for(lambda: len(worker_processes(serve.proc.pid)) == 2, 30, "two worker processes")
    # Both serving (one answering /healthz says nothing of the other).
    serve.wait_for(
        lambda: serve.stderr().count("Application startup complete") == 2, 60, "both workers started"
    )
    workers = worker_processes(serve.proc.pid)

    rounds = [asyncio.run(connections_at_once(port, workers)) for _ in range(ROUNDS)]
    assert all(sum(held) == CONNECTIONS for held in rounds), rounds  # each held by one worker
    # Which worker wins a turn is the scheduler's (on a busy machine a worker may get no CPU
    # while a round's connections arrive), so most rounds, not all, must be spread. Measured
    # under a load average of 6 on 2 cores: 17 and 19 rounds of 20 spread so; taking every
    # waiting connection per wake-up (before), 8 and 12, and on an idle machine none (one
    # worker held 16 of 16 each time).
    spread = [held for held in rounds if min(held) >= AT_LEAST]
    assert len(spread) >= SPREAD_ROUNDS, rounds
