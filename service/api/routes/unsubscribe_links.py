"""Unsubscribe and report-spam links for a sending service: the URLs and the two header lines."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from service.api.auth import IngestCaller, SettingsDep, account_for_recipients
from service.api.problems import Problem
from service.api.routes import problem_responses
from service.api.schemas import UnsubscribeLinksRequest, UnsubscribeLinksResponse
from service.app import unsubscribe

router = APIRouter(prefix="/v1/unsubscribe-links", tags=["links"])


@router.post(
    "",
    operation_id="make_unsubscribe_links",
    summary="Make unsubscribe and report-spam links",
    response_model=UnsubscribeLinksResponse,
    responses=problem_responses(
        401,
        403,
        404,
        409,
        422,
        s404="no account has this id",
        s409="links are not configured on this server (BOUNCEBACK_PUBLIC_URL)",
    ),
)
async def make_unsubscribe_links(
    request: Request, body: UnsubscribeLinksRequest, caller: IngestCaller, settings: SettingsDep
) -> dict[str, Any]:
    """For each recipient: the RFC 8058 one-click URL, the report-spam URL, the mailto address and the
    `List-Unsubscribe` / `List-Unsubscribe-Post` lines the message carries. The links never expire. A
    global key names the account; an account-bound key makes them for its own account only (403
    for another)."""
    account = await account_for_recipients(
        request, caller, body.account, len(body.recipients), settings.max_bulk_addresses
    )
    try:
        made = unsubscribe.links_for(settings, account, body.recipients)
    except unsubscribe.LinksNotConfigured as exc:
        raise Problem(409, str(exc), slug="links-not-configured") from None
    except unsubscribe.InvalidAddress as exc:
        raise Problem(422, str(exc), slug="invalid-address") from None
    except unsubscribe.TokenTooLong as exc:
        raise Problem(422, str(exc), slug="recipient-too-long") from None
    return {"account": account, "links": [unsubscribe.to_dict(one) for one in made]}
