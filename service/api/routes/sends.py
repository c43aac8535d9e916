"""`POST /v1/sends`: sending services report what they sent (DESIGN.md, "Sends and sender reputation")."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from service.api.auth import DatabaseCallsDep, DatabaseDep, IngestCaller, SettingsDep
from service.api.reputation_schemas import SendsRequest, SendsSummary
from service.api.routes import problem_responses
from service.app import sends

router = APIRouter(prefix="/v1/sends", tags=["sends"])

# A call of 10,000 sends gets this much more time than a plain call before it answers 503.
SECONDS_PER_SEND = 0.0005


@router.post(
    "",
    operation_id="report_sends",
    summary="Report sends",
    response_model=SendsSummary,
    responses=problem_responses(401, 403, 413, 422),
)
async def report_sends(
    body: SendsRequest, caller: IngestCaller, db: DatabaseDep, settings: SettingsDep, calls: DatabaseCallsDep
) -> dict[str, Any]:
    """Up to 10,000 sends, each a message sent to one recipient; idempotent on (account,
    message_id, recipient), so a retried call stores nothing twice. An account-bound key reports for
    its account only (`account` may be left out). An item with an unknown account, a recipient that
    is not an address, or a `sent_at` in the future or older than BOUNCEBACK_SEND_RETENTION_DAYS is
    listed in `errors` with its index and the reason; the others are stored (in one transaction)
    and counted in their account's day."""
    items = [item.model_dump() for item in body.sends]
    deadline = calls.deadline + len(items) * SECONDS_PER_SEND

    def record() -> dict[str, Any]:
        return sends.record_sends(db, items, settings, only_account=caller.account).to_dict()

    return await calls.run(record, deadline=deadline)
