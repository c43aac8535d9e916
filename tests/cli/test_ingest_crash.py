"""`bounceback ingest` killed with SIGKILL at any point, then run again, ends where one clean run ends:
nothing lost, nothing twice (batches are all or nothing; a message stored before is a duplicate).
Its parse workers do not outlive it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from service.app.ingest import ingest_many
from service.config import Settings
from service.sources import iter_messages
from service.store.db import Database
from service.store.models import InboundMessage
from tests import core_samples as samples
from tests.app.test_concurrency import snapshot
from tests.fixtures.database import drop_pg_database, make_database_url

BASE = datetime.now(UTC).replace(microsecond=0) - timedelta(days=20)


def _inputs(folder: Path, n: int = 250) -> None:
    builders = [samples.soft_bounce] * 4 + [samples.hard_bounce, samples.complaint]
    for i in range(n):
        build = builders[i % len(builders)]
        raw = build(f"user{i % 37}@example.com", f"crash-{i}", BASE + timedelta(hours=i))
        samples.write(folder, f"{i:04}.eml", raw)


def _stored(db: Database) -> int:
    with db.session() as session:
        return int(session.execute(select(func.count()).select_from(InboundMessage)).scalar_one())


def _children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_ingest_killed_at_any_point_and_run_again_ends_as_one_clean_run(
    database: Database, backend: str, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    _inputs(folder)
    env = {**os.environ, "BOUNCEBACK_DATABASE_URL": database.url}
    command = [
        sys.executable,
        "-m",
        "service.wiring.main",
        "ingest",
        "--quiet",
        "--parse-workers",
        "2",
        str(folder),
    ]
    kills = 0
    workers_seen: list[int] = []
    for wanted in (50, 150):  # kill once this many messages are stored (or a bit later)
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120
        while _stored(database) < wanted and proc.poll() is None and time.monotonic() < deadline:
            workers_seen += _children(proc.pid)
            time.sleep(0.02)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait(timeout=30)
    assert kills, "the command finished before any kill"
    assert workers_seen, "no parse worker was started"
    # The parse workers of the killed runs go with them.
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers_seen) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers_seen)
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    crashed = snapshot(database)

    url = make_database_url(backend, tmp_path)
    clean = Database(url)
    try:
        clean.upgrade()
        settings = Settings(database_url=url)
        items = [(item.raw, item.source) for item in iter_messages([str(folder)]) if item.raw is not None]
        for i in range(0, len(items), 100):
            ingest_many(clean, items[i : i + 100], settings)
        expected = snapshot(clean)
    finally:
        clean.dispose()
        if backend == "postgresql":
            drop_pg_database(url)
    assert crashed == expected
    assert len(crashed["messages"]) == 250
