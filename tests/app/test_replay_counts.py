"""Replay keeps the accounts' daily counters true: a message read again as something else moves its
count (soft -> hard, one account -> another, an event that is gone taken back), the ladder judges
the days that changed and announces what it decides, and a second run or a rerun after SIGKILL ends
in the same counts, on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

import parsers
from parsers.model import Event, replace
from service.app import replay
from service.app.ingest import ingest_parsed
from service.config import Settings
from service.store import reputation as stored
from service.store.db import Database
from service.store.models import AccountDay, BounceEvent, CountedEvent
from tests import core_samples as samples
from tests.accounts_support import create_accounts, verp_settings
from tests.app.test_replay import ROOT
from tests.cli.test_core import run
from tests.reputation_support import report_sends, status_events, yesterday_noon


def soft(address: str) -> Event:
    return Event(recipient=address, type="bounce", classification="soft", reason="mailbox_full")


def hard(address: str) -> Event:
    return Event(recipient=address, type="bounce", classification="hard", reason="user_unknown")


def recorded_as(
    db: Database,
    settings: Settings,
    raw: bytes,
    events: tuple[Event, ...],
    *,
    header_account: str | None = None,
) -> int:
    """Store `raw` as an older parser read it: `events`, and (when given) the attribution header
    read as `header_account` (an older reading of the wrong header)."""
    today = parsers.parse(raw)
    older = replace(today, events=events)
    if header_account is not None:
        assert today.attribution is not None
        older = replace(older, attribution=replace(today.attribution, account=header_account))
    with db.transaction() as session:
        return ingest_parsed(session, raw, "old", settings, older).message_id


def counts(db: Database, account: str, day: date) -> dict[str, int]:
    with db.session() as session:
        return stored.day_counts(session, account, day)


def counter_state(db: Database) -> dict[str, Any]:
    """Every day's counters and every counted mark (what a replay may change)."""
    with db.session() as session:
        days = sorted(
            session.execute(select(*AccountDay.__table__.c)).all()  # (account, day, counts...)
        )
        marks = sorted(
            session.execute(
                select(
                    CountedEvent.account_id,
                    CountedEvent.kind,
                    CountedEvent.message_key,
                    CountedEvent.recipient,
                )
            ).all()
        )
    return {"days": days, "marks": marks}


def ladder_settings(db: Database) -> Settings:
    # 100 sends: 3 hard bounces are warning_1, 4 warning_2.
    return verp_settings(
        db.url,
        reputation_bounce_warning_1=Decimal("3"),
        reputation_bounce_warning_2=Decimal("4"),
        reputation_bounce_paused=Decimal("10"),
    )


