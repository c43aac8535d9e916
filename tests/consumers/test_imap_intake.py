"""IMAP intake against a real Dovecot: right folder, right suppression state, once, whatever happens."""

from __future__ import annotations

import asyncio
import io
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from prometheus_client import generate_latest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import func, select

from consumers import imap
from consumers.imap import (
    MailboxReader,
    run_mailboxes,
    run_readers,
)
from consumers.imap_session import ImapError, MailboxSession
from consumers.mailbox_url import parse_mailbox_url
from service import logging as bb_logging
from service.app.lookups import check
from service.app.mail_intake import MailIntake, RawMail
from service.app.runner import IntakeRunner, Outcome
from service.config import Settings
from service.store.db import Database
from service.store.models import BounceEvent, InboundMessage, SuppressionChange
from tests import core_samples as samples
from tests.fixtures.imap import Dovecot, ImapUser, start_dovecot, stop_dovecot
from tests.fixtures.outage import CuttableDatabase

pytestmark = pytest.mark.imap


def wait_until(predicate: Callable[[], bool], timeout: float = 20.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


@contextmanager
def running(target: Callable[[threading.Event], None]) -> Iterator[threading.Event]:
    """Run a blocking reader entry point in a thread; stop it and check it returns promptly."""
    stop = threading.Event()
    errors: list[BaseException] = []

    def body() -> None:
        try:
            target(stop)
        except BaseException as exc:  # surfaced in the test thread below
            errors.append(exc)

    thread = threading.Thread(target=body, daemon=True)
    thread.start()
    try:
        yield stop
    finally:
        stop.set()
        thread.join(10)
        assert not thread.is_alive(), "readers did not stop within 10 s"
    assert not errors, errors


def readers_of(*readers: MailboxReader) -> Callable[[threading.Event], None]:
    return lambda stop: asyncio.run(run_readers(list(readers), stop))


def mail_runner(db: Database, settings: Settings | None = None) -> IntakeRunner[RawMail]:
    """The runner over the real ingest use case, as `serve` and `worker` build it."""
    return IntakeRunner(MailIntake(db, settings or Settings(database_url=db.url)), retry_seconds=0.05)


class StubIntake:
    """The use case replaced by a function, for tests of the IMAP mechanics alone (no database)."""

    def __init__(self, process: Callable[[bytes, str], Outcome]) -> None:
        self._process = process

    def process(self, item: RawMail) -> Outcome:
        return self._process(item.raw, item.source)

    def process_many(self, items: list[RawMail]) -> list[Outcome]:
        return [self.process(item) for item in items]

    def quarantine(self, item: RawMail, reason: str) -> None:
        raise AssertionError(f"nothing should be quarantined here: {reason}")

    def describe(self, item: RawMail) -> str:
        return item.source


def stub_runner(process: Callable[[bytes, str], Outcome]) -> IntakeRunner[RawMail]:
    return IntakeRunner(StubIntake(process))


def suppression(db: Database, address: str) -> tuple[bool, str | None]:
    with db.transaction() as session:
        row = check(session, [address])[0]
    return bool(row["suppressed"]), row["reason"]


def count(db: Database, statement: object) -> int:
    with db.transaction() as session:
        return int(session.execute(statement).scalar_one())  # type: ignore[call-overload]


def test_bounces_complaints_auto_replies_human_mail_and_garbage_end_in_the_right_place(
    imap_user: ImapUser, database: Database
) -> None:
    messages = [
        samples.hard_bounce("gone@recipient.example", tag="hard"),
        samples.complaint("angry@recipient.example", tag="arf"),
        samples.auto_reply("away@recipient.example", tag="ooo"),
        samples.soft_bounce("full@recipient.example", tag="soft"),
        samples.human_mail(tag="human"),
        b"\xff\xfe\x01 not a mail message at all: no headers, binary junk \x80\x81\r\n",
    ]
    imap_user.append_many(messages)
    settings = Settings(database_url=database.url, imap_urls=imap_user.url())

    with running(lambda stop: run_mailboxes(settings, mail_runner(database, settings), stop)):
        wait_until(lambda: imap_user.count("INBOX") == 0, what="an empty INBOX")

    processed = imap_user.messages("Processed")
    quarantined = imap_user.messages("Quarantine")
    assert sorted(processed) == sorted(messages[:4])
    assert sorted(quarantined) == sorted(messages[4:])
    assert suppression(database, "gone@recipient.example") == (True, "hard_bounce")
    assert suppression(database, "angry@recipient.example") == (True, "complaint")
    assert suppression(database, "away@recipient.example") == (False, None)
    assert suppression(database, "full@recipient.example") == (False, None)
    assert count(database, select(func.count()).select_from(InboundMessage)) == 6
    assert count(database, select(func.count()).where(InboundMessage.outcome == "quarantined")) == 2
    # The source names the mailbox and the UID, never the password.
    label = f"imap://{imap_user.name}@127.0.0.1:{imap_user.server.port}/INBOX;uid="
    assert all(source.startswith(label) for source in _sources(database))


def _sources(db: Database) -> list[str]:
    with db.transaction() as session:
        return list(session.execute(select(InboundMessage.source)).scalars())


def test_a_redelivered_message_is_moved_but_counts_once(imap_user: ImapUser, database: Database) -> None:
    # Four soft bounces plus the same fourth one delivered again: still four, not the suppressing five.
    bounces = [samples.soft_bounce("full@recipient.example", tag=f"s{i}") for i in range(4)]
    imap_user.append_many([*bounces, bounces[-1]])
    reader = MailboxReader(parse_mailbox_url(imap_user.url(), Settings()), mail_runner(database))

    with running(readers_of(reader)):
        wait_until(lambda: imap_user.count("INBOX") == 0, what="an empty INBOX")

    assert imap_user.count("Processed") == 5
    assert count(database, select(func.count()).select_from(BounceEvent)) == 4
    assert suppression(database, "full@recipient.example") == (False, None)


def test_a_message_that_keeps_failing_is_stored_quarantined_and_moved_aside(
    imap_user: ImapUser, database: Database
) -> None:
    attempts: list[str] = []

    class FlakyIntake(MailIntake):
        def process(self, item: RawMail) -> Outcome:
            if b"poison" in item.raw:
                attempts.append(item.source)
                raise RuntimeError("pipeline bug triggered by this message")
            return super().process(item)

    poison = samples.human_mail(tag="poison")
    good = samples.hard_bounce("gone@recipient.example")
    imap_user.append_many([poison, good])
    runner = IntakeRunner(FlakyIntake(database, Settings(database_url=database.url)), retry_seconds=0.05)
    reader = MailboxReader(parse_mailbox_url(imap_user.url(), Settings()), runner, backoff_initial=0.1)
    with running(readers_of(reader)):
        wait_until(lambda: imap_user.count("INBOX") == 0, what="an empty INBOX")

    assert len(attempts) == 3
    assert imap_user.messages("Quarantine") == [poison]
    assert imap_user.messages("Processed") == [good]
    with database.transaction() as session:
        row = session.execute(select(InboundMessage).where(InboundMessage.raw == poison)).scalar_one()
        assert row.outcome == "quarantined"
        assert row.quarantine_reason is not None
        assert "failed 3 times: pipeline bug" in row.quarantine_reason


def test_an_oversized_message_is_quarantined_not_fatal(imap_user: ImapUser, database: Database) -> None:
    settings = Settings(database_url=database.url, max_message_bytes=4096)
    big = samples.hard_bounce("big@recipient.example") + b"X" * 10_000 + b"\r\n"
    small = samples.hard_bounce("gone@recipient.example")
    imap_user.append_many([big, small])
    fetched: list[int] = []

    class MeasuringIntake(MailIntake):
        def process(self, item: RawMail) -> Outcome:
            fetched.append(len(item.raw))
            return super().process(item)

    reader = MailboxReader(
        parse_mailbox_url(imap_user.url(), Settings()),
        IntakeRunner(MeasuringIntake(database, settings)),
        max_message_bytes=4096,
    )
    with running(readers_of(reader)):
        wait_until(lambda: imap_user.count("INBOX") == 0, what="an empty INBOX")

    assert fetched == [4097, len(small)]  # the big one only as far as needed to know it is too big
    assert imap_user.messages("Quarantine") == [big]  # the whole message, kept on the server
    assert imap_user.messages("Processed") == [small]
    assert suppression(database, "big@recipient.example") == (False, None)
    with database.transaction() as session:
        reasons = list(session.execute(select(InboundMessage.quarantine_reason)).scalars())
    assert any(r and r.startswith("too large") for r in reasons)


def test_without_move_copy_then_uid_expunge_touches_only_that_message(imap_user: ImapUser) -> None:
    class NoMoveSession(MailboxSession):
        @property
        def capabilities(self) -> set[str]:
            return super().capabilities - {"MOVE"}

    imap_user.append_many([b"Subject: one\r\n\r\n1\r\n", b"Subject: two\r\n\r\n2\r\n"])
    # Somebody flagged message 2 \Deleted in their mail client: it must survive our expunge.
    conn = imap_user.server.client(imap_user.name)
    conn.select("INBOX")
    conn.uid("STORE", "2", "+FLAGS", "(\\Deleted)")
    conn.logout()

    async def scenario() -> list[int]:
        session = NoMoveSession(parse_mailbox_url(imap_user.url(), Settings()))
        await session.open()
        try:
            await session.move([1], "Processed")
            return await session.uids()
        finally:
            await session.close()

    assert asyncio.run(scenario()) == [2]
    assert imap_user.messages("Processed") == [b"Subject: one\r\n\r\n1\r\n"]
    assert imap_user.count("INBOX") == 1


def test_polling_without_idle_picks_up_new_mail(imap_user: ImapUser) -> None:
    seen: list[bytes] = []

    def ingest(raw: bytes, source: str) -> Outcome:
        seen.append(raw)
        return Outcome.PROCESSED

    reader = MailboxReader(
        parse_mailbox_url(imap_user.url(), Settings()),
        stub_runner(ingest),
        poll_interval=0.3,
        use_idle=False,
    )
    with running(readers_of(reader)):
        wait_until(lambda: "Processed" in imap_user.folders(), what="folders created")
        imap_user.append(b"Subject: late\r\n\r\nlate\r\n")
        wait_until(lambda: imap_user.count("Processed") == 1, timeout=10, what="the polled message")
    assert seen == [b"Subject: late\r\n\r\nlate\r\n"]


def test_the_server_going_away_mid_session_is_survived(dovecot: Dovecot, imap_user: ImapUser) -> None:
    outcomes: list[str] = []

    def ingest(raw: bytes, source: str) -> Outcome:
        outcomes.append(source)
        return Outcome.QUARANTINED if b"human" in raw else Outcome.PROCESSED

    reader = MailboxReader(
        parse_mailbox_url(imap_user.url(), Settings()), stub_runner(ingest), backoff_initial=0.2
    )
    with running(readers_of(reader)):
        imap_user.append(b"Subject: before\r\n\r\nbefore\r\n")
        wait_until(lambda: imap_user.count("Processed") == 1, what="the first message")
        dovecot.stop()  # the reader is in IDLE now: its connection drops under it
        time.sleep(0.5)
        dovecot.start()
        imap_user.append(b"Subject: after\r\n\r\nafter\r\n")
        imap_user.append(b"Subject: human\r\n\r\nhuman\r\n")
        wait_until(lambda: imap_user.count("INBOX") == 0, what="the messages sent after the restart")
    assert imap_user.count("Processed") == 2
    assert imap_user.count("Quarantine") == 1
    assert len(outcomes) == 3


def test_wrong_password_is_one_clear_line_retried_while_other_mailboxes_work(
    dovecot: Dovecot, imap_user: ImapUser, database: Database
) -> None:
    log_stream = io.StringIO()
    settings = Settings(database_url=database.url, log_format="json", log_level="INFO")
    bb_logging.configure(settings, stream=log_stream)
    bad_url = dovecot.url("otheruser", password="not-the-password")
    good_url = imap_user.url(tls=True)  # imaps:// with certificate verification against our CA
    runner = mail_runner(database, settings)
    bad = MailboxReader(parse_mailbox_url(bad_url, settings), runner, backoff_initial=0.2)
    good = MailboxReader(parse_mailbox_url(good_url, settings), runner)
    try:
        with running(readers_of(bad, good)):
            imap_user.append(samples.hard_bounce("gone@recipient.example"))
            wait_until(lambda: imap_user.count("Processed") == 1, what="the good mailbox's message")
            wait_until(lambda: log_stream.getvalue().count("Authentication failed") >= 3, what="retries")
    finally:
        bb_logging.configure(Settings())
    assert suppression(database, "gone@recipient.example") == (True, "hard_bounce")
    lines = [line for line in log_stream.getvalue().splitlines() if "imap_mailbox_error" in line]
    assert '"level": "error"' in lines[0] and "login refused for user otheruser" in lines[0]
    # The same failure again is not news: retried quietly, and never with the password in sight.
    assert all('"level": "info"' in line for line in lines[1:])
    assert "not-the-password" not in log_stream.getvalue()
    assert dovecot.password not in log_stream.getvalue()
    # The metrics name the mailbox by host and folder: no user name, no URL.
    labels = {
        value
        for family in text_string_to_metric_families(generate_latest().decode())
        if family.name.startswith("bounceback_imap_")
        for sample in family.samples
        for value in sample.labels.values()
    }
    assert labels and all("otheruser" not in v and "://" not in v and "@" not in v for v in labels), labels


def test_an_untrusted_certificate_is_refused(imap_user: ImapUser) -> None:
    if imap_user.server.ca_file is None:
        pytest.skip("openssl not available: the fixture runs without TLS")
    url = imap_user.url().split("?", 1)[0]  # STARTTLS offered, but our CA file left out

    async def scenario() -> None:
        session = MailboxSession(parse_mailbox_url(url, Settings()), timeout=5)
        try:
            await session.open()
        finally:
            await session.close()

    with pytest.raises(ImapError, match="certificate verify failed"):
        asyncio.run(scenario())


def test_suppression_changes_from_imap_are_audited_once(imap_user: ImapUser, database: Database) -> None:
    # The same complaint from two ISPs' copies (different bytes, same recipient): one suppression.
    imap_user.append_many(
        [
            samples.complaint("angry@recipient.example", tag="a"),
            samples.complaint("angry@recipient.example", tag="b"),
        ]
    )
    settings = Settings(database_url=database.url, imap_urls=imap_user.url())
    with running(lambda stop: run_mailboxes(settings, mail_runner(database, settings), stop)):
        wait_until(lambda: imap_user.count("INBOX") == 0, what="an empty INBOX")
    assert count(database, select(func.count()).select_from(SuppressionChange)) == 1


def test_starttls_can_be_required_of_a_server_that_does_not_offer_it() -> None:
    plain = start_dovecot(tls=False)
    try:
        user = ImapUser(plain, "plainuser")
        user.append(b"Subject: plain\r\n\r\nplain\r\n")

        async def open_and_list(url: str) -> list[int]:
            session = MailboxSession(parse_mailbox_url(url, Settings()), timeout=5)
            try:
                await session.open()
                return await session.uids()
            finally:
                await session.close()

        # Offered-if-available is the default: a server without TLS is still read...
        assert asyncio.run(open_and_list(user.url())) == [1]
        # ...unless the operator requires it.
        with pytest.raises(ImapError, match="does not offer STARTTLS and STARTTLS is required"):
            asyncio.run(open_and_list(user.url() + "?starttls=require"))
    finally:
        stop_dovecot(plain)


def test_a_new_uidvalidity_is_handled_and_reading_goes_on(imap_user: ImapUser) -> None:
    seen: list[bytes] = []

    def ingest(raw: bytes, source: str) -> Outcome:
        seen.append(raw)
        return Outcome.PROCESSED

    conn = imap_user.server.client(imap_user.name)
    conn.create("Bounces")
    conn.logout()
    imap_user.append(b"Subject: first\r\n\r\n1\r\n", folder="Bounces")
    reader = MailboxReader(
        parse_mailbox_url(imap_user.url("Bounces"), Settings()),
        stub_runner(ingest),
        backoff_initial=0.2,
        idle_refresh=1.0,  # a deleted folder sends no news: the re-issued IDLE finds out
    )
    with running(readers_of(reader)):
        wait_until(lambda: imap_user.count("Processed") == 1, what="the first message")
        first_validity = reader._uidvalidity
        # The folder is deleted and made anew under the reader: same name, new UIDVALIDITY.
        conn = imap_user.server.client(imap_user.name)
        conn.delete("Bounces")
        conn.create("Bounces")
        conn.logout()
        imap_user.append(b"Subject: second\r\n\r\n2\r\n", folder="Bounces")
        wait_until(lambda: imap_user.count("Processed") == 2, what="the message in the new folder")
    assert reader._uidvalidity != first_validity
    assert seen == [b"Subject: first\r\n\r\n1\r\n", b"Subject: second\r\n\r\n2\r\n"]


def test_a_database_outage_is_waited_out_never_blamed_on_the_message(
    imap_user: ImapUser, cuttable_database: CuttableDatabase
) -> None:
    db = cuttable_database.db
    runner = IntakeRunner(MailIntake(db, Settings(database_url=db.url)), outage_seconds=(0.05, 0.1, 0.2))
    reader = MailboxReader(parse_mailbox_url(imap_user.url(), Settings()), runner, backoff_initial=0.05)
    cuttable_database.cut()
    imap_user.append(samples.hard_bounce("gone@recipient.example"))
    with running(readers_of(reader)):
        # More outages than the runner's attempts for a failing message: none of them may count.
        wait_until(lambda: runner.database_waits > runner.max_attempts, what="waits for the database")
        assert imap_user.count("INBOX") == 1, "the message stays put while the database is away"
        cuttable_database.restore()
        wait_until(lambda: imap_user.count("Processed") == 1, what="the message after the outage")
    assert runner.failed_attempts == 0
    assert imap_user.count("Quarantine") == 0
    assert suppression(db, "gone@recipient.example") == (True, "hard_bounce")
    assert count(db, select(func.count()).where(InboundMessage.outcome == "processed")) == 1


def test_a_stuck_ingest_does_not_hold_up_the_stop(
    imap_user: ImapUser, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(imap, "SHUTDOWN_GRACE", 0.5)
    entered, release = threading.Event(), threading.Event()

    def stuck_ingest(raw: bytes, source: str) -> Outcome:
        entered.set()
        release.wait(30)  # a database call that hangs
        return Outcome.PROCESSED

    imap_user.append(samples.hard_bounce("gone@recipient.example"))
    reader = MailboxReader(parse_mailbox_url(imap_user.url(), Settings()), stub_runner(stuck_ingest))
    stop = threading.Event()
    thread = threading.Thread(target=readers_of(reader), args=(stop,), daemon=True)
    thread.start()
    try:
        assert entered.wait(20)
        stop.set()
        # Well before the hung call returns (30 s): the grace period, not the call, ends the wait.
        thread.join(20)
        assert not thread.is_alive()
        assert not release.is_set()
    finally:
        release.set()
    # Cut off before its move: the message waits in the INBOX for the next run.
    assert imap_user.count("INBOX") == 1
