"""`bounceback accounts status|reputation|pause|resume`: an account's standing (DESIGN.md, "Sends
and sender reputation"); the same use cases and answers as the REST calls."""

from __future__ import annotations

import argparse
import json
from typing import Any

from service.app import reputation
from service.app.accounts import InvalidAccountId, UnknownAccount
from service.cli.common import database_or_exit, fail, settings_or_exit
from service.cli.options import int_option
from service.domain.accounts import validate_account_id

_DAY_COLUMNS = (
    ("day", "day"),
    ("sent", "sent"),
    ("hard", "hard_bounces"),
    ("soft", "soft_bounces"),
    ("complaints", "complaints"),
    ("unsubs", "unsubscribes"),
    ("bounce %", "bounce_rate"),
    ("complaint %", "complaint_rate"),
    ("verdict", "verdict"),
)


def register_account_commands(commands: Any) -> None:
    """Add the reputation actions to `bounceback accounts`."""
    show = commands.add_parser("status", help="how fast an account may send today, and why")
    show.add_argument("id", metavar="ID")
    show.add_argument("--json", action="store_true", help="one JSON object (as GET /v1/accounts/ID/status)")
    show.set_defaults(func=run_status)

    history = commands.add_parser("reputation", help="an account's daily numbers, newest first")
    history.add_argument("id", metavar="ID")
    history.add_argument(
        "--days", type=int_option(1, reputation.MAX_DAYS), default=30, help="UTC days back (30)"
    )
    history.add_argument("--json", action="store_true", help="one JSON object (as GET .../reputation)")
    history.set_defaults(func=run_reputation)

    pause = commands.add_parser("pause", help="pause an account by hand (until `accounts resume`)")
    pause.add_argument("id", metavar="ID")
    pause.add_argument("--note", required=True, help="why (kept in the audit trail and the event)")
    pause.set_defaults(func=run_pause)

    resume = commands.add_parser("resume", help="resume a paused account")
    resume.add_argument("id", metavar="ID")
    resume.add_argument("--note", default="", help="why (kept in the audit trail and the event)")
    resume.set_defaults(func=run_resume)


def _valid(account: str) -> str:
    try:
        return validate_account_id(account)
    except InvalidAccountId as exc:
        fail(str(exc), code=1)


def run_status(args: argparse.Namespace) -> int:
    account = _valid(args.id)
    settings = settings_or_exit()
    db = database_or_exit(settings)
    try:
        with db.engine.connect() as connection:
            answer = reputation.status(connection, account, settings)
    finally:
        db.dispose()
    if answer is None:
        fail(f"no account {account!r}", code=1)
    if args.json:
        print(json.dumps(answer))
        return 0
    print(f"{answer['account']}: {answer['status']} (send-rate factor {answer['send_rate_factor']:g})")
    print(
        f"today ({answer['day']} UTC): {answer['sent']} sent, {answer['hard_bounces']} hard bounces "
        f"({_percent(answer['bounce_rate'])}), {answer['complaints']} complaints "
        f"({_percent(answer['complaint_rate'])})"
    )
    return 0


def run_reputation(args: argparse.Namespace) -> int:
    account = _valid(args.id)
    settings = settings_or_exit()
    db = database_or_exit(settings)
    try:
        with db.session() as session:
            answer = reputation.reputation(session, account, settings, days=args.days)
    except UnknownAccount as exc:
        fail(str(exc), code=1)
    finally:
        db.dispose()
    if args.json:
        print(json.dumps(answer))
        return 0
    print(f"{answer['account']}: {answer['status']} (send-rate factor {answer['send_rate_factor']:g})")
    rows = [[_cell(row[key]) for _, key in _DAY_COLUMNS] for row in answer["days"]]
    print(_table([title for title, _ in _DAY_COLUMNS], rows))
    if answer["changes"]:
        print("status changes (newest first):")
    for change in answer["changes"]:
        why = change["threshold"] or f"by hand: {change['note'] or '(no note)'}"
        print(f"  {change['at']}  {change['from']} -> {change['to']}  ({why}; {change['actor']})")
    return 0


def _change(args: argparse.Namespace, *, pausing: bool) -> int:
    account = _valid(args.id)
    settings = settings_or_exit()
    db = database_or_exit(settings)
    change = reputation.pause_account if pausing else reputation.resume_account
    try:
        result = change(db, account, settings, note=args.note, actor="cli")
    except UnknownAccount as exc:
        fail(str(exc), code=1)
    finally:
        db.dispose()
    print(result.message if result.changed else f"{account}: {result.message}")
    return 0


def run_pause(args: argparse.Namespace) -> int:
    return _change(args, pausing=True)


def run_resume(args: argparse.Namespace) -> int:
    return _change(args, pausing=False)


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.2f}%"


def _cell(value: Any) -> str:
    if isinstance(value, float) or value is None:
        return _percent(value)
    return str(value)


def _table(titles: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(cell) for cell in column) for column in zip(titles, *rows, strict=True)]
    lines = [
        "  ".join(cell.rjust(width) for cell, width in zip(line, widths, strict=True))
        for line in [titles, *rows]
    ]
    return "\n".join(lines)
