"""Shared set-up for the sending-account tests: settings with VERP, accounts, and scoped lookups."""

from __future__ import annotations

from typing import Any

from service.app import accounts, lookups
from service.config import Settings
from service.store.db import Database

SECRET = "accounts-test-secret-0123456789abcdef"
VERP_ADDRESS = "bounces@bounce.example"


def verp_settings(database_url: str, **overrides: Any) -> Settings:
    """Settings with a secret key and a VERP return address."""
    values: dict[str, Any] = {"secret_key": SECRET, "verp_address": VERP_ADDRESS, **overrides}
    return Settings(database_url=database_url, **values)


def create_accounts(db: Database, *ids: str, domains: dict[str, list[str]] | None = None) -> None:
    with db.transaction() as session:
        for account in ids:
            accounts.create(session, account, domains=(domains or {}).get(account, []))


def suppressed_for(db: Database, address: str, account: str | None) -> tuple[str | None, str | None]:
    """(reason, entry's account) of the entry that stops `account`'s mail to `address`, or (None, None)."""
    with db.session() as session:
        entry = lookups.find(session, address, account)
    return (None, None) if entry is None else (entry["reason"], entry["account"])
