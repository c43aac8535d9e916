"""The public link endpoints: `/u/{token}` (unsubscribe) and `/r/{token}` (report spam), no API key.

The token is the credential. A GET shows a page whose button POSTs and changes nothing, because
mail security scanners and previews fetch every link; a POST acts (RFC 8058 one-click for `/u/`:
the mailbox provider POSTs `List-Unsubscribe=One-Click`, the button sends the same). The answer
to a POST is the same done page whether this request or an earlier one did the work. A token that
does not verify gets the plain 404 page and changes nothing.

Every request first passes the in-process burst limiter (per client address, bounded memory; not
a replacement for a reverse proxy's limits). Bodies are capped at MAX_FORM_BYTES and otherwise
not read: the one-click form says nothing the token does not.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response

from service import metrics
from service.api.auth import DatabaseCallsDep, DatabaseDep, SettingsDep
from service.api.pages import Action, Page, confirm_page, done_page, not_found_page, too_many_requests_page
from service.api.problems import Problem
from service.api.ratelimit import BurstLimiter, client_key
from service.app import unsubscribe
from service.app.unsubscribe import LinkKind
from service.config import Settings

router = APIRouter(tags=["links"])

# A one-click body is 26 bytes; a multipart one a few hundred.
MAX_FORM_BYTES = 4096
# How many client addresses the burst limiter remembers at most.
MAX_LIMITED_CLIENTS = 10_000

_ACTIONS = {LinkKind.UNSUBSCRIBE: Action.UNSUBSCRIBE, LinkKind.REPORT_SPAM: Action.REPORT_SPAM}
_HTML = {"text/html": {"schema": {"type": "string"}}}
_PAGE_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"description": "the page", "content": _HTML},
    404: {
        "description": "the token does not verify (tampered, truncated, another key): nothing changed",
        "content": _HTML,
    },
    429: {
        "description": "too many requests from this client; `Retry-After` says when to try again",
        "content": _HTML,
    },
}


def link_limiter(settings: Settings) -> BurstLimiter:
    """The burst limiter of the link endpoints for an app's settings (kept in `app.state`)."""
    return BurstLimiter(settings.link_rate_burst, settings.link_rate_window_seconds, MAX_LIMITED_CLIENTS)


def _respond(page: Page, kind: LinkKind, outcome: str) -> Response:
    metrics.LINK_REQUESTS.labels(kind=kind.prefix, outcome=outcome).inc()
    return Response(content=page.body, status_code=page.status, headers=dict(page.headers))


def _accept_language(request: Request) -> str | None:
    values = request.headers.getlist("accept-language")
    return ", ".join(values) if values else None


async def _over_limit(request: Request) -> Page | None:
    limiter: BurstLimiter = request.app.state.link_limiter
    peer = request.client.host if request.client is not None else "unknown"
    verdict = limiter.check(client_key(peer))
    if verdict.allowed:
        return None
    return too_many_requests_page(_accept_language(request), verdict.retry_after_seconds)


LimitDep = Annotated[Page | None, Depends(_over_limit)]


async def _read_form(request: Request) -> None:
    """Read (and drop) a body of at most MAX_FORM_BYTES; 413 beyond."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_FORM_BYTES:
        raise Problem(413, f"the form body exceeds {MAX_FORM_BYTES:,} bytes", slug="content-too-large")
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_FORM_BYTES:
            raise Problem(413, f"the form body exceeds {MAX_FORM_BYTES:,} bytes", slug="content-too-large")


@dataclass(frozen=True, slots=True)
class _Operation:
    operation_id: str
    summary: str
    description: str


# (kind, its GET page, its POST action) as the OpenAPI document names them.
_OPERATIONS = (
    (
        LinkKind.UNSUBSCRIBE,
        _Operation(
            "unsubscribe_page",
            "Unsubscribe page (changes nothing)",
            "A small page, in the recipient's language (`Accept-Language`), whose button POSTs.",
        ),
        _Operation(
            "unsubscribe_one_click",
            "Unsubscribe (RFC 8058 one-click)",
            "Suppress the recipient for the link's account at once (body `List-Unsubscribe=One-Click`, "
            "or empty); 200 with the done page, the same for a repeated request, which changes nothing.",
        ),
    ),
    (
        LinkKind.REPORT_SPAM,
        _Operation(
            "report_spam_page",
            "Report-spam page (changes nothing)",
            "A small page whose button POSTs the report.",
        ),
        _Operation(
            "report_spam",
            "Report spam",
            "A complaint for the link's account about the recipient: suppressed for the account at once, "
            "counted in its complaint rate; a repeated request changes nothing.",
        ),
    ),
)


def _show(kind: LinkKind) -> Callable[..., Awaitable[Response]]:
    async def show(
        token: str,
        request: Request,
        limited: LimitDep,
        db: DatabaseDep,
        calls: DatabaseCallsDep,
        settings: SettingsDep,
    ) -> Response:
        if limited is not None:
            return _respond(limited, kind, "limited")
        claim = await calls.run(unsubscribe.verify, db, settings, token)
        language = _accept_language(request)
        if claim is None:
            return _respond(not_found_page(language), kind, "invalid")
        return _respond(confirm_page(_ACTIONS[kind], claim.recipient, language), kind, "page")

    return show


def _act(kind: LinkKind) -> Callable[..., Awaitable[Response]]:
    async def act(
        token: str,
        request: Request,
        limited: LimitDep,
        db: DatabaseDep,
        calls: DatabaseCallsDep,
        settings: SettingsDep,
    ) -> Response:
        if limited is not None:
            return _respond(limited, kind, "limited")
        await _read_form(request)
        done = await calls.run(unsubscribe.click, db, settings, kind, token)
        language = _accept_language(request)
        if done is None:
            return _respond(not_found_page(language), kind, "invalid")
        page = done_page(_ACTIONS[kind], done.claim.recipient, language)
        return _respond(page, kind, "acted" if done.first else "repeated")

    return act


for _kind, _page, _action in _OPERATIONS:
    for _method, _endpoint, _operation, _responses in (
        ("GET", _show(_kind), _page, _PAGE_RESPONSES),
        (
            "POST",
            _act(_kind),
            _action,
            {**_PAGE_RESPONSES, 413: {"description": "the form body is too large"}},
        ),
    ):
        router.add_api_route(
            f"/{_kind.prefix}/{{token}}",
            _endpoint,
            methods=[_method],
            operation_id=_operation.operation_id,
            summary=_operation.summary,
            description=_operation.description,
            response_class=Response,
            responses=_responses,
        )
