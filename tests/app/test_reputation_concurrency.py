"""Several processes counting into one account's day at once end with exact counts (PostgreSQL:
the counter row is shared by every writer; each adds its batch's total with one upsert)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from service.app import reputation
from service.config import Settings
from service.store.db import Database
from tests.accounts_support import create_accounts

PROCESSES = 4
PER_PROCESS = 2500
STRIDE = 1500  # each process's sends overlap the next one's by 1,000
BATCH = 250

_WORKER = """
import os, sys, time
from datetime import datetime, timedelta
sys.path.insert(0, sys.argv[1])
from service.app.ingest import ingest_message
from service.app.sends import record_sends
from service.app import reputation
from service.config import Settings
from service.store.db import Database
from tests import core_samples as samples
from tests.reputation_support import send_items
root, url, go, first, count, batch, when, stride = sys.argv[1:9]
first, count, batch = int(first), int(count), int(batch)
when = datetime.fromisoformat(when)
db = Database(url)
settings = Settings(database_url=url)
# Half of the sends a day earlier: a batch touches two counter rows. Every other process sends its
# share backwards: overlapping batches meet each other's keys in opposite orders.
items = send_items("shop-a", first + count, when)[first:]
for i, item in enumerate(items):
    if (first + i) % 2:
        item["sent_at"] = (when - timedelta(days=1)).isoformat()
backwards = (first // int(sys.argv[8])) % 2 == 1
if backwards:
    items.reverse()
while not os.path.exists(go):
    time.sleep(0.005)
for start in range(0, count, batch):
    result = record_sends(db, items[start : start + batch], settings)
    assert not result.errors, result.errors
    for item in items[start : start + batch]:
        i = int(item["recipient"][1:].split("@")[0])
        if i % 50 == 0:  # every process that sent message i reports its bounce, in its own bytes
            raw = samples.hard_bounce(f"r{i}@example.com", f"shop-a-{i}", when + timedelta(seconds=first))
            ingest_message(db, raw, f"test:{first}", settings)
db.dispose()
"""


def test_concurrent_writers_count_exactly(database: Database, backend: str, tmp_path: Path) -> None:
    if backend != "postgresql":
        pytest.skip("one backend is enough: SQLite has one writer at a time")
    create_accounts(database, "shop-a")
    settings = Settings(database_url=database.url)
    now = datetime.now(UTC)
    # Today (never before midnight, whenever the test runs) and, for half the sends, yesterday.
    when = max(now - timedelta(minutes=5), now.replace(hour=0, minute=0, second=1, microsecond=0))
    go = tmp_path / "go"
    root = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": root}
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                _WORKER,
                root,
                database.url,
                str(go),
                str(p * STRIDE),
                str(PER_PROCESS),
                str(BATCH),
                when.isoformat(),
                str(STRIDE),
            ],
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for p in range(PROCESSES)
    ]
    time.sleep(1.0)  # let them all import and connect, then start them together
    go.touch()
    for worker in workers:
        _, stderr = worker.communicate(timeout=300)
        assert worker.returncode == 0, stderr[-2000:]
    distinct = (PROCESSES - 1) * STRIDE + PER_PROCESS  # 7,000 distinct sends, half of them a day earlier
    with database.session() as session:
        days = reputation.reputation(session, "shop-a", settings, days=2)["days"]
    assert [day["sent"] for day in days] == [distinct // 2, distinct // 2]
    # 140 bounces, however many processes reported each; each on the day of its report's Date.
    assert sum(day["hard_bounces"] for day in days) == len(range(0, distinct, 50))
