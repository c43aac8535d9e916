"""Dead domains: the domain rule applied as bounces are recorded, and what removing a domain entry
needs (service.domain.dead_domains has the rule).

A domain's entry is the row keyed `*@domain` (global, reason `domain_invalid`); lookups of any
address at the domain answer `scope: "domain"` (service/store/reads.py). Its global row is also the
lock that serialises decisions about the domain, as an address's global row does for the address.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from service.app.suppressions import apply_suppression
from service.domain.addresses import is_undeliverable
from service.domain.dead_domains import WINDOW, DomainBounce, decide_domain, speaks_of_the_domain
from service.domain.policy import Suppress
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


def domain_span(messages: Sequence[tuple[Sequence[dict[str, Any]], datetime]]) -> writes.DomainSpan | None:
    """What the domain rule reads for a batch of (recorded events, their own date): the domains
    its events speak of and the span of their windows; None when no event speaks of a domain."""
    domains: set[str] = set()
    dates: list[datetime] = []
    for recorded, occurred_at in messages:
        named = _by_domain(recorded)
        if named:
            domains.update(named)
            dates.append(occurred_at)
    if not domains:
        return None
    return writes.DomainSpan(sorted(domains), min(dates) - WINDOW, max(dates) + WINDOW)


def judge_domains(
    messages: Sequence[tuple[Sequence[dict[str, Any]], datetime]],
    states: dict[str, writes.RecipientState],
    bounces: dict[str, list[DomainBounce]],
    *,
    threshold: int,
) -> list[list[dict[str, Any]]]:
    """The domain rule for a batch of (recorded events, their own date), message by message in
    order, from the domains' states and bounces read for the batch (`domain_span`); the `*@domain`
    entries each message completes (address, account, reason, since, event_id, note), as one
    transaction per message would decide: each blind to the events of the messages after it.
    `states` is updated as domains are decided."""
    later = {data["id"] for recorded, _ in messages for data in recorded}
    decided: list[list[dict[str, Any]]] = []
    for recorded, occurred_at in messages:
        later.difference_update(data["id"] for data in recorded)
        entries: list[dict[str, Any]] = []
        for domain, events in sorted(_by_domain(recorded).items()):
            state = states[domain]
            if state.suppressed:
                continue
            seen = [
                b
                for b in bounces[domain]
                if b.event_id not in later and occurred_at - WINDOW <= b.occurred_at <= occurred_at + WINDOW
            ]
            judged = _judge(domain, events, seen, occurred_at, threshold, state.reactivated_at)
            if judged is None:
                continue
            decision, note = judged
            states[domain] = writes.RecipientState(True, state.reactivated_at)
            entries.append(
                {
                    "address": domain_key(domain),
                    "account": None,
                    "reason": str(decision.reason),
                    "since": decision.since,
                    "event_id": decision.event_id,
                    "note": note,
                }
            )
        decided.append(entries)
    return decided


def _judge(
    domain: str,
    events: Sequence[dict[str, Any]],
    bounces: Sequence[DomainBounce],
    occurred_at: datetime,
    threshold: int,
    count_from: datetime | None,
) -> tuple[Suppress, str] | None:
    """Whether a message's `events` at `domain` (dated `occurred_at`) complete the domain, from its
    bounces near that date; the decision and the entry's note."""
    decision = decide_domain(bounces, occurred_at, threshold, count_from)
    if decision is None:
        return None
    inside = {b.address for b in bounces if decision.since - WINDOW <= b.occurred_at <= decision.since}
    reasons = "/".join(sorted({data["reason"] for data in events}))
    return decision, f"{reasons} from {len(inside)} addresses at {domain} within {WINDOW.days} days"


def apply_domain_rule(
    session: Session,
    recorded: Sequence[dict[str, Any]],
    *,
    occurred_at: datetime,
    threshold: int,
    actor: str = "policy",
    now: datetime,
) -> list[str]:
    """After a message's events are recorded (inside its transaction; they occurred at
    `occurred_at`): suppress each domain whose bounces now reach the threshold; the `*@domain` keys
    it suppressed. (A replay's, one message at a time; ingest decides a batch's domains at once:
    `judge_domains`.)"""
    by_domain = _by_domain(recorded)
    added: list[str] = []
    for domain in sorted(by_domain):
        row = writes.lock_recipient(session, domain_key(domain), now)
        if row.suppressed:
            continue
        bounces = lifecycle.domain_bounces(
            session, domain, start=occurred_at - WINDOW, end=occurred_at + WINDOW
        )
        judged = _judge(
            domain, by_domain[domain], bounces, occurred_at, threshold, as_utc_or_none(row.reactivated_at)
        )
        if judged is None:
            continue
        decision, note = judged
        apply_suppression(
            session,
            row,
            reason=decision.reason,
            since=decision.since,
            event_id=decision.event_id,
            actor=actor,
            note=note,
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
