"""Rows per second and peak memory of a suppression-list import, through the API, on each backend.

Usage (from the repository root):
    .venv/bin/python benchmarks/import_throughput.py [--rows 10000,100000] [--backends sqlite,postgresql]

Each run is its own process (so its peak memory is its own): a fresh database (SQLite in a temporary
directory, or a throwaway PostgreSQL database on BOUNCEBACK_TEST_PG_URL's server, dropped
afterwards), one admin key, then one `POST /v1/suppressions/import` of a CSV in the export's format
(address, reason, since, note) with that many distinct addresses, as an operator moving a list over
would send it. Prints rows per second and the process's peak resident memory above what it held
before the import.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def csv_body(rows: int) -> bytes:
    lines = ["address,reason,since,note"]
    reasons = ("hard_bounce", "complaint", "manual", "soft_bounce_threshold")
    for i in range(rows):
        lines.append(
            f"user{i}@example{i % 97}.com,{reasons[i % 4]},2025-0{1 + i % 9}-1{i % 10}T08:15:00Z,moved over"
        )
    return ("\r\n".join(lines) + "\r\n").encode()


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def one_run(backend: str, rows: int) -> dict[str, float]:
    """In this process: a fresh database, one import of `rows` rows; the figures as a dict."""
    from fastapi.testclient import TestClient

    from service.api import create_app
    from service.app.apikeys import create_key
    from service.config import Settings
    from service.store.db import Database
    from tests.fixtures.database import create_pg_database, drop_pg_database

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db" if backend == "sqlite" else create_pg_database()
        try:
            db = Database(url)
            db.upgrade()
            with db.transaction() as session:
                _, key = create_key(session, "bench", "admin")
            # Generous bounds: the figure, not the deadline, is what this measures.
            settings = Settings(database_url=url, api_database_timeout_seconds=300)
            body = csv_body(rows)
            headers = {"Authorization": f"Bearer {key}", "Content-Type": "text/csv"}
            with TestClient(create_app(settings, db)) as client:
                warm = client.post(
                    "/v1/suppressions/import", content=csv_body(10).replace(b"user", b"warm"), headers=headers
                )
                assert warm.status_code == 200, warm.text
                before = peak_rss_mb()
                started = time.perf_counter()
                answer = client.post("/v1/suppressions/import", content=body, headers=headers)
                elapsed = time.perf_counter() - started
                assert answer.status_code == 200, answer.text[:300]
                assert answer.json()["added"] == rows, answer.json()
            db.dispose()
        finally:
            if backend == "postgresql":
                drop_pg_database(url)
    return {
        "rows_per_second": rows / elapsed,
        "seconds": elapsed,
        "peak_mb_above_start": peak_rss_mb() - before,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", default="10000,100000", help="comma-separated import sizes")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--one", nargs=2, metavar=("BACKEND", "ROWS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_run(args.one[0], int(args.one[1]))))
        return
    for backend in args.backends.split(","):
        for rows in (int(r) for r in args.rows.split(",")):
            proc = subprocess.run(
                [sys.executable, __file__, "--one", backend, str(rows)],
                capture_output=True,
                text=True,
                cwd=ROOT,
            )
            if proc.returncode != 0:
                print(f"{backend:10} {rows:>8,} rows: failed\n{proc.stderr[-2000:]}")
                continue
            figures = json.loads(proc.stdout.strip().splitlines()[-1])
            print(
                f"{backend:10} {rows:>8,} rows: {figures['rows_per_second']:>9,.0f} rows/s"
                f" ({figures['seconds']:.1f} s), peak memory +{figures['peak_mb_above_start']:.0f} MB"
            )


if __name__ == "__main__":
    main()
