"""How soon a relay hears another process's commit, and what the NOTIFY costs a commit (PostgreSQL).

1. Wake latency: another process commits one outbox row every `--interval` seconds (`--commits`
   times); this process's relay listens (service/app/relay.py: follow_other_processes) and notes
   when it is woken. Printed: p50/p90/max from commit to wake, beside the idle poll (1 s) a relay
   without the listener would wait for (on average half of it, at worst all of it).
2. Commit cost: `--transactions` transactions writing one outbox row each, the outbox insert with
   its NOTIFY (as shipped) and without it (the same statement minus pg_notify), in alternating
   rounds in one run; only the ratio means anything on a shared box.

    .venv/bin/python benchmarks/relay_wake.py [--commits 40] [--interval 0.1] [--transactions 2000]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


from service.app.relay import OutboxRelay
from service.config import Settings
from service.domain.event_types import BOUNCE_HARD
from service.store import outbox
from service.store.db import Database
from service.store.outbox import Announcement
from tests.fixtures.database import create_pg_database, drop_pg_database

ROOT = Path(__file__).resolve().parent.parent
WRITER = """
import sys, time
from datetime import UTC, datetime
from service.domain.event_types import BOUNCE_HARD
from service.store import outbox
from service.store.db import Database

db = Database(sys.argv[1])
commits, interval = int(sys.argv[2]), float(sys.argv[3])
for n in range(commits):
    with db.transaction() as session:
        outbox.write(session, [outbox.Announcement(BOUNCE_HARD, f"w{n}@example.com", {"n": n})],
                     now=datetime.now(UTC))
    print(time.time(), flush=True)  # just after the commit returned
    time.sleep(interval)
db.dispose()
"""


class TimedRelay(OutboxRelay):
    def __init__(self, settings: Settings, db: Database) -> None:
        super().__init__(settings, db)
        self.woken: list[float] = []

    def wake(self) -> None:
        self.woken.append(time.time())
        super().wake()


def wake_latency(url: str, commits: int, interval: float) -> None:
    db = Database(url)
    # (a relay with a broker address, so it counts as enabled; it never connects: only woken)
    relay = TimedRelay(Settings(database_url=url, kafka_bootstrap_servers="127.0.0.1:9"), db)
    stop = threading.Event()
    listening = threading.Thread(target=relay.follow_other_processes, args=(stop,), daemon=True)
    listening.start()
    time.sleep(1.0)
    relay.woken.clear()
    writer = subprocess.run(
        [sys.executable, "-c", WRITER, url, str(commits), str(interval)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    time.sleep(0.5)
    stop.set()
    listening.join(5)
    committed = [float(line) for line in writer.stdout.split()]
    latencies = []
    for at in committed:
        # the first wake after the commit returned (a wake can only be later than the NOTIFY's
        # delivery, which is at the commit, so this errs on the long side by the print's delay)
        after = [w for w in relay.woken if w >= at - 0.001]
        if after:
            latencies.append(max(0.0, after[0] - at))
    latencies.sort()
    ms = [x * 1000 for x in latencies]
    print(
        f"wake after another process's commit: {len(ms)}/{len(committed)} heard;"
        f" p50 {statistics.median(ms):.1f} ms, p90 {ms[int(0.9 * (len(ms) - 1))]:.1f} ms, max {ms[-1]:.1f} ms"
        f" (without the listener: the idle poll, 1000 ms at worst, ~500 ms on average)"
    )
    relay.close()
    db.dispose()


def commit_cost(url: str, transactions: int) -> None:
    db = Database(url)
    shipped = outbox._PG_INSERT_FROM_JSON
    silent = shipped.replace(", pg_notify(%(channel)s, '')", "")
    assert silent != shipped
    rounds: dict[str, list[float]] = {"with NOTIFY": [], "without": []}
    per_round = max(1, transactions // 10)
    for round_ in range(10):
        for name, statement in (("with NOTIFY", shipped), ("without", silent))[:: 1 if round_ % 2 else -1]:
            outbox._PG_INSERT_FROM_JSON = statement
            start = time.perf_counter()
            for n in range(per_round):
                with db.transaction() as session:
                    outbox.write(
                        session,
                        [Announcement(BOUNCE_HARD, f"c{n}@example.com", {"n": n})],
                        now=datetime.now(UTC),
                    )
            rounds[name].append(time.perf_counter() - start)
    outbox._PG_INSERT_FROM_JSON = shipped
    rates = {name: per_round * len(times) / sum(times) for name, times in rounds.items()}
    print(
        f"commits of one outbox row: with NOTIFY {rates['with NOTIFY']:.0f}/s, without {rates['without']:.0f}/s"
        f" (ratio {rates['with NOTIFY'] / rates['without']:.2f}; {per_round * 10} each, alternating rounds)"
    )
    db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commits", type=int, default=40)
    parser.add_argument("--interval", type=float, default=0.1)
    parser.add_argument("--transactions", type=int, default=2000)
    args = parser.parse_args()
    url = create_pg_database()
    try:
        Database(url).upgrade()
        wake_latency(url, args.commits, args.interval)
        commit_cost(url, args.transactions)
    finally:
        drop_pg_database(url)


if __name__ == "__main__":
    main()
