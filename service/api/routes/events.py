"""The event feed: the outbox served over HTTP, so a machine without Kafka still has the stream."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from service.api.auth import DatabaseCallsDep, ReadAccess, ReadsDep
from service.api.routes import problem_responses
from service.api.schemas import EventPage
from service.app import lookups

router = APIRouter(prefix="/v1/events", tags=["events"])


@router.get(
    "",
    operation_id="list_events",
    summary="Event feed",
    response_model=EventPage,
    responses=problem_responses(401, 403, 404, 422),
)
async def list_events(
    access: ReadAccess,
    reads: ReadsDep,
    calls: DatabaseCallsDep,
    after: Annotated[
        int, Query(ge=0, le=2**63 - 1, description="the last event id seen; 0 = from the start")
    ] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    """Events with an id above `after`, oldest first: the same CloudEvents Kafka gets (type, subject,
    account, data, ce_id). Poll with the returned `next_after`; an empty page means nothing new yet.

    An account's feed (an account-bound key, or `account=`) holds that account's events and the
    changes of global entries, nothing else; a global key naming no account gets every event."""

    def read() -> dict[str, Any]:
        with reads() as session:
            return lookups.event_feed(session, access.view, after=after, limit=limit)

    return await calls.run(read)
