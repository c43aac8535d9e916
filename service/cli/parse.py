"""`bounceback parse`: run the parser over files, maildirs and mbox files; no database."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from parsers import parse
from service.sources import iter_messages


def register(sub: Any) -> None:
    p = sub.add_parser("parse", help="parse messages and print what they say (no database)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="message file, maildir, folder or mbox")
    p.add_argument("--json", action="store_true", help="JSON Lines output (one object per message)")
    p.add_argument("--mbox", action="store_true", help="read every file as an mbox")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    out = sys.stdout
    failures = 0
    for item in iter_messages(args.paths, mbox=args.mbox):
        if item.raw is None:
            failures += 1
            print(f"bounceback: {item.error}", file=sys.stderr)
            if args.json:
                out.write(json.dumps({"source": item.source, "error": item.error, "events": []}) + "\n")
            continue
        result = parse(item.raw)
        if args.json:
            obj = {"source": item.source, **result.to_dict()}
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        else:
            out.write(f"{item.source}: {result.message_type}\n")
            for e in result.events:
                out.write(
                    f"  {e.recipient} {e.type} {e.classification} {e.reason} {e.status or '-'}"
                    f" {(e.diagnostic or '')[:100]}\n"
                )
    return 1 if failures else 0
