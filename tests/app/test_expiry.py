"""Expiry: entries of the configured reasons lapse at their boundary, audited and announced; others stay."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from service.app import lookups, suppressions
from service.app.expiry import expire_due, run_housekeeping
from service.app.ingest import ingest_message
from service.domain.scope import Reason, parse_expiry_days
from service.store.db import Database
from service.store.models import OutboxEvent, SuppressionChange
from tests import core_samples as samples
from tests.accounts_support import verp_settings
from tests.cli.test_core import run

T = datetime(2026, 1, 10, 12, 0, tzinfo=UTC)
NINETY = {Reason.SOFT_BOUNCE_THRESHOLD: 90}


def _entry(db: Database, address: str, reason: str, since: datetime) -> None:
    with db.transaction() as session:
        suppressions.import_entry(session, address, reason=reason, since=since, note=None, actor="test")


def _suppressed(db: Database, address: str) -> str | None:
    with db.session() as session:
        entry = lookups.find(session, address)
    return None if entry is None else str(entry["reason"])


def test_expiry_fires_at_the_boundary_and_only_for_configured_reasons(database: Database) -> None:
    _entry(database, "soft@example.com", "soft_bounce_threshold", T)
    _entry(database, "hard@example.com", "hard_bounce", T)
    _entry(database, "manual@example.com", "manual", T)
    boundary = T + timedelta(days=90)
    assert expire_due(database, NINETY, now=boundary - timedelta(seconds=1)) == 0
    assert _suppressed(database, "soft@example.com") == "soft_bounce_threshold"
    assert expire_due(database, NINETY, now=boundary) == 1
    assert _suppressed(database, "soft@example.com") is None
    # Not configured: never expire, however old.
    assert expire_due(database, NINETY, now=boundary + timedelta(days=9000)) == 0
    assert _suppressed(database, "hard@example.com") == "hard_bounce"
    assert _suppressed(database, "manual@example.com") == "manual"
    with database.session() as session:
        change = session.scalars(select(SuppressionChange).where(SuppressionChange.change == "removed")).one()
        assert (change.address, change.reason, change.actor) == ("soft@example.com", "expired", "expiry")
        assert change.note == "soft_bounce_threshold entry expired after 90 days"
        removed = session.scalars(
            select(OutboxEvent).where(OutboxEvent.ce_type == "bounceback.suppression.removed")
        ).one()
        assert removed.subject == "soft@example.com" and removed.data["reason"] == "expired"


def test_an_expired_soft_threshold_address_counts_afresh_from_the_expiry(database: Database) -> None:
    settings = verp_settings(database.url)
    address = "full@example.com"
    for day in range(5):
        ingest_message(
            database, samples.soft_bounce(address, f"s{day}", T + timedelta(days=day)), "t", settings
        )
    assert _suppressed(database, address) == "soft_bounce_threshold"
    expired_at = T + timedelta(days=4 + 90)
    assert expire_due(database, NINETY, now=expired_at) == 1
    # The five bounces before the expiry no longer count: four new ones do not suppress, a fifth does.
    for day in range(1, 5):
        ingest_message(
            database, samples.soft_bounce(address, f"n{day}", expired_at + timedelta(days=day)), "t", settings
        )
        assert _suppressed(database, address) is None
    ingest_message(
        database, samples.soft_bounce(address, "n5", expired_at + timedelta(days=5)), "t", settings
    )
    assert _suppressed(database, address) == "soft_bounce_threshold"


def test_serve_and_worker_housekeeping_expires_due_entries_in_the_background(database: Database) -> None:
    _entry(database, "old@example.com", "soft_bounce_threshold", datetime.now(UTC) - timedelta(days=91))
    settings = verp_settings(database.url, expiry_interval_seconds=0.05)
    stop = threading.Event()
    worker = threading.Thread(target=run_housekeeping, args=(settings, database, stop), daemon=True)
    worker.start()
    try:
        deadline = time.monotonic() + 60
        while _suppressed(database, "old@example.com") is not None and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stop.set()
        worker.join(30)
    assert _suppressed(database, "old@example.com") is None
    assert not worker.is_alive()


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("bogus=3", "unknown reason 'bogus'"),
        ("soft_bounce_threshold=-1", "days must be a whole number"),
        ("hard_bounce", "is not reason=days"),
    ],
)
def test_a_bad_expiry_setting_stops_start_up_with_one_line(
    value: str, says: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setenv("BOUNCEBACK_DATABASE_URL", f"sqlite:///{tmp_path}/x.db")
    monkeypatch.setenv("BOUNCEBACK_EXPIRY_DAYS", value)
    for command in (("worker",), ("serve",)):
        code, out, err = run(capsys, *command)
        assert code == 2 and out == ""
        assert err.count("\n") == 1 and "invalid setting BOUNCEBACK_EXPIRY_DAYS" in err and says in err


def test_the_default_expiry_is_the_designs() -> None:
    assert parse_expiry_days(verp_settings("sqlite://").expiry_days) == {
        Reason.SOFT_BOUNCE_THRESHOLD: 90,
        Reason.DOMAIN_INVALID: 30,
    }
