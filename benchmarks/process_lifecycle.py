"""Start-up and shutdown of the long-running processes: time to a serving `/healthz` (serve) or
`/metrics` (worker) on the embedded default in an empty directory, and time from SIGTERM to exit.

    .venv/bin/python benchmarks/process_lifecycle.py [--runs 3]

Figures are printed, never asserted; the promise to check them against is exit 0 within 10 s.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BOUNCEBACK = str(Path(sys.executable).with_name("bounceback"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as resp:
            return bool(resp.status == 200)
    except OSError:
        return False


def one_run(command: str) -> tuple[float, float, int]:
    """(seconds to serving, seconds from SIGTERM to exit, exit code)"""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOUNCEBACK_")}
    if command == "serve":
        args, url = ["serve", "--port", str(port)], f"http://127.0.0.1:{port}/healthz"
    else:
        args, url = ["worker"], f"http://127.0.0.1:{port}/metrics"
        env["BOUNCEBACK_METRICS_PORT"] = str(port)
    with tempfile.TemporaryDirectory() as workdir:
        started = time.monotonic()
        proc = subprocess.Popen([BOUNCEBACK, *args], cwd=workdir, env=env, stderr=subprocess.DEVNULL)
        try:
            while not answers(url):
                if proc.poll() is not None or time.monotonic() - started > 60:
                    raise SystemExit(f"{command} did not start (exit {proc.returncode})")
                time.sleep(0.05)
            ready = time.monotonic() - started
            stopping = time.monotonic()
            proc.send_signal(signal.SIGTERM)
            code = proc.wait(timeout=30)
            return ready, time.monotonic() - stopping, code
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for command in ("serve", "worker"):
        runs = [one_run(command) for _ in range(args.runs)]
        ready = [r[0] for r in runs]
        stop = [r[1] for r in runs]
        codes = sorted({r[2] for r in runs})
        print(
            f"{command:<7} start-up to serving: median {statistics.median(ready):5.2f} s (max {max(ready):5.2f})"
            f"   SIGTERM to exit: median {statistics.median(stop):5.2f} s (max {max(stop):5.2f})"
            f"   exit codes {codes}   runs {args.runs}"
        )


if __name__ == "__main__":
    main()
