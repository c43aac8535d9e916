"""`bounceback db upgrade`: migrate the configured database to the newest schema (Alembic head)."""

from __future__ import annotations

import argparse
from typing import Any

from service.cli.common import fail, settings_or_exit
from service.store.db import Database, DatabaseUnavailable, database_timeouts


def register(sub: Any) -> None:
    p = sub.add_parser("db", help="database maintenance")
    db_sub = p.add_subparsers(dest="db_command", metavar="COMMAND")
    db_sub.required = True
    up = db_sub.add_parser("upgrade", help="apply every pending migration (Alembic upgrade to head)")
    up.set_defaults(func=upgrade)


def upgrade(args: argparse.Namespace) -> int:
    del args
    settings = settings_or_exit()
    db = Database(settings.database_url, database_timeouts(settings))
    try:
        db.upgrade()
    except DatabaseUnavailable as exc:
        fail(str(exc))
    finally:
        db.dispose()
    print("database is at the newest schema")
    return 0
