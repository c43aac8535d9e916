"""The command-line face: one sub-command module per job, each calling the use cases in service/app.

The `bounceback` command itself is `service.wiring.main`: these commands plus the long-running
processes (`serve`, `worker`), which only the wiring may assemble.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import sys
from collections.abc import Iterator, Sequence

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from types import SimpleNamespace
    from typing import NoReturn

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


def build_parser(modules: Sequence[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
    # (imported here: argparse is 7 M instructions that `bounceback parse` with a usual command
    # line, read by service.cli.parse.quick_args, does without)
    from service.cli.options import CommandParser, VersionAction

    parser = CommandParser(
        prog="bounceback",
        description="Bounce and feedback-loop processing: suppression list, REST API and event stream.",
    )
    parser.add_argument("--version", action=VersionAction, help="show the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in modules:
        importlib.import_module(name).register(sub)
    return parser


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The garbage collector off for the block (as it was before, after it)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def main(argv: Sequence[str] | None = None, *, modules: Sequence[str] = COMMAND_MODULES) -> int:
    """Run one command of `modules` (default: this face's commands) and return its exit code."""
    words = list(sys.argv[1:] if argv is None else argv)
    # `parse` needs neither the database nor the web stack: registering only it keeps a call
    # (and a shell loop of many calls) from importing them.
    args: argparse.Namespace | SimpleNamespace | None
    if words[:1] == ["parse"] and "service.cli.parse" in modules:
        # (the parser's import makes objects that live as long as the process, in which the
        # collector's passes find nothing to free: a tenth of the start-up's instructions)
        with collector_paused():
            # (the parser before the command's module: its import primes re's cache with the
            # standard library's patterns, json's among them, before json is imported)
            import parsers  # noqa: F401
            from service.cli import parse

            args = parse.quick_args(words[1:])
            if args is None:
                args = build_parser(("service.cli.parse",)).parse_args(words)
    else:
        args = build_parser(modules).parse_args(words)
    try:
        code: int = args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `bounceback parse ... | head`: the reader went away; that is not an error of ours.
        sys.stderr.close()
        return 0
    if argv is None and words[:1] == ["parse"]:
        end_process(code)
    return code


def end_process(code: int) -> NoReturn:
    """End the process (the command line's own: never a caller's) with `code` once its output is
    written, without the interpreter's shutdown: tearing down every module and a last pass of the
    collector over all the objects start-up made took a tenth of a `bounceback parse` of one message,
    and a parse leaves nothing that needs it (no files, connections or threads open)."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        code = 0  # (as above: the reader went away)
    try:
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):  # (closed)
        pass
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main())
