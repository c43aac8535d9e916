"""PostgreSQL: statements sent together and answered in one round trip, straight over libpq's
pipeline mode (psycopg's `pgconn`), each prepared once per connection.

psycopg's own pipeline costs its Python about 60 µs of CPU a statement (a cursor each, the query
converted and its parameters dumped through the adaptation layers, the prepared-statement cache,
a send and a poll each); what the write path sends in one round trip (BEGIN, two or three
statements, COMMIT) costs a fifth of that here. Parameters of the kinds the write path sends (str,
bytes, int, datetime, None) are dumped here, any other through psycopg's adapters; rows are loaded
by psycopg's loaders, as a cursor would load them. `service.store.db.run_together` is the caller.
"""

from __future__ import annotations

import contextlib
import re
import weakref
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

import psycopg
from psycopg import errors, generators, pq
from psycopg.adapt import PyFormat, Transformer

_TUPLES_OK = pq.ExecStatus.TUPLES_OK
_FATAL_ERROR = pq.ExecStatus.FATAL_ERROR
_PIPELINE_SYNC = pq.ExecStatus.PIPELINE_SYNC
_TEXT, _BINARY = pq.Format.TEXT, pq.Format.BINARY
_BYTEA, _INT8, _TIMESTAMPTZ, _TIMESTAMP = 17, 20, 1184, 1114


class StatementFailed(Exception):
    """A statement of the pipeline failed: the driver's error (`error`), and which statement."""

    def __init__(self, error: psycopg.Error, sql: str, params: Mapping[str, Any] | None) -> None:
        super().__init__(str(error))
        self.error = error
        self.sql = sql
        self.params = params


# A loader of rows per connection (psycopg's Transformer: building one costs more than a statement).
_TRANSFORMERS: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()


@dataclass(frozen=True, slots=True)
class _Prepare:
    """A statement being prepared under `name` (its answer: the server took it, or not)."""

    query: bytes
    types: tuple[int, ...]
    name: bytes


@dataclass(frozen=True, slots=True)
class _Statement:
    """A statement run (its answer: its rows, or its error)."""

    sql: str
    params: Mapping[str, Any] | None


_PLACEHOLDER = re.compile(r"%\((\w+)\)s|%%")
# A statement's text as the server takes it ($1, $2 ...), and its parameters' names in that order.
_CONVERTED: dict[str, tuple[bytes, tuple[str, ...]]] = {}


def _converted(sql: str) -> tuple[bytes, tuple[str, ...]]:
    found = _CONVERTED.get(sql)
    if found is not None:
        return found
    names: list[str] = []

    def number(match: re.Match[str]) -> str:
        if match.group(0) == "%%":
            return "%"
        name = match.group(1)
        if name not in names:
            names.append(name)
        return f"${names.index(name) + 1}"

    found = _CONVERTED[sql] = (_PLACEHOLDER.sub(number, sql).encode(), tuple(names))
    return found


def _dump(value: Any, transformer: Any) -> tuple[bytes | None, int, pq.Format]:
    """A parameter as the server takes it: its bytes, its type (0: the server infers it from the
    statement, as psycopg sends a str) and their format."""
    kind = type(value)
    if value is None:
        return None, 0, _TEXT
    if kind is str:
        return value.encode(), 0, _TEXT
    if kind is bytes:
        return value, _BYTEA, _BINARY
    if kind is int:
        return str(value).encode(), _INT8, _TEXT
    if kind is datetime:
        return value.isoformat().encode(), _TIMESTAMPTZ if value.tzinfo else _TIMESTAMP, _TEXT
    (dumped,) = transformer.dump_sequence([value], [PyFormat.TEXT])
    return None if dumped is None else bytes(dumped), transformer.types[0], _TEXT


