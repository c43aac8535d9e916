"""Suppression list routes: lookup, bulk check, list, manual add/remove, history, import, export."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import StreamingResponse
from pydantic import BeforeValidator, ValidationError
from pydantic_core import to_json
from starlette.concurrency import run_in_threadpool

from service.api.auth import (
    AdminCaller,
    DatabaseDep,
    LookupGateDep,
    ReadCaller,
    ReadEngineDep,
    ReadsDep,
    SettingsDep,
)
from service.api.problems import Problem, problem_response
from service.api.routes import problem_responses
from service.api.schemas import (
    CheckRequest,
    CheckResponse,
    History,
    ImportRequest,
    ImportSummary,
    ManualAdd,
    Reason,
    Suppression,
    SuppressionPage,
)
from service.app import suppressions
from service.domain.addresses import InvalidAddress
from service.store import reads as store_reads
from service.store.db import Database
from service.store.models import Recipient

router = APIRouter(prefix="/v1/suppressions", tags=["suppressions"])

AddressPath = Annotated[str, Path(min_length=1, max_length=1000, examples=["jane.doe@example.com"])]


def _iso_time(value: Any) -> Any:
    """ISO 8601 only (pydantic would also take a number as a Unix time); no zone means UTC."""
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise ValueError("must be an ISO 8601 date-time, e.g. 2026-11-01T00:00:00Z") from None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return value


SinceQuery = Annotated[
    datetime | None,
    BeforeValidator(_iso_time),
    Query(description="only entries suppressed at or after this time (ISO 8601)"),
]
CSV_COLUMNS = ("address", "reason", "since", "note")


class JSONBytes(Response):
    """A body already serialised to JSON."""

    media_type = "application/json"


def _normalise(value: str, where: str = "address") -> str:
    try:
        return store_reads.normalize_for_lookup(value)
    except InvalidAddress:
        raise Problem(
            422, f"{where}: not an email address: {value[:320]!r}", slug="invalid-address"
        ) from None


def _entry(row: Recipient) -> dict[str, Any]:
    return {
        "address": row.address,
        "suppressed": bool(row.suppressed),
        "reason": row.reason,
        "since": store_reads.utc(row.since),
        "source_event_id": row.source_event_id,
        "note": row.note,
    }


@router.get(
    "/export",
    operation_id="export_suppressions",
    summary="Export the list (streamed)",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "every suppressed address: CSV with a header row, or JSON Lines",
            "content": {
                "text/csv": {"schema": {"type": "string"}, "example": "address,reason,since,note\r\n"},
                "application/x-ndjson": {"schema": {"type": "string"}},
            },
        },
        **problem_responses(401, 403, 422),
    },
)
def export_suppressions(
    caller: ReadCaller,
    db: DatabaseDep,
    format: Literal["csv", "ndjson"] = "csv",
    reason: Reason | None = None,
    since: SinceQuery = None,
) -> StreamingResponse:
    """The whole list in address order, read page by page while it is sent (no size limit)."""
    pages = store_reads.iter_suppressions(db.session, reason=reason, since=since)
    if format == "csv":
        return StreamingResponse(_csv_lines(pages), media_type="text/csv; charset=utf-8")
    return StreamingResponse(_ndjson_lines(pages), media_type="application/x-ndjson")


def _csv_lines(pages: Iterator[list[dict[str, Any]]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for page in pages:
        for item in page:
            since = item["since"]
            writer.writerow(
                [item["address"], item["reason"], since.isoformat() if since else "", item["note"] or ""]
            )
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()


def _ndjson_lines(pages: Iterator[list[dict[str, Any]]]) -> Iterator[str]:
    for page in pages:
        yield "".join(json.dumps(item, default=_iso) + "\n" for item in page)


def _iso(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(type(value).__name__)


@router.post(
    "/import",
    operation_id="import_suppressions",
    summary="Import addresses (CSV or JSON)",
    response_model=ImportSummary,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/ImportRequest"}},
                "text/csv": {
                    "schema": {"type": "string"},
                    "example": "address,reason,since,note\r\njane.doe@example.com,manual,,asked by phone\r\n",
                },
            },
        }
    },
    responses=problem_responses(401, 403, 413, 415, 422),
)
async def import_suppressions(request: Request, caller: AdminCaller, db: DatabaseDep) -> ImportSummary:
    """Suppress many addresses in one transaction; addresses already suppressed are left as they are.

    JSON: `{"addresses": [...], "note": ...}` (reason `manual`). CSV: a header row with an `address`
    column and optional `reason`, `since` and `note` columns (the export's format, so an export can
    be imported elsewhere with its reasons and dates). Invalid addresses are skipped and reported.
    """
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    if content_type == "application/json":
        try:
            parsed = ImportRequest.model_validate_json(body)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise Problem(422, f"{where or 'body'}: {first['msg']}", slug="invalid-request") from None
        rows = [
            {"address": a, "reason": "manual", "since": None, "note": parsed.note} for a in parsed.addresses
        ]
    elif content_type == "text/csv":
        rows = _parse_csv(body)
    else:
        raise Problem(415, "send application/json or text/csv", slug="unsupported-media-type")
    return await run_in_threadpool(_import_rows, db, rows, f"api:{caller.name}")


def _parse_csv(body: bytes) -> list[dict[str, Any]]:
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Problem(422, "the CSV is not UTF-8", slug="invalid-request") from None
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        header = [h.strip().lower() for h in (reader.fieldnames or [])]
        if "address" not in header:
            raise Problem(422, "the CSV needs a header row with an `address` column", slug="invalid-request")
        reader.fieldnames = header
        rows: list[dict[str, Any]] = []
        for number, record in enumerate(reader, start=2):
            reason = (record.get("reason") or "manual").strip()
            if reason not in ("hard_bounce", "complaint", "soft_bounce_threshold", "manual"):
                raise Problem(422, f"line {number}: unknown reason {reason[:40]!r}", slug="invalid-request")
            since_text = (record.get("since") or "").strip()
            try:
                since = datetime.fromisoformat(since_text) if since_text else None
            except ValueError:
                raise Problem(
                    422, f"line {number}: since is not an ISO 8601 time", slug="invalid-request"
                ) from None
            if since is not None and since.tzinfo is None:
                raise Problem(422, f"line {number}: since needs a time zone", slug="invalid-request")
            note = (record.get("note") or "").strip() or None
            rows.append(
                {"address": record.get("address") or "", "reason": reason, "since": since, "note": note}
            )
    except csv.Error as exc:
        raise Problem(422, f"the CSV is malformed: {exc}", slug="invalid-request") from None
    return rows


def _import_rows(db: Database, rows: list[dict[str, Any]], actor: str) -> ImportSummary:
    added = already = 0
    invalid: list[str] = []
    invalid_count = 0
    with db.transaction() as session:
        for row in rows:
            try:
                _, created = suppressions.import_entry(
                    session,
                    str(row["address"]),
                    reason=row["reason"],
                    since=row["since"],
                    note=row["note"],
                    actor=actor,
                )
            except InvalidAddress:
                invalid_count += 1
                if len(invalid) < 100:
                    invalid.append(str(row["address"])[:320])
                continue
            if created:
                added += 1
            else:
                already += 1
    return ImportSummary(
        added=added, already_suppressed=already, invalid=invalid, invalid_count=invalid_count
    )


@router.post(
    "/check",
    operation_id="check_suppressions",
    summary="Bulk check",
    response_model=CheckResponse,
    responses=problem_responses(401, 403, 413, 422),
)
def check_suppressions(
    body: CheckRequest, caller: ReadCaller, reads: ReadEngineDep, settings: SettingsDep
) -> Response:
    """Check up to 10,000 addresses in one call (a few indexed IN queries), answers in input order.

    An entry that is not an address fails the call with 422 naming it, like the CLI's check.
    """
    limit = settings.max_bulk_addresses
    if len(body.addresses) > limit:
        raise Problem(
            422,
            f"at most {limit:,} addresses per check; this request has {len(body.addresses):,}. Split it.",
            slug="too-many-addresses",
        )
    try:
        with reads.connect() as connection:
            results = store_reads.check_addresses(connection, body.addresses)
    except InvalidAddress as exc:
        raise Problem(422, str(exc), slug="invalid-address") from None
    # Serialised directly (the shape is CheckResponse): validating 10,000 result models again
    # would cost more than the database queries.
    return JSONBytes(to_json({"results": results}))


@router.get(
    "",
    operation_id="list_suppressions",
    summary="List suppressions",
    response_model=SuppressionPage,
    responses=problem_responses(401, 403, 422),
)
def list_suppressions(
    caller: ReadCaller,
    reads: ReadsDep,
    reason: Reason | None = None,
    since: SinceQuery = None,
    cursor: Annotated[
        str | None, Query(max_length=2000, description="`next_cursor` of the previous page")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    """Suppressed addresses in address order, one page at a time."""
    try:
        after = store_reads.decode_cursor(cursor) if cursor is not None else None
    except store_reads.InvalidCursor as exc:
        raise Problem(422, str(exc), slug="invalid-cursor") from None
    with reads() as session:
        items, next_cursor = store_reads.list_suppressions(
            session, reason=reason, since=since, after=after, limit=limit
        )
    return {"items": items, "next_cursor": next_cursor}


@router.post(
    "",
    operation_id="add_suppression",
    summary="Suppress an address by hand",
    status_code=201,
    response_model=Suppression,
    responses={
        200: {"description": "already suppressed; nothing changed", "model": Suppression},
        **problem_responses(401, 403, 422),
    },
)
def add_suppression(
    body: ManualAdd, caller: AdminCaller, db: DatabaseDep, response: Response
) -> dict[str, Any]:
    """Add a manual entry (201); an address already suppressed is left unchanged (200)."""
    address = _normalise(body.address)
    with db.transaction() as session:
        row, created = suppressions.add_manual(session, address, note=body.note, actor=f"api:{caller.name}")
        entry = _entry(row)
    if not created:
        response.status_code = 200
    return entry


@router.get(
    "/{address}",
    operation_id="get_suppression",
    summary="Look up one address",
    response_model=Suppression,
    responses=problem_responses(401, 403, 404, 422, s404="the address is not suppressed"),
)
async def get_suppression(address: AddressPath, caller: ReadCaller, gate: LookupGateDep) -> Response:
    """200 with reason and since when the address is suppressed; 404 problem+json when it is free."""
    normalised = _normalise(address)

    def lookup() -> dict[str, Any] | None:
        assert gate.engine is not None
        with gate.engine.connect() as connection:
            return store_reads.find_suppression(connection, normalised)

    entry = await gate.run(lookup)
    # The hot path of every send: answers are built directly (404 included) rather than through
    # response-model validation and exception dispatch.
    if entry is None:
        return problem_response(Problem(404, f"{normalised} is not suppressed", slug="not-suppressed"))
    return JSONBytes(to_json(entry))


@router.delete(
    "/{address}",
    operation_id="remove_suppression",
    summary="Remove (reactivate) an address",
    status_code=204,
    response_class=Response,
    responses=problem_responses(401, 403, 404, 422, s404="the address is not suppressed"),
)
def remove_suppression(
    address: AddressPath,
    caller: AdminCaller,
    db: DatabaseDep,
    note: Annotated[str | None, Query(max_length=2000, description="why; kept in the history")] = None,
) -> Response:
    """Take the address off the list; the change, its actor and note go to the history."""
    normalised = _normalise(address)
    with db.transaction() as session:
        removed = suppressions.remove(session, normalised, note=note, actor=f"api:{caller.name}")
    if not removed:
        raise Problem(404, f"{normalised} is not suppressed", slug="not-suppressed")
    return Response(status_code=204)


@router.get(
    "/{address}/history",
    operation_id="get_suppression_history",
    summary="History of one address",
    response_model=History,
    responses=problem_responses(401, 403, 422),
)
def get_history(
    address: AddressPath,
    caller: ReadCaller,
    reads: ReadsDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    """Every event and suppression change for the address, newest first (empty for an unknown one)."""
    normalised = _normalise(address)
    with reads() as session:
        items, truncated = store_reads.address_history(session, normalised, limit=limit)
        entry = store_reads.find_suppression(session, normalised)
    return {"address": normalised, "suppressed": entry is not None, "items": items, "truncated": truncated}
