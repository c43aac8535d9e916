"""Command-line options: errors in one line (exit 2), values checked as the settings check theirs.

Imports nothing heavy: `bounceback parse` loads only this and the parser.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn


class CommandParser(argparse.ArgumentParser):
    """argparse whose errors are one line and exit 2, as a bad setting is (sub-commands inherit it)."""

    def error(self, message: str) -> NoReturn:
        if message.startswith("argument "):
            message = "invalid option " + message.removeprefix("argument ")
        self.exit(2, f"{self.prog}: {message} (see `{self.prog} --help`)\n")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("bounceback")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


class VersionAction(argparse.Action):
    """`--version`, whose text is looked up only when asked for: importlib.metadata costs 30 ms,
    a fifth of the start-up of every other call (a shell loop of `bounceback parse`)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        sys.stdout.write(f"{parser.prog} {_version()}\n")
        parser.exit()


def setting_option(name: str) -> Callable[[str], Any]:
    """An argparse `type` that checks a value exactly as the setting `name` checks its variable."""

    def convert(text: str) -> Any:
        from pydantic import ValidationError

        from service.config import Settings

        values = Settings.model_construct()  # no environment read: only this field is checked
        try:
            Settings.__pydantic_validator__.validate_assignment(values, name, text)
        except ValidationError as exc:
            raise argparse.ArgumentTypeError(f"{exc.errors()[0]['msg']}: {text!r}") from None
        return getattr(values, name)

    convert.__name__ = name
    return convert


def int_option(low: int, high: int) -> Callable[[str], int]:
    """An argparse `type` for a whole number in [low, high]."""

    def convert(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be between {low} and {high}: {text!r}")
        return value

    return convert


def checked_option(check: Callable[[str], str]) -> Callable[[str], str]:
    """An argparse `type` from a domain check that raises ValueError with the reason."""

    def convert(text: str) -> str:
        try:
            return check(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return convert
