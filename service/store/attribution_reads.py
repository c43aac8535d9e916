"""What attribution asks the store, for a whole batch of messages in one statement: who sent each
original Message-ID, which account ids exist, which accounts own which domains.

A message is attributed by the first source that names an account (service.domain.attribution);
asked one at a time, each source costs a round trip of its own. Asked together they cost one,
whichever source ends up deciding; on PostgreSQL it is asked just before the transaction's BEGIN
when it is the first thing a transaction does (service.store.db.read_before_begin: it takes no
locks), so that BEGIN goes with the transaction's first writes instead of costing a round trip.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from service.domain.sends import message_key
from service.store import accounts, sends
from service.store.db import read_before_begin
from service.store.models import Account, AccountDomain, Send


@dataclass(frozen=True, slots=True)
class Known:
    """The answers: senders by Message-ID key (`sends.sender`'s rule: None when nobody or two
    accounts sent it), the existing account ids, the owners of the registered domains."""

    senders: dict[str, str | None] = field(default_factory=dict)
    accounts: set[str] = field(default_factory=set)
    owners: dict[str, str] = field(default_factory=dict)


def known(
    session: Session, message_ids: Sequence[str], account_ids: Sequence[str], domains: Sequence[str]
) -> Known:
    """The answers for these original Message-IDs (keyed by `service.domain.sends.message_key`),
    account ids and domains: one statement on PostgreSQL, one per kind on SQLite (no round trips
    there)."""
    keys = sorted({key for key in map(message_key, message_ids) if key is not None})
    ids, names = sorted(set(account_ids)), sorted(set(domains))
    if not (keys or ids or names):
        return Known()
    if session.get_bind().dialect.name != "postgresql":
        return Known(
            sends.accounts_of_sends(session, list(message_ids)) if keys else {},
            accounts.existing(session, ids),
            accounts.domain_owners(session, names),
        )
    found: dict[str, set[str]] = {key: set() for key in keys}
    existing: set[str] = set()
    owners: dict[str, str] = {}
    # (each list as a JSON array: a string costs the driver less to send than an array)
    asked = {"keys": json.dumps(keys), "ids": json.dumps(ids), "domains": json.dumps(names)}
    # (a read before the transaction's BEGIN, if it is the first thing the transaction does)
    rows = read_before_begin(session, _KNOWN, asked)
    for kind, name, account in rows:
        if kind == "s":
            found[name].add(account)
        elif kind == "a":
            existing.add(name)
        else:
            owners[name] = account
    return Known({key: sends.sender(accounts_) for key, accounts_ in found.items()}, existing, owners)


# Two distinct senders at most per Message-ID (one names it, two name nobody), as `sends` asks.
_KNOWN = f"""
    SELECT 's', wanted.key, sent.account_id
    FROM json_array_elements_text(CAST(%(keys)s AS json)) AS wanted(key)
    CROSS JOIN LATERAL (
        SELECT DISTINCT account_id FROM {Send.__tablename__} WHERE message_id = wanted.key LIMIT 2
    ) AS sent
    UNION ALL
    SELECT 'a', id, NULL FROM {Account.__tablename__} WHERE id IN (SELECT json_array_elements_text(CAST(%(ids)s AS json)))
    UNION ALL
    SELECT 'd', domain, account_id FROM {AccountDomain.__tablename__}
    WHERE domain IN (SELECT json_array_elements_text(CAST(%(domains)s AS json)))
"""
