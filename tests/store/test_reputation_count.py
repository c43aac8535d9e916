"""The reputation counters' write: events' marks and sends added to their accounts' days, each mark
once (one statement on PostgreSQL, two on SQLite: both must count alike)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import text

from service.store import reputation as stored
from service.store.db import Database

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
DAY_1, DAY_2, DAY_3 = date(2026, 11, 18), date(2026, 11, 19), date(2026, 11, 20)


def _days(database: Database) -> dict[tuple[str, date], tuple[int, ...]]:
    with database.session() as session:
        rows = session.execute(
            text(
                "SELECT account_id, day, sent, hard_bounces, soft_bounces, complaints, unsubscribes"
                " FROM account_days"
            )
        )
        return {
            (row[0], row[1] if isinstance(row[1], date) else date.fromisoformat(row[1])): tuple(row[2:])
            for row in rows
        }


def test_marks_and_sends_add_to_their_days_and_a_mark_counts_once(database: Database) -> None:
    first = {
        ("shop-a", "hard", "m1@x", "r1@example.com"): DAY_1,
        ("shop-a", "soft", "m2@x", "r2@example.com"): DAY_1,
        ("shop-a", "unsubscribe", "m2@x", "r2@example.com"): DAY_2,
        ("shop-b", "complaint", "m3@x", "r3@example.com"): DAY_2,
    }
    with database.transaction() as session:
        counted, totals = stored.count(session, first, {("shop-a", DAY_1): 10, ("shop-b", DAY_3): 5}, NOW)
    assert counted == set(first)
    # (sent, hard bounces, complaints) after the change, for every day that changed
    assert totals == {
        ("shop-a", DAY_1): (10, 1, 0),
        ("shop-a", DAY_2): (0, 0, 0),
        ("shop-b", DAY_2): (0, 0, 1),
        ("shop-b", DAY_3): (5, 0, 0),
    }
    # the same hard bounce again (another day given: it counts where it was counted first), a new
    # complaint of shop-a, and a send with nothing in it
    again = {
        ("shop-a", "hard", "m1@x", "r1@example.com"): DAY_2,
        ("shop-a", "complaint", "m4@x", "r1@example.com"): DAY_1,
    }
    with database.transaction() as session:
        counted, totals = stored.count(session, again, {("shop-b", DAY_1): 0}, NOW)
    assert counted == {("shop-a", "complaint", "m4@x", "r1@example.com")}
    assert totals == {("shop-a", DAY_1): (10, 1, 1)}
    # sent, hard bounces, soft bounces, complaints, unsubscribes
    assert _days(database) == {
        ("shop-a", DAY_1): (10, 1, 1, 1, 0),
        ("shop-a", DAY_2): (0, 0, 0, 0, 1),
        ("shop-b", DAY_2): (0, 0, 0, 1, 0),
        ("shop-b", DAY_3): (5, 0, 0, 0, 0),
    }


def test_nothing_new_touches_no_day(database: Database) -> None:
    mark = {("shop-a", "hard", "m1@x", "r1@example.com"): DAY_1}
    with database.transaction() as session:
        stored.count(session, mark, {}, NOW)
    with database.transaction() as session:
        assert stored.count(session, mark, {}, NOW) == (set(), {})
        assert stored.count(session, {}, {("shop-a", DAY_1): 0}, NOW) == (set(), {})
    assert _days(database) == {("shop-a", DAY_1): (0, 1, 0, 0, 0)}
