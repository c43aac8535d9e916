"""The API's routers, one module per resource; `problem_responses` documents their errors."""

from __future__ import annotations

from typing import Any

_DESCRIPTIONS = {
    401: "no API key, or a key that is not valid",
    403: "the key's scope does not allow this call, or it is bound to another account than `account`",
    404: "not found; or no account has the id `account` names",
    409: "the request conflicts with what exists",
    410: "it existed, but is gone for good",
    413: "the request body is larger than allowed",
    415: "unsupported Content-Type",
    422: "the request is malformed",
    503: "the database is unavailable",
}

_PROBLEM_REF = {"$ref": "#/components/schemas/ProblemDetails"}


def problem_responses(*statuses: int, **descriptions: str) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for problem+json errors (always including 503 for a database outage)."""
    out: dict[int | str, dict[str, Any]] = {}
    for status in (*statuses, 503):
        description = descriptions.get(f"s{status}", _DESCRIPTIONS[status])
        out[status] = {
            "description": description,
            "content": {"application/problem+json": {"schema": _PROBLEM_REF}},
        }
    return out
