"""`bounceback verp ACCOUNT RECIPIENT...`: the signed VERP return path for each recipient of an account's mail."""

from __future__ import annotations

import argparse
from typing import Any

from service.app import verp
from service.cli.common import existing_account_or_exit, fail, settings_or_exit


def register(sub: Any) -> None:
    p = sub.add_parser(
        "verp",
        help="print the VERP return path (MAIL FROM) for an account's mail to each recipient",
        description="One line per recipient: the address built from BOUNCEBACK_VERP_ADDRESS whose "
        "signed token names the account and the recipient. A bounce returned to it is attributed "
        "to the account, even when the report hides the recipient.",
    )
    p.add_argument("account", metavar="ACCOUNT")
    p.add_argument("recipients", nargs="+", metavar="RECIPIENT")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_or_exit()
    if not settings.verp_address:
        fail("BOUNCEBACK_VERP_ADDRESS is not set: no VERP return path can be made")
    account = existing_account_or_exit(settings, args.account)
    try:
        made = verp.return_paths(settings, account, args.recipients)
    except (verp.InvalidAddress, verp.TokenTooLong, verp.VerpNotConfigured) as exc:
        fail(str(exc), code=1)
    for one in made:
        print(one.return_path)
    return 0
