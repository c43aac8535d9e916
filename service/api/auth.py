"""API key authentication and scopes as Annotated dependencies (admin ⊃ ingest ⊃ read)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from service.api.database_calls import DatabaseCalls
from service.api.problems import Problem
from service.app.apikeys import Caller, KeyCache, verify_key
from service.config import Settings
from service.store.db import Database

# The OpenAPI security scheme every /v1 operation uses.
SECURITY_SCHEME = {
    "bearerAuth": {
        "type": "http",
        "scheme": "bearer",
        "description": "an API key from `bounceback apikey create` (scopes: read ⊂ ingest ⊂ admin)",
    }
}

_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="bounceback"'}


async def get_database(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_reads(request: Request) -> sessionmaker[Session]:
    reads: sessionmaker[Session] = request.app.state.reads
    return reads


async def get_read_engine(request: Request) -> Engine:
    engine: Engine = request.app.state.read_engine
    return engine


async def get_lookup_engine(request: Request) -> Engine:
    engine: Engine = request.app.state.lookup_engine
    return engine


async def get_database_calls(request: Request) -> DatabaseCalls:
    calls: DatabaseCalls = request.app.state.database_calls
    return calls


DatabaseDep = Annotated[Database, Depends(get_database)]
# Every database call a route makes goes through this (off the event loop, under a deadline).
DatabaseCallsDep = Annotated[DatabaseCalls, Depends(get_database_calls)]
# The engine of the single lookup every send makes (PostgreSQL: its own autocommit pool).
LookupEngineDep = Annotated[Engine, Depends(get_lookup_engine)]
# Sessions for reads that need no transaction (lookups, lists, the feed): autocommit, so a lookup
# on PostgreSQL is one round trip instead of BEGIN, SELECT and ROLLBACK.
ReadsDep = Annotated[sessionmaker[Session], Depends(get_reads)]
# The same, as plain connections, for the lookups every send makes (no ORM session overhead).
ReadEngineDep = Annotated[Engine, Depends(get_read_engine)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


def _verify(db: Database, key: str) -> Caller | None:
    with db.session() as session:
        return verify_key(session, key)


async def authenticate(request: Request) -> Caller:
    """The caller behind the bearer key; 401 when there is none or it is not valid.

    Reads the header itself (one dependency level on the hot path); the scheme is documented in
    the OpenAPI document by `create_app`.
    """
    scheme, _, key = request.headers.get("authorization", "").partition(" ")
    key = key.strip()
    if scheme.lower() != "bearer" or not key:
        raise Problem(
            401, "an API key is required (Authorization: Bearer KEY)", slug="unauthorized", headers=_CHALLENGE
        )
    cache: KeyCache = request.app.state.key_cache
    caller = cache.get(key)
    if caller is None:
        calls: DatabaseCalls = request.app.state.database_calls
        caller = await calls.run(_verify, request.app.state.db, key)
        if caller is None:
            raise Problem(
                401, "the API key is not valid or was revoked", slug="unauthorized", headers=_CHALLENGE
            )
        cache.put(key, caller)
    return caller


def _require(scope: str) -> Callable[[Request], Awaitable[Caller]]:
    async def dependency(request: Request) -> Caller:
        caller = await authenticate(request)
        if not caller.allows(scope):
            raise Problem(
                403,
                f"this key has scope {caller.scope!r}; the call needs {scope!r}",
                slug="forbidden",
            )
        return caller

    dependency.__name__ = f"require_{scope}"
    return dependency


ReadCaller = Annotated[Caller, Depends(_require("read"))]
IngestCaller = Annotated[Caller, Depends(_require("ingest"))]
AdminCaller = Annotated[Caller, Depends(_require("admin"))]
