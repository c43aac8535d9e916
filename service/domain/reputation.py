"""Sender reputation: a day's counts judged against the bounce and complaint ladders, and status changes.

DESIGN.md, "Sends and sender reputation". Pure: the caller passes the counts, the stored status with
the UTC day it was set for, and the day being judged; nothing here reads a clock or a database.

Rates are exact fractions and thresholds Decimals, compared exactly: 60 hard bounces in 1,000 sends
is 6% and crosses a 6% threshold, which binary floating point does not promise for every pair.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction


class Status(StrEnum):
    """An account's standing, from best to worst; the order is the escalation order."""

    OK = "ok"
    WARNING_1 = "warning_1"
    WARNING_2 = "warning_2"
    PAUSED = "paused"

    @property
    def rank(self) -> int:
        return _ORDER.index(self)


_ORDER = (Status.OK, Status.WARNING_1, Status.WARNING_2, Status.PAUSED)


def worse(a: Status, b: Status) -> Status:
    return a if a.rank >= b.rank else b


class InvalidThresholds(ValueError):
    """A ladder setting is out of range or out of order; `setting` names it (a field name)."""

    def __init__(self, setting: str, message: str) -> None:
        super().__init__(message)
        self.setting = setting


@dataclass(frozen=True, slots=True)
class LadderThresholds:
    """The ladders' settings: percentages (of the day's sends) from which a status holds."""

    bounce_warning_1: Decimal = Decimal("6")
    bounce_warning_2: Decimal = Decimal("7")
    bounce_paused: Decimal = Decimal("10")
    complaint_warning_1: Decimal = Decimal("0.1")
    complaint_warning_2: Decimal = Decimal("0.3")
    complaint_paused: Decimal = Decimal("0.5")
    # The send-rate factor a sending service applies at each status (advice: bounceback sends nothing).
    factor_ok: float = 1.0
    factor_warning_1: float = 0.5
    factor_warning_2: float = 0.25
    factor_paused: float = 0.0
    # A rate on a tiny day says nothing: below this many sends the day is `ok` whatever its rates.
    min_sent: int = 100

    def validate(self) -> LadderThresholds:
        """Return self when every setting is in range and in order; raise InvalidThresholds (one line)."""
        for ladder in ("bounce", "complaint"):
            previous: tuple[str, Decimal] | None = None
            for rung in ("warning_1", "warning_2", "paused"):
                name = f"{ladder}_{rung}"
                value = getattr(self, name)
                if not value.is_finite() or not Decimal(0) < value <= Decimal(100):
                    # 0% would put every account that sent min_sent messages on this rung.
                    raise InvalidThresholds(name, f"{name} is {value}%: must be above 0 and at most 100")
                if previous is not None and value <= previous[1]:
                    raise InvalidThresholds(
                        name, f"{name} is {value}%: must be above {previous[0]} ({previous[1]}%)"
                    )
                previous = (name, value)
        previous_factor: tuple[str, float] | None = None
        for status in _ORDER:
            name = f"factor_{status.value}"
            factor = getattr(self, name)
            if not 0.0 <= factor <= 1.0:  # also rejects NaN
                raise InvalidThresholds(name, f"{name} is {factor}: must be within 0 and 1")
            if previous_factor is not None and factor > previous_factor[1]:
                raise InvalidThresholds(
                    name,
                    f"{name} is {factor}: must not exceed {previous_factor[0]} ({previous_factor[1]}); "
                    "a worse status never sends faster",
                )
            previous_factor = (name, factor)
        if self.min_sent < 1:
            raise InvalidThresholds("min_sent", f"min_sent is {self.min_sent}: must be at least 1")
        return self

    def factor(self, status: Status) -> float:
        """The send-rate factor for a status."""
        factor: float = getattr(self, f"factor_{status.value}")
        return factor

    @classmethod
    def setting_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))


