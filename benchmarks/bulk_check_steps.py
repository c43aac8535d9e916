"""Where a bulk check's time goes, in process: the 10,000-address check of benchmarks/api_lookups.py
(5,000 suppressed; with an account key a third of those are the account's own entries) through
`lookups.check`, step by step, the first time (no answers held: the database confirms every
possible hit) and again (the answers held), best of `--repeats`; then the API's path (the check and
its response body written, service/api/check_body.py; `lookups.check` and to_json in a tree
before it) the first time against again, in alternating pairs.

    .venv/bin/python benchmarks/bulk_check_steps.py [--database-url URL] [--suppressions N] [--repeats 9]
                                                    [--tree DIR]

Needs an empty database (it seeds the same entries as benchmarks/api_lookups.py); default: a fresh
SQLite file in a temporary directory.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# `--tree DIR` measures another checkout's code (e.g. main's, for a before/after in one session).
ROOT = Path(sys.argv[sys.argv.index("--tree") + 1]) if "--tree" in sys.argv else Path(__file__).parent.parent
sys.path.insert(0, str(ROOT.resolve()))

from benchmarks.api_lookups import ACCOUNT, bulk_body, seed  # noqa: E402

# CPU seconds of the PostgreSQL server processes serving this benchmark (none on SQLite, where the
# database works in this process): with the process's own, the CPU a check costs, which other load
# on the machine changes far less than the wall time.
BACKENDS: list[int] = []
CPU: dict[str, float] = {}


def backend_cpu() -> float:
    ticks = 0
    for pid in BACKENDS:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def best(repeats: int, run: Callable[[], Any], before: Callable[[], None] | None = None) -> float:
    """The best wall time of `run` over `repeats`, in ms (`before` runs untimed before each); the
    mean CPU time of a run (this process and the database's) is left in CPU["last"]."""
    times = []
    cpu = 0.0
    for _ in range(repeats):
        if before is not None:
            before()
        cpu -= time.process_time() + backend_cpu()
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
        cpu += time.process_time() + backend_cpu()
    CPU["last"] = cpu / repeats * 1000
    return min(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", help="default: a fresh SQLite file in a temporary directory")
    parser.add_argument("--suppressions", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=9)
    parser.add_argument("--tree", type=Path, help="the checkout whose code is measured (default: this one)")
    args = parser.parse_args()

    from pydantic_core import to_json

    from service.app import lookups
    from service.app.suppression_view import SuppressionView
    from service.store import reads
    from service.store.db import Database

    try:  # (this tree's; a tree before it serialised `lookups.check`'s dicts)
        from service.api.check_body import check_body as body_of
    except ImportError:
        body_of = None

    def api_body(addresses: list[str], account: str | None, later: list[Callable[[], None]]) -> bytes:
        if body_of is None:
            return to_json({"results": lookups.check(engine, addresses, account, view, later)})
        return body_of(lookups.start_check(engine, addresses, account, view, later))

    def body_again(addresses: list[str], account: str | None) -> bytes:
        later: list[Callable[[], None]] = []
        body = api_body(addresses, account, later)
        for call in later:  # (kept, as the API keeps them after the response)
            call()
        return body

    tmp = tempfile.TemporaryDirectory()
    url = args.database_url or f"sqlite:///{Path(tmp.name) / 'steps.db'}"
    seed(url, args.suppressions)
    db = Database(url)
    engine = db.engine if db.is_sqlite else db.engine.execution_options(isolation_level="AUTOCOMMIT")
    view = SuppressionView(db)
    view.start()
    if not view.wait_ready(1800):
        raise SystemExit("the view did not load")
    if not db.is_sqlite:
        with engine.connect() as connection:  # (fills the pool's first connections)
            connection.exec_driver_sql("SELECT 1")
        with db.engine.connect() as connection:
            BACKENDS.extend(
                pid
                for (pid,) in connection.exec_driver_sql(
                    "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                )
            )
    n = args.repeats
    print(
        f"{url.split('@')[-1].split(':')[0]}, {args.suppressions:,} global entries: best wall time of {n},"
        " and mean CPU time (this process and the database server's), ms"
    )
    try:
        for name, account, body in (
            ("global key", None, bulk_body(False, args.suppressions)),
            ("account key", ACCOUNT, bulk_body(True, args.suppressions)),
        ):
            addresses: list[str] = json.loads(body)["addresses"]
            distinct = list(dict.fromkeys(lookups.normalise(a) for a in addresses))
            maybe = view.possibly_suppressed(distinct, account)
            forget = view.confirmed.forget_all

            def confirm(maybe: list[str] = maybe, account: str | None = account) -> None:
                with engine.connect() as connection:
                    read = getattr(reads, "suppressed_bulk_hits", None) or reads.suppressed_hits  # (main's)
                    read(connection, maybe, account)

            def check(addresses: list[str] = addresses, account: str | None = account) -> Any:
                later: list[Callable[[], None]] = []
                results = lookups.check(engine, addresses, account, view, later)
                for call in later:
                    call()
                return results

            results = check()
            assert sum(r["suppressed"] for r in results) == len(addresses) // 2, "wrong answers"

            def timed(ms: float) -> tuple[float, float]:
                return ms, CPU["last"]

            steps = {
                "JSON body parse": timed(best(n, lambda body=body: json.loads(body))),
                "normalise 10,000": timed(best(n, lambda a=addresses: [lookups.normalise(x) for x in a])),
                "the view": timed(best(n, lambda d=distinct, a=account: view.possibly_suppressed(d, a))),
                "held answers (all held)": timed(
                    best(n, lambda m=maybe, a=account: view.confirmed.get_many(m, a))
                ),
                f"confirm {len(maybe):,} (the database)": timed(best(n, confirm)),
                "serialise": timed(best(n, lambda r=results: to_json({"results": r}))),
                "lookups.check, first time": timed(
                    best(n, lambda a=addresses, acc=account: lookups.check(engine, a, acc, view, []), forget)
                ),
                "lookups.check, again": timed(best(n, check)),
            }
            # The API's path: the check and its response body (written while the database reads).
            steps["check and body, first time"] = timed(
                best(n, lambda a=addresses, acc=account: api_body(a, acc, []), forget)
            )
            steps["check and body, again"] = timed(
                best(n, lambda a=addresses, acc=account: body_again(a, acc))
            )
            for step, (ms, cpu) in steps.items():
                print(f"  {name:<12} {step:<34} {ms:7.2f}   CPU {cpu:7.2f}")
            # The first time and again, alternating, so that load on the machine hits both alike
            # (the answers read are kept untimed, as the API keeps them after the response).
            pairs = []
            for _ in range(3 * n):
                forget()
                times = []
                for _time in range(2):
                    later: list[Callable[[], None]] = []
                    started = time.perf_counter()
                    api_body(addresses, account, later)
                    times.append((time.perf_counter() - started) * 1000)
                    for call in later:
                        call()
                pairs.append((times[0], times[1]))
            firsts, agains = (statistics.median(times) for times in zip(*pairs, strict=True))
            print(
                f"  {name:<12} first time / again, median of {len(pairs)} alternating pairs:"
                f" {firsts:.1f} / {agains:.1f} ms = {firsts / agains:.2f}x"
            )
    finally:
        view.close()
        db.dispose()
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
