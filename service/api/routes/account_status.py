"""An account's standing: the status call sending services make before a batch, the daily rows,
and an operator's pause and resume (DESIGN.md, "Sends and sender reputation")."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response
from pydantic_core import to_json

from service.api.auth import (
    DatabaseCallsDep,
    DatabaseDep,
    GlobalAdminCaller,
    ReadCaller,
    ReadsDep,
    SettingsDep,
    unknown_account,
)
from service.api.problems import Problem, problem_response
from service.api.reputation_schemas import AccountStatus, Reputation, StatusChangeOut, StatusNote
from service.api.routes import problem_responses
from service.app import reputation
from service.app.accounts import InvalidAccountId, UnknownAccount
from service.app.apikeys import Caller
from service.domain.accounts import validate_account_id

router = APIRouter(prefix="/v1/accounts", tags=["reputation"])

AccountPath = Annotated[str, Path(min_length=1, max_length=200, examples=["shop-a"])]
_NOT_YOURS = "no account with this id, or one an account-bound key does not act for"


class JSONBytes(Response):
    media_type = "application/json"


def _visible(caller: Caller, account: str) -> Problem | None:
    """422 for a malformed id; 404 for another account than a bound key's (as if it did not exist:
    the key learns nothing about other accounts)."""
    try:
        validate_account_id(account)
    except InvalidAccountId as exc:
        return Problem(422, str(exc), slug="invalid-account-id")
    if caller.account is not None and caller.account != account:
        return unknown_account(account)
    return None


@router.get(
    "/{account_id}/status",
    operation_id="get_account_status",
    summary="How fast an account may send now",
    response_model=AccountStatus,
    responses=problem_responses(401, 403, 404, 422, s404=_NOT_YOURS),
)
async def get_account_status(account_id: AccountPath, request: Request, caller: ReadCaller) -> Response:
    """The call to make before every batch: the account's status today (`ok`, `warning_1`,
    `warning_2`, `paused`), the send-rate factor to apply (1, 0.5, 0.25, 0 by default) and today's
    (UTC) numbers behind it. One small query: as cheap as a suppression lookup."""
    problem = _visible(caller, account_id)
    if problem is not None:
        return problem_response(problem)
    # The app's state is read here, not through dependencies: each one costs the call every
    # sending service makes before every batch a noticeable share of its time.
    state = request.app.state
    engine, settings = state.lookup_engine, state.settings

    def read() -> dict[str, Any] | None:
        with engine.connect() as connection:
            return reputation.status(connection, account_id, settings)

    answer = await state.database_calls.run(read)
    if answer is None:
        return problem_response(unknown_account(account_id))
    return JSONBytes(to_json(answer))


@router.get(
    "/{account_id}/reputation",
    operation_id="get_account_reputation",
    summary="An account's daily numbers",
    response_model=Reputation,
    responses=problem_responses(401, 403, 404, 422, s404=_NOT_YOURS),
)
async def get_account_reputation(
    account_id: AccountPath,
    caller: ReadCaller,
    reads: ReadsDep,
    settings: SettingsDep,
    calls: DatabaseCallsDep,
    days: Annotated[int, Query(ge=1, le=reputation.MAX_DAYS, description="how many UTC days back")] = 30,
) -> dict[str, Any]:
    """The account's status and one row per UTC day (newest first): sent, hard and soft bounces,
    complaints, unsubscribes, both rates, and what the ladder says of that day's numbers."""
    problem = _visible(caller, account_id)
    if problem is not None:
        raise problem

    def read() -> dict[str, Any]:
        with reads() as session:
            return reputation.reputation(session, account_id, settings, days=days)

    try:
        return await calls.run(read)
    except UnknownAccount:
        raise unknown_account(account_id) from None


async def _change(
    request: Request, account_id: str, body: StatusNote | None, caller: Caller, pausing: bool
) -> dict[str, Any]:
    try:
        validate_account_id(account_id)
    except InvalidAccountId as exc:
        raise Problem(422, str(exc), slug="invalid-account-id") from None
    db = request.app.state.db
    settings = request.app.state.settings
    calls = request.app.state.database_calls
    change = reputation.pause_account if pausing else reputation.resume_account
    note = (body.note if body is not None else None) or ""

    def run() -> dict[str, Any]:
        return change(db, account_id, settings, note=note, actor=caller.actor).to_dict()

    try:
        answer: dict[str, Any] = await calls.run(run)
    except UnknownAccount:
        raise unknown_account(account_id) from None
    return answer


@router.post(
    "/{account_id}/pause",
    operation_id="pause_account",
    summary="Pause an account",
    response_model=StatusChangeOut,
    responses=problem_responses(401, 403, 404, 422),
)
async def pause_account(
    account_id: AccountPath,
    request: Request,
    caller: GlobalAdminCaller,
    db: DatabaseDep,
    body: StatusNote | None = None,
) -> dict[str, Any]:
    """Pause an account by hand (global admin key), with a note for the audit trail; its status
    call answers `paused` (factor 0) until it is resumed. An account paused already is left as it
    is (`changed` false)."""
    return await _change(request, account_id, body, caller, pausing=True)


@router.post(
    "/{account_id}/resume",
    operation_id="resume_account",
    summary="Resume a paused account",
    response_model=StatusChangeOut,
    responses=problem_responses(401, 403, 404, 422),
)
async def resume_account(
    account_id: AccountPath,
    request: Request,
    caller: GlobalAdminCaller,
    db: DatabaseDep,
    body: StatusNote | None = None,
) -> dict[str, Any]:
    """Resume a paused account (global admin key): back to `ok`; the numbers of the day it is
    resumed on can throttle it again but not pause it. An account that is not paused is left as it
    is, and the answer says so (`changed` false)."""
    return await _change(request, account_id, body, caller, pausing=False)