@dataclass(frozen=True, slots=True)
class DayCounts:
    """One account's attributed counts for one UTC day (only what the ladders read)."""

    sent: int
    hard_bounces: int
    complaints: int

    def __post_init__(self) -> None:
        if min(self.sent, self.hard_bounces, self.complaints) < 0:
            raise ValueError(f"counts cannot be negative: {self}")


@dataclass(frozen=True, slots=True)
class Crossed:
    """The rung that gave a verdict its status, for the status_changed event and the audit row."""

    ladder: str  # bounce | complaint
    status: Status
    threshold_percent: Decimal

    @property
    def setting(self) -> str:
        return f"{self.ladder}_{self.status.value}"


@dataclass(frozen=True, slots=True)
class Verdict:
    """What a day's counts say on their own (before the day's history: see next_status)."""

    status: Status
    threshold_crossed: Crossed | None  # None for `ok`
    bounce_rate: Fraction | None  # hard bounces / sent, None on a day with no sends
    complaint_rate: Fraction | None  # complaints / sent, None on a day with no sends


def judge(counts: DayCounts, thresholds: LadderThresholds) -> Verdict:
    """The worse of the two ladders' statuses; `ok` until the day has `min_sent` sends.

    Rates can pass 100%: a bounce counts on the day it occurred, and mail sent yesterday can
    bounce today. When both ladders reach the same status the bounce ladder is named (a fixed
    choice, so the event is the same on every run).
    """
    if counts.sent == 0:
        return Verdict(Status.OK, None, None, None)
    bounce_rate = Fraction(counts.hard_bounces, counts.sent)
    complaint_rate = Fraction(counts.complaints, counts.sent)
    if counts.sent < thresholds.min_sent:
        return Verdict(Status.OK, None, bounce_rate, complaint_rate)
    crossed: Crossed | None = None
    for ladder, rate in (("bounce", bounce_rate), ("complaint", complaint_rate)):
        rung = _highest_rung(ladder, rate * 100, thresholds)
        if rung is not None and (crossed is None or rung.status.rank > crossed.status.rank):
            crossed = rung
    status = crossed.status if crossed is not None else Status.OK
    return Verdict(status, crossed, bounce_rate, complaint_rate)


def _highest_rung(ladder: str, percent: Fraction, thresholds: LadderThresholds) -> Crossed | None:
    for status in (Status.PAUSED, Status.WARNING_2, Status.WARNING_1):
        threshold: Decimal = getattr(thresholds, f"{ladder}_{status.value}")
        if percent >= Fraction(threshold):  # Fraction(Decimal) is exact
            return Crossed(ladder, status, threshold)
    return None


# --- what counts -------------------------------------------------------------------------------

# The kinds of attributed events a day counts (account_days columns), by (event type, classification).
HARD, SOFT, COMPLAINT, UNSUBSCRIBE = "hard", "soft", "complaint", "unsubscribe"
KINDS = (HARD, SOFT, COMPLAINT, UNSUBSCRIBE)


def event_kind(event_type: str, classification: str) -> str | None:
    """What an event counts as in its account's day: a hard or soft bounce, a complaint (a report-spam
    click is one), an unsubscribe; None for what counts nowhere (auto-replies, delays, deliveries)."""
    if event_type == "bounce":
        return HARD if classification == "hard" else SOFT if classification == "soft" else None
    if event_type == "complaint":
        return COMPLAINT
    if event_type == "unsubscribe":
        return UNSUBSCRIBE
    return None


def rate(part: int, sent: int) -> float | None:
    """A day's rate as the faces show it (a fraction, not a percentage); None on a day without sends."""
    return round(part / sent, 6) if sent else None


# --- status over days -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Transition:
    """A status change to record (audit row + `bounceback.account.status_changed`)."""

    from_status: Status
    to_status: Status
    day: date  # the UTC day whose counts caused it (a manual change: the day it was made)
    verdict: Verdict | None = None  # the numbers behind an automatic change; None for a manual one
    manual: bool = False
    note: str = ""


