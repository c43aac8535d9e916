"""The FastAPI application: routes, the problem handler, body limits, metrics and the lifespan."""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any, Protocol

import structlog
from fastapi import FastAPI, HTTPException
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute
from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service import metrics
from service.api import problems
from service.api.auth import SECURITY_SCHEME
from service.api.database_calls import DatabaseCalls
from service.api.routes import (
    account_status,
    accounts,
    events,
    health,
    messages,
    sends,
    suppressions,
    unsubscribe_links,
    unsubscribe_pages,
    verp,
)
from service.api.schemas import ImportRequest, ProblemDetails
from service.app.accounts import KnownAccounts
from service.app.apikeys import KeyCache
from service.app.suppression_view import SuppressionView
from service.config import Settings
from service.store.db import Database, DatabaseUnavailable, database_timeouts, make_engine

log = structlog.get_logger("bounceback.api")

API_TITLE = "bounceback"
API_VERSION = "1.0.0"
API_DESCRIPTION = (
    "Suppression lookups for sending services, list management, raw bounce intake, the event "
    "feed and sending accounts. Authenticate with `Authorization: Bearer KEY` (`bounceback apikey "
    "create`). Scopes: `read` (lookups, checks, lists, history, events) ⊂ `ingest` (+ posting "
    "messages, VERP return paths) ⊂ `admin` (+ adding, removing and importing entries; accounts "
    "with a global key). A key bound to an account acts for that account only: it sees global "
    "entries and its account's, never another account's; a global key acts for the account it "
    "names with `account=`. Every error is RFC 9457 application/problem+json."
)
# JSON bodies other than imports: room for a full bulk check of maximum-length addresses.
_JSON_BYTES_PER_ADDRESS = 330
# How long a verified API key is remembered (a revocation takes effect within this time).
KEY_CACHE_SECONDS = 5.0
# 10,000 sends with long Message-IDs and addresses fit.
SENDS_BODY_BYTES = 16 * 1024 * 1024
# How long shutdown waits for the pollers and the relay to finish their current item.
BACKGROUND_JOIN_SECONDS = 10.0


class BouncebackAPI(FastAPI):
    """FastAPI with the catch-all guard outermost, so nothing unhandled reaches a caller raw."""

    def build_middleware_stack(self) -> ASGIApp:
        return problems.CatchAll(super().build_middleware_stack())


class BodyLimitAndMetrics:
    """Request body limits per route (413), a time limit on the body (408) and the latency histogram."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.body_timeout = settings.request_body_timeout_seconds
        self.json_limit = max(1024 * 1024, settings.max_bulk_addresses * _JSON_BYTES_PER_ADDRESS)
        self.limits = {
            "/v1/messages": settings.max_message_bytes,
            "/v1/suppressions/import": settings.max_import_bytes,
            "/v1/sends": SENDS_BODY_BYTES,
        }

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500
        limit = self.limits.get(scope["path"].rstrip("/"), self.json_limit)

        async def send_with_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            declared = _content_length(scope)
            if declared is not None and declared > limit:
                status = 413
                await problems.send_problem(send, _too_large(limit))
                return
            received = 0
            body_done = False
            body_deadline = time.monotonic() + self.body_timeout

            async def limited_receive() -> Message:
                nonlocal received, body_done
                if body_done:  # what follows the body is the disconnect, which may come any time
                    return await receive()
                try:
                    message = await asyncio.wait_for(receive(), body_deadline - time.monotonic())
                except TimeoutError:
                    raise HTTPException(
                        408,
                        f"the request body did not arrive within {self.body_timeout:g} s",
                        headers={"Connection": "close"},
                    ) from None
                if message["type"] != "http.request" or not message.get("more_body", False):
                    body_done = True
                received += len(message.get("body", b""))
                if received > limit:
                    raise HTTPException(413, f"the request body exceeds the limit of {limit:,} bytes")
                return message

            await self.app(scope, limited_receive, send_with_status)
        finally:
            route = scope.get("route")
            metrics.API_REQUEST_SECONDS.labels(
                route=getattr(route, "path", "unmatched"),
                method=metrics.method_label(scope["method"]),
                status=str(status),
            ).observe(time.perf_counter() - started)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            return int(value) if value.isdigit() else None
    return None


def _too_large(limit: int) -> problems.Problem:
    return problems.Problem(
        413, f"the request body exceeds the limit of {limit:,} bytes", slug="content-too-large"
    )


def _lookup_engine(database: Database) -> Engine:
    """The engine single lookups use. On PostgreSQL its own pool: autocommit and no pre-ping, so a
    lookup is one round trip (a dead pooled connection fails one call with 503 and SQLAlchemy then
    replaces the whole pool). SQLite has no round trips to save."""
    if database.is_sqlite:
        return database.engine
    return make_engine(database.url, database.timeouts, isolation_level="AUTOCOMMIT", pool_pre_ping=False)


class Background(Protocol):
    """Long-running work the lifespan starts and stops (the wiring's pollers and relay)."""

    relay: Any

    def start(self) -> None: ...

    def shutdown(self, deadline_seconds: float) -> list[str]: ...


async def _prepare_routes(app: FastAPI) -> None:
    """Have FastAPI prepare every route's request handling now, not for the first request.

    FastAPI analyses a route's parameters and dependencies the first time a request is matched
    against it: 50-150 ms of CPU for this API's routes, which the first caller of each process
    (each `serve --workers` worker) would wait for, and while a worker spent it the others took
    its share of new connections. A request for a path no route has is matched against them all,
    which prepares them; it goes to the router alone (no metrics, no log line) and is answered 404
    into nothing.
    """
    scope: Scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": "/\x00",  # no route's path can hold a NUL
        "raw_path": b"/%00",
        "query_string": b"",
        "root_path": "",
        "headers": [],
        "client": ("127.0.0.1", 0),
        "server": ("127.0.0.1", 0),
        "state": {},
    }

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        pass

    await app.router(scope, receive, send)


