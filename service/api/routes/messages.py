"""Raw-message intake: a mail relay posts a bounce, complaint or auto-reply as message/rfc822."""

from __future__ import annotations

from functools import partial
from typing import Any

from fastapi import APIRouter, Request, Response

from service.api.auth import DatabaseCallsDep, DatabaseDep, IngestCaller, SettingsDep
from service.api.problems import Problem
from service.api.routes import problem_responses
from service.api.schemas import IngestOutcome
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
