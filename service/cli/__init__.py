"""The command-line face: one sub-command module per job, each calling the use cases in service/app.

The `bounceback` command itself is `service.wiring.main`: these commands plus the long-running
processes (`serve`, `worker`), which only the wiring may assemble.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import Any

from service.cli.options import CommandParser

# Each module exposes `register(subparsers)`, which adds its commands with `func` set as default.
COMMAND_MODULES = (
    "service.cli.parse",
    "service.cli.relay",
    "service.cli.ingest",
    "service.cli.suppressions",
    "service.cli.db",
    "service.cli.apikey",
    "service.cli.accounts",
    "service.cli.verp",
    "service.cli.unsubscribe_link",
    "service.cli.publish_inbound",
    "service.cli.messages",
    "service.cli.replay",
    "service.cli.sends",
)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("bounceback")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


class _VersionAction(argparse.Action):
    """`--version`, whose text is looked up only when asked for: importlib.metadata costs 30 ms,
    a fifth of the start-up of every other call (a shell loop of `bounceback parse`)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        sys.stdout.write(f"{parser.prog} {_version()}\n")
        parser.exit()


def build_parser(modules: Sequence[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
    parser = CommandParser(
        prog="bounceback",
        description="Bounce and feedback-loop processing: suppression list, REST API and event stream.",
    )
    parser.add_argument("--version", action=_VersionAction, help="show the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in modules:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None, *, modules: Sequence[str] = COMMAND_MODULES) -> int:
    """Run one command of `modules` (default: this face's commands) and return its exit code."""
    words = list(sys.argv[1:] if argv is None else argv)
    # `parse` needs neither the database nor the web stack: registering only it keeps a call
    # (and a shell loop of many calls) from importing them.
    parser = build_parser(("service.cli.parse",) if words[:1] == ["parse"] else modules)
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
