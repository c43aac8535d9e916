"""`bounceback ingest PATH...`: the full pipeline for message files, maildirs and mbox files."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, TextIO

from sqlalchemy.exc import SQLAlchemyError

from service.app.ingest import IngestResult, MessageTooLarge, ingest_many
from service.cli.common import database_or_exit, fail, settings_or_exit
from service.config import Settings
from service.sources import iter_messages
from service.store.db import Database, DatabaseUnavailable, first_line

# Messages per transaction: files stay on disk, so a batch that fails is simply redone message by
# message (see `ingest_many`); batching saves a commit (a disk flush) per message.
BATCH_MESSAGES = 100
BATCH_BYTES = 8 * 1024 * 1024


def register(sub: Any) -> None:
    p = sub.add_parser(
        "ingest",
        help="store, parse and apply the policy to messages from files, maildirs and mbox files",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="message file, maildir, folder or mbox")
    p.add_argument("--mbox", action="store_true", help="read every file as an mbox")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress and no summary")
    p.set_defaults(func=run)


@dataclass
class Summary:
    messages: int = 0
    duplicates: int = 0
    quarantined: int = 0
    failed: int = 0
    suppressions_added: int = 0
    events: Counter[str] = field(default_factory=Counter)

    def add(self, result: IngestResult) -> None:
        self.messages += 1
        if result.duplicate:
            self.duplicates += 1
            return
        if result.outcome == "quarantined":
            self.quarantined += 1
        self.suppressions_added += len(result.suppressions_added)
        self.events.update(e["classification"] for e in result.events)

    def lines(self) -> list[str]:
        by_class = ", ".join(f"{k} {self.events[k]}" for k in ("hard", "soft", "ignored")) or "none"
        return [
            f"messages: {self.messages} (new {self.messages - self.duplicates},"
            f" duplicates {self.duplicates}, quarantined {self.quarantined}, failed {self.failed})",
            f"events: {sum(self.events.values())} ({by_class})",
            f"suppressions added: {self.suppressions_added}",
        ]


def describe_database_error(exc: Exception) -> str:
    """One line for the operator, with the fix when the schema is simply missing."""
    message = str(exc) if isinstance(exc, DatabaseUnavailable) else first_line(exc)
    if "does not exist" in message or "no such table" in message:
        message += " (run `bounceback db upgrade`)"
    return message


class Progress:
    """A one-line counter on a terminal; nothing when stderr is a file or a pipe."""

    def __init__(self, stream: TextIO, *, enabled: bool) -> None:
        self.stream = stream
        self.enabled = enabled and stream.isatty()

    def update(self, summary: Summary) -> None:
        if self.enabled:
            self.stream.write(
                f"\ringesting: {summary.messages} messages, {summary.suppressions_added} suppressions added"
            )
            self.stream.flush()

    def done(self) -> None:
        if self.enabled:
            self.stream.write("\r\033[K")
            self.stream.flush()


def run(args: argparse.Namespace) -> int:
    settings = settings_or_exit()
    db = database_or_exit(settings)
    summary = Summary()
    progress = Progress(sys.stderr, enabled=not args.quiet)
    batch: list[tuple[bytes, str]] = []
    batch_bytes = 0
    try:
        for item in iter_messages(args.paths, mbox=args.mbox):
            if item.raw is None:
                summary.failed += 1
                progress.done()
                print(f"bounceback: {item.error}", file=sys.stderr)
                continue
            batch.append((item.raw, item.source))
            batch_bytes += len(item.raw)
            if len(batch) >= BATCH_MESSAGES or batch_bytes >= BATCH_BYTES:
                _flush(db, batch, settings, summary, progress)
                batch, batch_bytes = [], 0
        _flush(db, batch, settings, summary, progress)
    except (DatabaseUnavailable, SQLAlchemyError) as exc:
        progress.done()
        fail(f"database error after {summary.messages} messages: {describe_database_error(exc)}")
    finally:
        db.dispose()
    progress.done()
    if not args.quiet:
        for line in summary.lines():
            print(line)
    return 1 if summary.failed else 0


def _flush(
    db: Database, batch: list[tuple[bytes, str]], settings: Settings, summary: Summary, progress: Progress
) -> None:
    if not batch:
        return
    for (_, source), result in zip(batch, ingest_many(db, batch, settings), strict=True):
        if isinstance(result, MessageTooLarge):
            summary.failed += 1
            progress.done()
            print(f"bounceback: {source}: {result}; not ingested", file=sys.stderr)
        else:
            summary.add(result)
    progress.update(summary)
