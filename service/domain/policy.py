"""The suppression policy: a pure function of (address state, event, settings); no database, no clock.

- hard bounce -> suppressed now (`hard_bounce`); complaint -> suppressed now (`complaint`);
  unsubscribe -> suppressed now (`unsubscribe`);
- soft bounce -> counted; `threshold` soft bounces from distinct messages whose own dates lie inside
  one window of `window_days` (0 = no window) suppress the address (`soft_bounce_threshold`); a
  message that reports the same address twice counts once (one delivery attempt, one bounce);
  a soft bounce for a sender-side cause (our IP on a blocklist, content judged spam, a rate limit,
  authentication: SENDER_SIDE_REASONS) is recorded but never counted: it says nothing about the
  address, and suppressing the recipient for it would punish the wrong party;
- everything else (auto-replies, delays, delivery reports) -> no effect.

Decisions judge an event by when it happened (its `occurred_at`), not when it arrived, so a backfill of
old mail is judged as it happened and the order in which the same messages arrive does not change
which addresses end up suppressed. Events that occurred before the address was last reactivated by an
operator (`count_from`) no longer act: the operator's removal supersedes them.

Which scope a decision applies to (everyone, or the attributed account) is service.domain.scope's:
the caller asks `suppressing_reason` what an event would suppress for, finds that reason's scope,
and decides with the state of the address in that scope.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from parsers.reasons.codes import SENDER_SIDE
from service.domain.scope import Reason

HARD_BOUNCE = Reason.HARD_BOUNCE
COMPLAINT = Reason.COMPLAINT
SOFT_BOUNCE_THRESHOLD = Reason.SOFT_BOUNCE_THRESHOLD
MANUAL = Reason.MANUAL
UNSUBSCRIBE = Reason.UNSUBSCRIBE
# The reasons an address's entry can have (`domain_invalid` is for `*@domain` entries only).
REASONS = (HARD_BOUNCE, COMPLAINT, SOFT_BOUNCE_THRESHOLD, MANUAL, UNSUBSCRIBE)

# Parser reasons of soft bounces caused by the sender or its message, not by the recipient's address
# or mailbox (old names included): they never count towards the soft-bounce threshold, and a
# complaint with such a reason (an ARF auth-failure report) never suppresses. The parser owns the set.
SENDER_SIDE_REASONS = SENDER_SIDE


@dataclass(frozen=True, slots=True)
class PolicySettings:
    soft_bounce_threshold: int = 5
    soft_bounce_window_days: int = 30  # 0 = no window: every soft bounce since `count_from` counts

    @property
    def window(self) -> timedelta | None:
        return timedelta(days=self.soft_bounce_window_days) if self.soft_bounce_window_days else None


@dataclass(frozen=True, slots=True)
class PolicyEvent:
    """What the policy needs to know about one recorded event."""

    event_id: int
    message_id: int  # soft bounces count once per distinct message
    type: str  # bounce | complaint | unsubscribe | auto_reply | delay | delivered | feedback
    classification: str  # hard | soft | ignored
    occurred_at: datetime
    reason: str = ""  # the parser's reason code (user_unknown, mailbox_full, blocked, ...)


def counts_as_soft_bounce(type_: str, classification: str, reason: str) -> bool:
    """Whether an event counts towards the soft-bounce threshold."""
    return type_ == "bounce" and classification == "soft" and reason not in SENDER_SIDE_REASONS


@dataclass(frozen=True, slots=True)
class SoftBounce:
    event_id: int
    message_id: int
    occurred_at: datetime


@dataclass(frozen=True, slots=True)
class AddressState:
    """The address as the policy sees it.

    `soft_bounces` holds the recorded soft bounces of the address that may share a window with the
    event being decided (the caller may pass more; the policy filters); it may include the event
    itself (it is de-duplicated by message).
    """

    suppressed: bool = False
    count_from: datetime | None = None
    soft_bounces: tuple[SoftBounce, ...] = ()


@dataclass(frozen=True, slots=True)
class Suppress:
    """The decision to put the address on the list."""

    reason: Reason
    since: datetime  # when the suppressing event happened
    event_id: int  # the event that made the decision


def soft_bounce_window_bounds(
    occurred_at: datetime, settings: PolicySettings
) -> tuple[datetime | None, datetime | None]:
    """The span of soft-bounce dates the policy may look at to decide an event at `occurred_at`."""
    window = settings.window
    if window is None:
        return None, None
    return occurred_at - window, occurred_at + window


def suppressing_reason(type_: str, classification: str, reason: str) -> Reason | None:
    """What an event would suppress its address for, state aside (None: it never suppresses).

    Soft bounces answer `soft_bounce_threshold` although one alone suppresses nothing: the answer
    names the scope their count is kept in.
    """
    if type_ == "complaint":
        # (an auth-failure report is recorded as a soft complaint: about the sender, not the address)
        if classification != "hard" or reason in SENDER_SIDE_REASONS:
            return None
        return COMPLAINT
    if type_ == "unsubscribe":
        return UNSUBSCRIBE
    if type_ != "bounce":
        # Auto-replies, delays, delivery reports and feedback never suppress, whatever their class.
        return None
    if classification == "hard":
        return HARD_BOUNCE
    if counts_as_soft_bounce(type_, classification, reason):
        return SOFT_BOUNCE_THRESHOLD
    return None


def decide(state: AddressState, event: PolicyEvent, settings: PolicySettings) -> Suppress | None:
    """Whether `event` puts the address on the suppression list (in the scope `state` is of), and why."""
    if state.suppressed:
        return None
    if state.count_from is not None and event.occurred_at < state.count_from:
        return None
    reason = suppressing_reason(event.type, event.classification, event.reason)
    if reason is None:
        return None
    if reason is SOFT_BOUNCE_THRESHOLD:
        return _soft_bounce_threshold(state, event, settings)
    return Suppress(reason, event.occurred_at, event.event_id)


def _soft_bounce_threshold(
    state: AddressState, event: PolicyEvent, settings: PolicySettings
) -> Suppress | None:
    bounces = _distinct_by_message(
        [*state.soft_bounces, SoftBounce(event.event_id, event.message_id, event.occurred_at)],
        state.count_from,
    )
    threshold = settings.soft_bounce_threshold
    if len(bounces) < threshold:
        return None
    window = settings.window
    if window is None:
        # The threshold-th bounce in date order is the one that crossed it.
        crossing = bounces[threshold - 1]
        return Suppress(SOFT_BOUNCE_THRESHOLD, crossing.occurred_at, crossing.event_id)
    # Look at every window [end - window, end] that contains this bounce; the earliest one that
    # holds `threshold` bounces decides. Before this bounce none did (or the address would already
    # be suppressed), so checking only windows containing it is enough and keeps decisions local.
    t = event.occurred_at
    for end in bounces:
        if end.occurred_at < t or end.occurred_at - window > t:
            continue
        start = end.occurred_at - window
        inside = sum(1 for b in bounces if start <= b.occurred_at <= end.occurred_at)
        if inside >= threshold:
            return Suppress(SOFT_BOUNCE_THRESHOLD, end.occurred_at, end.event_id)
    return None


def _distinct_by_message(bounces: Iterable[SoftBounce], count_from: datetime | None) -> list[SoftBounce]:
    """One bounce per message (the earliest), only those that still count, in date order."""
    first: dict[int, SoftBounce] = {}
    for b in bounces:
        if count_from is not None and b.occurred_at < count_from:
            continue
        seen = first.get(b.message_id)
        if seen is None or (b.occurred_at, b.event_id) < (seen.occurred_at, seen.event_id):
            first[b.message_id] = b
    return sorted(first.values(), key=lambda b: (b.occurred_at, b.event_id))
