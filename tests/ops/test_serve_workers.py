"""`bounceback serve --workers N`: N API processes on one port, each answering (lookups included,
from its own suppression view), the background work in exactly one process, a clean stop; a bad N
stops start-up with one line."""

from __future__ import annotations

import os
import signal
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

from tests.ops.test_processes import (  # fixtures too: process_factory, workdir
    BOUNCEBACK,
    STOP_DEADLINE,
    StartProcess,
    clean_env,
    free_port,
    get,
    json_log_lines,
    process_factory,  # noqa: F401 (a fixture)
    workdir,  # noqa: F401 (a fixture)
)


def _children(pid: int) -> list[int]:
    """The API worker processes of the supervisor `pid` (not multiprocessing's helper)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            command = (entry / "cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue
        if ppid == pid and b"resource_tracker" not in command:
            found.append(int(entry.name))
    return sorted(found)


def _lookup(base: str, key: str, address: str) -> int:
    request = urllib.request.Request(
        f"{base}/v1/suppressions/{address}", headers={"Authorization": f"Bearer {key}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=2) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as refused:
        return int(refused.code)
    except OSError:
        return 0


def test_a_bad_worker_count_is_one_line(workdir: Path) -> None:
    for bad in ("0", "two", "65"):
        done = subprocess.run(
            [BOUNCEBACK, "serve", "--workers", bad, "--port", str(free_port())],
            cwd=workdir,
            env=clean_env(),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 2
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and "--workers" in lines[0], lines


def test_two_workers_both_answer_with_the_background_work_in_one_process(
    workdir: Path, process_factory: StartProcess
) -> None:
    port = free_port()
    env = clean_env()
    serve = process_factory(["serve", "--workers", "2", "--port", str(port)], workdir, env)
    base = f"http://127.0.0.1:{port}"
    serve.wait_for(lambda: get(base + "/healthz")[0] == 200, 60, "/healthz")
    serve.wait_for(lambda: len(_children(serve.proc.pid)) == 2, 30, "two worker processes")
    workers = _children(serve.proc.pid)

    def cli(*args: str) -> str:
        done = subprocess.run(
            [BOUNCEBACK, *args], cwd=workdir, env=env, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    key = cli("apikey", "create", "--name", "sender", "--scope", "read").strip().splitlines()[-1]
    # Written by a third process: each worker's view hears of it (and asks the database on a hit).
    cli("suppressions", "add", "gone@example.com")
    for answering, stopped in ((workers[0], workers[1]), (workers[1], workers[0])):
        os.kill(stopped, signal.SIGSTOP)  # only `answering` can accept connections now
        try:
            serve.wait_for(
                lambda: _lookup(base, key, "gone@example.com") == 200, 30, f"worker {answering}'s lookup"
            )
            assert _lookup(base, key, "free@example.com") == 404
        finally:
            os.kill(stopped, signal.SIGCONT)

    code, took = serve.stop(signal.SIGTERM)
    assert code == 0, serve.stderr()
    assert took < STOP_DEADLINE
    started = [
        r for r in json_log_lines(serve.stderr()) if r.get("event") == "background worker started"
    ]
    assert [r.get("worker") for r in started] == ["outbox-relay"], started
