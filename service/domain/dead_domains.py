"""The domain rule: when distinct addresses at one domain bounce because the domain itself takes no
mail, the whole domain is suppressed (`*@domain`, reason `domain_invalid`, global).

DESIGN.md, "Evidence, replay, expiry, domains": `threshold` (BOUNCEBACK_DOMAIN_THRESHOLD, 3)
distinct addresses with such hard bounces whose own dates lie within one window of WINDOW (7 days).
The reasons that speak of the domain, not the mailbox: `host_unknown` (no such domain) and
`not_accept` (a null MX, RFC 7505, or a host that accepts no mail at all). Pure, like the policy:
the same bounces decide the same way in any arrival order, judged by their own dates.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from parsers.reasons.codes import HOST_UNKNOWN, NOT_ACCEPT
from service.domain.policy import Suppress
from service.domain.scope import Reason

WINDOW = timedelta(days=7)
DOMAIN_REASONS = frozenset({HOST_UNKNOWN, NOT_ACCEPT})


def speaks_of_the_domain(type_: str, classification: str, reason: str) -> bool:
    """Whether an event is a hard bounce that says the recipient's domain takes no mail."""
    return type_ == "bounce" and classification == "hard" and reason in DOMAIN_REASONS


@dataclass(frozen=True, slots=True)
class DomainBounce:
    event_id: int
    address: str
    occurred_at: datetime


def decide_domain(
    bounces: Iterable[DomainBounce], at: datetime, threshold: int, count_from: datetime | None
) -> Suppress | None:
    """Whether the bounce at `at` completes `threshold` distinct addresses within one window.

    `bounces` are the domain's bounces near `at` (it among them; the caller may pass more). Only
    windows [end - WINDOW, end] containing `at` are looked at: before this bounce none held enough
    (or the domain would be suppressed already). The earliest such window decides, dated by its
    last bounce. Bounces before `count_from` (the domain's entry was removed then) no longer count.
    """
    kept = sorted(
        (b for b in bounces if count_from is None or b.occurred_at >= count_from),
        key=lambda b: (b.occurred_at, b.event_id),
    )
    for end in kept:
        if end.occurred_at < at or end.occurred_at - WINDOW > at:
            continue
        start = end.occurred_at - WINDOW
        addresses = {b.address for b in kept if start <= b.occurred_at <= end.occurred_at}
        if len(addresses) >= threshold:
            return Suppress(Reason.DOMAIN_INVALID, end.occurred_at, end.event_id)
    return None
