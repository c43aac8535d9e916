"""API key authentication, scopes (admin ⊃ ingest ⊃ read) and views, as Annotated dependencies.

A call's view (service.domain.scope.View) is who it acts for: an account-bound key acts for its
account (naming another one with `account=` is 403, whether it exists or not, so a key learns
nothing about other accounts); a global key acts for the account it names (404 for one that does
not exist) or, naming none, sees every account's rows (lookups: global entries only). A malformed
account id is 422 naming the rule.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Query, Request
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from service.api.database_calls import DatabaseCalls
from service.api.problems import Problem
from service.app.accounts import KnownAccounts
from service.app.apikeys import Caller, KeyCache, verify_key
from service.config import Settings
from service.domain.accounts import InvalidAccountId, validate_account_id
from service.domain.scope import EVERY_ACCOUNT, View
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


# --- accounts and views ------------------------------------------------------------------------

_ACCOUNT_DESCRIPTION = (
    "act for this account (a global key; an account-bound key may only name its own). "
    "Lookups then answer for its mail (its entries and the global ones)"
)
AccountParam = Annotated[
    str | None, Query(max_length=200, description=_ACCOUNT_DESCRIPTION, examples=["shop-a"])
]
# The same parameter for a route that reads it from the query string itself (the hot lookup).
ACCOUNT_QUERY_PARAMETER = {
    "name": "account",
    "in": "query",
    "required": False,
    "description": _ACCOUNT_DESCRIPTION,
    "schema": {"type": "string", "maxLength": 200, "title": "Account", "examples": ["shop-a"]},
}


def unknown_account(account: str) -> Problem:
    return Problem(404, f"no account {account!r}", slug="unknown-account")


def requested_view(caller: Caller, account: str | None) -> tuple[View, str | None]:
    """The view `caller` asks for with `account` (None: named none), and the account whose
    existence is still to be checked (a global key naming one), or None. 422 for a malformed id,
    403 for an account-bound key naming another account."""
    if account is None:
        return (View(caller.account) if caller.account is not None else EVERY_ACCOUNT), None
    try:
        validate_account_id(account)
    except InvalidAccountId as exc:
        raise Problem(422, str(exc), slug="invalid-account-id") from None
    if caller.account is not None:
        if account != caller.account:
            raise Problem(403, f"this key acts for account {caller.account!r} only", slug="forbidden-account")
        return View(account), None
    return View(account), account


async def view_of(request: Request, caller: Caller, account: str | None) -> View:
    """`requested_view`, with the account checked to exist (404 when it does not)."""
    view, to_check = requested_view(caller, account)
    if to_check is not None:
        known: KnownAccounts = request.app.state.known_accounts
        db: Database = request.app.state.db

        def exists() -> bool:
            with db.session() as session:
                return known.exists(session, to_check)

        calls: DatabaseCalls = request.app.state.database_calls
        if not await calls.run(exists):
            raise unknown_account(to_check)
    return view


async def account_for_recipients(
    request: Request, caller: Caller, account: str | None, recipients: int, limit: int
) -> str:
    """The one account a call that makes tokens for `recipients` recipients acts for: the key's own
    or the one a global key names (403 / 404 as `view_of`; 422 when none is named, or for more
    recipients than `limit`)."""
    view = await view_of(request, caller, account)
    if view.account is None:
        raise Problem(422, "account: required (the key is not bound to an account)", slug="invalid-request")
    if recipients > limit:
        raise Problem(
            422,
            f"at most {limit:,} recipients per call; this request has {recipients:,}",
            slug="too-many-addresses",
        )
    return view.account


@dataclass(frozen=True, slots=True)
class Access:
    """Who calls (the key) and what they see (the view)."""

    caller: Caller
    view: View


def _access(scope: str) -> Callable[..., Awaitable[Access]]:
    require = _require(scope)

    async def dependency(request: Request, account: AccountParam = None) -> Access:
        caller = await require(request)
        return Access(caller, await view_of(request, caller, account))

    dependency.__name__ = f"access_{scope}"
    return dependency


ReadAccess = Annotated[Access, Depends(_access("read"))]
AdminAccess = Annotated[Access, Depends(_access("admin"))]


async def _global_admin(request: Request) -> Caller:
    caller = await _require("admin")(request)
    if caller.account is not None:
        raise Problem(
            403,
            "managing accounts needs a global admin key (this one is bound to an account)",
            slug="forbidden",
        )
    return caller


GlobalAdminCaller = Annotated[Caller, Depends(_global_admin)]