@dataclass(frozen=True, slots=True)
class Unchanged:
    """A manual pause/resume that changes nothing, and why (the faces show `message`)."""

    status: Status
    message: str


def status_on(current_status: Status, current_day: date | None, day: date) -> Status:
    """The status in force on `day`, given the stored status and the day it was set for.

    A warning lapses when its day ends (a new day starts at `ok`); `paused` holds until resumed.
    The status call reads this, so a warned account is `ok` after midnight without any write.
    """
    if current_status is Status.PAUSED:
        return Status.PAUSED
    if current_day is None or day > current_day:
        return Status.OK
    return current_status


def next_status(
    current_status: Status,
    current_day: date | None,
    verdict: Verdict,
    day: date,
    resumed_on: date | None = None,
) -> Transition | None:
    """The change, if any, when `verdict` judges the counts of UTC `day`.

    - Same day as the stored status: the status only escalates.
    - A later day: it starts at `ok` (or stays `paused`), then takes the verdict.
    - An earlier day (a late bounce counted on the day it occurred): only a pause acts. A pause holds
      whatever the day; a warning for a day that is over says nothing about today.
    - `resumed_on`: the day of the last manual resume. The counts of that day (or of an earlier
      day) cannot pause again, only throttle (at most `warning_2`): the operator has seen those
      figures, and a resume that the next bounce undoes would be no resume at all. The next day
      judges afresh.
    `from_status` is the status in force on `day` before the verdict (after a lapsed warning, `ok`).
    """
    resumed_since = resumed_on is not None and resumed_on >= day
    if current_day is not None and day < current_day:
        if verdict.status is Status.PAUSED and current_status is not Status.PAUSED and not resumed_since:
            return Transition(current_status, Status.PAUSED, day, verdict)
        return None
    before = status_on(current_status, current_day, day)
    target = verdict.status
    if resumed_since and target is Status.PAUSED:
        target = Status.WARNING_2
    after = worse(before, target)
    if after is before:
        return None
    return Transition(before, after, day, verdict)


def lapse(current_status: Status, current_day: date | None, verdict: Verdict, day: date) -> Transition | None:
    """The end of a warning whose day is over, to announce on UTC `day` (after `current_day`).

    status_on already answers `ok` for it from midnight on; this is the change that says so, with
    `verdict` (the new day's counts so far) as its numbers. Only a return to `ok` is a lapse: when
    the new day's own counts hold a warning already, the ladder announced that day's status (from
    `ok`) as it counted them, and nothing lapses. `paused` never lapses.
    """
    if current_status not in (Status.WARNING_1, Status.WARNING_2):
        return None
    if current_day is None or current_day >= day or verdict.status is not Status.OK:
        return None
    note = f"the {current_status.value} of {current_day.isoformat()} ended with its day"
    return Transition(current_status, Status.OK, day, verdict, note=note)


def pause(current_status: Status, current_day: date | None, day: date, note: str) -> Transition | Unchanged:
    """An operator's pause (`accounts pause ID --note N`) on UTC `day`."""
    before = status_on(current_status, current_day, day)
    if before is Status.PAUSED:
        return Unchanged(Status.PAUSED, "the account is already paused")
    return Transition(before, Status.PAUSED, day, manual=True, note=note)


def resume(current_status: Status, current_day: date | None, day: date, note: str) -> Transition | Unchanged:
    """An operator's resume on UTC `day`: back to `ok`; a no-op that says so when not paused.

    The caller keeps `day` as the account's `resumed_on` and passes it to next_status.
    """
    before = status_on(current_status, current_day, day)
    if before is not Status.PAUSED:
        return Unchanged(before, f"the account is not paused (its status is {before.value}); nothing changed")
    return Transition(Status.PAUSED, Status.OK, day, manual=True, note=note)
