"""Sending accounts: create, list and show them, and check that an id names one (DESIGN.md, "Sending accounts").

Both faces use these with the same checks: a malformed id raises InvalidAccountId (naming the
rule), an id that names no account raises UnknownAccount. Creating is idempotent: the same id with
the same name and domains again changes nothing (a retried request or script is harmless); the
same id with anything else is an AccountConflict, and so is a domain that belongs to another
account (a domain names one sender, or attribution by domain could not tell them apart).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from service.domain.accounts import InvalidAccountId, InvalidDomain, normalize_domain, validate_account_id
from service.domain.text import unstorable
from service.domain.times import iso_z
from service.store import accounts as stored

__all__ = [
    "AccountConflict",
    "AccountInfo",
    "InvalidAccountId",
    "InvalidDomain",
    "KnownAccounts",
    "UnknownAccount",
    "create",
    "get",
    "list_accounts",
    "require",
]

NAME_MAX_LENGTH = 200
MAX_DOMAINS = 100


class UnknownAccount(LookupError):
    """No account has this id."""

    def __init__(self, account_id: str) -> None:
        super().__init__(f"no account {account_id!r}")
        self.account_id = account_id


class AccountConflict(ValueError):
    """The account exists with other values, or a domain belongs to another account."""


@dataclass(frozen=True, slots=True)
class AccountInfo:
    """An account as the faces show it."""

    id: str
    name: str | None
    domains: tuple[str, ...]
    created_at: datetime

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "domains": list(self.domains),
            "created_at": iso_z(self.created_at),
        }


def _domains(values: Iterable[str]) -> tuple[str, ...]:
    """Normalised, without repeats, sorted; InvalidDomain names the first bad one."""
    found = sorted({normalize_domain(v) for v in values})
    if len(found) > MAX_DOMAINS:
        raise InvalidDomain(f"at most {MAX_DOMAINS} domains per account")
    return tuple(found)


def create(
    session: Session,
    account_id: str,
    *,
    name: str | None = None,
    domains: Sequence[str] = (),
    now: datetime | None = None,
) -> tuple[AccountInfo, bool]:
    """Add an account in the caller's transaction; (the account, whether it is new).

    Raises InvalidAccountId, InvalidDomain, ValueError (a name too long) or AccountConflict.
    """
    validate_account_id(account_id)
    name = (name.strip() or None) if name is not None else None
    if name is not None:
        if len(name) > NAME_MAX_LENGTH:
            raise ValueError(f"an account name has at most {NAME_MAX_LENGTH} characters")
        why = unstorable(name)
        if why is not None:
            raise ValueError(f"the account name {why}")
    wanted = _domains(domains)
    existing = get(session, account_id)
    if existing is not None:
        if (existing.name, existing.domains) != (name, wanted):
            raise AccountConflict(
                f"account {account_id!r} exists with other values (name {existing.name!r}, "
                f"domains {', '.join(existing.domains) or 'none'})"
            )
        return existing, False
    owners = stored.domain_owners(session, wanted)
    if owners:
        domain, owner = sorted(owners.items())[0]
        raise AccountConflict(f"domain {domain} belongs to account {owner!r}")
    row = stored.add(session, account_id=account_id, name=name, domains=wanted, now=now or datetime.now(UTC))
    return AccountInfo(row.id, row.name, wanted, row.created_at), True


def get(session: Session, account_id: str) -> AccountInfo | None:
    """The account with this id (checked against the id rule first), or None."""
    validate_account_id(account_id)
    row = stored.get(session, account_id)
    if row is None:
        return None
    domains = stored.domains_of(session, [account_id]).get(account_id, [])
    return AccountInfo(row.id, row.name, tuple(domains), row.created_at)


def list_accounts(session: Session) -> list[AccountInfo]:
    rows = stored.all_accounts(session)
    domains = stored.domains_of(session, [row.id for row in rows])
    return [AccountInfo(r.id, r.name, tuple(domains.get(r.id, [])), r.created_at) for r in rows]


def require(session: Session, account_id: str) -> str:
    """`account_id` when it names an account; InvalidAccountId or UnknownAccount otherwise."""
    validate_account_id(account_id)
    if not stored.existing(session, [account_id]):
        raise UnknownAccount(account_id)
    return account_id


class KnownAccounts:
    """Account ids known to exist, remembered for good (accounts are never deleted), so that a
    lookup naming an account (`account=`) costs no query after the first. Ids not found are not
    remembered: an account created meanwhile (by another process) is found at the next call."""

    def __init__(self, max_entries: int = 100_000) -> None:
        self.max_entries = max_entries
        self._known: set[str] = set()
        self._lock = threading.Lock()

    def remembered(self, account_id: str) -> bool:
        """Whether `account_id` is already known to exist (no query)."""
        return account_id in self._known

    def exists(self, db: Connection | Session, account_id: str) -> bool:
        """Whether `account_id` (a valid id) names an account; never raises for a missing one."""
        if account_id in self._known:
            return True
        session = db if isinstance(db, Session) else Session(bind=db)
        try:
            found = bool(stored.existing(session, [account_id]))
        finally:
            if session is not db:
                session.close()
        if found:
            with self._lock:
                if len(self._known) >= self.max_entries:
                    self._known.clear()
                self._known.add(account_id)
        return found

    def require(self, db: Connection | Session, account_id: str) -> str:
        """`account_id` when it names an account; InvalidAccountId or UnknownAccount otherwise."""
        validate_account_id(account_id)
        if not self.exists(db, account_id):
            raise UnknownAccount(account_id)
        return account_id
