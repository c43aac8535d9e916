"""`bounceback apikey create/list/revoke`: manage API keys (only their hashes are stored)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from service.app import apikeys
from service.app.accounts import InvalidAccountId, UnknownAccount
from service.cli.common import database_or_exit, fail, settings_or_exit
from service.cli.options import checked_option
from service.domain.times import iso_z, iso_z_or_none
from service.store.db import DatabaseUnavailable


def register(sub: Any) -> None:
    p = sub.add_parser("apikey", help="create, list and revoke API keys")
    commands = p.add_subparsers(dest="apikey_command", metavar="ACTION")
    commands.required = True

    create = commands.add_parser("create", help="create a key; prints it once, as the last line")
    create.add_argument(
        "--name",
        required=True,
        type=checked_option(apikeys.key_name),
        help="who uses the key (shown in the audit trail)",
    )
    create.add_argument(
        "--scope",
        required=True,
        choices=apikeys.SCOPES,
        help="read: lookups, checks, lists, events; ingest: + posting messages; admin: everything",
    )
    create.add_argument(
        "--account",
        metavar="ID",
        help="bind the key to this account: it sees global entries and the account's, never another's",
    )
    create.set_defaults(func=run_create)

    listing = commands.add_parser("list", help="list keys (never the keys themselves)")
    listing.add_argument("--json", action="store_true", help="JSON Lines output")
    listing.set_defaults(func=run_list)

    revoke = commands.add_parser("revoke", help="revoke a key by prefix, id or name")
    revoke.add_argument("key", metavar="PREFIX|ID|NAME")
    revoke.set_defaults(func=run_revoke)


def run_create(args: argparse.Namespace) -> int:
    db = database_or_exit(settings_or_exit())
    try:
        with db.transaction() as session:
            row, key = apikeys.create_key(session, args.name, args.scope, account=args.account)
            prefix, scope, name = row.prefix, row.scope, row.name
    except (InvalidAccountId, UnknownAccount) as exc:
        fail(str(exc), code=1)
    except ValueError as exc:
        fail(str(exc))
    except DatabaseUnavailable as exc:
        fail(str(exc))
    bound = f", account {args.account}" if args.account else ""
    print(
        f"created key {prefix} ({name}, scope {scope}{bound}); it is shown once, store it now:",
        file=sys.stderr,
    )
    print(key)
    return 0


def run_list(args: argparse.Namespace) -> int:
    db = database_or_exit(settings_or_exit())
    with db.session() as session:
        rows = apikeys.list_keys(session)
    for row in rows:
        item = {
            "id": row.id,
            "prefix": row.prefix,
            "name": row.name,
            "scope": row.scope,
            "account": row.account_id,
            "created_at": iso_z(row.created_at),
            "revoked_at": iso_z_or_none(row.revoked_at),
        }
        if args.json:
            print(json.dumps(item))
        else:
            state = f"revoked {item['revoked_at']}" if row.revoked_at else "active"
            print(f"{row.id}\t{row.prefix}\t{row.scope}\t{row.account_id or '(global)'}\t{state}\t{row.name}")
    return 0


def run_revoke(args: argparse.Namespace) -> int:
    db = database_or_exit(settings_or_exit())
    with db.transaction() as session:
        count = apikeys.revoke_key(session, args.key)
    if count == 0:
        fail(f"no active key matches {args.key!r}", code=1)
    print(f"revoked {count} key(s); running servers stop accepting them within seconds")
    return 0
