"""One IMAP session: connect, STARTTLS, login, select, search, fetch, move, IDLE, logout.

MOVE (RFC 6851) when the server has it, else COPY + \\Deleted + UID EXPUNGE of those messages only
(UIDPLUS). Every round trip is bounded by a timeout and ends at once when the connection drops.
Errors are `ImapError` with one line and no secrets. The reader loop is in `consumers/imap.py`.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections.abc import Awaitable
from typing import Any, TypeVar

import aioimaplib
from aioimaplib.aioimaplib import STOP_WAIT_SERVER_PUSH, Command

from consumers.mailbox_url import MailboxConfig
from service.logging import get_logger

log = get_logger(__name__)

T = TypeVar("T")

COMMAND_TIMEOUT = 30.0  # one IMAP command; for a FETCH, the longest silence while it streams
FETCH_TIMEOUT_FACTOR = 20  # a whole FETCH may take this many command timeouts (10 min)

_UIDVALIDITY = re.compile(rb"\[UIDVALIDITY (\d+)\]")
_FETCH_UID = re.compile(rb"\bUID (\d+)\b")


class ImapError(Exception):
    """The server or the connection failed; the message is one line without secrets."""


class LoginRefused(ImapError):
    """The server refused our user name and password."""


class ConnectionLost(ImapError):
    """The server went away in the middle of the session."""


# --- one IMAP session ------------------------------------------------------------------------


def _quote(name: str) -> str:
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _text(response: Any) -> str:
    """The server's words from a response, one line."""
    for line in reversed(response.lines):
        if isinstance(line, bytes | bytearray) and line.strip():
            return bytes(line).decode("utf-8", "replace").strip()[:300]
    return str(response.result)


