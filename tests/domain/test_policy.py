"""The policy on its own: a pure function of (address state, event, settings)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.reasons import SENDER_SIDE
from service.domain.policy import (
    SENDER_SIDE_REASONS,
    AddressState,
    PolicyEvent,
    PolicySettings,
    SoftBounce,
    Suppress,
    decide,
)

T0 = datetime(2026, 1, 1, tzinfo=UTC)
DEFAULT = PolicySettings()


def ev(
    event_id: int,
    type_: str = "bounce",
    classification: str = "soft",
    day: float = 0,
    message_id: int | None = None,
    reason: str = "mailbox_full",
) -> PolicyEvent:
    return PolicyEvent(
        event_id,
        event_id if message_id is None else message_id,
        type_,
        classification,
        T0 + timedelta(days=day),
        reason,
    )


def sb(event_id: int, day: float, message_id: int | None = None) -> SoftBounce:
    return SoftBounce(event_id, event_id if message_id is None else message_id, T0 + timedelta(days=day))


def test_hard_bounce_and_complaint_suppress_at_once_with_their_own_date() -> None:
    assert decide(AddressState(), ev(1, "bounce", "hard", day=3), DEFAULT) == Suppress(
        "hard_bounce", T0 + timedelta(days=3), 1
    )
    assert decide(AddressState(), ev(2, "complaint", "hard"), DEFAULT) == Suppress("complaint", T0, 2)


def test_auto_replies_delays_and_delivery_reports_never_suppress_whatever_their_classification() -> None:
    for type_ in ("auto_reply", "delay", "delivered"):
        for classification in ("hard", "soft", "ignored"):
            assert decide(AddressState(), ev(1, type_, classification), DEFAULT) is None


def test_an_ignored_bounce_does_nothing() -> None:
    assert decide(AddressState(), ev(1, "bounce", "ignored"), DEFAULT) is None


def test_nothing_changes_for_an_address_already_suppressed() -> None:
    assert decide(AddressState(suppressed=True), ev(1, "bounce", "hard"), DEFAULT) is None


def test_the_fifth_soft_bounce_inside_the_window_suppresses_and_the_fourth_does_not() -> None:
    earlier = tuple(sb(i, day=i) for i in range(1, 4))
    assert decide(AddressState(soft_bounces=earlier), ev(4, day=4), DEFAULT) is None
    four = (*earlier, sb(4, day=4))
    assert decide(AddressState(soft_bounces=four), ev(5, day=29), DEFAULT) == Suppress(
        "soft_bounce_threshold", T0 + timedelta(days=29), 5
    )
    # One day further and the first bounce has left the window.
    assert decide(AddressState(soft_bounces=four), ev(5, day=31.5), DEFAULT) is None


def test_sender_side_soft_bounces_never_count() -> None:
    # Our IP on a blocklist (5.7.1), spam verdicts, rate limits: not the address's fault.
    four = tuple(sb(i, day=i) for i in range(1, 5))
    for reason in ("blocked", "spam_detected", "rate_limited", "policy", "security_error"):
        assert decide(AddressState(soft_bounces=four), ev(5, day=5, reason=reason), DEFAULT) is None
    assert decide(AddressState(soft_bounces=four), ev(5, day=5, reason="mailbox_full"), DEFAULT) is not None


def test_soft_bounces_of_one_message_count_once() -> None:
    same_message = tuple(sb(i, day=1, message_id=1) for i in range(1, 5))
    assert decide(AddressState(soft_bounces=same_message), ev(5, day=2), DEFAULT) is None


def test_a_backfilled_bounce_completes_a_window_in_the_past() -> None:
    # Bounces on days 2..5 are known; one from day 1 arrives late and completes [day 1, day 5].
    known = tuple(sb(i, day=i) for i in range(2, 6))
    decision = decide(AddressState(soft_bounces=known), ev(1, day=1), DEFAULT)
    assert decision == Suppress("soft_bounce_threshold", T0 + timedelta(days=5), 5)


def test_window_zero_counts_every_soft_bounce() -> None:
    known = tuple(sb(i, day=100 * i) for i in range(1, 5))
    no_window = PolicySettings(soft_bounce_threshold=5, soft_bounce_window_days=0)
    assert decide(AddressState(soft_bounces=known), ev(5, day=600), no_window) is not None
    assert decide(AddressState(soft_bounces=known), ev(5, day=600), DEFAULT) is None


def test_events_before_a_reactivation_no_longer_act() -> None:
    count_from = T0 + timedelta(days=10)
    known = tuple(sb(i, day=i) for i in range(1, 5))
    assert decide(AddressState(count_from=count_from, soft_bounces=known), ev(5, day=11), DEFAULT) is None
    assert decide(AddressState(count_from=count_from), ev(6, "bounce", "hard", day=9), DEFAULT) is None
    assert decide(AddressState(count_from=count_from), ev(7, "bounce", "hard", day=10), DEFAULT) is not None


def test_the_threshold_is_a_setting() -> None:
    two = PolicySettings(soft_bounce_threshold=2, soft_bounce_window_days=30)
    assert decide(AddressState(soft_bounces=(sb(1, 0),)), ev(2, day=1), two) is not None
    one = PolicySettings(soft_bounce_threshold=1)
    assert decide(AddressState(), ev(1), one) is not None


# --- properties ---------------------------------------------------------------------------------

KINDS = [("bounce", "soft")] * 6 + [
    ("bounce", "blocked"),
    ("bounce", "hard"),
    ("complaint", "hard"),
    ("auto_reply", "ignored"),
    ("delay", "ignored"),
]

messages = st.lists(
    st.tuples(
        st.sampled_from(["a", "b", "c"]),  # address
        st.sampled_from(KINDS),
        st.integers(min_value=0, max_value=24 * 90),  # hours after T0
    ),
    min_size=0,
    max_size=14,
)


def _event_kind(kind: tuple[str, str]) -> tuple[str, str, str]:
    """(type, classification, reason); ("bounce", "blocked") is a sender-side soft bounce."""
    if kind == ("bounce", "blocked"):
        return "bounce", "soft", "blocked"
    return kind[0], kind[1], "mailbox_full"


def simulate(
    items: list[tuple[str, tuple[str, str], int]], order: list[int], cfg: PolicySettings
) -> dict[str, bool]:
    """Feed messages (one event each) in `order` as the pipeline does: record, then decide."""
    suppressed: dict[str, bool] = {}
    recorded: dict[str, list[SoftBounce]] = {}
    for idx in order:
        address, kind, hours = items[idx]
        type_, classification, reason = _event_kind(kind)
        event = PolicyEvent(idx, idx, type_, classification, T0 + timedelta(hours=hours), reason)
        if (type_, classification, reason) == ("bounce", "soft", "mailbox_full"):
            recorded.setdefault(address, []).append(SoftBounce(idx, idx, event.occurred_at))
        state = AddressState(suppressed.get(address, False), None, tuple(recorded.get(address, ())))
        if decide(state, event, cfg) is not None:
            suppressed[address] = True
    return {a: suppressed.get(a, False) for a in "abc"}


def oracle(items: list[tuple[str, tuple[str, str], int]], cfg: PolicySettings) -> dict[str, bool]:
    """The policy stated directly: any hard bounce or complaint, or `threshold` soft bounces in a window."""
    result = {}
    for address in "abc":
        mine = [(k, h) for a, k, h in items if a == address]
        if any(k in (("bounce", "hard"), ("complaint", "hard")) for k, _ in mine):
            result[address] = True
            continue
        hours = sorted(h for k, h in mine if k == ("bounce", "soft"))
        window = cfg.soft_bounce_window_days * 24
        result[address] = any(
            sum(1 for x in hours if end - window <= x <= end) >= cfg.soft_bounce_threshold
            if window
            else len(hours) >= cfg.soft_bounce_threshold
            for end in hours
        )
    return result


policy_settings = st.builds(
    PolicySettings,
    soft_bounce_threshold=st.integers(min_value=1, max_value=5),
    soft_bounce_window_days=st.sampled_from([0, 1, 7, 30]),
)


@settings(max_examples=300, deadline=None)
@given(items=messages, cfg=policy_settings, data=st.data())
def test_arrival_order_does_not_change_which_addresses_end_up_suppressed(items, cfg, data) -> None:  # type: ignore[no-untyped-def]
    order = data.draw(st.permutations(range(len(items))))
    in_order = simulate(items, list(range(len(items))), cfg)
    assert simulate(items, list(order), cfg) == in_order
    assert in_order == oracle(items, cfg)


@settings(max_examples=200, deadline=None)
@given(items=messages, cfg=policy_settings)
def test_redelivering_every_message_changes_nothing(items, cfg) -> None:  # type: ignore[no-untyped-def]
    once = simulate(items, list(range(len(items))), cfg)
    # The pipeline never decides twice for one message; at the policy level a message's second look
    # (same message id, already recorded) must not tip an address over the threshold either.
    twice = dict(once)
    recorded: dict[str, list[SoftBounce]] = {}
    for idx, (address, (type_, classification), hours) in enumerate(items):
        if (type_, classification) == ("bounce", "soft"):
            recorded.setdefault(address, []).append(SoftBounce(idx, idx, T0 + timedelta(hours=hours)))
    for idx, (address, (type_, classification), hours) in enumerate(items):
        event = PolicyEvent(
            idx + 10_000, idx, type_, classification, T0 + timedelta(hours=hours), "mailbox_full"
        )
        state = AddressState(twice[address], None, tuple(recorded.get(address, ())))
        if (type_, classification) == ("bounce", "soft") and decide(state, event, cfg) is not None:
            twice[address] = True
    assert twice == once


def test_a_sender_side_complaint_never_suppresses() -> None:
    """An ARF auth-failure report is about the sender's SPF/DKIM: recorded, never suppressing."""
    when = datetime(2026, 3, 2, tzinfo=UTC)
    auth = PolicyEvent(1, 1, "complaint", "soft", when, reason="auth_failure")
    abuse = PolicyEvent(2, 2, "complaint", "hard", when, reason="feedback")
    assert decide(AddressState(), auth, PolicySettings()) is None
    assert decide(AddressState(), abuse, PolicySettings()) is not None


def test_sender_side_reasons_come_from_the_parser_and_keep_old_names() -> None:
    assert SENDER_SIDE_REASONS is SENDER_SIDE
    assert {"policy", "policy_violation", "auth_failure", "blocked"} <= SENDER_SIDE_REASONS
    assert "mailbox_full" not in SENDER_SIDE_REASONS