def test_replay_moves_the_counts_and_the_ladder_follows(
    database: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = ladder_settings(database)
    create_accounts(database, "shop-a", "shop-b")
    when = yesterday_noon()
    day = when.date()
    report_sends(database, settings, "shop-a", 100, when)
    # Three bounces of shop-a's mail (attributed by their originals' Message-IDs) once read as soft.
    for i in (0, 1, 3):
        address = f"r{i}@example.com"
        recorded_as(database, settings, samples.hard_bounce(address, f"shop-a-{i}", when), (soft(address),))
    # A bounce of shop-b's mail (its original says so in the attribution header) once read as shop-a's.
    recorded_as(
        database,
        settings,
        samples.hard_bounce("moved@example.com", "moved", when, original={"X-Bounceback-Account": "shop-b"}),
        (hard("moved@example.com"),),
        header_account="shop-a",
    )
    # A bounce once read with a second, made-up recipient: that event is gone.
    recorded_as(
        database,
        settings,
        samples.hard_bounce("r2@example.com", "shop-a-2", when),
        (hard("r2@example.com"), hard("extra@example.com")),
    )
    assert counts(database, "shop-a", day) == {
        "sent": 100,
        "hard_bounces": 3,
        "soft_bounces": 3,
        "complaints": 0,
        "unsubscribes": 0,
    }
    assert [(e["from"], e["to"]) for e in status_events(database, "shop-a")] == [("ok", "warning_1")]
    before = counter_state(database)
    events_before = status_events(database)

    # The dry run reports what the counters and the ladder would do, and changes nothing.
    dry = replay.replay(database, settings)
    expected_counts = [
        {"account": "shop-a", "day": day.isoformat(), "hard_bounces": 1, "soft_bounces": -3},
        {"account": "shop-b", "day": day.isoformat(), "hard_bounces": 1},
    ]
    expected_changes = [
        {
            "account": "shop-a",
            "from": "warning_1",
            "to": "warning_2",
            "day": day.isoformat(),
            "threshold": "bounce_warning_2",
        }
    ]
    assert dry.to_dict()["counts"] == expected_counts
    assert dry.to_dict()["status_changes"] == expected_changes
    assert counter_state(database) == before and status_events(database) == events_before
    # The command's dry run says the same.
    for name, value in {
        "DATABASE_URL": database.url,
        "SECRET_KEY": settings.secret_key,
        "VERP_ADDRESS": settings.verp_address,
        "REPUTATION_BOUNCE_WARNING_1": "3",
        "REPUTATION_BOUNCE_WARNING_2": "4",
    }.items():
        monkeypatch.setenv(f"BOUNCEBACK_{name}", value)
    code, out, err = run(capsys, "replay")
    assert code == 0, err
    assert f"counts: shop-a {day.isoformat()}: hard_bounces +1, soft_bounces -3" in out.splitlines()
    assert f"counts: shop-b {day.isoformat()}: hard_bounces +1" in out.splitlines()
    assert f"status: shop-a warning_1 -> warning_2 ({day.isoformat()})" in out.splitlines()
    assert counter_state(database) == before and status_events(database) == events_before

    applied = replay.replay(database, settings, apply=True)
    assert applied.to_dict()["counts"] == expected_counts
    assert applied.to_dict()["status_changes"] == expected_changes
    # shop-a: r0, r1, r3 now hard, r2 still hard, `extra` gone, `moved` went to shop-b.
    assert counts(database, "shop-a", day) == {
        "sent": 100,
        "hard_bounces": 4,
        "soft_bounces": 0,
        "complaints": 0,
        "unsubscribes": 0,
    }
    assert counts(database, "shop-b", day)["hard_bounces"] == 1
    after = status_events(database)
    assert len(after) == len(events_before) + 1
    assert after[-1] | {"note": None} == after[-1] | {
        "account": "shop-a",
        "from": "warning_1",
        "to": "warning_2",
        "day": day.isoformat(),
        "sent": 100,
        "hard_bounces": 4,
        "threshold": "bounce_warning_2",
        "actor": "reputation",
        "manual": False,
        "note": None,
    }
    marks = {(a, k, r) for a, k, _, r in counter_state(database)["marks"]}
    assert marks == {
        ("shop-a", "hard", "r0@example.com"),
        ("shop-a", "hard", "r1@example.com"),
        ("shop-a", "hard", "r2@example.com"),
        ("shop-a", "hard", "r3@example.com"),
        ("shop-b", "hard", "moved@example.com"),
    }
    with database.session() as session:
        moved = session.scalars(
            select(BounceEvent).where(
                BounceEvent.recipient == "moved@example.com", BounceEvent.superseded_at.is_(None)
            )
        ).one()
    assert (moved.account_id, moved.attributed_by) == ("shop-b", "header")

    # A second replay finds nothing to change: the counters and the ladder stay as they are.
    settled = counter_state(database)
    again = replay.replay(database, settings, apply=True)
    assert (again.changed_messages, again.to_dict()["counts"], again.to_dict()["status_changes"]) == (
        0,
        [],
        [],
    )
    assert counter_state(database) == settled and status_events(database) == after


def test_weaker_evidence_or_none_keeps_the_recorded_account(database: Database) -> None:
    settings = verp_settings(database.url)
    create_accounts(database, "shop-a", "shop-b", domains={"shop-b": ["sender.example"]})
    when = yesterday_noon()
    # Recorded as shop-a's by the header; today's reading finds only the From domain (shop-b's).
    recorded_as(
        database,
        settings,
        samples.hard_bounce("kept@example.com", "kept", when),
        (soft("kept@example.com"),),
        header_account="shop-a",
    )
    assert counts(database, "shop-a", when.date())["soft_bounces"] == 1
    summary = replay.replay(database, settings, apply=True)
    assert summary.changed_messages == 1
    assert counts(database, "shop-a", when.date())["hard_bounces"] == 1
    assert counts(database, "shop-a", when.date())["soft_bounces"] == 0
    assert counts(database, "shop-b", when.date())["hard_bounces"] == 0


def test_a_replay_killed_mid_run_and_started_again_counts_each_event_once(database: Database) -> None:
    settings = verp_settings(database.url)
    create_accounts(database, "shop-a")
    when = yesterday_noon()
    count = 150
    report_sends(database, settings, "shop-a", count, when)
    with database.transaction() as session:
        for i in range(count):
            address = f"r{i}@example.com"
            raw = samples.hard_bounce(address, f"shop-a-{i}", when)
            ingest_parsed(session, raw, "old", settings, replace(parsers.parse(raw), events=(soft(address),)))
    assert counts(database, "shop-a", when.date())["soft_bounces"] == count
    env = {**os.environ, "BOUNCEBACK_DATABASE_URL": database.url, "BOUNCEBACK_LOG_LEVEL": "WARNING"}
    env["BOUNCEBACK_SECRET_KEY"] = settings.secret_key
    env["BOUNCEBACK_VERP_ADDRESS"] = settings.verp_address
    command = [sys.executable, "-m", "service.wiring", "replay", "--apply", "--batch", "2", "-q"]
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while _superseded(database) < 20 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(60)
    assert process.returncode == -signal.SIGKILL, process.stderr.read() if process.stderr else ""
    assert 0 < _superseded(database) < count  # killed in the middle
    finished = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    assert _superseded(database) == count
    assert counts(database, "shop-a", when.date()) == {
        "sent": count,
        "hard_bounces": count,
        "soft_bounces": 0,
        "complaints": 0,
        "unsubscribes": 0,
    }
    # The ladder climbed once, rung by rung (6% of 150 is 9, 7% 10.5, 10% 15; two at a time), killed or not.
    assert [(e["from"], e["to"], e["hard_bounces"]) for e in status_events(database, "shop-a")] == [
        ("ok", "warning_1", 10),
        ("warning_1", "warning_2", 12),
        ("warning_2", "paused", 16),
    ]
    assert replay.replay(database, settings, apply=True).changed_messages == 0
    assert counts(database, "shop-a", when.date())["hard_bounces"] == count


def _superseded(db: Database) -> int:
    with db.session() as session:
        return int(
            session.scalar(
                select(func.count()).select_from(BounceEvent).where(BounceEvent.superseded_at.is_not(None))
            )
            or 0
        )


def test_a_mark_another_current_event_still_holds_is_not_taken_back(database: Database) -> None:
    settings = verp_settings(database.url)
    create_accounts(database, "shop-a")
    when = yesterday_noon()
    report_sends(database, settings, "shop-a", 10, when)
    # Two reports about the same message and recipient (one original Message-ID): a real soft
    # bounce, and a hard bounce an older parser also read as soft. Counted once, as one soft bounce.
    address = "r0@example.com"
    recorded_as(database, settings, samples.soft_bounce(address, "shop-a-0", when), (soft(address),))
    recorded_as(database, settings, samples.hard_bounce(address, "shop-a-0", when), (soft(address),))
    assert counts(database, "shop-a", when.date())["soft_bounces"] == 1
    summary = replay.replay(database, settings, apply=True)
    assert summary.changed_messages == 1
    # The soft bounce still stands (its own report says so); the hard one counts apart.
    after = counts(database, "shop-a", when.date())
    assert (after["soft_bounces"], after["hard_bounces"]) == (1, 1)
    assert replay.replay(database, settings, apply=True).changed_messages == 0
    assert counts(database, "shop-a", when.date()) == after