class MailboxSession:
    """One logged-in connection with the read folder selected."""

    def __init__(
        self, config: MailboxConfig, *, timeout: float = COMMAND_TIMEOUT, max_bytes: int | None = None
    ) -> None:
        self.config = config
        self.timeout = timeout
        # Fetch at most one byte more than the limit: enough to know a message is too large
        # without holding all of a 200 MB attachment in memory.
        self.max_bytes = max_bytes
        self.lost = asyncio.Event()
        self.client: Any = None
        self.uidvalidity: int | None = None

    # Every server round trip goes through here: a dropped connection ends the wait at once
    # instead of after the command timeout.
    async def _call(self, awaitable: Awaitable[T], what: str, *, timeout: float | None = None) -> T:
        task: asyncio.Future[T] = asyncio.ensure_future(awaitable)
        lost = asyncio.ensure_future(self.lost.wait())
        waiters: set[asyncio.Future[Any]] = {task, lost}
        limit = self.timeout if timeout is None else timeout
        try:
            done, _ = await asyncio.wait(waiters, timeout=limit, return_when=asyncio.FIRST_COMPLETED)
        finally:
            lost.cancel()
        if task in done:
            try:
                return task.result()
            except (TimeoutError, aioimaplib.AioImapException, OSError) as exc:
                raise ImapError(f"{what} failed: {exc or type(exc).__name__}") from None
        task.cancel()
        if self.lost.is_set():
            raise ConnectionLost(f"connection lost during {what}")
        raise ImapError(f"{what} timed out after {limit:.0f} s")

    async def _command(self, name: str, *args: str, prefix: str | None = None, what: str = "") -> Any:
        protocol = self.client.protocol
        command = Command(name, protocol.new_tag(), *args, prefix=prefix, loop=protocol.loop)
        response = await self._call(protocol.execute(command), what or name)
        return response

    @property
    def capabilities(self) -> set[str]:
        return {c.upper() for c in self.client.protocol.capabilities}

    async def open(self) -> None:
        cfg = self.config
        ssl_context = cfg.ssl_context() if cfg.scheme == "imaps" else None
        self.client = aioimaplib.IMAP4(
            host=cfg.host,
            port=cfg.port,
            timeout=self.timeout,
            conn_lost_cb=lambda _exc: self.lost.set(),
            ssl_context=ssl_context,
        )
        await self._call(self.client.wait_hello_from_server(), "connect")
        if cfg.scheme == "imap":
            if "STARTTLS" in self.capabilities:
                await self._starttls()
            elif cfg.require_starttls:
                raise ImapError("server does not offer STARTTLS and STARTTLS is required")
        response = await self._call(self.client.login(cfg.user, cfg.password), "login")
        if response.result != "OK":
            raise LoginRefused(f"login refused for user {cfg.user}: {_text(response)}")
        if not any(b"CAPABILITY" in bytes(line) for line in response.lines if isinstance(line, bytes)):
            await self._call(self.client.protocol.capability(), "CAPABILITY")
        for folder in (cfg.processed_folder, cfg.quarantine_folder):
            await self._ensure_folder(folder)
        await self.select()

    async def select(self) -> None:
        """(Re-)select the folder read; notes its UIDVALIDITY."""
        folder = self.config.folder
        response = await self._call(self.client.select(_quote(folder)), "SELECT")
        if response.result != "OK":
            raise ImapError(f"cannot select folder {folder}: {_text(response)}")
        for line in response.lines:
            match = _UIDVALIDITY.search(bytes(line)) if isinstance(line, bytes | bytearray) else None
            if match:
                self.uidvalidity = int(match.group(1))

    async def _starttls(self) -> None:
        protocol = self.client.protocol
        response = await self._command("STARTTLS")
        if response.result != "OK":
            raise ImapError(f"STARTTLS refused: {_text(response)}")
        loop = asyncio.get_running_loop()
        try:
            transport = await asyncio.wait_for(
                loop.start_tls(
                    protocol.transport,
                    protocol,
                    self.config.ssl_context(),
                    server_hostname=self.config.host,
                ),
                self.timeout,
            )
        except (TimeoutError, OSError) as exc:
            raise ImapError(f"TLS handshake failed: {exc}") from None
        protocol.transport = transport
        # RFC 3501 6.2.1: capabilities seen before TLS must be forgotten and asked for again.
        await self._call(protocol.capability(), "CAPABILITY")

    async def _ensure_folder(self, folder: str) -> None:
        response = await self._command("LIST", '""', _quote(folder), what="LIST")
        if response.result == "OK" and any(
            isinstance(line, bytes) and line.startswith(b"(") for line in response.lines
        ):
            return
        response = await self._command("CREATE", _quote(folder), what="CREATE")
        # ALREADYEXISTS: another worker created it in between, which is just as good.
        if response.result != "OK" and b"ALREADYEXISTS" not in b" ".join(
            bytes(line) for line in response.lines if isinstance(line, bytes)
        ):
            raise ImapError(f"cannot create folder {folder}: {_text(response)}")
        log.info("imap_folder_created", mailbox=self.config.label, folder=folder)

    async def uids(self) -> list[int]:
        """UIDs of every message in the folder, oldest first (all of them are waiting for us)."""
        # Without MOVE or UIDPLUS our moved messages stay behind flagged \Deleted: skip those.
        criteria = "ALL" if self.capabilities & {"MOVE", "UIDPLUS"} else "UNDELETED"
        response = await self._command("SEARCH", criteria, prefix="UID", what="UID SEARCH")
        if response.result != "OK":
            raise ImapError(f"UID SEARCH failed: {_text(response)}")
        found: list[int] = []
        for line in response.lines[:-1]:
            if isinstance(line, bytes):
                found.extend(int(token) for token in line.split() if token.isdigit())
        return sorted(found)

    async def fetch(self, uid: int) -> bytes | None:
        """The raw message, or None when it is gone (another reader moved it)."""
        protocol = self.client.protocol
        # BODY.PEEK: reading must not mark the message \Seen for the humans who look at the folder.
        # aioimaplib's own timeout restarts with every chunk received: it catches a stalled
        # transfer; the overall limit only has to let a large message arrive over a slow link.
        part = "BODY.PEEK[]" if self.max_bytes is None else f"BODY.PEEK[]<0.{self.max_bytes + 1}>"
        response = await self._call(
            protocol.fetch(str(uid), f"(UID {part})", by_uid=True, timeout=self.timeout),
            "UID FETCH",
            timeout=self.timeout * FETCH_TIMEOUT_FACTOR,
        )
        if response.result != "OK":
            raise ImapError(f"UID FETCH {uid} failed: {_text(response)}")
        lines = response.lines
        for index, line in enumerate(lines):
            if isinstance(line, bytearray) and index > 0:
                header = lines[index - 1]
                match = _FETCH_UID.search(bytes(header)) if isinstance(header, bytes) else None
                if match is None or int(match.group(1)) == uid:
                    return bytes(line)
        return None

    async def move(self, uids: list[int], folder: str) -> None:
        """Move messages (whose ingest has committed); never leaves one deleted without a copy."""
        uid_set = ",".join(str(u) for u in uids)
        caps = self.capabilities
        if "MOVE" in caps:
            response = await self._command("MOVE", uid_set, _quote(folder), prefix="UID", what="UID MOVE")
            if response.result != "OK":
                raise ImapError(f"UID MOVE {uid_set} to {folder} failed: {_text(response)}")
            return
        # Without MOVE: the copy comes first; a \Deleted left over from an interrupted earlier
        # attempt is cleared so the copy does not carry it into the target folder.
        await self._uid_ok("STORE", uid_set, "-FLAGS.SILENT", "(\\Deleted)")
        await self._uid_ok("COPY", uid_set, _quote(folder))
        await self._uid_ok("STORE", uid_set, "+FLAGS.SILENT", "(\\Deleted)")
        if "UIDPLUS" in caps:
            await self._uid_ok("EXPUNGE", uid_set)  # only these messages, never anybody else's
        # Without UIDPLUS a plain EXPUNGE would also remove messages somebody else flagged; the
        # messages stay flagged \Deleted in the folder and `uids()` with UNDELETED skips them.

    async def _uid_ok(self, name: str, *args: str) -> None:
        response = await self._command(name, *args, prefix="UID", what=f"UID {name}")
        if response.result != "OK":
            raise ImapError(f"UID {name} {args[0]} failed: {_text(response)}")

    @property
    def can_idle(self) -> bool:
        return "IDLE" in self.capabilities

    async def wait_for_mail(self, timeout: float, stop: asyncio.Event, *, idle: bool = True) -> None:
        """Return when new mail may have arrived, after `timeout`, or when `stop` is set."""
        if not (idle and self.can_idle):
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(_first(stop.wait(), self.lost.wait()), timeout)
            if self.lost.is_set():
                raise ConnectionLost("connection lost while polling")
            return
        idle_task: asyncio.Future[Any] = await self._call(self.client.idle_start(timeout=timeout), "IDLE")
        try:
            while not stop.is_set():
                push = asyncio.ensure_future(self.client.wait_server_push(timeout + 5))
                stopped = asyncio.ensure_future(stop.wait())
                lost = asyncio.ensure_future(self.lost.wait())
                done, pending = await asyncio.wait({push, stopped, lost}, return_when=asyncio.FIRST_COMPLETED)
                for task in pending:
                    task.cancel()
                if lost in done:
                    raise ConnectionLost("connection lost during IDLE")
                if push not in done:
                    break
                try:
                    lines = push.result()
                except TimeoutError:
                    break
                if lines == STOP_WAIT_SERVER_PUSH:
                    break  # time to re-issue IDLE
                if any(b"EXISTS" in bytes(line) for line in lines if isinstance(line, bytes | bytearray)):
                    break
        finally:
            if not self.lost.is_set() and self.client.has_pending_idle():
                self.client.idle_done()
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(idle_task, self.timeout)
            idle_task.cancel()

    async def close(self) -> None:
        """Log out politely (bounded); the connection is closed either way."""
        if self.client is None:
            return
        if not self.lost.is_set():
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.client.logout(), 2.0)
        transport = getattr(self.client.protocol, "transport", None)
        if transport is not None:
            transport.close()
        for task in list(getattr(self.client, "tasks", ())) + list(
            getattr(self.client.protocol, "tasks", ())
        ):
            task.cancel()


async def _first(*awaitables: Awaitable[Any]) -> None:
    tasks = [asyncio.ensure_future(a) for a in awaitables]
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in tasks:
            task.cancel()
