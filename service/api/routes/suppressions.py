"""Suppression list routes: lookup, bulk check, list, manual add/remove, history, import, export."""

from __future__ import annotations

import io
import json
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import StreamingResponse
from pydantic import BeforeValidator, ValidationError
from pydantic_core import to_json
from starlette.background import BackgroundTask

from service.api.auth import (
    ACCOUNT_QUERY_PARAMETER,
    AdminAccess,
    AdminCaller,
    DatabaseCallsDep,
    DatabaseDep,
    LookupEngineDep,
    ReadAccess,
    ReadCaller,
    ReadEngineDep,
    ReadsDep,
    SettingsDep,
    requested_view,
    unknown_account,
    view_of,
)
from service.api.check_body import check_body
from service.api.database_calls import DatabaseCalls
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
    StorableText,
    Suppression,
    SuppressionPage,
)
from service.app import domains, lookups, suppression_csv, suppressions
from service.app.accounts import KnownAccounts
from service.domain.addresses import InvalidAddress
from service.domain.scope import View
from service.store.db import Database

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


# An import may take this long per row on top of the usual deadline (10x what it needs).
IMPORT_SECONDS_PER_ROW = 0.001


class JSONBytes(Response):
    """A body already serialised to JSON."""

    media_type = "application/json"


def _normalise(value: str) -> str:
    """An address, or `*@domain` (an entry covering a whole domain); 422 for anything else."""
    try:
        return lookups.normalise(value, "address", keys=True)
    except InvalidAddress as exc:
        raise Problem(422, str(exc), slug="invalid-address") from None


@router.get(
    "/export",
    operation_id="export_suppressions",
    summary="Export the list (streamed)",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "every entry the caller sees: CSV with a header row, or JSON Lines",
            "content": {
                "text/csv": {
                    "schema": {"type": "string"},
                    "example": "address,reason,since,note,account\r\n",
                },
                "application/x-ndjson": {"schema": {"type": "string"}},
            },
        },
        **problem_responses(401, 403, 404, 422),
    },
)
async def export_suppressions(
    access: ReadAccess,
    db: DatabaseDep,
    calls: DatabaseCallsDep,
    format: Literal["csv", "ndjson"] = "csv",
    reason: Reason | None = None,
    since: SinceQuery = None,
) -> StreamingResponse:
    """Every entry the caller sees (global ones and its account's; a global key naming no account:
    all of them) in (address, scope) order, read page by page while it is sent (no size limit).
    The CSV's `account` column is empty for global entries."""
    pages = _pages(calls, db, access.view, reason, since)
    if format == "csv":
        return StreamingResponse(_csv_lines(pages), media_type="text/csv; charset=utf-8")
    return StreamingResponse(_ndjson_lines(pages), media_type="application/x-ndjson")


def _read_page(
    db: Database, view: View, reason: str | None, since: datetime | None, cursor: str | None
) -> lookups.Page:
    # A session per page: a long export never holds a connection (or a snapshot) between pages.
    with db.session() as session:
        return lookups.list_page(
            session, view, reason=reason, since=since, cursor=cursor, limit=lookups.EXPORT_PAGE
        )


async def _pages(
    calls: DatabaseCalls, db: Database, view: View, reason: str | None, since: datetime | None
) -> AsyncIterator[list[dict[str, Any]]]:
    """The entries `view` sees page by page, each page read off the event loop under the deadline."""
    cursor: str | None = None
    while True:
        page = await calls.run(_read_page, db, view, reason, since, cursor)
        if page.items:
            yield page.items
        if page.next_cursor is None:
            return
        cursor = page.next_cursor


async def _csv_lines(pages: AsyncIterator[list[dict[str, Any]]]) -> AsyncIterator[str]:
    yield suppression_csv.header_line()
    async for page in pages:
        yield suppression_csv.page_lines(page)


