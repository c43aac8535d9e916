"""`bounceback ingest PATH...`: the full pipeline for message files, maildirs and mbox files."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO

from sqlalchemy.exc import SQLAlchemyError

from service.app.ingest import IngestResult, MessageTooLarge, ingest_batches
from service.cli.common import database_or_exit, fail, secret_key_or_exit, settings_or_exit
from service.sources import count_messages, iter_messages
from service.store.db import DatabaseUnavailable, first_line

# Messages per transaction: files stay on disk, so a batch that fails is simply redone message by
# message (see `ingest.write_parsed`); batching saves a commit (a disk flush) per message and writes
# each table's rows in one statement. The next batch is parsed in worker processes meanwhile.
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
    p.add_argument(
        "--parse-workers",
        type=_workers,
        default=None,
        metavar="N",
        help="processes parsing the next batch while one is written (default: one per core; 0: none)",
    )
    p.set_defaults(func=run)


# Quarantined messages named one by one in the summary; past these, only their number.
QUARANTINED_LISTED = 20

# What the summary counts events as: (type, classification) -> kind; anything else is "ignored".
_EVENT_KINDS = {("bounce", "hard"): "hard bounces", ("bounce", "soft"): "soft bounces"}
_KINDS = ("hard bounces", "soft bounces", "complaints", "ignored")


def _event_kind(event: dict[str, Any]) -> str:
    if event["type"] == "complaint":
        return "complaints"
    return _EVENT_KINDS.get((event["type"], event["classification"]), "ignored")


@dataclass
class Summary:
    messages: int = 0
    duplicates: int = 0
    quarantined: int = 0
    failed: int = 0
    suppressions_added: int = 0
    events: Counter[str] = field(default_factory=Counter)
    quarantined_listed: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)

    def add(self, result: IngestResult, source: str) -> None:
        self.messages += 1
        if result.duplicate:
            self.duplicates += 1
            return
        if result.outcome == "quarantined":
            self.quarantined += 1
            if len(self.quarantined_listed) < QUARANTINED_LISTED:
                self.quarantined_listed.append((source, result.quarantine_reason or "unknown"))
        self.suppressions_added += len(result.suppressions_added)
        self.events.update(_event_kind(e) for e in result.events)

    def lines(self) -> list[str]:
        by_kind = ", ".join(f"{kind} {self.events[kind]}" for kind in _KINDS)
        lines = [
            f"messages: {self.messages} (new {self.messages - self.duplicates},"
            f" duplicates {self.duplicates}, quarantined {self.quarantined}, failed {self.failed})",
            f"events: {sum(self.events.values())} ({by_kind})",
            f"suppressions added: {self.suppressions_added}",
        ]
        if self.quarantined:
            lines.append(f"quarantined messages ({self.quarantined}):")
            lines += [f"  {source}: {reason}" for source, reason in self.quarantined_listed]
            if self.quarantined > len(self.quarantined_listed):
                lines.append(f"  and {self.quarantined - len(self.quarantined_listed)} more")
        return lines


def describe_database_error(exc: Exception) -> str:
    """One line for the operator, with the fix when the schema is simply missing."""
    message = str(exc) if isinstance(exc, DatabaseUnavailable) else first_line(exc)
    if "does not exist" in message or "no such table" in message:
        message += " (run `bounceback db upgrade`)"
    return message


class Progress:
    """A one-line counter on a terminal, out of the total when it is known; nothing when stderr is a
    file or a pipe."""

    def __init__(self, stream: TextIO, *, enabled: bool, total: int | None = None) -> None:
        self.stream = stream
        self.enabled = enabled and stream.isatty()
        self.total = total

    def update(self, summary: Summary) -> None:
        if self.enabled:
            done = f"{summary.messages}/{self.total}" if self.total is not None else f"{summary.messages}"
            self.stream.write(
                f"\ringesting: {done} messages, {summary.suppressions_added} suppressions added\033[K"
            )
            self.stream.flush()

    def done(self) -> None:
        if self.enabled:
            self.stream.write("\r\033[K")
            self.stream.flush()


def run(args: argparse.Namespace) -> int:
    settings = settings_or_exit()
    secret_key_or_exit(settings)  # (attribution verifies VERP tokens with it)
    db = database_or_exit(settings)
    summary = Summary()
    # Counting costs a directory listing; only worth it when someone watches the bar.
    watched = not args.quiet and sys.stderr.isatty()
    total = count_messages(args.paths, mbox=args.mbox) if watched else None
    progress = Progress(sys.stderr, enabled=watched, total=total)
    try:
        batches = _batches(args, summary, progress)
        for batch, written in ingest_batches(db, batches, settings, parse_workers=args.parse_workers):
            _tally(batch, written, summary, progress)
    except (DatabaseUnavailable, SQLAlchemyError) as exc:
        progress.done()
        fail(f"database error after {summary.messages} messages: {describe_database_error(exc)}")
    finally:
        db.dispose()
    progress.done()
    if summary.messages == 0 and summary.failed == 0:
        print(f"bounceback: warning: no messages found in {' '.join(args.paths)}", file=sys.stderr)
    if not args.quiet:
        for line in summary.lines():
            print(line)
    return 1 if summary.failed else 0


def _workers(value: str) -> int:
    try:
        workers = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if not 0 <= workers <= 64:
        raise argparse.ArgumentTypeError(f"must be between 0 and 64, not {workers}")
    return workers


def _batches(
    args: argparse.Namespace, summary: Summary, progress: Progress
) -> Iterator[list[tuple[bytes, str]]]:
    """The input's messages in batches (BATCH_MESSAGES or BATCH_BYTES, whichever comes first);
    unreadable items are reported as they are met."""
    batch: list[tuple[bytes, str]] = []
    batch_bytes = 0
    for item in iter_messages(args.paths, mbox=args.mbox):
        if item.raw is None:
            summary.failed += 1
            progress.done()
            print(f"bounceback: {item.error}", file=sys.stderr)
            continue
        batch.append((item.raw, item.source))
        batch_bytes += len(item.raw)
        if len(batch) >= BATCH_MESSAGES or batch_bytes >= BATCH_BYTES:
            yield batch
            batch, batch_bytes = [], 0
    if batch:
        yield batch


def _tally(
    batch: Sequence[tuple[bytes, str]],
    written: list[IngestResult | MessageTooLarge],
    summary: Summary,
    progress: Progress,
) -> None:
    for (_, source), result in zip(batch, written, strict=True):
        if isinstance(result, MessageTooLarge):
            summary.failed += 1
            progress.done()
            print(f"bounceback: {source}: {result}; not ingested", file=sys.stderr)
        else:
            summary.add(result, source)
    progress.update(summary)
