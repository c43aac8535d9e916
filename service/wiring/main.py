"""The `bounceback` command: the CLI face's commands plus the processes only the wiring assembles."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from service import cli

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

# `serve` and `worker` run the pollers and the relay (BackgroundWork), so they live here.
COMMAND_MODULES = (*cli.COMMAND_MODULES, "service.wiring.serve", "service.wiring.worker")


def build_parser() -> argparse.ArgumentParser:
    return cli.build_parser(COMMAND_MODULES)


def main(argv: Sequence[str] | None = None) -> int:
    return cli.main(argv, modules=COMMAND_MODULES)


if __name__ == "__main__":
    sys.exit(main())