async def _ndjson_lines(pages: AsyncIterator[list[dict[str, Any]]]) -> AsyncIterator[str]:
    async for page in pages:
        yield "".join(json.dumps(lookups.to_dict(item)) + "\n" for item in page)


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
                    "example": "address,reason,since,note,account\r\njane.doe@example.com,manual,,asked by phone,\r\n",
                },
            },
        }
    },
    responses=problem_responses(401, 403, 404, 413, 415, 422),
)
async def import_suppressions(
    request: Request, access: AdminAccess, db: DatabaseDep, calls: DatabaseCallsDep
) -> ImportSummary:
    """Suppress many addresses; addresses already suppressed are left as they are.

    JSON: `{"addresses": [...], "note": ...}` (reason `manual`). CSV: a header row with an `address`
    column and optional `reason`, `since`, `note` and `account` columns (the export's format, so an
    export can be imported elsewhere with its reasons, dates and scopes). Entries go to the call's
    account (an account-bound key's, or `account=`); a global key naming none imports each row into
    the scope its `account` column names (empty: global). Hard-bounce and soft-bounce-threshold
    entries are global only. A malformed line refuses the whole upload (422 naming it) before
    anything is written; invalid rows are skipped and reported. The rows are written a thousand to
    a transaction: after a failure, sending the same upload again is safe.
    """
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    if content_type == "application/json":
        try:
            # json.loads, as for every other JSON body: it keeps an escaped lone surrogate, so the
            # field's own check can name the field instead of the whole body being "invalid JSON".
            parsed = ImportRequest.model_validate(json.loads(body))
        except json.JSONDecodeError as exc:
            raise Problem(422, f"body: invalid JSON ({exc.msg})", slug="invalid-request") from None
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise Problem(422, f"{where or 'body'}: {first['msg']}", slug="invalid-request") from None
        rows = [
            suppression_csv.Row(i, address, "manual", None, parsed.note)
            for i, address in enumerate(parsed.addresses)
        ]
    elif content_type == "text/csv":
        rows = _read_csv(body)
    else:
        raise Problem(415, "send application/json or text/csv", slug="unsupported-media-type")
    deadline = calls.deadline + len(rows) * IMPORT_SECONDS_PER_ROW
    return await calls.run(_import_rows, db, rows, access.caller.actor, access.view, deadline=deadline)


def _read_csv(body: bytes) -> list[suppression_csv.Row]:
    """Every row, or 422 naming the first line that is malformed (an invalid address is only skipped)."""
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Problem(422, "the CSV is not UTF-8", slug="invalid-request") from None
    try:
        rows = list(suppression_csv.read_rows(io.StringIO(text, newline="")))
    except suppression_csv.NotSuppressionCsv as exc:
        raise Problem(422, str(exc), slug="invalid-request") from None
    for row in rows:
        if row.error is not None:
            raise Problem(422, f"line {row.line}: {row.error}", slug="invalid-request")
    return rows


def _import_rows(db: Database, rows: list[suppression_csv.Row], actor: str, view: View) -> ImportSummary:
    # A transaction per chunk (as the CLI's import): memory and the time any lock is held stay
    # bounded however large the import; a retry after a failure is safe (what went in already
    # counts as already suppressed).
    summary = suppressions.ImportSummary()
    for start in range(0, len(rows), suppressions.IMPORT_CHUNK):
        with db.transaction() as session:
            summary.include(
                suppressions.import_rows(
                    session,
                    rows[start : start + suppressions.IMPORT_CHUNK],
                    actor=actor,
                    account=view.account,
                    every_account=view.every_account,
                )
            )
    return ImportSummary(
        added=summary.added,
        already_suppressed=summary.already_suppressed,
        invalid=[address[:320] for _, address, _ in summary.rejected[:100]],
        invalid_count=len(summary.rejected),
    )


