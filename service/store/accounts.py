"""The accounts tables' SQL: add an account and its domains, read them, and the lookups attribution needs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from service.store.models import Account, AccountDomain


def add(
    session: Session, *, account_id: str, name: str | None, domains: Sequence[str], now: datetime
) -> Account:
    """A new account with its (normalised, unowned) domains, flushed."""
    row = Account(id=account_id, name=name, created_at=now)
    session.add(row)
    session.flush()
    session.add_all(AccountDomain(domain=d, account_id=account_id, created_at=now) for d in domains)
    session.flush()
    return row


def get(session: Session, account_id: str) -> Account | None:
    return session.get(Account, account_id)


def all_accounts(session: Session) -> list[Account]:
    return list(session.scalars(select(Account).order_by(Account.id)))


def domains_of(session: Session, account_ids: Iterable[str]) -> dict[str, list[str]]:
    """{account id: its domains, sorted} for `account_ids` (an account without domains is absent)."""
    ids = list(account_ids)
    found: dict[str, list[str]] = {}
    if not ids:
        return found
    rows = session.execute(
        select(AccountDomain.account_id, AccountDomain.domain)
        .where(AccountDomain.account_id.in_(ids))
        .order_by(AccountDomain.domain)
    )
    for account_id, domain in rows:
        found.setdefault(account_id, []).append(domain)
    return found


def existing(session: Session, account_ids: Iterable[str]) -> set[str]:
    """The ids among `account_ids` that are accounts."""
    ids = list(set(account_ids))
    if not ids:
        return set()
    # Core on the session's connection: attribution asks this for every message it ingests.
    return set(session.connection().execute(_EXISTING, {"ids": ids}).scalars())


_ACCOUNTS = Account.__table__
_DOMAINS = AccountDomain.__table__
_EXISTING = select(_ACCOUNTS.c.id).where(_ACCOUNTS.c.id.in_(bindparam("ids", expanding=True)))
_OWNERS = select(_DOMAINS.c.domain, _DOMAINS.c.account_id).where(
    _DOMAINS.c.domain.in_(bindparam("domains", expanding=True))
)


def domain_owners(session: Session, domains: Sequence[str]) -> dict[str, str]:
    """{domain: account id} for the registered domains among `domains`."""
    if not domains:
        return {}
    rows = session.connection().execute(_OWNERS, {"domains": list(domains)})
    return {domain: account_id for domain, account_id in rows}
