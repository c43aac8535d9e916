"""The two pure rules the round's gaps added: a warning's lapse, and when a replay's attribution
replaces the recorded one."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from service.domain.attribution import UNATTRIBUTED, Attributed, Source, may_replace
from service.domain.reputation import DayCounts, LadderThresholds, Status, Verdict, judge, lapse

LADDER = LadderThresholds()
DAY = date(2026, 12, 4)
QUIET = judge(DayCounts(0, 0, 0), LADDER)
STILL_BAD = judge(DayCounts(1000, 60, 0), LADDER)  # 6%: warning_1 on its own


@pytest.mark.parametrize("warning", [Status.WARNING_1, Status.WARNING_2])
def test_a_warning_lapses_to_ok_once_its_day_is_over(warning: Status) -> None:
    change = lapse(warning, DAY, QUIET, DAY + timedelta(days=1))
    assert change is not None
    assert (change.from_status, change.to_status, change.day, change.manual) == (
        warning,
        Status.OK,
        DAY + timedelta(days=1),
        False,
    )
    assert DAY.isoformat() in change.note
    assert lapse(warning, DAY, QUIET, DAY + timedelta(days=5)) is not None, "however late it is noticed"


@pytest.mark.parametrize(
    ("status", "day", "verdict", "today"),
    [
        (Status.WARNING_1, DAY, QUIET, DAY),  # its day is not over
        (Status.PAUSED, DAY, QUIET, DAY + timedelta(days=1)),  # a pause holds until resumed
        (Status.OK, DAY, QUIET, DAY + timedelta(days=1)),  # nothing to lapse
        (Status.WARNING_2, DAY, STILL_BAD, DAY + timedelta(days=1)),  # the new day holds its own
        (Status.WARNING_1, None, QUIET, DAY),
    ],
)
def test_nothing_lapses_otherwise(status: Status, day: date | None, verdict: Verdict, today: date) -> None:
    assert lapse(status, day, verdict, today) is None


@pytest.mark.parametrize(
    ("found", "recorded", "replaces"),
    [
        (Attributed("b", Source.HEADER), UNATTRIBUTED, True),
        (Attributed("b", Source.DOMAIN), UNATTRIBUTED, True),
        (Attributed("b", Source.HEADER), Attributed("a", Source.HEADER), True),  # a better reading
        (Attributed("b", Source.VERP), Attributed("a", Source.MESSAGE_ID), True),
        (Attributed("b", Source.FEEDBACK_ID), Attributed("a", Source.HEADER), True),  # one rung
        (Attributed("b", Source.DOMAIN), Attributed("a", Source.HEADER), False),  # weaker
        (Attributed("b", Source.MESSAGE_ID), Attributed("a", Source.LINK), False),
        (UNATTRIBUTED, Attributed("a", Source.MESSAGE_ID), False),  # the sends may be gone
        (Attributed("a", Source.VERP), Attributed("a", Source.DOMAIN), False),  # the same account
    ],
)
def test_a_replay_moves_attribution_only_on_evidence_as_strong(
    found: Attributed, recorded: Attributed, replaces: bool
) -> None:
    assert may_replace(found, recorded) is replaces