@router.post(
    "/check",
    operation_id="check_suppressions",
    summary="Bulk check",
    response_model=CheckResponse,
    responses=problem_responses(401, 403, 404, 413, 422),
)
async def check_suppressions(
    request: Request,
    body: CheckRequest,
    access: ReadAccess,
    reads: ReadEngineDep,
    calls: DatabaseCallsDep,
    settings: SettingsDep,
) -> Response:
    """Check up to 10,000 addresses in one call (at most one indexed query on PostgreSQL, for the
    addresses the in-memory view of the list cannot clear), answers in input order, for mail from
    the call's account (an account-bound key's, or `account=`): its entries and the global ones;
    with no account, global entries only.

    Every address is answered: one that is not an address comes back as given with `valid` false
    and `error` saying why (and `suppressed` false); the others come back normalised.
    """
    limit = settings.max_bulk_addresses
    if len(body.addresses) > limit:
        raise Problem(
            422,
            f"at most {limit:,} addresses per check; this request has {len(body.addresses):,}. Split it.",
            slug="too-many-addresses",
        )

    suppression_view = request.app.state.suppression_view
    later: list[Callable[[], None]] = []  # the answers read, kept once the response is sent

    def check() -> bytes:
        checking = lookups.start_check(
            reads, body.addresses, access.view.lookup_account, suppression_view, later
        )
        return check_body(checking)

    # Written directly (the shape is CheckResponse, service/api/check_body.py): validating 10,000
    # result models again would cost more than the database queries.
    return JSONBytes(await calls.run(check), background=BackgroundTask(_run_all, later))


def _run_all(calls: list[Callable[[], None]]) -> None:
    for call in calls:
        call()


