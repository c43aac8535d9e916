"""`bounceback unsubscribe-link ACCOUNT RECIPIENT...`: the unsubscribe and report-spam links of an
account's mail to each recipient, with the two header lines the message carries."""

from __future__ import annotations

import argparse
import json
from typing import Any

from service.app import unsubscribe
from service.cli.common import existing_account_or_exit, fail, settings_or_exit


def register(sub: Any) -> None:
    p = sub.add_parser(
        "unsubscribe-link",
        help="print the unsubscribe and report-spam links (and the List-Unsubscribe header lines) "
        "for an account's mail to each recipient",
        description="For each recipient: the RFC 8058 one-click URL, the report-spam URL and the "
        "mailto address, whose signed token names the account and the recipient, and the "
        "List-Unsubscribe / List-Unsubscribe-Post lines to add to every message. URLs start with "
        "BOUNCEBACK_PUBLIC_URL; the mailto needs BOUNCEBACK_UNSUBSCRIBE_ADDRESS. Links never expire.",
    )
    p.add_argument("account", metavar="ACCOUNT")
    p.add_argument("recipients", nargs="+", metavar="RECIPIENT")
    p.add_argument("--json", action="store_true", help="one JSON object per recipient and line")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_or_exit()
    if not settings.public_url:
        fail("BOUNCEBACK_PUBLIC_URL is not set: no unsubscribe link can be made")
    account = existing_account_or_exit(settings, args.account)
    try:
        made = unsubscribe.links_for(settings, account, args.recipients)
    except (unsubscribe.InvalidAddress, unsubscribe.TokenTooLong, unsubscribe.LinksNotConfigured) as exc:
        fail(str(exc), code=1)
    for i, links in enumerate(made):
        if args.json:
            print(json.dumps({"account": account, **unsubscribe.to_dict(links)}))
            continue
        if i:
            print()
        print(f"recipient: {links.recipient}")
        print(f"unsubscribe URL: {links.unsubscribe_url}")
        print(f"report-spam URL: {links.report_spam_url}")
        print(f"mailto: {links.mailto or '(none: BOUNCEBACK_UNSUBSCRIBE_ADDRESS is not set)'}")
        for line in links.header_lines:
            print(line)
    return 0
