"""Helpers shared by the sub-commands: settings, database and account checks with one-line errors."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import NoReturn

from service.app import accounts, reputation
from service.app.attribution import return_address
from service.app.unsubscribe import link_settings_problem
from service.config import Settings, SettingsError, load_settings, secret_key
from service.domain.scope import InvalidExpirySetting, parse_expiry_days
from service.domain.tokens import InvalidReturnAddress
from service.store.db import Database, DatabaseUnavailable, database_timeouts, open_database


def fail(message: str, code: int = 2) -> NoReturn:
    print(f"bounceback: {message}", file=sys.stderr)
    raise SystemExit(code)


def settings_or_exit() -> Settings:
    try:
        settings = load_settings()
    except SettingsError as exc:
        fail(str(exc))
    try:
        return_address(settings)  # (a rule of the tokens, so checked here rather than in config)
    except InvalidReturnAddress as exc:
        fail(f"invalid setting BOUNCEBACK_VERP_ADDRESS: {exc}")
    problem = link_settings_problem(settings)
    if problem is not None:
        fail(problem)
    try:
        parse_expiry_days(settings.expiry_days)  # (a rule of the domain, as the VERP address)
    except InvalidExpirySetting as exc:
        fail(f"invalid setting BOUNCEBACK_EXPIRY_DAYS: {exc}")
    try:
        reputation.thresholds(settings)  # (the ladder's rules are the domain's, so checked here too)
    except reputation.InvalidThresholds as exc:
        fail(f"invalid setting {reputation.setting_name(exc.setting)}: {exc}")
    return settings


def secret_key_or_exit(settings: Settings) -> None:
    """Make sure the secret key can be had (for the embedded SQLite: made now, beside its file), so
    a process that signs or verifies tokens stops at start-up, with one line, when it cannot."""
    try:
        secret_key(settings)
    except SettingsError as exc:
        fail(str(exc))


def account_or_exit(db: Database, account: str) -> str:
    """`account` when it names an account; one line and exit 1 otherwise (malformed or unknown)."""
    try:
        with db.session() as session:
            return accounts.require(session, account)
    except (accounts.InvalidAccountId, accounts.UnknownAccount) as exc:
        fail(str(exc), code=1)


def existing_account_or_exit(settings: Settings, account: str) -> str:
    """`account_or_exit` on a database opened (and closed) for the one question."""
    db = database_or_exit(settings)
    try:
        return account_or_exit(db, account)
    finally:
        db.dispose()


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
