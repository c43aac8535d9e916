"""`bounceback worker` as a process: SIGKILL mid-batch loses and doubles nothing; SIGTERM stops cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy import func, select

from service.app.lookups import check
from service.store.db import Database, open_database
from service.store.models import BounceEvent, InboundMessage, OutboxEvent, SuppressionChange
from tests import core_samples as samples
from tests.fixtures.database import make_database_url
from tests.fixtures.imap import ImapUser

pytestmark = pytest.mark.imap

SOFT_ADDRESS = "full@recipient.example"


def workload(scale: int = 1) -> tuple[list[bytes], dict[str, str]]:
    """40 * scale messages and the suppressions the policy must end with (address → reason)."""
    messages: list[bytes] = []
    expected: dict[str, str] = {}
    for i in range(6):  # the fifth suppresses, the sixth finds the address already suppressed
        messages.append(samples.soft_bounce(SOFT_ADDRESS, tag=f"soft{i}"))
    expected[SOFT_ADDRESS] = "soft_bounce_threshold"
    for i in range(12 * scale):
        messages.append(samples.hard_bounce(f"gone{i}@recipient.example", tag=f"hard{i}"))
        expected[f"gone{i}@recipient.example"] = "hard_bounce"
    for i in range(8 * scale):
        messages.append(samples.complaint(f"angry{i}@recipient.example", tag=f"arf{i}"))
        expected[f"angry{i}@recipient.example"] = "complaint"
    messages += [samples.auto_reply(f"away{i}@recipient.example", tag=f"ooo{i}") for i in range(7 * scale)]
    messages += [samples.human_mail(tag=f"human{i}") for i in range(7 * scale)]
    return messages, expected


def worker(database_url: str, imap_url: str, log: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOUNCEBACK_")}
    env.update(
        BOUNCEBACK_DATABASE_URL=database_url,
        BOUNCEBACK_SECRET_KEY=os.environ["BOUNCEBACK_SECRET_KEY"],  # (tests/conftest.py sets it)
        BOUNCEBACK_IMAP_URLS=imap_url,
        BOUNCEBACK_LOG_FORMAT="json",
        BOUNCEBACK_LOG_LEVEL="INFO",
    )
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "service.wiring", "worker"], env=env, stdout=out, stderr=subprocess.STDOUT
        )


def wait_until(predicate: Callable[[], bool], timeout: float = 30.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def stored(db: Database) -> int:
    with db.transaction() as session:
        return int(session.execute(select(func.count()).select_from(InboundMessage)).scalar_one())


def moved(user: ImapUser) -> int:
    return user.count("Processed") + user.count("Quarantine")


def kill_inside_the_commit_to_move_window(
    proc: subprocess.Popen[bytes], db: Database, user: ImapUser
) -> None:
    """SIGKILL the worker while it holds committed but unmoved messages.

    Seeing the window and killing are two steps, and a loaded machine can finish the batch's MOVE
    between them. So the worker is frozen first (SIGSTOP), the window is checked again while it
    cannot move anything (twice, apart, so an in-flight MOVE has landed), and only then killed;
    when the window has closed meanwhile, the worker resumes and the next batch's window is taken.
    """
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        wait_until(lambda: stored(db) > moved(user), timeout=60, what="committed but unmoved messages")
        proc.send_signal(signal.SIGSTOP)
        time.sleep(0.2)
        first_look = (stored(db), moved(user))
        time.sleep(0.2)
        if first_look == (stored(db), moved(user)) and first_look[1] < first_look[0]:
            proc.kill()
            return
        proc.send_signal(signal.SIGCONT)
    raise AssertionError("never caught the worker between a commit and its move")


def test_sigkill_mid_batch_and_restart_processes_every_message_exactly_once(
    imap_user: ImapUser, database_url: str, tmp_path: Path
) -> None:
    # Enough messages for many batches of moves: each batch opens the window the kill must hit
    # (messages committed but not yet moved), so a fast machine cannot slip past all of them.
    messages, expected = workload(scale=4)
    imap_user.append_many(messages)
    log = tmp_path / "worker.log"

    db = Database(database_url)
    first = worker(database_url, imap_user.url(), log)
    try:
        kill_inside_the_commit_to_move_window(first, db, imap_user)
    finally:
        first.kill()
        first.wait(10)
    before_restart = moved(imap_user)
    assert before_restart < stored(db) < len(messages), "the kill missed the commit-to-move window"

    second = worker(database_url, imap_user.url(), log)
    try:
        wait_until(lambda: imap_user.count("INBOX") == 0, what="an empty INBOX after the restart")
    finally:
        second.send_signal(signal.SIGTERM)
        assert second.wait(10) == 0, log.read_text()[-3000:]

    # Every message once, in the folder its content calls for; none lost, none copied twice.
    processed, quarantined = imap_user.messages("Processed"), imap_user.messages("Quarantine")
    assert sorted(processed + quarantined) == sorted(messages)
    assert sorted(quarantined) == sorted(m for m in messages if b"human-" in m)

    # And the database as if the worker had never crashed.
    try:
        with db.transaction() as session:
            assert session.execute(select(func.count()).select_from(InboundMessage)).scalar_one() == len(
                messages
            )
            # Every message but human mail records one event.
            with_events = sum(1 for m in messages if b"human-" not in m)
            assert session.execute(select(func.count()).select_from(BounceEvent)).scalar_one() == with_events
            changes = session.execute(select(func.count()).select_from(SuppressionChange)).scalar_one()
            assert changes == len(expected)
            added = session.execute(
                select(func.count()).where(OutboxEvent.ce_type == "bounceback.suppression.added")
            ).scalar_one()
            assert added == len(expected)
            states = check(session, [*expected, "away0@recipient.example"])
    finally:
        db.dispose()
    assert {s["address"]: s["reason"] for s in states if s["suppressed"]} == expected
    # Two processes' worth of logs, settings dump included, and the password nowhere in them.
    text = log.read_text()
    assert "imap_mailbox_open" in text
    assert imap_user.server.password not in text
    assert quote(imap_user.server.password, safe="") not in text


def test_an_unusable_mailbox_url_is_one_line_and_exit_code_2(tmp_path: Path) -> None:
    log = tmp_path / "worker.log"
    proc = worker(f"sqlite:///{tmp_path / 'db.sqlite'}", "imap://fbl:hunter2@127.0.0.1/INBOX?tls=off", log)
    assert proc.wait(30) == 2
    assert log.read_text().strip().splitlines() == [
        "bounceback: invalid setting BOUNCEBACK_IMAP_URLS: imap://fbl@127.0.0.1:143/INBOX: unknown option "
        "'tls' (known: ca_file, name, password_file, processed, quarantine, starttls)"
    ]


def test_sigterm_finishes_the_current_message_and_exits_within_10_s(
    imap_user: ImapUser, tmp_path: Path
) -> None:
    # Process start-up dominates this test; one backend is enough for what it shows.
    database_url = make_database_url("sqlite", tmp_path)
    open_database(database_url).dispose()  # the embedded SQLite migrates itself
    messages, _ = workload()
    imap_user.append_many(messages)
    log = tmp_path / "worker.log"
    proc = worker(database_url, imap_user.url(), log)
    try:
        wait_until(lambda: moved(imap_user) >= 3, what="the first messages to be moved")
    finally:
        proc.send_signal(signal.SIGTERM)
        started = time.monotonic()
        code = proc.wait(15)
        took = time.monotonic() - started
    assert code == 0, log.read_text()[-3000:]
    assert took < 10
    # A clean stop leaves no message stored but not moved: the database and the folders agree.
    db = Database(database_url)
    try:
        with db.transaction() as session:
            stored = session.execute(select(func.count()).select_from(InboundMessage)).scalar_one()
    finally:
        db.dispose()
    assert stored == moved(imap_user)
    assert moved(imap_user) + imap_user.count("INBOX") == len(messages)
    assert "worker_stopped" in log.read_text()
