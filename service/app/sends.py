"""The sends intake: what sending services report they sent (DESIGN.md, "Sends and sender reputation").

Three doors, one use case: `POST /v1/sends`, the Kafka topic BOUNCEBACK_KAFKA_SENDS_TOPIC (through
the intake runner: `SendIntake`), and `bounceback sends import FILE`. A batch is checked item by
item: an item that cannot be kept (unknown account, a recipient that is not an address, a sent_at in
the future or past the retention) gets an error naming its index and why, and the rest is stored in
one transaction. Idempotent on (account, message_id, recipient): a send reported again is a
duplicate and counts nothing. Newly stored sends count in their account's day
(service.app.reputation), in the same transaction.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from service import metrics
from service.app import reputation
from service.app.ingest import quarantine
from service.app.runner import Outcome, Poison
from service.config import Settings
from service.domain.accounts import InvalidAccountId, validate_account_id
from service.domain.sends import MAX_SENDS_PER_CALL, InvalidSend, ReportedSend, check_send, sent_at_of
from service.store import accounts as stored_accounts
from service.store import reputation as stored_reputation
from service.store import sends as stored
from service.store.db import Database, count_when_committed

__all__ = [
    "CSV_COLUMNS",
    "MAX_SENDS_PER_CALL",
    "SendError",
    "SendIntake",
    "SendRecord",
    "SendsResult",
    "import_csv",
    "purge_expired",
    "record",
    "record_sends",
]

CSV_COLUMNS = ("account", "message_id", "recipient", "sent_at")
FIELDS = ("message_id", "recipient", "sent_at")
PURGE_BATCH = 10_000


@dataclass(frozen=True, slots=True)
class SendError:
    index: int  # the item's position in the batch (from 0); for a CSV import, its line number
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "reason": self.reason}


@dataclass
class SendsResult:
    received: int = 0
    stored: int = 0
    duplicates: int = 0
    errors: list[SendError] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "received": self.received,
            "stored": self.stored,
            "duplicates": self.duplicates,
            "errors": [e.to_dict() for e in self.errors],
        }

    def add(self, other: SendsResult) -> None:
        self.received += other.received
        self.stored += other.stored
        self.duplicates += other.duplicates
        self.errors.extend(other.errors)


class _Checker:
    """Checks a batch's items one by one; what many items share (their account, their sent_at) is
    checked once per batch."""

    def __init__(self, only_account: str | None, now: datetime, retention_days: int) -> None:
        self.only_account = only_account
        self.now = now
        self.retention_days = retention_days
        self.accounts: set[str] = set()
        self.times: dict[str, datetime | InvalidSend] = {}

    def __call__(self, item: Mapping[str, Any]) -> ReportedSend:
        """One item as a send, or InvalidSend (InvalidAccountId) saying why not."""
        if type(item) is not dict and not isinstance(item, Mapping):
            raise InvalidSend("a send is a JSON object with account, message_id, recipient and sent_at")
        account = item.get("account")
        if account is None or account == "":
            if self.only_account is None:
                raise InvalidSend("account is required (this key is not bound to an account)")
            account = self.only_account
        if account not in self.accounts:
            if not isinstance(account, str):
                raise InvalidSend("account must be a string")
            if self.only_account is not None and account != self.only_account:
                raise InvalidSend(f"this key acts for account {self.only_account!r} only")
            self.accounts.add(validate_account_id(account))
        message_id = item.get("message_id")
        recipient = item.get("recipient")
        sent_at = item.get("sent_at")
        if type(message_id) is not str or type(recipient) is not str or type(sent_at) is not str:
            for name, value in (("message_id", message_id), ("recipient", recipient), ("sent_at", sent_at)):
                if not isinstance(value, str):
                    raise InvalidSend(f"{name} is required (a string)")
        assert isinstance(message_id, str) and isinstance(recipient, str) and isinstance(sent_at, str)
        when = self.times.get(sent_at)
        if when is None:
            try:
                when = sent_at_of(sent_at, now=self.now, retention_days=self.retention_days)
            except InvalidSend as exc:
                when = exc
            self.times[sent_at] = when
        if isinstance(when, InvalidSend):
            raise when
        return check_send(account, message_id, recipient, when)


def record(
    session: Any,
    items: Sequence[Mapping[str, Any]],
    settings: Settings,
    *,
    only_account: str | None = None,
    now: datetime | None = None,
    intake: str = "api",
) -> SendsResult:
    """Check and store a batch of sends inside the caller's transaction (never commits)."""
    moment = now or datetime.now(UTC)
    result = SendsResult(received=len(items))
    good: dict[tuple[str, str, str], tuple[int, ReportedSend]] = {}
    checked = _Checker(only_account, moment, settings.send_retention_days)
    for index, item in enumerate(items):
        try:
            send = checked(item)
        except (InvalidSend, InvalidAccountId) as exc:
            result.errors.append(SendError(index, str(exc)))
            continue
        if send.key in good:
            result.duplicates += 1  # the same send twice in one batch
            continue
        good[send.key] = (index, send)
    known = stored_accounts.existing(session, {send.account for _, send in good.values()})
    rows = []
    for index, send in good.values():
        if send.account not in known:
            result.errors.append(SendError(index, f"no account {send.account!r}"))
            continue
        rows.append(
            {
                "message_id": send.message_id,
                "account_id": send.account,
                "recipient": send.recipient,
                "sent_at": send.sent_at,
            }
        )
    result.errors.sort(key=lambda error: error.index)
    new = stored.insert_new(session, rows)
    days: dict[tuple[str, date], int] = defaultdict(int)
    for key in new:
        days[(key[1], good[key][1].day)] += 1
    reputation.count_sends(session, days, settings)
    result.stored = len(new)
    result.duplicates += len(rows) - len(new)
    for outcome, amount in (
        ("stored", result.stored),
        ("duplicate", result.duplicates),
        ("rejected", len(result.errors)),
    ):
        if amount:
            count_when_committed(
                session, metrics.SENDS_RECORDED.labels(intake=intake, outcome=outcome), amount
            )
    return result


