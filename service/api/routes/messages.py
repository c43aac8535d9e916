"""Messages: raw intake (a mail relay posts a bounce, complaint or auto-reply as message/rfc822) and
the evidence: each stored message's metadata, events and exact bytes, and the list of them."""

from __future__ import annotations

from functools import partial
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request, Response

from service.api.auth import (
    AdminAccess,
    DatabaseCallsDep,
    DatabaseDep,
    IngestCaller,
    ReadAccess,
    ReadsDep,
    SettingsDep,
)
from service.api.problems import Problem
from service.api.routes import problem_responses
from service.api.schemas import IngestOutcome, MessageDetail, MessagePage
from service.app import evidence
from service.app.ingest import MessageTooLarge, ingest_message

router = APIRouter(prefix="/v1/messages", tags=["messages"])

ACCEPTED_TYPES = ("message/rfc822",)


def _too_large(limit: int) -> Problem:
    return Problem(413, f"the message exceeds the limit of {limit:,} bytes", slug="message-too-large")


@router.post(
    "",
    operation_id="post_message",
    summary="Ingest one raw message",
    status_code=201,
    response_model=IngestOutcome,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "message/rfc822": {
                    "schema": {"type": "string", "format": "binary"},
                    "example": "From: MAILER-DAEMON@mx.example.net\r\nTo: bounces@example.com\r\n"
                    "Subject: Undelivered Mail Returned to Sender\r\n\r\n...",
                }
            },
        }
    },
    responses={
        200: {
            "description": "seen before (same bytes): nothing changed, the first outcome",
            "model": IngestOutcome,
        },
        201: {"description": "stored and processed or quarantined"},
        **problem_responses(401, 403, 413, 415, 422),
    },
)
async def post_message(
    request: Request,
    caller: IngestCaller,
    db: DatabaseDep,
    calls: DatabaseCallsDep,
    settings: SettingsDep,
    response: Response,
) -> dict[str, Any]:
    """Run the message through the same pipeline as every other intake, in one transaction.

    201 with the parsed events for a new message (`outcome` processed, or quarantined with the
    reason when nothing usable was found); 200 with the first outcome when the same bytes were
    posted before. Oversized messages are refused with 413 before the whole body is read.

    A key bound to an account attributes what it posts to its own account or to nobody: evidence
    naming another account is passed over. It gets the events and suppressions of a message
    attributed to its account or to nobody; of a message another account's mail caused (posted
    before by someone else: a duplicate) it learns the outcome only, with `account` null.
    """
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type not in ACCEPTED_TYPES:
        raise Problem(
            415, "send the raw message with Content-Type: message/rfc822", slug="unsupported-media-type"
        )
    limit = settings.max_message_bytes
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    raw = b"".join(chunks)
    if not raw.strip():
        raise Problem(422, "the message is empty", slug="empty-message")
    try:
        result = await calls.run(
            partial(ingest_message, only_account=caller.account), db, raw, caller.actor, settings
        )
    except MessageTooLarge:
        raise _too_large(limit) from None
    if result.duplicate:
        response.status_code = 200
    visible = caller.account is None or result.account in (None, caller.account)
    return {
        "message_id": result.message_id,
        "outcome": result.outcome,
        "duplicate": result.duplicate,
        "message_type": result.message_type,
        "events": list(result.events) if visible else [],
        "suppressions_added": list(result.suppressions_added) if visible else [],
        "quarantine_reason": result.quarantine_reason,
        "account": result.account if visible else None,
        "attributed_by": result.attributed_by if visible else None,
    }


MessageId = Annotated[int, Path(ge=1, le=2**63 - 1, description="the message id (history items name it)")]


def _unknown(message_id: int) -> Problem:
    return Problem(404, f"no message {message_id}", slug="unknown-message")


@router.get(
    "",
    operation_id="list_messages",
    summary="List stored messages",
    response_model=MessagePage,
    responses=problem_responses(401, 403, 404, 422),
)
async def list_messages(
    access: ReadAccess,
    reads: ReadsDep,
    calls: DatabaseCallsDep,
    outcome: Literal["processed", "quarantined"] | None = None,
    cursor: Annotated[
        str | None, Query(max_length=40, description="`next_cursor` of the previous page")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    """The messages the caller sees, newest first (`outcome=quarantined`: the ones kept aside, with
    their reasons). An account-bound key (or `account=`) sees the messages attributed to its
    account; a global key naming none sees every message."""

    def read() -> evidence.Page:
        with reads() as session:
            return evidence.list_page(session, access.view, outcome=outcome, cursor=cursor, limit=limit)

    try:
        page = await calls.run(read)
    except evidence.InvalidCursor as exc:
        raise Problem(422, str(exc), slug="invalid-cursor") from None
    return {"items": page.items, "next_cursor": page.next_cursor}


@router.get(
    "/{message_id}",
    operation_id="get_message",
    summary="One message's evidence",
    response_model=MessageDetail,
    responses=problem_responses(
        401, 403, 404, 422, s404="no such message for the caller (or no such account)"
    ),
)
async def get_message(
    message_id: MessageId, access: ReadAccess, reads: ReadsDep, calls: DatabaseCallsDep
) -> dict[str, Any]:
    """Metadata, outcome and quarantine reason, attribution, the parsed events (a replay's
    superseded ones too, marked) and the suppression changes they caused. A message attributed to
    another account than the caller's is 404, as one that does not exist."""

    def read() -> dict[str, Any]:
        with reads() as session:
            return evidence.show(session, message_id, access.view)

    try:
        return await calls.run(read)
    except evidence.UnknownMessage:
        raise _unknown(message_id) from None


@router.get(
    "/{message_id}/raw",
    operation_id="get_message_raw",
    summary="One message's stored bytes",
    response_class=Response,
    responses={
        200: {
            "description": "the bytes as they were received, byte for byte",
            "content": {"message/rfc822": {"schema": {"type": "string", "format": "binary"}}},
        },
        **problem_responses(
            401,
            403,
            404,
            410,
            422,
            s404="no such message for the caller (or no such account)",
            s410="the raw bytes were pruned after the retention period (BOUNCEBACK_RAW_RETENTION_DAYS)",
        ),
    },
)
async def get_message_raw(
    message_id: MessageId, access: AdminAccess, reads: ReadsDep, calls: DatabaseCallsDep
) -> Response:
    """The stored bytes, exactly as received, as `message/rfc822` (admin scope: a bounce quotes the
    original mail, which may hold personal data)."""

    def read() -> bytes:
        with reads() as session:
            return evidence.raw(session, message_id, access.view)

    try:
        body = await calls.run(read)
    except evidence.UnknownMessage:
        raise _unknown(message_id) from None
    except evidence.RawPruned as exc:
        raise Problem(410, str(exc), slug="raw-pruned") from None
    return Response(
        content=body,
        media_type="message/rfc822",
        headers={"Content-Disposition": f'attachment; filename="message-{message_id}.eml"'},
    )
