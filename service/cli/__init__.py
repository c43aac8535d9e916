"""The `bounceback` command line: one sub-command module per job, registered here."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# Each module exposes `register(subparsers)`, which adds its commands with `func` set as default.
COMMAND_MODULES = (
    "service.cli.parse",
    "service.cli.relay",
    "service.cli.ingest",
    "service.cli.suppressions",
    "service.cli.db",
    "service.cli.worker",
    "service.cli.apikey",
    "service.cli.serve",
    "service.cli.publish_inbound",
)


def build_parser(modules: Sequence[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bounceback",
        description="Bounce and feedback-loop processing: suppression list, REST API and event stream.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in modules:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    # `parse` needs neither the database nor the web stack: registering only it keeps a call
    # (and a shell loop of many calls) from importing them.
    parser = build_parser(("service.cli.parse",) if words[:1] == ["parse"] else COMMAND_MODULES)
    args = parser.parse_args(words)
    try:
        code: int = args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `bounceback parse ... | head`: the reader went away; that is not an error of ours.
        sys.stderr.close()
        return 0
    return code


if __name__ == "__main__":
    sys.exit(main())
