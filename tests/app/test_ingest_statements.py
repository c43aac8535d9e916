"""What a batch costs the database does not grow with what it names: the domain rule reads every
domain a batch's bounces speak of at once, as the policy reads every address at once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import event

from parsers.model import Event, ParseResult
from service.app.ingest import write_batch
from service.app.parsing import Parsed, content_hash
from service.config import Settings
from service.store.db import Database

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
SETTINGS = Settings(database_url="sqlite:///unused.db", domain_threshold=2)


def _dead(n: int, address: str) -> Parsed:
    """A hard bounce saying the address's domain takes no mail."""
    result = ParseResult(
        message_type="dsn",
        events=(Event(recipient=address, type="bounce", classification="hard", reason="host_unknown"),),
        date=(NOW - timedelta(days=1)).isoformat(),
    )
    raw = f"dead {n} {address}".encode()
    return Parsed(raw, f"test:{n}", content_hash(raw), result)


def _statements(database: Database, batch: list[Parsed]) -> tuple[int, list[str]]:
    sent: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        sent.append(statement)

    event.listen(database.engine, "before_cursor_execute", count)
    try:
        with database.transaction() as session:
            results = write_batch(session, batch, SETTINGS, now=NOW)
    finally:
        event.remove(database.engine, "before_cursor_execute", count)
    return len(sent), [key for r in results for key in r.suppressions_added if key.startswith("*@")]


def test_a_batch_judges_all_its_domains_with_the_same_statements_as_one(database: Database) -> None:
    # Two addresses per domain: each domain is completed by its second message.
    one = [_dead(i, f"u{i}@one.example") for i in range(2)]
    many = [_dead(10 + i, f"u{i}@d{d}.example") for d in range(6) for i in range(2)]
    few, suppressed_one = _statements(database, one)
    more, suppressed_many = _statements(database, many)
    assert suppressed_one == ["*@one.example"]
    assert sorted(suppressed_many) == [f"*@d{d}.example" for d in range(6)]
    assert more == few
