"""Helpers shared by the sub-commands: settings and database opening with one-line errors."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import NoReturn

from service.config import Settings, SettingsError, load_settings
from service.store.db import Database, DatabaseUnavailable, database_timeouts, open_database


def fail(message: str, code: int = 2) -> NoReturn:
    print(f"bounceback: {message}", file=sys.stderr)
    raise SystemExit(code)


def settings_or_exit() -> Settings:
    try:
        return load_settings()
    except SettingsError as exc:
        fail(str(exc))


def database_or_exit(settings: Settings) -> Database:
    try:
        return open_database(settings.database_url, timeouts=database_timeouts(settings))
    except DatabaseUnavailable as exc:
        fail(str(exc))


def start_metrics(settings: Settings) -> Callable[[], None] | None:
    """Serve /metrics on BOUNCEBACK_METRICS_HOST/PORT when set; the stop function, or None."""
    from service.metrics import metrics_address, serve_metrics

    address = metrics_address(settings)
    if address is None:
        return None
    host, port = address
    try:
        return serve_metrics(host, port)
    except OSError as exc:
        fail(f"cannot serve metrics on {host}:{port}: {exc.strerror or exc}")
