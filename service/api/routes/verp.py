"""Signed VERP return paths for a sending service: one MAIL FROM per recipient of an account's mail."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from service.api.auth import IngestCaller, SettingsDep, account_for_recipients
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
    account = await account_for_recipients(
        request, caller, body.account, len(body.recipients), settings.max_bulk_addresses
    )
    try:
        made = verp.return_paths(settings, account, body.recipients)
    except verp.VerpNotConfigured as exc:
        raise Problem(409, str(exc), slug="verp-not-configured") from None
    except verp.InvalidAddress as exc:
        raise Problem(422, str(exc), slug="invalid-address") from None
    except verp.TokenTooLong as exc:
        raise Problem(422, str(exc), slug="recipient-too-long") from None
    return {
        "account": account,
        "return_paths": [{"recipient": m.recipient, "return_path": m.return_path} for m in made],
    }
