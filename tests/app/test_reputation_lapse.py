"""A warning whose day is over lapses as an announced change: `bounceback.account.status_changed`
from the warning to `ok` on the new day, once, whichever and however many processes run the
background upkeep, with the clock under the test's control."""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta

from service.app import reputation
from service.app.upkeep import run_reputation_upkeep
from service.config import Settings
from service.store import reputation as stored
from service.store.db import Database
from tests.accounts_support import create_accounts
from tests.reputation_support import hard_bounce, report_sends, status_events, status_of, yesterday_noon


def warned_yesterday(db: Database, settings: Settings, account: str) -> datetime:
    """Yesterday noon, after `account` reached warning_1 on yesterday's numbers (6 in 100)."""
    day = yesterday_noon()
    report_sends(db, settings, account, 100, day)
    for i in range(6):
        hard_bounce(db, settings, account, i, day)
    assert status_of(db, settings, account, now=day)["status"] == "warning_1"
    return day


def test_a_warning_lapses_at_midnight_with_one_event(database: Database) -> None:
    settings = Settings(database_url=database.url)
    create_accounts(database, "shop-a", "shop-b")
    day = warned_yesterday(database, settings, "shop-a")
    reputation.pause_account(database, "shop-b", settings, note="by hand", actor="cli", now=day)
    before = status_events(database)
    last_moment = day.replace(hour=23, minute=59, second=59)
    midnight = last_moment + timedelta(seconds=2)

    assert reputation.announce_lapses(database, settings, now=last_moment) == 0, "its day is not over"
    assert reputation.announce_lapses(database, settings, now=midnight) == 1
    lapsed = status_events(database)[len(before) :]
    assert len(lapsed) == 1
    assert lapsed[0] | {"note": None} == {
        "account": "shop-a",
        "from": "warning_1",
        "to": "ok",
        "day": midnight.date().isoformat(),
        "sent": 0,
        "hard_bounces": 0,
        "complaints": 0,
        "bounce_rate": None,
        "complaint_rate": None,
        "threshold": None,
        "threshold_percent": None,
        "send_rate_factor": 1.0,
        "manual": False,
        "actor": "reputation",
        "note": None,
    }
    assert day.date().isoformat() in lapsed[0]["note"], "the note names the day that ended"
    assert status_of(database, settings, "shop-a", now=midnight)["status"] == "ok"
    assert status_of(database, settings, "shop-b", now=midnight)["status"] == "paused", "a pause holds"

    # Run again (a restart, the next upkeep turn, the day after): nothing more.
    assert reputation.announce_lapses(database, settings, now=midnight) == 0
    assert reputation.announce_lapses(database, settings, now=midnight + timedelta(days=1)) == 0
    assert len(status_events(database)) == len(before) + 1
    with database.session() as session:
        changes = stored.status_changes(session, "shop-a")
    assert (changes[0].from_status, changes[0].to_status, changes[0].day) == (
        "warning_1",
        "ok",
        midnight.date(),
    )


def test_the_background_upkeep_announces_the_lapse(database: Database) -> None:
    settings = Settings(database_url=database.url)
    create_accounts(database, "shop-a")
    day = warned_yesterday(database, settings, "shop-a")
    clock = [day.replace(hour=23, minute=59, second=50)]
    stop = threading.Event()
    upkeep = threading.Thread(
        target=run_reputation_upkeep,
        args=(database, settings, stop),
        kwargs={"gauge_seconds": 0.05, "clock": lambda: clock[0]},
        daemon=True,
    )
    upkeep.start()
    try:
        time.sleep(0.5)  # turns before midnight
        assert [e["to"] for e in status_events(database, "shop-a")] == ["warning_1"]
        clock[0] = day.replace(hour=23, minute=59, second=59) + timedelta(seconds=1)
        deadline = time.monotonic() + 30
        while len(status_events(database, "shop-a")) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)  # more turns after midnight
    finally:
        stop.set()
        upkeep.join(10)
    assert [(e["from"], e["to"]) for e in status_events(database, "shop-a")] == [
        ("ok", "warning_1"),
        ("warning_1", "ok"),
    ]


def test_several_processes_announce_each_lapse_once(database: Database) -> None:
    settings = Settings(database_url=database.url)
    accounts = [f"shop-{i:02d}" for i in range(12)]
    create_accounts(database, *accounts)
    yesterday = yesterday_noon()
    with database.transaction() as session:
        for i, account in enumerate(accounts):
            status = "warning_1" if i % 2 else "warning_2"
            stored.set_standing(
                session, account, status=status, day=yesterday.date(), resumed_on=None, now=yesterday
            )
    midnight = yesterday.replace(hour=0) + timedelta(days=1, seconds=1)
    engines = [Database(database.url) for _ in range(4)]  # each its own connections, as a process
    counted: list[int] = []
    start = threading.Barrier(len(engines))

    def upkeep_turn(db: Database) -> None:
        start.wait()
        counted.append(reputation.announce_lapses(db, settings, now=midnight))

    threads = [threading.Thread(target=upkeep_turn, args=(db,)) for db in engines]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    finally:
        for db in engines:
            db.dispose()
    assert sum(counted) == len(accounts)
    events = status_events(database)
    assert sorted(e["account"] for e in events) == accounts, "one event per account"
    assert {(e["account"], e["to"]) for e in events} == {(a, "ok") for a in accounts}
    assert all(status_of(database, settings, a, now=midnight)["status"] == "ok" for a in accounts)
