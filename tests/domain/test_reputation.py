"""The reputation ladder: judging a day's counts, and how the status moves over days."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.domain.reputation import (
    Crossed,
    DayCounts,
    InvalidThresholds,
    LadderThresholds,
    Status,
    Transition,
    Unchanged,
    Verdict,
    judge,
    next_status,
    pause,
    resume,
    status_on,
)

DEFAULTS = LadderThresholds().validate()
D1 = date(2026, 3, 1)
D2 = D1 + timedelta(days=1)
D3 = D1 + timedelta(days=2)
OK, W1, W2, PAUSED = Status.OK, Status.WARNING_1, Status.WARNING_2, Status.PAUSED


def bounces(hard: int, sent: int = 1000) -> Verdict:
    return judge(DayCounts(sent=sent, hard_bounces=hard, complaints=0), DEFAULTS)


def complaints(count: int, sent: int = 1000) -> Verdict:
    return judge(DayCounts(sent=sent, hard_bounces=0, complaints=count), DEFAULTS)


# --- judging one day -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hard", "status"),
    [
        (0, OK),
        (59, OK),
        (60, W1),
        (69, W1),
        (70, W2),
        (99, W2),
        (100, PAUSED),
        (1000, PAUSED),
        (1500, PAUSED),
    ],
)
def test_the_bounce_ladder_on_a_day_of_1000_sends(hard: int, status: Status) -> None:
    verdict = bounces(hard)
    assert verdict.status is status
    assert verdict.bounce_rate == Fraction(hard, 1000)
    assert verdict.complaint_rate == 0


@pytest.mark.parametrize(
    ("count", "status"), [(0, OK), (1, W1), (2, W1), (3, W2), (4, W2), (5, PAUSED), (6, PAUSED)]
)
def test_the_complaint_ladder_on_a_day_of_1000_sends(count: int, status: Status) -> None:
    assert complaints(count).status is status


def test_the_crossed_threshold_names_its_ladder_rung_and_percentage() -> None:
    crossed = bounces(60).threshold_crossed
    assert crossed == Crossed("bounce", W1, Decimal("6"))
    assert crossed is not None and crossed.setting == "bounce_warning_1"
    assert complaints(5).threshold_crossed == Crossed("complaint", PAUSED, Decimal("0.5"))
    assert bounces(59).threshold_crossed is None


def test_the_worse_ladder_decides_and_a_tie_names_the_bounce_ladder() -> None:
    worse = judge(DayCounts(sent=1000, hard_bounces=60, complaints=5), DEFAULTS)
    assert worse.status is PAUSED
    assert worse.threshold_crossed == Crossed("complaint", PAUSED, Decimal("0.5"))
    tie = judge(DayCounts(sent=1000, hard_bounces=70, complaints=3), DEFAULTS)
    assert tie.status is W2
    assert tie.threshold_crossed == Crossed("bounce", W2, Decimal("7"))


def test_a_small_day_is_ok_whatever_its_rates() -> None:
    small = judge(DayCounts(sent=99, hard_bounces=99, complaints=99), DEFAULTS)
    assert small.status is OK and small.threshold_crossed is None
    assert small.bounce_rate == 1  # shown, not judged
    assert judge(DayCounts(sent=100, hard_bounces=10, complaints=0), DEFAULTS).status is PAUSED
    empty = judge(DayCounts(sent=0, hard_bounces=7, complaints=1), DEFAULTS)
    assert empty == Verdict(OK, None, None, None)  # no sends, no rate


def test_rates_and_thresholds_compare_exactly() -> None:
    # 11/1000*100 is 1.0999999999999999 in binary floating point: a float compare would miss it.
    thresholds = replace(DEFAULTS, bounce_warning_1=Decimal("1.1")).validate()
    assert judge(DayCounts(sent=1000, hard_bounces=11, complaints=0), thresholds).status is W1
    assert judge(DayCounts(sent=1000, hard_bounces=10, complaints=0), thresholds).status is OK


def test_negative_counts_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        DayCounts(sent=10, hard_bounces=-1, complaints=0)


@given(st.integers(1, 5000), st.integers(0, 5000), st.integers(0, 5000), st.integers(0, 100))
@settings(max_examples=500)
def test_more_hard_bounces_or_complaints_never_give_a_better_status(
    sent: int, hard: int, complaint: int, more: int
) -> None:
    base = judge(DayCounts(sent, hard, complaint), DEFAULTS).status
    assert judge(DayCounts(sent, hard + more, complaint), DEFAULTS).status.rank >= base.rank
    assert judge(DayCounts(sent, hard, complaint + more), DEFAULTS).status.rank >= base.rank


@given(st.integers(100, 100_000), st.integers(0, 100_000), st.integers(0, 100_000))
@settings(max_examples=500)
def test_the_status_is_the_highest_rung_reached_on_either_ladder(
    sent: int, hard: int, complaint: int
) -> None:
    verdict = judge(DayCounts(sent, hard, complaint), DEFAULTS)

    def rung(percent: Fraction, steps: tuple[str, str, str]) -> int:
        return sum(percent >= Fraction(step) for step in steps)

    expected = max(
        rung(Fraction(hard * 100, sent), ("6", "7", "10")),
        rung(Fraction(complaint * 100, sent), ("0.1", "0.3", "0.5")),
    )
    assert verdict.status.rank == expected


# --- settings --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "setting", "words"),
    [
        ({"bounce_warning_2": Decimal("6")}, "bounce_warning_2", "must be above bounce_warning_1"),
        ({"bounce_paused": Decimal("5")}, "bounce_paused", "must be above bounce_warning_2"),
        (
            {"complaint_warning_2": Decimal("0.05")},
            "complaint_warning_2",
            "must be above complaint_warning_1",
        ),
        ({"bounce_paused": Decimal("101")}, "bounce_paused", "at most 100"),
        ({"complaint_warning_1": Decimal("0")}, "complaint_warning_1", "above 0"),
        ({"bounce_warning_1": Decimal("-1")}, "bounce_warning_1", "above 0"),
        ({"bounce_warning_1": Decimal("NaN")}, "bounce_warning_1", "above 0"),
        ({"factor_ok": 1.5}, "factor_ok", "within 0 and 1"),
        ({"factor_paused": -0.1}, "factor_paused", "within 0 and 1"),
        ({"factor_warning_1": float("nan")}, "factor_warning_1", "within 0 and 1"),
        ({"factor_warning_2": 0.75}, "factor_warning_2", "must not exceed factor_warning_1"),
        ({"min_sent": 0}, "min_sent", "at least 1"),
    ],
)
def test_a_bad_ladder_setting_is_named_in_one_line(
    change: dict[str, object], setting: str, words: str
) -> None:
    with pytest.raises(InvalidThresholds, match=words) as info:
        replace(DEFAULTS, **change).validate()  # type: ignore[arg-type]
    assert info.value.setting == setting
    assert "\n" not in str(info.value)


def test_the_defaults_are_the_designs_ladder() -> None:
    assert [DEFAULTS.factor(status) for status in Status] == [1.0, 0.5, 0.25, 0.0]
    assert (DEFAULTS.bounce_warning_1, DEFAULTS.bounce_warning_2, DEFAULTS.bounce_paused) == (
        Decimal(6),
        Decimal(7),
        Decimal(10),
    )
    assert (DEFAULTS.complaint_warning_1, DEFAULTS.complaint_warning_2, DEFAULTS.complaint_paused) == (
        Decimal("0.1"),
        Decimal("0.3"),
        Decimal("0.5"),
    )
    assert DEFAULTS.min_sent == 100
    assert "min_sent" in LadderThresholds.setting_names()


# --- over days -------------------------------------------------------------------------------------


def test_within_a_day_the_status_only_escalates() -> None:
    assert next_status(OK, None, bounces(60), D1) == Transition(OK, W1, D1, bounces(60))
    assert next_status(W1, D1, bounces(70), D1) == Transition(W1, W2, D1, bounces(70))
    assert next_status(W2, D1, bounces(60), D1) is None  # more sends later that day: rate down, status not
    assert next_status(W2, D1, bounces(0), D1) is None
    assert next_status(W1, D1, bounces(65), D1) is None  # same rung: no event


def test_a_new_day_starts_at_ok_but_a_pause_holds() -> None:
    assert status_on(W2, D1, D2) is OK
    assert status_on(W2, D1, D1) is W2
    assert status_on(PAUSED, D1, D3) is PAUSED
    assert status_on(OK, None, D1) is OK
    assert next_status(W2, D1, bounces(0), D2) is None  # nothing to record: the warning lapsed
    assert next_status(W2, D1, bounces(60), D2) == Transition(OK, W1, D2, bounces(60))  # warned afresh
    assert next_status(PAUSED, D1, bounces(0), D2) is None
    assert next_status(PAUSED, D1, bounces(100), D2) is None


def test_a_late_count_for_an_earlier_day_can_only_pause() -> None:
    assert next_status(W1, D2, bounces(70), D1) is None  # that day's warning is over
    assert next_status(W1, D2, bounces(100), D1) == Transition(W1, PAUSED, D1, bounces(100))
    assert next_status(PAUSED, D2, bounces(100), D1) is None


def test_manual_pause_and_resume() -> None:
    assert pause(W1, D1, D1, "fraud") == Transition(W1, PAUSED, D1, manual=True, note="fraud")
    assert pause(W1, D1, D2, "fraud") == Transition(OK, PAUSED, D2, manual=True, note="fraud")
    assert pause(PAUSED, D1, D2, "again") == Unchanged(PAUSED, "the account is already paused")
    assert resume(PAUSED, D1, D3, "cleaned list") == Transition(
        PAUSED, OK, D3, manual=True, note="cleaned list"
    )


def test_a_resume_of_an_account_that_is_not_paused_changes_nothing_and_says_so() -> None:
    result = resume(W2, D1, D1, "oops")
    assert isinstance(result, Unchanged)
    assert result.status is W2
    assert "not paused" in result.message and "warning_2" in result.message
    assert resume(W2, D1, D2, "oops") == Unchanged(
        OK, "the account is not paused (its status is ok); nothing changed"
    )


def test_after_a_resume_the_same_days_figures_throttle_but_do_not_pause_again() -> None:
    assert next_status(OK, D1, bounces(120), D1, resumed_on=D1) == Transition(OK, W2, D1, bounces(120))
    # A late count for the day before the resume: the operator resumed after seeing that day.
    assert next_status(OK, D1, bounces(100), D1 - timedelta(days=1), resumed_on=D1) is None
    # The next day judges afresh.
    assert next_status(OK, D1, bounces(100), D2, resumed_on=D1) == Transition(OK, PAUSED, D2, bounces(100))


# --- properties over sequences ------------------------------------------------------------------------


@dataclass
class Stored:
    """What the store would keep for an account."""

    status: Status = OK
    day: date | None = None
    resumed_on: date | None = None

    def apply(self, change: Transition | Unchanged | None) -> None:
        if isinstance(change, Transition):
            if change.manual and change.from_status is PAUSED:
                self.resumed_on = change.day
            self.status = change.to_status
            self.day = change.day if self.day is None else max(self.day, change.day)


DAY_OFFSETS = st.integers(0, 3)
HARD = st.integers(0, 200)
COMPLAINTS = st.integers(0, 10)
JUDGEMENTS = st.lists(st.tuples(DAY_OFFSETS, HARD, COMPLAINTS), max_size=30)


@given(st.lists(st.tuples(HARD, COMPLAINTS), min_size=1, max_size=20))
@settings(max_examples=300)
def test_within_one_day_the_status_is_the_worst_verdict_seen(counts: list[tuple[int, int]]) -> None:
    stored = Stored()
    seen = OK
    for hard, complaint in counts:
        verdict = judge(DayCounts(1000, hard, complaint), DEFAULTS)
        before = status_on(stored.status, stored.day, D1)
        change = next_status(stored.status, stored.day, verdict, D1)
        stored.apply(change)
        assert status_on(stored.status, stored.day, D1).rank >= before.rank  # never down
        if change is not None:
            assert change.from_status is before and change.to_status.rank > before.rank
        seen = max(seen, verdict.status, key=lambda s: s.rank)
        assert status_on(stored.status, stored.day, D1) is seen


@given(JUDGEMENTS)
@settings(max_examples=300)
def test_never_paused_without_a_paused_verdict(judgements: list[tuple[int, int, int]]) -> None:
    stored = Stored()
    latest = D1
    for offset, hard, complaint in judgements:
        day = D1 + timedelta(days=offset)  # days in any order: late counts for earlier days
        latest = max(latest, day)
        verdict = judge(DayCounts(1000, hard, complaint), DEFAULTS)
        change = next_status(stored.status, stored.day, verdict, day)
        if change is not None and change.to_status is PAUSED:
            assert verdict.status is PAUSED and change.verdict == verdict
        if change is not None:
            assert change.to_status.rank > change.from_status.rank
        stored.apply(change)
    ever_paused = any(
        judge(DayCounts(1000, hard, complaint), DEFAULTS).status is PAUSED
        for _, hard, complaint in judgements
    )
    assert (stored.status is PAUSED) == ever_paused  # and once paused, paused until resumed


@given(JUDGEMENTS)
@settings(max_examples=300)
def test_in_order_days_leave_the_status_of_the_last_day_or_paused(
    judgements: list[tuple[int, int, int]],
) -> None:
    stored = Stored()
    days = sorted(judgements)  # days in order, counts as they come
    for offset, hard, complaint in days:
        stored.apply(
            next_status(
                stored.status,
                stored.day,
                judge(DayCounts(1000, hard, complaint), DEFAULTS),
                D1 + timedelta(offset),
            )
        )
    if not days:
        return
    verdicts = [judge(DayCounts(1000, h, c), DEFAULTS).status for _, h, c in days]
    last_day = days[-1][0]
    if PAUSED in verdicts:
        assert stored.status is PAUSED
    else:
        expected = max(
            (v for (o, _, _), v in zip(days, verdicts, strict=True) if o == last_day), key=lambda s: s.rank
        )
        assert status_on(stored.status, stored.day, D1 + timedelta(last_day)) is expected


@given(JUDGEMENTS, st.lists(st.tuples(st.integers(0, 30), DAY_OFFSETS), max_size=5))
@settings(max_examples=300)
def test_a_resume_ends_a_pause_and_only_a_later_days_figures_pause_again(
    judgements: list[tuple[int, int, int]], resumes: list[tuple[int, int]]
) -> None:
    stored = Stored()
    resume_at = dict(resumes)  # before judgement i, an operator resumes on day offset d
    for i, (offset, hard, complaint) in enumerate(judgements):
        if i in resume_at:
            day = D1 + timedelta(resume_at[i])
            outcome = resume(stored.status, stored.day, day, "checked")
            stored.apply(outcome)
            if isinstance(outcome, Transition):
                assert stored.status is OK
        day = D1 + timedelta(offset)
        change = next_status(
            stored.status,
            stored.day,
            judge(DayCounts(1000, hard, complaint), DEFAULTS),
            day,
            stored.resumed_on,
        )
        if change is not None and change.to_status is PAUSED:
            assert stored.resumed_on is None or day > stored.resumed_on
        stored.apply(change)
