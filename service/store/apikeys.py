"""The API keys table's SQL: add, list, revoke, and find a key by its prefix."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.store.models import ApiKey


def add(
    session: Session,
    *,
    name: str,
    prefix: str,
    key_hash: str,
    scope: str,
    account: str | None,
    now: datetime,
) -> ApiKey:
    """A new key row (flushed, so it has its id); `account`: the account it is bound to."""
    row = ApiKey(name=name, prefix=prefix, key_hash=key_hash, scope=scope, created_at=now, account_id=account)
    session.add(row)
    session.flush()
    return row


def all_keys(session: Session) -> list[ApiKey]:
    return list(session.scalars(select(ApiKey).order_by(ApiKey.id)))


def revoke_active(session: Session, ident: str, *, now: datetime) -> int:
    """Revoke the keys not revoked yet whose id (all digits), prefix or name is `ident`; how many."""
    query = select(ApiKey).where(ApiKey.revoked_at.is_(None))
    if ident.isdigit():
        # An id, or a prefix that happens to be all digits (12 hex characters are, once in ~280
        # keys): the two cannot be confused, no table reaches ids of 12 digits.
        query = query.where((ApiKey.id == int(ident)) | (ApiKey.prefix == ident))
    else:
        query = query.where((ApiKey.prefix == ident) | (ApiKey.name == ident))
    rows = list(session.scalars(query))
    for row in rows:
        row.revoked_at = now
    return len(rows)


def by_prefix(session: Session, prefix: str) -> ApiKey | None:
    return session.scalars(select(ApiKey).where(ApiKey.prefix == prefix)).one_or_none()