def run(
    driver: psycopg.Connection[Any], statements: Sequence[tuple[str, Mapping[str, Any] | None]]
) -> list[list[Any]]:
    """Send `statements` (psycopg SQL, `%(name)s` parameters; None: a statement without any, such
    as BEGIN or COMMIT, sent unprepared) in one pipeline and wait once for all their answers; each
    one's rows (empty for a statement that returns none), in order.

    A failed statement raises StatementFailed (the statements after it did nothing: the server
    skips the rest of a pipeline after an error); a lost connection raises psycopg's error.
    """
    pgconn = driver.pgconn
    transformer = _TRANSFORMERS.get(driver)
    if transformer is None:
        transformer = _TRANSFORMERS[driver] = Transformer(driver)
    # The connection's prepared statements are psycopg's own record of them (names by query and
    # parameter types), shared: psycopg forgets them all when it deallocates them all (after any
    # ROLLBACK, when it had prepared some of its own), and so must whoever runs them by name.
    prepared = driver._prepared
    if prepared._to_flush:
        # Deallocations psycopg queued and has not sent yet (it sends them within the call that
        # queues them, so this is a guard): sent first, or a DEALLOCATE ALL still to come would
        # forget a statement this pipeline is about to prepare and record.
        driver.wait(prepared.maintain_gen(driver))
    commands: deque[Callable[[], None]] = deque()
    answers: list[_Prepare | _Statement] = []  # what each answer to come answers, in order
    preparing: dict[tuple[bytes, tuple[int, ...]], bytes] = {}  # (prepared by this pipeline)
    for sql, params in statements:
        if params is None:
            commands.append(partial(pgconn.send_query_params, sql.encode(), None))
            answers.append(_Statement(sql, None))
            continue
        query, names = _converted(sql)
        dumped = [_dump(params[name], transformer) for name in names]
        values = [d[0] for d in dumped]
        types = tuple(d[1] for d in dumped)
        formats = [d[2] for d in dumped]
        key = (query, types)
        name = prepared._names.get(key) or preparing.get(key)
        if name is None and prepared.prepare_threshold is not None:
            name = preparing[key] = f"_pg3_{prepared._prepared_idx}".encode()  # (psycopg's names)
            prepared._prepared_idx += 1
            commands.append(partial(pgconn.send_prepare, name, query, types))
            answers.append(_Prepare(query, types, name))  # (recorded once the server took it)
        elif key in prepared._names:
            prepared._names.move_to_end(key)  # (recently used: the last psycopg would evict)
        if name is None:
            commands.append(partial(pgconn.send_query_params, query, values, types, formats, _TEXT))
        else:
            commands.append(partial(pgconn.send_query_prepared, name, values, formats, _TEXT))
        answers.append(_Statement(sql, params))
    commands.append(pgconn.pipeline_sync)
    pgconn.enter_pipeline_mode()
    try:
        results = driver.wait(exchange(pgconn, commands, len(answers) + 1))
    except BaseException:
        # (a lost connection: leaving pipeline mode may fail too, and the first error is the one)
        with contextlib.suppress(Exception):
            pgconn.exit_pipeline_mode()
        raise
    pgconn.exit_pipeline_mode()
    rows: list[list[Any]] = []
    failed: StatementFailed | None = None
    for answer, result in zip(answers, results, strict=False):
        if failed is not None:
            continue  # (skipped by the server: PIPELINE_ABORTED)
        last = result[-1]
        if last.status == _FATAL_ERROR:
            error = errors.error_from_result(last, encoding=pgconn._encoding)
            if isinstance(answer, _Prepare):
                failed = StatementFailed(error, answer.query.decode(), None)
            else:
                failed = StatementFailed(error, answer.sql, answer.params)
        elif isinstance(answer, _Prepare):
            prepared._names[(answer.query, answer.types)] = answer.name
            prepared._rotate()  # (beyond psycopg's limit, it deallocates the oldest at its next statement)
        elif last.status == _TUPLES_OK:
            transformer.set_pgresult(last)
            rows.append(transformer.load_rows(0, last.ntuples, tuple))
        else:
            rows.append([])
    if failed is not None:
        raise failed
    return rows


def exchange(pgconn: Any, commands: deque[Callable[[], None]], expected: int) -> Any:
    """The pipeline's one round trip (a psycopg generator, for `Connection.wait`): every command
    into libpq's buffer, sent in one go (psycopg's `pipeline_communicate` sends each on its own,
    a system call and a wake-up of the server each), then read until `expected` answers (the last
    one the Sync's) are in."""
    for command in commands:
        command()
    yield from generators.send(pgconn)
    results: list[list[Any]] = []
    while len(results) < expected:
        more = yield from generators.fetch_many(pgconn)
        if not more:
            break
        results.append(more)
    if len(results) != expected or results[-1][-1].status != _PIPELINE_SYNC:
        raise psycopg.InternalError("the pipeline's answers are out of step")
    return results
