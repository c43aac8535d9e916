"""`bounceback messages list|show|raw`: the stored messages behind events and suppressions.

The same read path as `GET /v1/messages...` (service/app/evidence.py). `--account ID` sees what a
key bound to that account sees: the messages attributed to it; without it, every message.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from service.app import evidence
from service.cli.common import account_or_exit, fail
from service.cli.options import int_option
from service.cli.suppressions import database
from service.domain.scope import EVERY_ACCOUNT, View
from service.store.db import Database


def register(sub: Any) -> None:
    p = sub.add_parser("messages", help="the stored messages: evidence behind every event and suppression")
    s = p.add_subparsers(dest="messages_command", metavar="COMMAND")
    s.required = True

    ls = s.add_parser("list", help="stored messages, newest first")
    ls.add_argument("--outcome", choices=evidence.OUTCOMES, help="only processed or quarantined ones")
    ls.add_argument("--limit", type=int_option(1, 1_000_000), default=100, help="at most this many (100)")
    ls.add_argument("--json", action="store_true", help="JSON Lines, one message per line")
    _account_option(ls)
    ls.set_defaults(func=list_)

    sh = s.add_parser("show", help="one message: metadata, outcome, attribution, events, changes")
    sh.add_argument("id", type=int_option(1, 2**63 - 1), metavar="ID")
    sh.add_argument("--json", action="store_true", help="one JSON object")
    _account_option(sh)
    sh.set_defaults(func=show)

    raw = s.add_parser("raw", help="one message's stored bytes, byte for byte (to standard output)")
    raw.add_argument("id", type=int_option(1, 2**63 - 1), metavar="ID")
    raw.add_argument("--output", "-o", metavar="FILE", help="write them to FILE instead")
    _account_option(raw)
    raw.set_defaults(func=raw_)


def _account_option(parser: Any) -> None:
    parser.add_argument("--account", metavar="ID", help="as a key bound to this account sees them")


def _view(db: Database, args: argparse.Namespace) -> View:
    return View(account_or_exit(db, args.account)) if args.account is not None else EVERY_ACCOUNT


def list_(args: argparse.Namespace) -> int:
    shown = 0
    cursor: str | None = None
    with database() as db:
        view = _view(db, args)
        while shown < args.limit:
            with db.session() as session:
                page = evidence.list_page(
                    session, view, outcome=args.outcome, cursor=cursor, limit=min(1000, args.limit - shown)
                )
            for item in page.items:
                _print_summary(evidence.to_json(item), args.json)
            shown += len(page.items)
            if page.next_cursor is None:
                break
            cursor = page.next_cursor
    return 0


def _print_summary(item: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print(json.dumps(item, ensure_ascii=False))
        return
    outcome = item["outcome"]
    if item["quarantine_reason"]:
        outcome += f" ({item['quarantine_reason']})"
    fields = (str(item["id"]), item["received_at"], item["message_type"], outcome)
    print("\t".join((*fields, item["account"] or "(unattributed)", item["source"])))


def show(args: argparse.Namespace) -> int:
    with database() as db:
        view = _view(db, args)
        try:
            with db.session() as session:
                found = evidence.show(session, args.id, view)
        except evidence.UnknownMessage as exc:
            fail(str(exc), code=1)
    found = evidence.to_json(found)
    if args.json:
        print(json.dumps(found, ensure_ascii=False))
        return 0
    for name in ("id", "received_at", "message_date", "source", "size", "message_type", "outcome"):
        print(f"{name}: {found[name]}")
    if found["quarantine_reason"]:
        print(f"quarantine_reason: {found['quarantine_reason']}")
    print(f"account: {found['account'] or '(unattributed)'} ({found['attributed_by'] or '-'})")
    print(f"subject: {found['subject'] or ''}")
    print(f"raw: {found['links']['raw'] or 'pruned'}")
    for event in found["events"]:
        mark = f" (superseded {event['superseded_at']})" if event["superseded_at"] else ""
        print(
            f"event {event['id']}: {event['recipient']} {event['type']} {event['classification']}"
            f" {event['reason']} {event['status'] or ''}{mark}".rstrip()
        )
    for change in found["changes"]:
        print(
            f"change {change['id']}: {change['address']} {change['change']} {change['reason']}"
            f" by {change['actor']} ({change['account'] or 'global'})"
        )
    return 0


def raw_(args: argparse.Namespace) -> int:
    with database() as db:
        view = _view(db, args)
        try:
            with db.session() as session:
                body = evidence.raw(session, args.id, view)
        except (evidence.UnknownMessage, evidence.RawPruned) as exc:
            fail(str(exc), code=1)
    if args.output is None:
        sys.stdout.buffer.write(body)
        sys.stdout.buffer.flush()
        return 0
    try:
        with open(args.output, "wb") as out:
            out.write(body)
    except OSError as exc:
        fail(f"cannot write {args.output}: {exc.strerror or exc}")
    return 0
