"""The suppression list as CSV (`address,reason,since,note,account`): one export format, one import reader.

An export can be imported elsewhere with its reasons, dates and scopes (`account` empty: a global
entry); a file of the first four columns only (round 1's) reads as global entries. Both faces use
these: the API streams `export_lines` and reads an uploaded body with `read_rows`; the CLI does the
same with files and standard input.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from service.domain.accounts import InvalidAccountId, validate_account_id
from service.domain.policy import MANUAL, REASONS
from service.domain.scope import DOMAIN_KEY_PREFIX, Reason
from service.domain.text import unstorable
from service.domain.times import as_utc, iso_z_or_none

COLUMNS = ("address", "reason", "since", "note", "account")


class NotSuppressionCsv(ValueError):
    """The CSV has no header row with an `address` column, or cannot be read as CSV at all."""


@dataclass(frozen=True, slots=True)
class Row:
    """One data line of an import: its line number, values, and what is wrong with it (if anything).

    An address that is not one is not checked here; the import reports it (`import_rows`).
    """

    line: int
    address: str
    reason: str
    since: datetime | None
    note: str | None
    error: str | None = None
    account: str | None = None  # the scope the row names (None: global, or none named)


def export_lines(pages: Iterable[list[dict[str, Any]]]) -> Iterator[str]:
    """The header, then the entries of each page as one chunk of CSV text."""
    yield header_line()
    for page in pages:
        yield page_lines(page)


def header_line() -> str:
    return _csv_text([COLUMNS])


def page_lines(page: list[dict[str, Any]]) -> str:
    """The entries of one page as CSV text (for a stream that reads its pages itself)."""
    return _csv_text(
        [
            item["address"],
            item["reason"],
            iso_z_or_none(item["since"]) or "",
            item["note"] or "",
            item["account"] or "",
        ]
        for item in page
    )


def _csv_text(rows: Iterable[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


def read_rows(lines: Iterable[str]) -> Iterator[Row]:
    """The data rows of an import (column names in any case; `reason` defaults to manual).

    Raises NotSuppressionCsv before the first row when there is no `address` column, and when the
    text stops being CSV part way.
    """
    reader = csv.DictReader(lines)
    try:
        header = [name.strip().lower() for name in (reader.fieldnames or [])]
        if "address" not in header:
            raise NotSuppressionCsv("a CSV header row with an `address` column is required")
        reader.fieldnames = header
        for record in reader:
            yield _row(reader.line_num, {k: (v or "").strip() for k, v in record.items() if k})
    except csv.Error as exc:
        raise NotSuppressionCsv(f"the CSV is malformed: {exc}") from None


DOMAIN_INVALID = Reason.DOMAIN_INVALID.value


def _row(line: int, record: dict[str, str]) -> Row:
    address = record.get("address", "")
    reason = record.get("reason") or MANUAL
    note = record.get("note") or None
    bad_note = unstorable(note) if note else None
    if bad_note is not None:
        return Row(line, address, reason, None, None, f"note {bad_note}")
    if reason == DOMAIN_INVALID:
        # The domain rule's reason: for a `*@domain` entry only (an export of one imports back).
        if not address.startswith(DOMAIN_KEY_PREFIX):
            return Row(line, address, reason, None, note, f"{DOMAIN_INVALID} is for *@domain entries only")
    elif reason not in REASONS:
        error = (
            f"unknown reason {reason[:40]!r} (one of {', '.join(REASONS)}, or {DOMAIN_INVALID} for *@domain)"
        )
        return Row(line, address, reason, None, note, error)
    account = record.get("account") or None
    if account is not None:
        try:
            validate_account_id(account)
        except InvalidAccountId as exc:
            return Row(line, address, reason, None, note, str(exc))
    since_text = record.get("since", "")
    try:
        # No zone means UTC, as everywhere else a time is given.
        since = as_utc(datetime.fromisoformat(since_text)) if since_text else None
    except ValueError:
        return Row(line, address, reason, None, note, f"since is not an ISO 8601 time: {since_text[:40]!r}")
    return Row(line, address, reason, since, note, account=account)
