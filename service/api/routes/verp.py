"""Signed VERP return paths for a sending service: one MAIL FROM per recipient of an account's mail."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from service.api.auth import IngestCaller, SettingsDep, view_of
from service.api.problems import Problem
from service.api.routes import problem_responses
from service.api.schemas import VerpRequest, VerpResponse
from service.app import verp

router = APIRouter(prefix="/v1/verp", tags=["accounts"])


@router.post(
    "",
    operation_id="make_return_paths",
    summary="Make VERP return paths",
    response_model=VerpResponse,
    responses=problem_responses(
        401, 403, 404, 409, 422, s404="no account has this id", s409="VERP is not configured on this server"
    ),
)
async def make_return_paths(
    request: Request, body: VerpRequest, caller: IngestCaller, settings: SettingsDep
) -> dict[str, Any]:
    """`LOCAL+TOKEN@DOMAIN` from BOUNCEBACK_VERP_ADDRESS for each recipient: a bounce returned to it is
    attributed to the account and names the recipient. A global key names the account; an
    account-bound key makes them for its own account only (403 for another)."""
    view = await view_of(request, caller, body.account)
    if view.account is None:
        raise Problem(422, "account: required (the key is not bound to an account)", slug="invalid-request")
    limit = settings.max_bulk_addresses
    if len(body.recipients) > limit:
        raise Problem(
            422,
            f"at most {limit:,} recipients per call; this request has {len(body.recipients):,}",
            slug="too-many-addresses",
        )
    try:
        made = verp.return_paths(settings, view.account, body.recipients)
    except verp.VerpNotConfigured as exc:
        raise Problem(409, str(exc), slug="verp-not-configured") from None
    except verp.InvalidAddress as exc:
        raise Problem(422, str(exc), slug="invalid-address") from None
    except verp.TokenTooLong as exc:
        raise Problem(422, str(exc), slug="recipient-too-long") from None
    return {
        "account": view.account,
        "return_paths": [{"recipient": m.recipient, "return_path": m.return_path} for m in made],
    }
