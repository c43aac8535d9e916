"""IMAP intake: read the bounce and FBL mailboxes, ingest every message once, move it, delete nothing.

For each mailbox: fetch by UID, hand the raw bytes to the intake runner (`service.app.runner`: it
retries, waits out a database outage and quarantines what keeps failing), and only after its
transaction has committed move the message to `Processed` (recognised) or `Quarantine` (human
mail, garbage, oversized, or failing again and again). A crash between commit and move is
harmless: the message is still in the folder, is ingested again, comes back as a duplicate
(content hash) with the first outcome, and is moved then. The session itself (connect, STARTTLS,
IDLE, moves) is `consumers/imap_session.py`. IDLE when offered (re-issued before servers drop it),
polling otherwise; any connection or server error closes the session and reconnects with
exponential backoff and jitter. `run_mailboxes` is the blocking entry point `serve` and `worker`
run in a thread: one asyncio task per mailbox; a stop flag finishes the current message, logs out
and returns within seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar

from consumers.imap_session import COMMAND_TIMEOUT, MailboxSession
from consumers.mailbox_url import MailboxConfig, parse_mailbox_urls
from service.app.mail_intake import RawMail
from service.app.runner import IntakeRunner, Outcome
from service.config import Settings
from service.logging import get_logger
from service.metrics import IMAP_MESSAGES, IMAP_POLL_ERRORS

log = get_logger(__name__)

T = TypeVar("T")

# RFC 2177: re-issue IDLE at least every 29 minutes; NAT boxes and proxies drop silent
# connections much sooner, so refresh well before that (each refresh also rescans the folder).
IDLE_REFRESH_SECONDS = 9 * 60.0
MOVE_BATCH = 20  # messages moved per MOVE command (each was committed before it joins a batch)
BACKOFF_INITIAL = 1.0
BACKOFF_MAX = 300.0
HEALTHY_SESSION_SECONDS = 60.0  # a session that lasted this long resets the backoff
STOP_POLL_SECONDS = 0.1  # how often the loop looks at the (thread-side) stop flag
SHUTDOWN_GRACE = 8.0  # after stop: time for the current message and logout before tasks are cancelled

# --- one mailbox, forever ----------------------------------------------------------------------


@dataclass
class MailboxReader:
    """Reads one mailbox until stopped: sessions, reconnects, failures per message."""

    config: MailboxConfig
    runner: IntakeRunner[RawMail]
    poll_interval: float = 30.0
    use_idle: bool = True  # IDLE when the server offers it; polling otherwise or when False
    max_message_bytes: int | None = None  # fetch no more than one byte past this
    executor: ThreadPoolExecutor | None = None  # where the runner runs (None: the loop's default)
    idle_refresh: float = IDLE_REFRESH_SECONDS
    backoff_initial: float = BACKOFF_INITIAL
    backoff_max: float = BACKOFF_MAX
    timeout: float = COMMAND_TIMEOUT
    # The runner's stop flag (it waits in a worker thread); run_readers hands in the process's.
    halt: threading.Event = field(default_factory=threading.Event)
    # State, in memory only. Passes per (uidvalidity, uid) that left a message in the folder (the
    # runner could not even quarantine it): such messages are tried again, less and less often.
    left: dict[tuple[int | None, int], int] = field(default_factory=dict, init=False)
    moved: int = field(default=0, init=False)
    _uidvalidity: int | None = field(default=None, init=False)
    # Messages left in the folder for a later pass; skipped until the folder has nothing else.
    _skipped: set[tuple[int | None, int]] = field(default_factory=set, init=False)

    async def run(self, stop: asyncio.Event) -> None:
        loop = asyncio.get_running_loop()
        attempt = 0
        last_error: str | None = None
        while not stop.is_set():
            session = MailboxSession(self.config, timeout=self.timeout, max_bytes=self.max_message_bytes)
            opened_at: float | None = None
            try:
                await session.open()
                opened_at = loop.time()
                if last_error is not None:
                    log.info("imap_mailbox_reconnected", mailbox=self.config.label)
                else:
                    log.info("imap_mailbox_open", mailbox=self.config.label, idle=session.can_idle)
                await self._serve(session, stop)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                IMAP_POLL_ERRORS.labels(mailbox=self.config.metric_name).inc()
                error = _one_line(exc)
                # Backoff starts over only after a session that went well for a while: one that
                # opens and fails at once (a server that refuses us) must not retry every second.
                if opened_at is not None and loop.time() - opened_at > HEALTHY_SESSION_SECONDS:
                    attempt, last_error = 0, None
                attempt += 1
                delay = min(self.backoff_max, self.backoff_initial * 2 ** (attempt - 1))
                delay *= random.uniform(0.5, 1.0)  # jitter: many workers must not retry in step
                # One line per failure; a failure repeating itself is not news, so it drops to info.
                level = log.error if error != last_error else log.info
                level("imap_mailbox_error", mailbox=self.config.label, error=error, retry_in=round(delay, 1))
                last_error = error
                await session.close()
                await _sleep_unless(stop, delay)
                continue
            await session.close()

    async def _serve(self, session: MailboxSession, stop: asyncio.Event) -> None:
        while not stop.is_set():
            self._note_uidvalidity(session)
            await self._drain(session, stop)
            if stop.is_set():
                break
            idle = self.use_idle and session.can_idle
            wait = self.idle_refresh if idle else self.poll_interval
            if self.left:
                # Messages left behind get another try soon, then less and less often.
                worst = max(self.left.values())
                wait = min(wait, self.backoff_initial * 2 ** min(worst, 8))
            await session.wait_for_mail(wait, stop, idle=idle)
            if stop.is_set():
                break
            # Selecting again after every wait: a folder deleted and re-created under us keeps
            # answering from its ghost (Dovecot: empty searches, silent IDLE) until reselected.
            await session.select()

    def _note_uidvalidity(self, session: MailboxSession) -> None:
        if self._uidvalidity is not None and session.uidvalidity != self._uidvalidity:
            # The server renumbered the folder: our UIDs mean nothing now. Every message is still
            # in the folder and reprocessing one is harmless (content-hash idempotency).
            log.warning(
                "imap_uidvalidity_changed",
                mailbox=self.config.label,
                old=self._uidvalidity,
                new=session.uidvalidity,
            )
            self.left.clear()
            self._skipped.clear()
        self._uidvalidity = session.uidvalidity

    async def _drain(self, session: MailboxSession, stop: asyncio.Event) -> None:
        """Handle every message now in the folder, one at a time, until empty or stopped.

        Each message is its own transaction; moves are batched (up to MOVE_BATCH per command)
        because a MOVE costs the server about as much as an ingest costs us. A message is in a
        batch only after its transaction committed, so a crash leaves at most one batch to be
        read again, as duplicates.
        """
        while not stop.is_set():
            pending = [u for u in await session.uids() if (session.uidvalidity, u) not in self._skipped]
            if not pending:
                self._skipped.clear()
                return
            for start in range(0, len(pending), MOVE_BATCH):
                handled: dict[str, list[int]] = {}
                try:
                    for uid in pending[start : start + MOVE_BATCH]:
                        if stop.is_set():
                            break
                        folder = await self._handle(session, uid)
                        if folder is not None:
                            handled.setdefault(folder, []).append(uid)
                except asyncio.CancelledError:
                    raise  # shutdown grace exceeded: unmoved messages are simply read again
                except Exception:
                    await self._move(session, handled)  # what has committed still goes its way
                    raise
                await self._move(session, handled)
                if stop.is_set():
                    return
            # Messages may have arrived while we worked: look again before waiting.

    async def _move(self, session: MailboxSession, handled: dict[str, list[int]]) -> None:
        for folder, uids in handled.items():
            await session.move(uids, folder)
            for uid in uids:
                self.left.pop((session.uidvalidity, uid), None)
            self.moved += len(uids)
            IMAP_MESSAGES.labels(mailbox=self.config.metric_name, folder=folder).inc(len(uids))
            log.debug("imap_messages_moved", mailbox=self.config.label, uids=uids, folder=folder)

    async def _in_thread(self, fn: Callable[..., T], *args: Any) -> T:
        # The database work blocks; it runs beside the loop so IDLE, other mailboxes and the
        # stop flag stay live meanwhile.
        return await asyncio.get_running_loop().run_in_executor(self.executor, fn, *args)

    async def _handle(self, session: MailboxSession, uid: int) -> str | None:
        """Run one message to a committed fate; the folder it belongs in, or None to leave it."""
        key = (session.uidvalidity, uid)
        raw = await session.fetch(uid)
        if raw is None:
            return None
        item = RawMail(raw, f"{self.config.label};uid={uid}")
        result = await self._in_thread(self.runner.run, item, self.halt)
        if result.outcome is Outcome.STOPPED:
            return None
        if not result.committed:
            # Left in the folder, untouched: better stuck and visible than lost.
            self.left[key] = self.left.get(key, 0) + 1
            self._skipped.add(key)
            return None
        self._skipped.discard(key)
        if result.outcome is Outcome.PROCESSED:
            return self.config.processed_folder
        # Unusable, oversized (the whole message stays here, only its start in the database) or
        # failing again and again.
        return self.config.quarantine_folder


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


async def _sleep_unless(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(asyncio.TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)


# --- entry point -------------------------------------------------------------------------------


async def _watch_stop(stop: threading.Event, flag: asyncio.Event) -> None:
    # threading.Event cannot wake an event loop by itself; looking every 100 ms is cheap enough.
    while not stop.is_set():
        await asyncio.sleep(STOP_POLL_SECONDS)
    flag.set()


async def run_readers(readers: list[MailboxReader], stop: threading.Event) -> None:
    """Run every reader until `stop` is set; then give them SHUTDOWN_GRACE to finish and log out."""
    flag = asyncio.Event()
    # Our own pool, not the loop's default: asyncio.run waits for the default pool at exit, and a
    # database call stuck past the grace period must not hold up the shutdown.
    executor = ThreadPoolExecutor(max_workers=max(1, len(readers)), thread_name_prefix="imap-ingest")
    for reader in readers:
        reader.executor = reader.executor or executor
        reader.halt = stop
    watcher = asyncio.create_task(_watch_stop(stop, flag))
    tasks = [asyncio.create_task(reader.run(flag), name=reader.config.label) for reader in readers]
    try:
        await flag.wait()
        _, pending = await asyncio.wait(tasks, timeout=SHUTDOWN_GRACE)
        for task in pending:
            # Only ever stuck on the network or the database: a message cut off here was not
            # moved, so it is simply read again next time.
            log.warning("imap_reader_did_not_stop_in_time_cancelled", mailbox=task.get_name())
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
    finally:
        watcher.cancel()
        for task in tasks:
            task.cancel()
        executor.shutdown(wait=False, cancel_futures=True)


def run_mailboxes(settings: Settings, runner: IntakeRunner[RawMail], stop: threading.Event) -> None:
    """Blocking: read every mailbox in BOUNCEBACK_IMAP_URLS until `stop` is set (returns within 10 s).

    Raises MailboxConfigError for an unusable URL (callers check at start-up with
    `parse_mailbox_urls`). Returns at once when no mailbox is configured.
    """
    configs = parse_mailbox_urls(settings)
    if not configs:
        return
    readers = [
        MailboxReader(
            cfg,
            runner,
            poll_interval=settings.imap_poll_interval_seconds,
            max_message_bytes=settings.max_message_bytes,
        )
        for cfg in configs
    ]
    asyncio.run(run_readers(readers, stop))
