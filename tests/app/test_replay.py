"""Replay: messages recorded under older rules are read again; the diff, --apply once, a second run a no-op."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

import parsers
from parsers.model import Event, replace
from service.app import lookups, replay
from service.app.ingest import ingest_message, ingest_parsed
from service.config import Settings
from service.domain.scope import EVERY_ACCOUNT
from service.store.db import Database
from service.store.models import BounceEvent, InboundMessage, Recipient, SuppressionChange
from tests import core_samples as samples
from tests.accounts_support import verp_settings
from tests.app.test_domains import no_such_domain
from tests.cli.test_core import run

ROOT = Path(__file__).resolve().parents[2]


def recorded_under_an_older_rule(db: Database, settings: Settings, raw: bytes, *events: Event) -> int:
    """Store `raw` as an older parser read it: with `events` (none: quarantined) instead of today's."""
    today = parsers.parse(raw)
    with db.transaction() as session:
        result = ingest_parsed(session, raw, "old", settings, replace(today, events=events))
    return result.message_id


def soft(address: str, reason: str = "mailbox_full") -> Event:
    return Event(recipient=address, type="bounce", classification="soft", reason=reason)


def hard(address: str, reason: str = "user_unknown") -> Event:
    return Event(recipient=address, type="bounce", classification="hard", reason=reason)


def entry(db: Database, address: str) -> str | None:
    with db.session() as session:
        found = lookups.find(session, address)
    return None if found is None else str(found["reason"])


def state(db: Database) -> dict[str, Any]:
    """What a replay decides: entries, current events, outcomes (ids and dates left out)."""
    with db.session() as session:
        entries = sorted(
            session.execute(
                select(Recipient.address, Recipient.account_id, Recipient.reason).where(Recipient.suppressed)
            ).all()
        )
        events = sorted(
            session.execute(
                select(
                    BounceEvent.message_id,
                    BounceEvent.recipient,
                    BounceEvent.classification,
                    BounceEvent.reason,
                ).where(BounceEvent.superseded_at.is_(None))
            ).all()
        )
        outcomes = sorted(session.execute(select(InboundMessage.id, InboundMessage.outcome)).all())
    return {"entries": entries, "events": events, "outcomes": outcomes}


@pytest.fixture()
def world(database: Database) -> tuple[Database, Settings, dict[str, int]]:
    """Four messages an older parser read wrongly, and one it read as today's parser does."""
    settings = verp_settings(database.url)
    ids = {
        # a user-unknown bounce once read as a full mailbox: now hard, suppressed
        "upgraded": recorded_under_an_older_rule(
            database, settings, samples.hard_bounce("gone@example.com", "u"), soft("gone@example.com")
        ),
        # a blocklist rejection once read as a hard bounce: the recipient was wrongly suppressed
        "downgraded": recorded_under_an_older_rule(
            database,
            settings,
            samples.blocklist_rejection("innocent@example.com", "d"),
            hard("innocent@example.com"),
        ),
        # a bounce once quarantined (no events read): now read, and acted on
        "rescued": recorded_under_an_older_rule(
            database, settings, samples.hard_bounce("lost@example.com", "r")
        ),
        # human mail an older rule took for a bounce: today's parser reads nothing; kept as it was
        "unreadable": recorded_under_an_older_rule(
            database, settings, samples.human_mail("h"), hard("someone@example.net")
        ),
    }
    ids["current"] = ingest_message(
        database, samples.hard_bounce("same@example.com", "c"), "t", settings
    ).message_id
    return database, settings, ids


def test_a_dry_run_reports_the_diff_and_changes_nothing(
    world: tuple[Database, Settings, dict[str, int]],
) -> None:
    db, settings, ids = world
    before = state(db)
    assert entry(db, "innocent@example.com") == "hard_bounce" and entry(db, "gone@example.com") is None
    batches: list[replay.Batch] = []
    summary = replay.replay(db, settings, on_batch=batches.append)
    assert state(db) == before
    changes = [(c.message_id, c.address, c.change, c.before, c.after) for b in batches for c in b.changes]
    assert changes == [
        (
            ids["upgraded"],
            "gone@example.com",
            "changed",
            (("bounce", "soft", "mailbox_full"),),
            (("bounce", "hard", "user_unknown"),),
        ),
        (
            ids["downgraded"],
            "innocent@example.com",
            "changed",
            (("bounce", "hard", "user_unknown"),),
            (("bounce", "soft", "blocked"),),
        ),
        (ids["rescued"], "lost@example.com", "added", (), (("bounce", "hard", "user_unknown"),)),
        (ids["unreadable"], "-", "unreadable", (), ()),
    ]
    entries = {(e.address, e.change) for b in batches for e in b.entries}
    assert entries == {
        ("gone@example.com", "added"),
        ("innocent@example.com", "removed"),
        ("lost@example.com", "added"),
    }
    assert summary.to_dict() == {
        "messages": 5,
        "changed_messages": 3,
        "addresses": {"added": 1, "removed": 0, "changed": 2},
        "unreadable": 1,
        "raw_pruned": 0,
        "suppressions_added": 2,
        "suppressions_removed": 1,
        "counts": [],  # (no account: unattributed mail counts nowhere)
        "status_changes": [],
        "applied": False,
    }


