"""`bounceback accounts create|list|show` (and status|reputation|pause|resume: service/cli/reputation.py): the sending accounts (DESIGN.md, "Sending accounts")."""

from __future__ import annotations

import argparse
import json
from typing import Any

from service.app import accounts
from service.app.accounts import AccountInfo
from service.cli.common import database_or_exit, fail, settings_or_exit
from service.cli.reputation import register_account_commands


def register(sub: Any) -> None:
    p = sub.add_parser("accounts", help="create, list and show sending accounts")
    commands = p.add_subparsers(dest="accounts_command", metavar="ACTION")
    commands.required = True

    create = commands.add_parser("create", help="add an account (the same values again change nothing)")
    create.add_argument("id", metavar="ID", help="a slug: ^[a-z0-9][a-z0-9._-]{0,62}$ (e.g. shop-a)")
    create.add_argument("--name", help="a display name")
    create.add_argument(
        "--domain",
        action="append",
        default=[],
        metavar="DOMAIN",
        help="a domain it sends from (From, MAIL FROM, DKIM d=; covers its subdomains); repeatable",
    )
    create.set_defaults(func=run_create)

    listing = commands.add_parser("list", help="every account")
    listing.add_argument("--json", action="store_true", help="JSON Lines, one account per line")
    listing.set_defaults(func=run_list)

    show = commands.add_parser("show", help="one account (JSON)")
    show.add_argument("id", metavar="ID")
    show.set_defaults(func=run_show)

    register_account_commands(commands)  # status, reputation, pause, resume


def run_create(args: argparse.Namespace) -> int:
    db = database_or_exit(settings_or_exit())
    try:
        with db.transaction() as session:
            account, created = accounts.create(session, args.id, name=args.name, domains=args.domain)
    except (accounts.InvalidAccountId, accounts.InvalidDomain, accounts.AccountConflict, ValueError) as exc:
        fail(str(exc), code=1)
    finally:
        db.dispose()
    print(f"{'created' if created else 'exists already, unchanged:'} account {_line(account)}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    db = database_or_exit(settings_or_exit())
    try:
        with db.session() as session:
            found = accounts.list_accounts(session)
    finally:
        db.dispose()
    for account in found:
        print(json.dumps(account.to_dict(), ensure_ascii=False) if args.json else _line(account))
    return 0


def run_show(args: argparse.Namespace) -> int:
    db = database_or_exit(settings_or_exit())
    try:
        with db.session() as session:
            account = accounts.get(session, args.id)
    except accounts.InvalidAccountId as exc:
        fail(str(exc), code=1)
    finally:
        db.dispose()
    if account is None:
        fail(f"no account {args.id!r}", code=1)
    print(json.dumps(account.to_dict(), ensure_ascii=False, indent=2))
    return 0


def _line(account: AccountInfo) -> str:
    return "\t".join((account.id, account.name or "", ",".join(account.domains)))