def create_app(
    settings: Settings,
    db: Database | None = None,
    *,
    background: Callable[[Settings, Database], Background] | None = None,
) -> FastAPI:
    """The API for `settings`. With `background` (the wiring's factory), the lifespan also runs it.

    Without `db` the app opens (and, for the embedded SQLite, migrates) its own database; an
    unreachable database does not stop start-up: calls answer 503 until it is back.
    """
    owns_db = db is None
    database = db if db is not None else Database(settings.database_url, database_timeouts(settings))
    lookup_engine = _lookup_engine(database)
    database_calls = DatabaseCalls(settings.api_database_timeout_seconds)
    # Loaded by its own thread once the lifespan starts; lookups ask the database until then.
    suppression_view = (
        SuppressionView(database, settings.lookup_confirmed_entries) if settings.lookup_cache else None
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if owns_db and database.is_sqlite:
            try:
                database.upgrade()
            except DatabaseUnavailable as exc:
                log.warning("database not ready at start-up", error=str(exc))
        if suppression_view is not None:
            suppression_view.start()
        await _prepare_routes(app)
        # What start-up built (modules, routes, patterns) lives as long as the process: collected
        # once now and kept out of every later collection, so no request waits for the collector
        # to walk it (a full collection of it took a worker out of a round of new connections).
        gc.collect()
        gc.freeze()
        work = background(settings, database) if background is not None else None
        if work is not None:
            work.start()
            app.state.relay = work.relay
        try:
            yield
        finally:
            if work is not None:
                work.shutdown(BACKGROUND_JOIN_SECONDS)
            database_calls.shutdown()
            if suppression_view is not None:
                suppression_view.close()
            if lookup_engine is not database.engine:
                lookup_engine.dispose()
            if owns_db:
                database.dispose()

    app = BouncebackAPI(
        title=API_TITLE,
        version=API_VERSION,
        description=API_DESCRIPTION,
        lifespan=lifespan,
        docs_url="/docs",
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.db = database
    # PostgreSQL reads in autocommit skip BEGIN and ROLLBACK round trips; Python's sqlite3 opens no
    # transaction for a SELECT anyway, and switching its mode per checkout costs more than it saves.
    app.state.read_engine = (
        database.engine
        if database.is_sqlite
        else database.engine.execution_options(isolation_level="AUTOCOMMIT")
    )
    app.state.reads = sessionmaker(app.state.read_engine)
    app.state.lookup_engine = lookup_engine
    app.state.suppression_view = suppression_view
    app.state.database_calls = database_calls
    app.state.key_cache = KeyCache(ttl=KEY_CACHE_SECONDS)
    app.state.known_accounts = KnownAccounts()
    app.state.relay = None
    app.state.link_limiter = unsubscribe_pages.link_limiter(settings)
    problems.install(app)
    app.add_middleware(BodyLimitAndMetrics, settings=settings)
    routers = [
        suppressions.router,
        messages.router,
        events.router,
        accounts.router,
        account_status.router,
        sends.router,
        verp.router,
        unsubscribe_links.router,
        unsubscribe_pages.router,
        health.router,
    ]
    if metrics.metrics_address(settings) is None:  # else /metrics has a port of its own
        routers.append(health.metrics_router)
    for router in routers:
        app.include_router(router)
    # Path pattern -> methods, for the Allow header of a 405 (which must name every route's methods).
    app.state.route_methods = [
        (route.path_regex, route.path, set(route.methods or ()))
        for router in routers
        for route in router.routes
        if isinstance(route, APIRoute)
    ]

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
                tags=[
                    {"name": "suppressions", "description": "the suppression list"},
                    {"name": "messages", "description": "raw bounce intake"},
                    {"name": "events", "description": "the event feed"},
                    {"name": "accounts", "description": "sending accounts and their VERP return paths"},
                    {
                        "name": "links",
                        "description": "unsubscribe and report-spam links (public: the token is the key)",
                    },
                    {"name": "health", "description": "liveness, readiness, metrics"},
                ],
            )
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            components_root = schema["components"]
            components_root["securitySchemes"] = SECURITY_SCHEME
            for path in schema["paths"].values():
                for operation in path.values():
                    if "401" in operation.get("responses", {}):
                        operation["security"] = [{"bearerAuth": []}]
            # Referenced from hand-written parts of the spec (problem responses, the import body).
            for model in (ProblemDetails, ImportRequest):
                components[model.__name__] = model.model_json_schema(
                    ref_template="#/components/schemas/{model}"
                )
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app
