"""The write path's own pipeline (service/store/pipeline.py): statements answered in one round
trip, each prepared once per connection, values as a cursor sends and loads them, and a failure
that names its statement and leaves the connection usable."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import psycopg
import pytest

from service.store import pipeline
from service.store.db import Database

WHEN = datetime(2026, 12, 5, 13, 0, 1, 250000, tzinfo=UTC)


@pytest.fixture()
def driver(database: Database, backend: str) -> Any:
    if backend != "postgresql":
        pytest.skip("a PostgreSQL pipeline (SQLite has no round trips to save)")
    with database.engine.connect() as connection:
        raw = connection.connection.driver_connection
        raw.autocommit = True
        try:
            yield raw
        finally:
            raw.autocommit = False


def _prepared(driver: Any, text: str) -> int:
    """How many statements the connection holds prepared that contain `text`."""
    with driver.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements", prepare=False)
        return sum(text in row[0] for row in cursor.fetchall())


def test_values_go_and_come_back_as_a_cursor_sends_and_loads_them(driver: Any) -> None:
    sql = """
        SELECT CAST(%(text)s AS varchar), CAST(%(raw)s AS bytea), %(number)s + 1, %(when)s,
            CAST(%(nothing)s AS integer), CAST(%(words)s AS varchar[]), %(text)s = 'it''s %%'
    """
    params = {"text": "it's %", "raw": b"\x00\xff", "number": 2**40, "when": WHEN, "nothing": None}
    (rows,) = pipeline.run(driver, [(sql, {**params, "words": ["a", "b c"]})])
    with driver.cursor() as cursor:
        cursor.execute(sql, {**params, "words": ["a", "b c"]})
        assert rows == cursor.fetchall()
    assert rows == [("it's %", b"\x00\xff", 2**40 + 1, WHEN, None, ["a", "b c"], True)]


def test_each_statement_is_prepared_once_per_connection_and_answered_in_order(driver: Any) -> None:
    first = "SELECT CAST(%(n)s AS integer) * 2"
    second = "SELECT CAST(%(n)s AS integer) * 3"
    answers = pipeline.run(
        driver, [("BEGIN", None), (first, {"n": 1}), (second, {"n": 1}), (first, {"n": 5})]
    )
    assert answers == [[], [(2,)], [(3,)], [(10,)]]
    assert pipeline.run(driver, [(first, {"n": 7}), (second, {"n": 7}), ("COMMIT", None)]) == [
        [(14,)],
        [(21,)],
        [],
    ]
    assert _prepared(driver, "AS integer) * ") == 2


def test_statements_are_prepared_again_once_psycopg_deallocated_them_all(driver: Any) -> None:
    """psycopg deallocates every prepared statement after a ROLLBACK when it prepared some of its
    own: the pipeline's are then prepared anew, not run by names the server has forgotten."""
    mine = "SELECT CAST(%(n)s AS integer) * 4"
    assert pipeline.run(driver, [(mine, {"n": 1})]) == [[(4,)]]
    driver.execute("SELECT 1", prepare=True)  # one of psycopg's own
    with driver.transaction(force_rollback=True):
        driver.execute("SELECT 2")
    assert _prepared(driver, "AS integer) * 4") == 0
    assert pipeline.run(driver, [(mine, {"n": 2})]) == [[(8,)]]


def test_deallocations_psycopg_has_queued_are_sent_before_the_pipeline_prepares(driver: Any) -> None:
    """A DEALLOCATE ALL psycopg queued but has not sent yet goes first: the pipeline's statement,
    prepared after it, stays prepared and runs by its name next time."""
    mine = "SELECT CAST(%(n)s AS integer) * 6"
    driver.execute("SELECT 1", prepare=True)  # one of psycopg's own
    assert driver._prepared.clear()  # queues DEALLOCATE ALL without sending it
    assert pipeline.run(driver, [(mine, {"n": 1})]) == [[(6,)]]
    assert _prepared(driver, "AS integer) * 6") == 1
    assert pipeline.run(driver, [(mine, {"n": 2})]) == [[(12,)]]


def test_a_failed_statement_is_named_and_what_follows_it_did_nothing(driver: Any) -> None:
    driver.execute("CREATE TEMPORARY TABLE probe (x integer)")
    failing = "SELECT CAST(%(n)s AS integer) / 0"
    after = "INSERT INTO probe VALUES (CAST(%(n)s AS integer))"
    with pytest.raises(pipeline.StatementFailed) as failed:
        pipeline.run(driver, [("BEGIN", None), (failing, {"n": 1}), (after, {"n": 1})])
    assert failed.value.sql == failing and failed.value.params == {"n": 1}
    assert isinstance(failed.value.error, psycopg.errors.DivisionByZero)
    driver.rollback()
    # The statement after the failure was never prepared: it is prepared anew, not run by a name
    # the server does not know.
    assert pipeline.run(driver, [(after, {"n": 2}), ("SELECT x FROM probe", {})]) == [[], [(2,)]]