def record_sends(
    db: Database,
    items: Sequence[Mapping[str, Any]],
    settings: Settings,
    *,
    only_account: str | None = None,
    now: datetime | None = None,
    intake: str = "api",
) -> SendsResult:
    """`record` in a transaction of its own, committed when it returns."""
    if len(items) > MAX_SENDS_PER_CALL:
        raise ValueError(f"at most {MAX_SENDS_PER_CALL:,} sends per call")
    with db.transaction() as session:
        return record(session, items, settings, only_account=only_account, now=now, intake=intake)


# --- CSV import ----------------------------------------------------------------------------------


def read_csv(lines: Iterable[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, item) per data row of a CSV `account,message_id,recipient,sent_at`; a header
    row naming those columns is optional. A row with the wrong number of fields becomes an item
    that fails its check (so it is reported with its line, not silently skipped)."""
    for number, fields in enumerate(csv.reader(lines), start=1):
        if not fields or (len(fields) == 1 and not fields[0].strip()):
            continue
        if number == 1 and [f.strip().lower() for f in fields] == list(CSV_COLUMNS):
            continue
        if len(fields) != len(CSV_COLUMNS):
            yield (
                number,
                {
                    "__error__": f"expected {len(CSV_COLUMNS)} fields ({','.join(CSV_COLUMNS)}), found {len(fields)}"
                },
            )
            continue
        yield number, dict(zip(CSV_COLUMNS, (f.strip() for f in fields), strict=True))


def import_csv(
    db: Database, lines: Iterable[str], settings: Settings, *, batch: int = MAX_SENDS_PER_CALL
) -> SendsResult:
    """Import a CSV of sends, a transaction per `batch` rows; errors carry the line number."""
    total = SendsResult()
    pending: list[tuple[int, dict[str, Any]]] = []

    def flush() -> None:
        good = [(n, item) for n, item in pending if "__error__" not in item]
        total.received += len(pending) - len(good)
        total.errors.extend(SendError(n, item["__error__"]) for n, item in pending if "__error__" in item)
        if good:
            done = record_sends(db, [item for _, item in good], settings, intake="cli")
            for error in done.errors:
                error_line = good[error.index][0]
                total.errors.append(SendError(error_line, error.reason))
            done.errors = []
            total.add(done)
        pending.clear()

    for number, item in read_csv(lines):
        pending.append((number, item))
        if len(pending) >= batch:
            flush()
    flush()
    total.errors.sort(key=lambda error: error.index)
    return total


# --- Kafka records, through the intake runner ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SendRecord:
    """One record of the sends topic: a JSON object (one send), and where it came from."""

    value: bytes
    source: str


def _item_of(record: SendRecord) -> dict[str, Any]:
    """The record's send as an item; Poison (unusable, quarantined at once) when it cannot be read."""
    if not record.value:
        raise Poison("empty send record")
    try:
        item = json.loads(record.value)
    except (UnicodeDecodeError, ValueError) as exc:
        raise Poison(f"send record is not JSON: {exc}") from None
    if not isinstance(item, dict):
        raise Poison("send record is not a JSON object")
    return item


class SendIntake:
    """What one sends record does in the intake runner (service.app.runner): stored in a transaction
    with the rest of its poll; a record that cannot be read, or that is no send that can be kept
    (unknown account, a bad recipient, ...), is quarantined with the reason and the
    `bounceback.message.quarantined` event (and dead-lettered by the consumer)."""

    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings

    def process(self, item: SendRecord) -> Outcome:
        outcome = self.process_many([item])[0]
        if isinstance(outcome, Poison):
            raise outcome
        return outcome

    def process_many(self, items: Sequence[SendRecord]) -> list[Outcome | Poison]:
        outcomes: list[Outcome | Poison] = []
        readable: list[tuple[int, dict[str, Any]]] = []
        for position, item in enumerate(items):
            try:
                readable.append((position, _item_of(item)))
                outcomes.append(Outcome.PROCESSED)
            except Poison as exc:
                outcomes.append(exc)
        if readable:
            result = record_sends(self.db, [send for _, send in readable], self.settings, intake="kafka")
            for error in result.errors:
                outcomes[readable[error.index][0]] = Poison(f"send rejected: {error.reason}")
        return outcomes

    def quarantine(self, item: SendRecord, reason: str) -> None:
        quarantine(self.db, item.value, item.source, self.settings, reason)

    def describe(self, item: SendRecord) -> str:
        return item.source


# --- retention -----------------------------------------------------------------------------------


def purge_expired(
    db: Database, settings: Settings, *, now: datetime | None = None, batch: int = PURGE_BATCH
) -> int:
    """Delete sends (and counted-event marks) past BOUNCEBACK_SEND_RETENTION_DAYS, a bounded batch
    per transaction until none is left; how many sends went. The daily counts stay."""
    before = (now or datetime.now(UTC)) - timedelta(days=settings.send_retention_days)
    purged = 0
    while True:
        with db.transaction() as session:
            sends = stored.purge(session, before=before, limit=batch)
            marks = stored_reputation.purge_counted(session, before=before, limit=batch)
        purged += sends
        if sends < batch and marks < batch:
            return purged


def text_lines(data: bytes) -> Iterator[str]:
    """CSV bytes as lines (UTF-8, a byte-order mark tolerated)."""
    return iter(io.StringIO(data.decode("utf-8-sig")))
