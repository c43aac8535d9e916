"""API keys: create, list, revoke and verify; only the SHA-256 of a key is ever stored.

A key is global, or bound to one account: then it acts for that account only (its reads see
global entries and its account's, its writes are scoped to its account).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from service.app import accounts
from service.domain.text import storable
from service.store import apikeys as stored_keys
from service.store.models import ApiKey

# A scope allows everything the scopes before it allow: admin ⊃ ingest ⊃ read.
SCOPES = ("read", "ingest", "admin")
_RANK = {scope: rank for rank, scope in enumerate(SCOPES)}

KEY_MARK = "bb"
# A change made with a key is recorded with the actor `api:<name>` (the audit column holds 200).
ACTOR_PREFIX = "api:"
MAX_ACTOR_LENGTH = 200
MAX_NAME_LENGTH = MAX_ACTOR_LENGTH - len(ACTOR_PREFIX)


class UnknownScope(ValueError):
    """The scope is not one of read, ingest, admin."""


@dataclass(frozen=True)
class Caller:
    """Who a verified key belongs to: enough to authorise a call and name the actor."""

    key_id: int
    name: str
    scope: str
    account: str | None = None  # the account a bound key acts for; None: a global key

    def allows(self, required: str) -> bool:
        return scope_allows(self.scope, required)

    @property
    def actor(self) -> str:
        """Who made a change, for the audit trail (a key named before names were limited is cut)."""
        return f"{ACTOR_PREFIX}{self.name}"[:MAX_ACTOR_LENGTH]


def scope_allows(scope: str, required: str) -> bool:
    """True when a key of `scope` may make a call that needs `required`."""
    return _RANK.get(scope, -1) >= _RANK[required]


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def split_key(key: str) -> tuple[str, str] | None:
    """(prefix, secret) of a key shaped `bb_<prefix>_<secret>`, or None for anything else."""
    mark, sep, rest = key.partition("_")
    prefix, sep2, secret = rest.partition("_")
    if mark != KEY_MARK or not sep or not sep2 or not prefix or not secret:
        return None
    return prefix, secret


def create_key(
    session: Session, name: str, scope: str, *, account: str | None = None, now: datetime | None = None
) -> tuple[ApiKey, str]:
    """Add a key in the caller's transaction, global or bound to `account`; return the row and the
    key (shown once, never stored). Raises UnknownScope, ValueError (no name), and for `account`
    InvalidAccountId or UnknownAccount."""
    if scope not in _RANK:
        raise UnknownScope(f"unknown scope {scope!r} (read, ingest or admin)")
    name = key_name(name)
    if account is not None:
        accounts.require(session, account)
    prefix = secrets.token_hex(6)
    # The prefix is hex (no underscore) and split_key cuts at the first two underscores only, so
    # underscores in the URL-safe secret do no harm.
    key = f"{KEY_MARK}_{prefix}_{secrets.token_urlsafe(32)}"
    row = stored_keys.add(
        session,
        name=name,
        prefix=prefix,
        key_hash=hash_key(key),
        scope=scope,
        account=account,
        now=now or datetime.now(UTC),
    )
    return row, key


def key_name(name: str) -> str:
    """The name as stored (trimmed); ValueError when it is empty or too long."""
    name = name.strip()
    if not name:
        raise ValueError("a key needs a name")
    if len(name) > MAX_NAME_LENGTH:
        raise ValueError(f"a key name has at most {MAX_NAME_LENGTH} characters")
    return storable(name)


def list_keys(session: Session) -> list[ApiKey]:
    return stored_keys.all_keys(session)


def revoke_key(session: Session, ident: str, *, now: datetime | None = None) -> int:
    """Revoke the active keys whose prefix, id or name is `ident`; return how many were revoked."""
    return stored_keys.revoke_active(session, ident, now=now or datetime.now(UTC))


def verify_key(session: Session, key: str) -> Caller | None:
    """The caller for a presented key, or None when it is unknown, malformed or revoked."""
    parts = split_key(key)
    if parts is None:
        return None
    row = stored_keys.by_prefix(session, parts[0])
    if row is None or row.revoked_at is not None:
        return None
    # Constant-time comparison of the hashes: the time taken says nothing about how much matched.
    if not hmac.compare_digest(row.key_hash, hash_key(key)):
        return None
    return Caller(key_id=row.id, name=row.name, scope=row.scope, account=row.account_id)


class KeyCache:
    """Verified keys remembered for a few seconds, so a lookup costs no key query.

    Keyed by the key's SHA-256, never the key itself. A revocation takes effect within `ttl` seconds.
    Unknown keys are not remembered: each attempt goes to the database.
    """

    def __init__(self, ttl: float = 5.0, max_entries: int = 10_000) -> None:
        self.ttl = ttl
        self.max_entries = max_entries
        self._entries: dict[str, tuple[float, Caller]] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> Caller | None:
        digest = hash_key(key)
        entry = self._entries.get(digest)
        if entry is None:
            return None
        if entry[0] < time.monotonic():
            with self._lock:
                self._entries.pop(digest, None)
            return None
        return entry[1]

    def put(self, key: str, caller: Caller) -> None:
        with self._lock:
            if len(self._entries) >= self.max_entries:
                self._entries.clear()
            self._entries[hash_key(key)] = (time.monotonic() + self.ttl, caller)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
