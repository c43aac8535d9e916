"""`bounceback replay [--since DATE] [--until DATE] [--apply] [--json]`: stored messages read again
by the current parser (service/app/replay.py); a dry run unless `--apply`."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from service.app import replay
from service.cli.common import database_or_exit, fail, secret_key_or_exit, settings_or_exit
from service.cli.ingest import describe_database_error
from service.cli.options import int_option
from service.store.db import DatabaseUnavailable


def _date(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 date or time: {text!r}") from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def register(sub: Any) -> None:
    p = sub.add_parser(
        "replay",
        help="read stored messages again with the current parser; show (or --apply) what changes",
    )
    p.add_argument(
        "--since", type=_date, metavar="DATE", help="messages received at or after (ISO 8601; UTC)"
    )
    p.add_argument("--until", type=_date, metavar="DATE", help="messages received before (ISO 8601; UTC)")
    p.add_argument(
        "--apply",
        action="store_true",
        help="record the new readings and decide again (default: a dry run that changes nothing)",
    )
    p.add_argument("--json", action="store_true", help="JSON Lines: one line per change, then the summary")
    p.add_argument(
        "--batch",
        type=int_option(1, 10_000),
        default=replay.BATCH,
        metavar="N",
        help=f"messages per transaction (default {replay.BATCH}); a kill loses at most one batch, redone next run",
    )
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


class _Progress:
    """A one-line counter on a terminal (nothing when stderr is a file or a pipe)."""

    def __init__(self, total: int | None) -> None:
        self.total = total
        self.done_messages = 0
        self.changed = 0

    def update(self, batch: replay.Batch) -> None:
        if self.total is None:
            return
        self.done_messages += batch.messages
        self.changed += len({c.message_id for c in batch.changes})
        sys.stderr.write(
            f"\rreplay: {self.done_messages}/{self.total} messages, {self.changed} changed\033[K"
        )
        sys.stderr.flush()

    def clear(self) -> None:
        if self.total is not None:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def run(args: argparse.Namespace) -> int:
    if args.since and args.until and args.since >= args.until:
        fail("--since must be before --until")
    settings = settings_or_exit()
    secret_key_or_exit(settings)  # (attribution verifies VERP tokens with it)
    db = database_or_exit(settings)
    try:
        watched = not args.quiet and sys.stderr.isatty()
        progress = _Progress(replay.count(db, since=args.since, until=args.until) if watched else None)

        def report(batch: replay.Batch) -> None:
            progress.clear()
            for change in batch.changes:
                _print_change(change, args.json)
            for entry in batch.entries:
                _print_entry(entry, args.json)
            sys.stdout.flush()
            progress.update(batch)

        summary = replay.replay(
            db,
            settings,
            since=args.since,
            until=args.until,
            apply=args.apply,
            batch_size=args.batch,
            on_batch=report,
        )
        progress.clear()
    except (DatabaseUnavailable, SQLAlchemyError) as exc:
        fail(f"database error: {describe_database_error(exc)}")
    finally:
        db.dispose()
    if args.json:
        print(json.dumps({"summary": summary.to_dict()}))
    else:
        for line in _summary_lines(summary):
            print(line)
    return 0


def _print_change(change: replay.Change, as_json: bool) -> None:
    if as_json:
        print(json.dumps(change.to_dict(), ensure_ascii=False))
        return
    if change.change == "unreadable":
        print(f"message {change.message_id}\tunreadable\t{change.note}")
        return
    before = ", ".join(" ".join(r) for r in change.before) or "-"
    after = ", ".join(" ".join(r) for r in change.after) or "-"
    print(f"message {change.message_id}\t{change.address}\t{change.change}\t{before} -> {after}")


def _print_entry(entry: replay.EntryChange, as_json: bool) -> None:
    if as_json:
        print(
            json.dumps(
                {"message_id": entry.message_id, "address": entry.address, "suppression": entry.change}
            )
        )
        return
    verb = "suppressed" if entry.change == "added" else "unsuppressed"
    print(f"message {entry.message_id}\t{entry.address}\t{verb}")


def _summary_lines(summary: replay.Summary) -> list[str]:
    if summary.messages == 0:
        return ["replay: no messages in the range; nothing to do"]
    changes = summary.changes
    would = "" if summary.applied else " would"
    lines = [
        f"messages read again: {summary.messages} ({summary.changed_messages}{would} change,"
        f" {summary.unreadable} unreadable and kept, {summary.pruned} with raw bytes pruned)",
        f"addresses: {changes['added']} added, {changes['removed']} removed, {changes['changed']} changed",
        f"suppressions: {summary.suppressions_added} added, {summary.suppressions_removed} removed",
    ]
    # The accounts' daily counters the new readings moved, and what the ladder said of them.
    for (account, day), columns in sorted(summary.counts.items()):
        amounts = ", ".join(f"{column} {amount:+d}" for column, amount in sorted(columns.items()))
        lines.append(f"counts: {account} {day.isoformat()}: {amounts}")
    for change in summary.status_changes:
        lines.append(f"status: {change['account']} {change['from']} -> {change['to']} ({change['day']})")
    if not summary.applied:
        lines.append("dry run: nothing was changed (run with --apply to apply)")
    return lines
