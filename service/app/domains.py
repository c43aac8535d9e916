"""Dead domains: the domain rule applied as bounces are recorded, and what removing a domain entry
needs (service.domain.dead_domains has the rule).

A domain's entry is the row keyed `*@domain` (global, reason `domain_invalid`); lookups of any
address at the domain answer `scope: "domain"` (service/store/reads.py). Its global row is also the
lock that serialises decisions about the domain, as an address's global row does for the address.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from service.app.suppressions import apply_suppression
from service.domain.addresses import is_undeliverable
from service.domain.dead_domains import WINDOW, decide_domain, speaks_of_the_domain
from service.domain.scope import domain_key, domain_of_address, domain_of_key
from service.domain.times import as_utc_or_none
from service.store import lifecycle, writes

# Removing a domain entry that this many addresses on record sit at takes a confirmation
# (`--yes`, `confirm=true`): it lets mail go to all of them again.
CONFIRM_REMOVAL_AT = 10


def _by_domain(recorded: Sequence[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The events that speak of their recipient's domain, by domain."""
    by_domain: dict[str, list[dict[str, Any]]] = {}
    for data in recorded:
        if speaks_of_the_domain(
            data["type"], data["classification"], data["reason"]
        ) and not is_undeliverable(data["recipient"]):
            by_domain.setdefault(domain_of_address(data["recipient"]), []).append(data)
    return by_domain


def lock_domains(session: Session, recorded: Sequence[dict[str, Any]], *, now: datetime) -> None:
    """Lock (create when missing) the `*@domain` rows the rule may decide for these events, in key
    order: an ingest batch takes them after its addresses' rows and before the feed's lock."""
    for domain in sorted(_by_domain(recorded)):
        writes.lock_recipient(session, domain_key(domain), now)


def apply_domain_rule(
    session: Session,
    recorded: Sequence[dict[str, Any]],
    *,
    occurred_at: datetime,
    threshold: int,
    actor: str = "policy",
    hidden: Collection[int] = (),
    now: datetime,
) -> list[str]:
    """After a message's events are recorded (inside its transaction; they occurred at
    `occurred_at`): suppress each domain whose bounces now reach the threshold; the `*@domain` keys
    it suppressed. `hidden`: events recorded in this transaction that do not count yet (those of
    the messages after this one in an ingest batch)."""
    by_domain = _by_domain(recorded)
    added: list[str] = []
    for domain in sorted(by_domain):
        row = writes.lock_recipient(session, domain_key(domain), now)
        if row.suppressed:
            continue
        count_from = as_utc_or_none(row.reactivated_at)
        bounces = [
            b
            for b in lifecycle.domain_bounces(
                session, domain, start=occurred_at - WINDOW, end=occurred_at + WINDOW
            )
            if b.event_id not in hidden
        ]
        decision = decide_domain(bounces, occurred_at, threshold, count_from)
        if decision is None:
            continue
        inside = {b.address for b in bounces if decision.since - WINDOW <= b.occurred_at <= decision.since}
        reasons = "/".join(sorted({data["reason"] for data in by_domain[domain]}))
        apply_suppression(
            session,
            row,
            reason=decision.reason,
            since=decision.since,
            event_id=decision.event_id,
            actor=actor,
            note=f"{reasons} from {len(inside)} addresses at {domain} within {WINDOW.days} days",
            now=now,
        )
        added.append(row.address)
    return added


def decide_again(session: Session, domain: str, *, threshold: int, actor: str, now: datetime) -> bool:
    """Judge a domain whose entry was taken off (a replay re-read the bounces that made it) from all
    its current bounces, by their own dates; whether it is suppressed again."""
    row = writes.lock_recipient(session, domain_key(domain), now)
    if row.suppressed:
        return False
    count_from = as_utc_or_none(row.reactivated_at)
    bounces = lifecycle.domain_bounces(session, domain, start=_EARLIEST, end=_LATEST)
    for bounce in sorted(bounces, key=lambda b: (b.occurred_at, b.event_id)):
        decision = decide_domain(bounces, bounce.occurred_at, threshold, count_from)
        if decision is not None:
            apply_suppression(
                session,
                row,
                reason=decision.reason,
                since=decision.since,
                event_id=decision.event_id,
                actor=actor,
                note=f"decided again: {threshold}+ addresses at {domain} within {WINDOW.days} days",
                now=now,
            )
            return True
    return False


_EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
_LATEST = datetime(9999, 1, 1, tzinfo=UTC)


class ConfirmationNeeded(Exception):
    """Removing this domain entry lets mail go to many addresses again: the caller must confirm."""

    def __init__(self, key: str, addresses: int) -> None:
        super().__init__(
            f"{key} covers {addresses:,} addresses on record; removing it lets mail go to all of them again"
        )
        self.key = key
        self.addresses = addresses


def check_removal(session: Session, key: str) -> None:
    """ConfirmationNeeded when `key` is a `*@domain` entry with CONFIRM_REMOVAL_AT or more addresses
    on record at its domain; nothing for an address, or a domain with few."""
    domain = domain_of_key(key)
    if domain is None:
        return
    count = lifecycle.addresses_at(session, domain)
    if count >= CONFIRM_REMOVAL_AT:
        raise ConfirmationNeeded(key, count)
