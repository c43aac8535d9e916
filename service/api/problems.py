"""RFC 9457 problem details: the one place that turns every error into application/problem+json."""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import Receive, Scope, Send

from service.store.db import DatabaseUnavailable

PROBLEM_JSON = "application/problem+json"
PROBLEM_BASE = "https://bounceback.dev/problems/"

log = structlog.get_logger("bounceback.api")


class Problem(Exception):
    """An error the API answers with: status, a stable type slug, a title and a detail."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        slug: str | None = None,
        title: str | None = None,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.slug = slug
        self.title = title or HTTPStatus(status).phrase
        self.headers = headers
        self.extra = extra or {}


def problem_body(
    status: int, detail: str, *, slug: str | None = None, title: str | None = None, **extra: Any
) -> dict[str, Any]:
    return {
        "type": PROBLEM_BASE + slug if slug else "about:blank",
        "title": title or HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        **extra,
    }


def problem_response(problem: Problem) -> JSONResponse:
    body = problem_body(
        problem.status, problem.detail, slug=problem.slug, title=problem.title, **problem.extra
    )
    return JSONResponse(body, status_code=problem.status, headers=problem.headers, media_type=PROBLEM_JSON)


async def send_problem(send: Send, problem: Problem) -> None:
    """Answer with a problem from plain ASGI middleware (before any route runs)."""
    body = json.dumps(problem_body(problem.status, problem.detail, slug=problem.slug)).encode()
    await send(
        {
            "type": "http.response.start",
            "status": problem.status,
            "headers": [
                (b"content-type", PROBLEM_JSON.encode()),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


# Slugs for the statuses that reach the handler as framework HTTP exceptions.
_HTTP_SLUGS = {
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    408: "request-timeout",
    413: "content-too-large",
    415: "unsupported-media-type",
}


def database_unavailable() -> Problem:
    return Problem(
        503,
        "the database is unavailable; retry shortly",
        slug="database-unavailable",
        headers={"Retry-After": "5"},
    )


def _is_outage(exc: BaseException) -> bool:
    if isinstance(exc, DatabaseUnavailable | OperationalError | InterfaceError | PoolTimeout):
        return True
    return isinstance(exc, DBAPIError) and exc.connection_invalidated


async def _on_problem(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, Problem)
    return problem_response(exc)


def _allowed_methods(request: Request) -> str | None:
    """Every method some route offers for this path (Starlette names only the first route's)."""
    table = getattr(request.app.state, "route_methods", ())
    # The first template that matches wins (as in routing); its methods are those of every route
    # declared with that same template.
    template = next((t for pattern, t, _ in table if pattern.match(request.url.path)), None)
    methods = {m for _, t, route_methods in table if t == template for m in route_methods}
    return ", ".join(sorted(methods)) if methods else None


async def _on_http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 405 and (allow := _allowed_methods(request)):
        return problem_response(
            Problem(405, f"use {allow}", slug="method-not-allowed", headers={"Allow": allow})
        )
    if exc.status_code == 400:
        # FastAPI's only 400 is a body it could not decode (e.g. JSON that is not UTF-8): to a caller
        # that is one more malformed body, answered like every other one.
        return problem_response(Problem(422, "the request body could not be parsed", slug="invalid-request"))
    detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
    return problem_response(
        Problem(
            exc.status_code,
            detail,
            slug=_HTTP_SLUGS.get(exc.status_code),
            headers=dict(exc.headers) if exc.headers else None,
        )
    )


async def _on_validation(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    # Only where and what: the offending input is not echoed back (it may be huge or binary).
    errors = [
        {
            "loc": [str(part) for part in err.get("loc", ())],
            "msg": str(err.get("msg", "")),
            "type": str(err.get("type", "")),
        }
        for err in exc.errors()[:20]
    ]
    first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
    where = ".".join(first["loc"])
    detail = f"{where}: {first['msg']}" if where else str(first["msg"])
    return problem_response(Problem(422, detail, slug="invalid-request", extra={"errors": errors}))


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    if _is_outage(exc):
        log.warning("database unavailable", path=request.url.path, error=str(exc).splitlines()[0][:300])
        return problem_response(database_unavailable())
    # Logged here with the trace; the caller gets a problem without any detail of the failure.
    log.error("unhandled error", path=request.url.path, exc_info=exc)
    return problem_response(
        Problem(500, "an internal error occurred; it has been logged", slug="internal-error")
    )


def install(app: FastAPI) -> None:
    """Register the one problem handler for every kind of error."""
    app.add_exception_handler(Problem, _on_problem)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(RequestValidationError, _on_validation)
    for outage in (DatabaseUnavailable, OperationalError, InterfaceError, PoolTimeout, DBAPIError):
        app.add_exception_handler(outage, _on_unexpected)
    app.add_exception_handler(Exception, _on_unexpected)


class CatchAll:
    """Outermost ASGI guard: anything that escapes the app becomes a problem, never a stack trace.

    Starlette's ServerErrorMiddleware renders 500 handlers but re-raises afterwards; this wrapper
    keeps the server quiet when a response was already sent and answers when it was not.
    """

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Any) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            if started:
                return
            if _is_outage(exc):
                await send_problem(send, database_unavailable())
            else:
                log.error("unhandled error", path=scope.get("path"), exc_info=exc)
                await send_problem(send, Problem(500, "an internal error occurred", slug="internal-error"))
