"""`bounceback sends import FILE`: sends reported as CSV (`account,message_id,recipient,sent_at`)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from service.app import sends
from service.cli.common import database_or_exit, fail, settings_or_exit


def register(sub: Any) -> None:
    p = sub.add_parser("sends", help="report sends (for Message-ID attribution and the daily rates)")
    commands = p.add_subparsers(dest="sends_command", metavar="ACTION")
    commands.required = True
    imp = commands.add_parser(
        "import", help="import a CSV of sends: account,message_id,recipient,sent_at (header optional)"
    )
    imp.add_argument("file", metavar="FILE", help="the CSV file, or - for standard input")
    imp.add_argument("--json", action="store_true", help="the summary as one JSON object")
    imp.set_defaults(func=run_import)


def run_import(args: argparse.Namespace) -> int:
    settings = settings_or_exit()
    try:
        handle = sys.stdin if args.file == "-" else open(args.file, encoding="utf-8-sig", newline="")  # noqa: SIM115
    except OSError as exc:
        fail(f"cannot read {args.file}: {exc.strerror or exc}", code=1)
    db = database_or_exit(settings)
    try:
        with handle:
            result = sends.import_csv(db, handle, settings)
    except UnicodeDecodeError:
        fail(f"{args.file} is not UTF-8 text", code=1)
    finally:
        db.dispose()
    if args.json:
        print(json.dumps(result.to_dict()))
    else:
        print(
            f"{result.stored} sends stored, {result.duplicates} already known, "
            f"{len(result.errors)} rejected (of {result.received})"
        )
        for error in result.errors[:100]:
            print(f"line {error.index}: {error.reason}", file=sys.stderr)
        if len(result.errors) > 100:
            print(f"... and {len(result.errors) - 100} more", file=sys.stderr)
    return 1 if result.errors else 0