def test_apply_changes_it_once_audited_and_announced_and_a_second_apply_is_a_no_op(
    world: tuple[Database, Settings, dict[str, int]],
) -> None:
    db, settings, ids = world
    summary = replay.replay(db, settings, apply=True)
    assert summary.changed_messages == 3 and summary.applied
    assert entry(db, "gone@example.com") == "hard_bounce"
    assert entry(db, "lost@example.com") == "hard_bounce"
    assert entry(db, "innocent@example.com") is None
    assert entry(db, "someone@example.net") == "hard_bounce"  # unreadable: the old reading stands
    with db.session() as session:
        message = session.get(InboundMessage, ids["rescued"])
        assert message is not None and (message.outcome, message.quarantine_reason) == ("processed", None)
        old = session.scalars(
            select(BounceEvent).where(BounceEvent.message_id == ids["upgraded"]).order_by(BounceEvent.id)
        ).all()
        assert [(e.classification, e.superseded_at is not None) for e in old] == [
            ("soft", True),
            ("hard", False),
        ]
        actors = session.execute(
            select(SuppressionChange.address, SuppressionChange.change, SuppressionChange.actor).where(
                SuppressionChange.actor == "replay"
            )
        ).all()
        assert sorted(actors) == [
            ("gone@example.com", "added", "replay"),
            ("innocent@example.com", "removed", "replay"),
            ("lost@example.com", "added", "replay"),
        ]
    with db.session() as session:
        history = lookups.history(session, "gone@example.com", EVERY_ACCOUNT)
    superseded = [i for i in history["items"] if i["kind"] == "event" and i["superseded_at"] is not None]
    assert len(superseded) == 1  # the old reading stays in the history, marked
    after_first = state(db)
    again = replay.replay(db, settings, apply=True)
    assert (again.changed_messages, again.suppressions_added, again.suppressions_removed) == (0, 0, 0)
    assert again.unreadable == 1
    assert state(db) == after_first


def test_an_empty_range_says_so_and_exits_0(
    world: tuple[Database, Settings, dict[str, int]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, _, _ = world
    monkeypatch.setenv("BOUNCEBACK_DATABASE_URL", db.url)
    future = (datetime.now(UTC) + timedelta(days=1)).isoformat()
    code, out, err = run(capsys, "replay", "--since", future)
    assert code == 0, err
    assert out.strip() == "replay: no messages in the range; nothing to do"
    code, out, _ = run(capsys, "replay", "--json")
    lines = [json.loads(line) for line in out.splitlines()]
    assert lines[-1]["summary"]["changed_messages"] == 3 and lines[-1]["summary"]["applied"] is False
    assert {"message_id", "address", "change", "before", "after"} <= set(lines[0])
    code, out, _ = run(capsys, "replay")
    assert "gone@example.com\tchanged\tbounce soft mailbox_full -> bounce hard user_unknown" in out
    assert "dry run: nothing was changed (run with --apply to apply)" in out


def test_a_replay_killed_mid_run_and_started_again_ends_in_the_same_state(database: Database) -> None:
    settings = verp_settings(database.url)
    count = 150
    with database.transaction() as session:
        for i in range(count):
            address = f"user{i}@example.com"
            raw = samples.hard_bounce(address, f"k{i}")
            ingest_parsed(session, raw, "old", settings, replace(parsers.parse(raw), events=(soft(address),)))
    env = {**os.environ, "BOUNCEBACK_DATABASE_URL": database.url, "BOUNCEBACK_LOG_LEVEL": "WARNING"}
    command = [sys.executable, "-m", "service.wiring", "replay", "--apply", "--batch", "2", "-q"]
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while _superseded(database) == 0 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(60)
    assert process.returncode == -signal.SIGKILL, process.stderr.read() if process.stderr else ""
    done = _superseded(database)
    assert 0 < done < count  # killed in the middle: some batches committed, not all
    finished = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    assert _superseded(database) == count
    final = state(database)
    assert len(final["entries"]) == count
    assert {reason for *_, reason in final["entries"]} == {"hard_bounce"}
    assert all(cls == "hard" for _, _, cls, _ in final["events"]) and len(final["events"]) == count
    # Started once more, it finds nothing left to change.
    assert replay.replay(database, settings, apply=True).changed_messages == 0
    with database.session() as session:
        added = session.scalar(
            select(func.count()).select_from(SuppressionChange).where(SuppressionChange.actor == "replay")
        )
    assert added == count  # each address suppressed once, by one batch or the other


def _superseded(db: Database) -> int:
    with db.session() as session:
        return int(
            session.scalar(
                select(func.count()).select_from(BounceEvent).where(BounceEvent.superseded_at.is_not(None))
            )
            or 0
        )


def test_a_domain_suppressed_on_a_misread_bounce_is_judged_again(database: Database) -> None:
    settings = verp_settings(database.url)
    recorded_under_an_older_rule(  # a user-unknown bounce an older rule read as "no such domain"
        database,
        settings,
        samples.hard_bounce("a@shaky.example", "m"),
        hard("a@shaky.example", "host_unknown"),
    )
    for i, address in enumerate(("b@shaky.example", "c@shaky.example")):
        ingest_message(database, no_such_domain(address, f"n{i}", samples.DEFAULT_DATE), "t", settings)
    assert entry(database, "anyone@shaky.example") == "domain_invalid"
    summary = replay.replay(database, settings, apply=True)
    assert summary.changes == {"added": 0, "removed": 0, "changed": 1}
    assert entry(database, "anyone@shaky.example") is None  # two addresses left: not a dead domain
    assert entry(database, "a@shaky.example") == "hard_bounce"  # the address itself stays bad
    assert replay.replay(database, settings, apply=True).changed_messages == 0
