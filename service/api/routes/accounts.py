"""Sending accounts: create, list and show them (admin scope, global keys only)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Response

from service.api.auth import DatabaseDep, GlobalAdminCaller, ReadsDep
from service.api.problems import Problem
from service.api.routes import problem_responses
from service.api.schemas import AccountCreate, AccountList, AccountOut
from service.app import accounts

router = APIRouter(prefix="/v1/accounts", tags=["accounts"])

AccountPath = Annotated[str, Path(min_length=1, max_length=200, examples=["shop-a"])]


@router.post(
    "",
    operation_id="create_account",
    summary="Create an account",
    status_code=201,
    response_model=AccountOut,
    responses={
        200: {
            "description": "it exists already with the same name and domains; nothing changed",
            "model": AccountOut,
        },
        **problem_responses(
            401, 403, 409, 422, s409="the id exists with other values, or a domain belongs to another account"
        ),
    },
)
def create_account(
    body: AccountCreate, caller: GlobalAdminCaller, db: DatabaseDep, response: Response
) -> dict[str, Any]:
    """Add an account (201). The same request again is harmless (200); the same id with another name
    or other domains is 409, and so is a domain another account sends from."""
    try:
        with db.transaction() as session:
            account, created = accounts.create(session, body.id, name=body.name, domains=body.domains)
    except accounts.InvalidAccountId as exc:
        raise Problem(422, str(exc), slug="invalid-account-id") from None
    except accounts.InvalidDomain as exc:
        raise Problem(422, str(exc), slug="invalid-domain") from None
    except accounts.AccountConflict as exc:
        raise Problem(409, str(exc), slug="account-conflict") from None
    except ValueError as exc:
        raise Problem(422, str(exc), slug="invalid-request") from None
    if not created:
        response.status_code = 200
    return account.to_dict()


@router.get(
    "",
    operation_id="list_accounts",
    summary="List accounts",
    response_model=AccountList,
    responses=problem_responses(401, 403),
)
def list_accounts(caller: GlobalAdminCaller, reads: ReadsDep) -> dict[str, Any]:
    """Every account, by id."""
    with reads() as session:
        return {"accounts": [a.to_dict() for a in accounts.list_accounts(session)]}


@router.get(
    "/{account_id}",
    operation_id="get_account",
    summary="Show an account",
    response_model=AccountOut,
    responses=problem_responses(401, 403, 404, 422, s404="no account has this id"),
)
def get_account(account_id: AccountPath, caller: GlobalAdminCaller, reads: ReadsDep) -> dict[str, Any]:
    """The account's name, domains and creation time."""
    try:
        with reads() as session:
            account = accounts.get(session, account_id)
    except accounts.InvalidAccountId as exc:
        raise Problem(422, str(exc), slug="invalid-account-id") from None
    if account is None:
        raise Problem(404, f"no account {account_id!r}", slug="unknown-account")
    return account.to_dict()
