"""Link click benchmark: how long the public link endpoints take per request, one client at a time.

    .venv/bin/python benchmarks/link_clicks.py [--database-url URL] [--clicks 300]

Serves the app with uvicorn on a free loopback port in this process (as `bounceback serve` does),
mints `--clicks` links for one account and measures, over keep-alive HTTP: the GET page (a token
check and one read), the first one-click POST of each link (the click's record through the whole
intake: stored, parsed, attributed, suppressed, announced, committed), and the same POST again (a
duplicate: nothing changes). Prints p50/p99/max in milliseconds. Default: a throwaway SQLite file.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from service.api import create_app
from service.app import accounts
from service.app.unsubscribe import links_for
from service.config import Settings
from service.store.db import Database
from tests.api_support import serving

ACCOUNT = "bench-shop"
SECRET = "benchmark-secret-key-0123456789abcdef"


def figures(name: str, seconds: list[float]) -> str:
    ms = sorted(s * 1000 for s in seconds)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    return f"{name:<22} n={len(ms):<5} p50={statistics.median(ms):6.2f} ms  p99={p99:6.2f} ms  max={ms[-1]:6.2f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default="")
    parser.add_argument("--clicks", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{tmp}/links.db"
        db = Database(url)
        db.upgrade()
        with db.transaction() as session:
            accounts.create(session, ACCOUNT)
        settings = Settings(
            database_url=url, secret_key=SECRET, link_rate_burst=10 * args.clicks + 10, log_level="WARNING"
        )
        with serving(create_app(settings, db)) as base:
            links = links_for(
                settings.model_copy(update={"public_url": base}),
                ACCOUNT,
                [f"reader{i}.{time.time_ns()}@example.com" for i in range(args.clicks)],
            )
            timings: dict[str, list[float]] = {"GET page": [], "POST first click": [], "POST repeated": []}
            with httpx.Client(timeout=30) as client:
                for name, method in (
                    ("GET page", "GET"),
                    ("POST first click", "POST"),
                    ("POST repeated", "POST"),
                ):
                    for one in links:
                        started = time.perf_counter()
                        response = client.request(
                            method,
                            one.unsubscribe_url,
                            content=b"List-Unsubscribe=One-Click" if method == "POST" else None,
                            headers={"Content-Type": "application/x-www-form-urlencoded"},
                        )
                        timings[name].append(time.perf_counter() - started)
                        assert response.status_code == 200, response.status_code
        db.dispose()
    print(f"database: {'PostgreSQL' if url.startswith('postgresql') else 'SQLite'}, {args.clicks} links")
    for name, seconds in timings.items():
        print(figures(name, seconds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
