"""Raw mail in the intake runner: the `Intake` that IMAP, Kafka (and later LMTP) items go through.

One message is ingested in a transaction of its own (`ingest.ingest_message`), a poll's worth in
one (`ingest.write_parsed`), parsed first by the parse workers (`parsing.ParsePool.parse_spread`:
a poll of a hundred messages parses on every core, before its transaction opens); an empty or
oversized message is `Poison`; keeping a message aside is `ingest.quarantine`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from service.app.ingest import (
    PROCESSED,
    MessageTooLarge,
    ingest_message,
    parse_limits,
    quarantine,
    write_parsed,
)
from service.app.parsing import ParsePool
from service.app.runner import Outcome, Poison
from service.config import Settings
from service.store.db import Database


@dataclass(frozen=True, slots=True)
class RawMail:
    """One raw message as an adapter fetched it, and where it came from."""

    raw: bytes
    source: str


class MailIntake:
    """What one raw message does in the intake runner (`service.app.runner`): ingest it in a
    transaction of its own, or a poll's worth in one; keep it aside when it cannot be used."""

    def __init__(self, db: Database, settings: Settings, *, parse_workers: int | None = 0) -> None:
        """`parse_workers`: processes parsing a poll's worth (None: one per core; 0: none, parse
        in this process)."""
        self.db = db
        self.settings = settings
        self.parsing = ParsePool(parse_limits(settings), parse_workers)

    def close(self) -> None:
        """Stop the parse workers."""
        self.parsing.close()

    def _check(self, item: RawMail) -> None:
        if not item.raw:
            raise Poison("empty message (no bytes)")
        if len(item.raw) > self.settings.max_message_bytes:
            raise Poison(self._too_large())

    def _too_large(self) -> str:
        limit = self.settings.max_message_bytes
        return f"too large: more than {limit} bytes (BOUNCEBACK_MAX_MESSAGE_BYTES)"

    def process(self, item: RawMail) -> Outcome:
        self._check(item)
        try:
            result = ingest_message(self.db, item.raw, item.source, self.settings)
        except MessageTooLarge:
            raise Poison(self._too_large()) from None
        return Outcome.PROCESSED if result.outcome == PROCESSED else Outcome.QUARANTINED

    def process_many(self, items: Sequence[RawMail]) -> list[Outcome | Poison]:
        outcomes: list[Outcome | Poison | None] = []
        batch: list[tuple[bytes, str]] = []
        for item in items:
            try:
                self._check(item)
            except Poison as exc:
                outcomes.append(exc)
                continue
            outcomes.append(None)
            batch.append((item.raw, item.source))
        done = iter(write_parsed(self.db, self.parsing.parse_spread(batch), self.settings) if batch else [])
        out: list[Outcome | Poison] = []
        for outcome in outcomes:
            if outcome is not None:
                out.append(outcome)
                continue
            result = next(done)
            if isinstance(result, MessageTooLarge):
                out.append(Poison(self._too_large()))
            else:
                out.append(Outcome.PROCESSED if result.outcome == PROCESSED else Outcome.QUARANTINED)
        return out

    def quarantine(self, item: RawMail, reason: str) -> None:
        # Only the first max_message_bytes are kept in the database; an adapter that can (IMAP)
        # keeps the whole message in its Quarantine folder.
        quarantine(self.db, item.raw, item.source, self.settings, reason)

    def describe(self, item: RawMail) -> str:
        return item.source