@router.get(
    "",
    operation_id="list_suppressions",
    summary="List suppressions",
    response_model=SuppressionPage,
    responses=problem_responses(401, 403, 404, 422),
)
async def list_suppressions(
    access: ReadAccess,
    reads: ReadsDep,
    calls: DatabaseCallsDep,
    reason: Reason | None = None,
    since: SinceQuery = None,
    cursor: Annotated[
        str | None, Query(max_length=2000, description="`next_cursor` of the previous page")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    """The entries the caller sees in (address, scope) order, one page at a time: the global ones
    and its account's (a global key naming no account: every entry, each with its scope)."""

    def read() -> lookups.Page:
        with reads() as session:
            return lookups.list_page(
                session, access.view, reason=reason, since=since, cursor=cursor, limit=limit
            )

    try:
        page = await calls.run(read)
    except lookups.InvalidCursor as exc:
        raise Problem(422, str(exc), slug="invalid-cursor") from None
    return {"items": page.items, "next_cursor": page.next_cursor}


@router.post(
    "",
    operation_id="add_suppression",
    summary="Suppress an address by hand",
    status_code=201,
    response_model=Suppression,
    responses={
        200: {"description": "already suppressed in that scope; nothing changed", "model": Suppression},
        **problem_responses(401, 403, 404, 422, s404="no account has the id `account` names"),
    },
)
async def add_suppression(
    request: Request,
    body: ManualAdd,
    caller: AdminCaller,
    db: DatabaseDep,
    calls: DatabaseCallsDep,
    response: Response,
) -> dict[str, Any]:
    """Add a manual entry (201), global or for `account` (an account-bound key's entries are always
    its account's); an address already suppressed in that scope is left unchanged (200)."""
    address = _normalise(body.address)
    account = (await view_of(request, caller, body.account)).account  # None: a global entry

    def add() -> tuple[dict[str, Any], bool]:
        with db.transaction() as session:
            row, created = suppressions.add_manual(
                session, address, note=body.note, actor=caller.actor, account=account
            )
            return lookups.entry_of(row), created

    entry, created = await calls.run(add)
    if not created:
        response.status_code = 200
    return entry


@router.get(
    "/{address}",
    operation_id="get_suppression",
    summary="Look up one address",
    response_model=Suppression,
    responses=problem_responses(
        401, 403, 404, 422, s404="the address is not suppressed for the account (or no such account)"
    ),
    openapi_extra={"parameters": [ACCOUNT_QUERY_PARAMETER]},
)
async def get_suppression(
    address: AddressPath,
    request: Request,
    caller: ReadCaller,
    engine: LookupEngineDep,
    calls: DatabaseCallsDep,
) -> Response:
    """Whether mail from the call's account (an account-bound key's, or `account=`) may go to the
    address: 200 with the entry that stops it (reason, since, scope, account), 404 problem+json when
    it is free. Another account's entries are not read: for this caller they do not exist. With no
    account (a global key naming none), global entries only."""
    normalised = _normalise(address)
    # `account` and the known accounts are read here, not through FastAPI's parameters and
    # dependencies: they cost the lookup every send makes a tenth of its time.
    view, to_check = requested_view(caller, request.query_params.get("account"))
    lookup_account = view.lookup_account
    known: KnownAccounts = request.app.state.known_accounts
    suppression_view = request.app.state.suppression_view
    # Most addresses a sender asks about are free, and the suppressed ones are asked about again
    # and again: memory answers both without a thread hop or a query when it can (an account
    # named by `account=` must be known to exist already).
    if to_check is None or known.remembered(to_check):
        remembered = lookups.from_memory(suppression_view, normalised, lookup_account)
        if remembered is False:
            return problem_response(Problem(404, f"{normalised} is not suppressed", slug="not-suppressed"))
        if isinstance(remembered, dict):
            return JSONBytes(to_json(remembered))

    def lookup() -> dict[str, Any] | bool | None:  # False: the named account does not exist
        with engine.connect() as connection:
            if to_check is not None and not known.exists(connection, to_check):
                return False
            return lookups.find_remembered(connection, suppression_view, normalised, lookup_account)

    entry = await calls.run(lookup)
    # The hot path of every send: answers are built directly (404 included) rather than through
    # response-model validation and exception dispatch.
    if entry is False:
        assert to_check is not None
        return problem_response(unknown_account(to_check))
    if not isinstance(entry, dict):
        return problem_response(Problem(404, f"{normalised} is not suppressed", slug="not-suppressed"))
    return JSONBytes(to_json(entry))


@router.delete(
    "/{address}",
    operation_id="remove_suppression",
    summary="Remove (reactivate) an address",
    status_code=204,
    response_class=Response,
    responses=problem_responses(
        401,
        403,
        404,
        409,
        422,
        s404="the address is not suppressed in that scope (or no such account)",
        s409="a `*@domain` entry with many addresses on record at the domain: repeat with confirm=true",
    ),
)
async def remove_suppression(
    address: AddressPath,
    access: AdminAccess,
    db: DatabaseDep,
    calls: DatabaseCallsDep,
    note: Annotated[
        StorableText | None,
        Query(max_length=suppressions.MAX_NOTE_LENGTH, description="why; kept in the history"),
    ] = None,
    confirm: Annotated[
        bool,
        Query(description="confirm removing a `*@domain` entry with many addresses on record at the domain"),
    ] = False,
) -> Response:
    """Take the address (or `*@domain`) off the list in the call's scope (its account's entry; a
    global key naming no account: the global entry); the change, its actor and note go to the
    history. Removing a domain entry with many addresses on record at the domain needs
    `confirm=true` (409 without it, naming how many)."""
    normalised = _normalise(address)

    def remove() -> bool:
        with db.transaction() as session:
            if not confirm:
                domains.check_removal(session, normalised)
            return suppressions.remove(
                session, normalised, note=note, actor=access.caller.actor, account=access.view.account
            )

    try:
        removed = await calls.run(remove)
    except domains.ConfirmationNeeded as exc:
        raise Problem(
            409,
            f"{exc}: repeat with confirm=true",
            slug="confirmation-needed",
            extra={"addresses": exc.addresses},
        ) from None
    if not removed:
        raise Problem(404, f"{normalised} is not suppressed", slug="not-suppressed")
    return Response(status_code=204)


@router.get(
    "/{address}/history",
    operation_id="get_suppression_history",
    summary="History of one address",
    response_model=History,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_history(
    address: AddressPath,
    access: ReadAccess,
    reads: ReadsDep,
    calls: DatabaseCallsDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    """The events and suppression changes of the address the caller sees, newest first (empty for
    an unknown one): its account's events and the changes of global entries and its own (a global
    key naming no account: everything)."""
    normalised = _normalise(address)

    def read() -> dict[str, Any]:
        with reads() as session:
            return lookups.history(session, normalised, access.view, limit=limit)

    return await calls.run(read)
