"""`bounceback suppressions check|add|remove|list|import|export`: manage the list from a shell.

`--account ID` acts for one account as an API key bound to it would: `check` answers for its mail
(its entries and the global ones), `add`/`remove` change its entries, `list`/`export`/`import`
cover the global entries and its own. Without it: `check`, `add` and `remove` are about global
entries, `list` and `export` show every entry with its scope, `import` follows each row's
`account` column.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from sqlalchemy.exc import SQLAlchemyError

from service.app import domains, lookups, suppression_csv, suppressions
from service.cli.common import account_or_exit, database_or_exit, fail, settings_or_exit
from service.cli.ingest import describe_database_error
from service.cli.options import checked_option
from service.domain.addresses import InvalidAddress
from service.domain.scope import EVERY_ACCOUNT, Reason, View
from service.domain.text import storable
from service.store.db import Database

IMPORT_BATCH = 1000
# Every reason an entry can have (`domain_invalid`: a `*@domain` entry the domain rule made).
LISTED_REASONS = tuple(reason.value for reason in Reason)


def _note(text: str) -> str:
    if len(text) > suppressions.MAX_NOTE_LENGTH:
        raise ValueError(f"a note has at most {suppressions.MAX_NOTE_LENGTH} characters")
    return storable(text)


NOTE = checked_option(_note)


def register(sub: Any) -> None:
    p = sub.add_parser("suppressions", help="check and manage the suppression list")
    s = p.add_subparsers(dest="suppressions_command", metavar="COMMAND")
    s.required = True

    c = s.add_parser("check", help="is each address suppressed? (one line per address)")
    c.add_argument("addresses", nargs="+", metavar="ADDRESS")
    c.add_argument(
        "--json",
        action="store_true",
        help='JSON Lines: {"address", "suppressed", "reason", "scope", "account"}',
    )
    c.add_argument(
        "--exit-code",
        action="store_true",
        help="exit 1 when any address is suppressed, 0 when none is (2: an entry is not an address)",
    )
    _account_option(c, "answer for this account's mail (default: global entries only)")
    c.set_defaults(func=check)

    a = s.add_parser(
        "add", help="suppress addresses (or every address at a domain: '*@DOMAIN') by hand (reason manual)"
    )
    a.add_argument("addresses", nargs="+", metavar="ADDRESS")
    a.add_argument("--note", type=NOTE, help="why (kept in the audit trail)")
    _account_option(a, "for this account's mail only (default: for everyone)")
    a.set_defaults(func=add)

    r = s.add_parser("remove", help="take addresses off the list (reactivate); audited")
    r.add_argument("addresses", nargs="+", metavar="ADDRESS")
    r.add_argument("--note", type=NOTE, help="why (kept in the audit trail)")
    r.add_argument(
        "--yes",
        action="store_true",
        help="remove a *@domain entry with many addresses at the domain without asking",
    )
    _account_option(r, "remove this account's entries (default: the global ones)")
    r.set_defaults(func=remove)

    ls = s.add_parser("list", help="print the suppression entries")
    ls.add_argument("--reason", choices=LISTED_REASONS)
    ls.add_argument("--json", action="store_true", help="JSON Lines, one entry per line")
    _account_option(ls, "the global entries and this account's (default: every entry)")
    ls.set_defaults(func=list_)

    imp = s.add_parser(
        "import", help="suppress the addresses of a CSV file (columns: address[,reason,since,note,account])"
    )
    imp.add_argument("file", metavar="FILE", help="CSV file with a header row; - for standard input")
    _account_option(imp, "scope every row to this account (default: each row's account column)")
    imp.set_defaults(func=import_)

    exp = s.add_parser("export", help="write the list as CSV (address,reason,since,note,account)")
    exp.add_argument(
        "file", nargs="?", default="-", metavar="FILE", help="output file; - (default) for standard output"
    )
    exp.add_argument("--reason", choices=LISTED_REASONS)
    _account_option(exp, "the global entries and this account's (default: every entry)")
    exp.set_defaults(func=export)


def _account_option(parser: Any, help: str) -> None:
    parser.add_argument("--account", metavar="ID", help=help)


def _view(db: Database, args: argparse.Namespace) -> View:
    """The view `--account` asks for (exit 1 for an account that is malformed or unknown)."""
    return View(account_or_exit(db, args.account)) if args.account is not None else EVERY_ACCOUNT


@contextmanager
def database() -> Iterator[Database]:
    """The database of the settings, disposed of at the end; a database error is one line, exit 2."""
    db = database_or_exit(settings_or_exit())
    try:
        yield db
    except SQLAlchemyError as exc:
        fail(f"database error: {describe_database_error(exc)}")
    finally:
        db.dispose()


def _valid(addresses: list[str], *, keys: bool = False) -> tuple[list[str], int]:
    """The addresses (normalised) that are addresses (`keys`: or `*@domain`); each one that is not
    is reported on stderr."""
    valid: list[str] = []
    invalid = 0
    for value in addresses:
        try:
            valid.append(lookups.normalise(value, keys=keys))
        except InvalidAddress as exc:
            invalid += 1
            print(f"bounceback: {exc}", file=sys.stderr)
    return valid, invalid


def check(args: argparse.Namespace) -> int:
    valid, invalid = _valid(args.addresses)
    with database() as db:
        account = _view(db, args).lookup_account
        with db.session() as session:
            results = lookups.check(session, valid, account)
    for r in results:  # only addresses reach the check: invalid entries were reported above
        if args.json:
            fields = ("address", "suppressed", "reason", "scope", "account")
            print(json.dumps({k: r[k] for k in fields}, ensure_ascii=False))
        elif r["suppressed"]:
            scope = f", account {r['account']}" if r["account"] else ""
            print(f"{r['address']}\tsuppressed ({r['reason']}{scope})")
        else:
            print(f"{r['address']}\tnot suppressed")
    if args.exit_code:
        # For scripts (`if bounceback suppressions check --exit-code "$RCPT"; then send; fi`): input
        # that is not an address is an error, not an answer.
        return 2 if invalid else int(any(r["suppressed"] for r in results))
    return 1 if invalid else 0


def add(args: argparse.Namespace) -> int:
    valid, invalid = _valid(args.addresses, keys=True)
    with database() as db:
        account = _view(db, args).account
        with db.transaction() as session:
            for address in valid:
                row, created = suppressions.add_manual(
                    session, address, note=args.note, actor="cli", account=account
                )
                print(
                    f"{row.address}\t{'added' if created else 'already suppressed (' + str(row.reason) + ')'}"
                )
    return 1 if invalid else 0


def remove(args: argparse.Namespace) -> int:
    valid, invalid = _valid(args.addresses, keys=True)
    with database() as db:
        account = _view(db, args).account
        if not args.yes:
            _confirm_domain_removals(db, valid)
        with db.transaction() as session:
            for address in valid:
                removed = suppressions.remove(session, address, note=args.note, actor="cli", account=account)
                print(f"{address}\t{'removed' if removed else 'not suppressed'}")
    return 1 if invalid else 0


def _confirm_domain_removals(db: Database, keys: list[str]) -> None:
    """Ask before a `*@domain` entry with many addresses at the domain goes (exit 1 when nobody
    can be asked, or the answer is not yes)."""
    for key in keys:
        try:
            with db.session() as session:
                domains.check_removal(session, key)
        except domains.ConfirmationNeeded as exc:
            if not sys.stdin.isatty():
                fail(f"{exc}; pass --yes to remove it", code=1)
            answer = input(f"{exc}. Remove {key}? [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                fail(f"{key} kept", code=1)


def list_(args: argparse.Namespace) -> int:
    with database() as db:
        for page in lookups.pages(db.session, _view(db, args), reason=args.reason):
            for item in page:
                entry = lookups.to_dict(item)
                if args.json:
                    print(json.dumps(entry, ensure_ascii=False))
                else:
                    fields = (entry["address"], entry["reason"], entry["since"], entry["note"] or "")
                    print("\t".join((*fields, entry["account"] or "(global)")))
    return 0


def export(args: argparse.Namespace) -> int:
    with database() as db:
        view = _view(db, args)
        with _open_out(args.file) as out:
            for chunk in suppression_csv.export_lines(lookups.pages(db.session, view, reason=args.reason)):
                out.write(chunk)
    return 0


def import_(args: argparse.Namespace) -> int:
    with _open_in(args.file) as fh:
        rows = suppression_csv.read_rows(fh)
        try:
            first = next(rows, None)  # the header is checked before the database is opened
        except suppression_csv.NotSuppressionCsv as exc:
            fail(f"{args.file}: {exc}")
        added = present = bad = 0
        with database() as db:
            view = _view(db, args)
            batch = [] if first is None else [first]
            for row in rows:
                batch.append(row)
                if len(batch) >= IMPORT_BATCH:
                    a, p, b = _import_batch(db, args.file, batch, view)
                    added, present, bad = added + a, present + p, bad + b
                    batch = []
            a, p, b = _import_batch(db, args.file, batch, view)
            added, present, bad = added + a, present + p, bad + b
    print(f"imported: {added} added, {present} already suppressed, {bad} rejected")
    return 1 if bad else 0


def _import_batch(
    db: Database, name: str, batch: list[suppression_csv.Row], view: View
) -> tuple[int, int, int]:
    with db.transaction() as session:
        summary = suppressions.import_rows(
            session, batch, actor="import", account=view.account, every_account=view.every_account
        )
    for line, _, why in summary.rejected:
        print(f"bounceback: {name}:{line}: {why}", file=sys.stderr)
    return summary.added, summary.already_suppressed, len(summary.rejected)


@contextmanager
def _open_in(path: str) -> Iterator[TextIO]:
    if path == "-":
        yield sys.stdin
        return
    try:
        fh = open(path, newline="", encoding="utf-8-sig")  # noqa: SIM115 - closed below; errors reported first
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror or exc}")
    with fh:
        yield fh


@contextmanager
def _open_out(path: str) -> Iterator[TextIO]:
    if path == "-":
        yield sys.stdout
        return
    try:
        fh = open(path, "w", newline="", encoding="utf-8")  # noqa: SIM115 - closed below; errors reported first
    except OSError as exc:
        fail(f"cannot write {path}: {exc.strerror or exc}")
    with fh:
        yield fh
