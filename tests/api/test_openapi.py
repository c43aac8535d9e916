"""The checked-in OpenAPI document is the app's, and the app keeps it: property-based calls against the
spec (schemathesis, in-process) find no 5xx and no response outside the documented schema."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi import checks

from scripts.generate_openapi import SPEC_PATH, build_spec, render
from service.api import create_app
from service.store.db import open_database
from tests.api_support import Api, add_keys, make_settings

schema = schemathesis.openapi.from_path(SPEC_PATH)
# Unknown query parameters are ignored, as by most HTTP APIs; they are not a contract violation.
schema.config.generation.update(allow_extra_parameters=False)


@pytest.fixture()
def sqlite_api(tmp_path: Path) -> Iterator[Api]:
    """The app on a fresh embedded database: the contract is the same on every backend, and one
    property run keeps the suite fast."""
    db = open_database(f"sqlite:///{tmp_path / 'bounceback.db'}")
    settings = make_settings(db.url)
    with TestClient(create_app(settings, db), raise_server_exceptions=False) as client:
        yield Api(client=client, db=db, settings=settings, keys=add_keys(db))
    db.dispose()


@schemathesis.serializer("message/rfc822", "text/csv")
def _raw_body(_ctx: Any, value: Any) -> bytes:
    """Generated bodies for the raw media types: strings as UTF-8, binary as is."""
    if isinstance(value, bytes):
        return value
    return (
        str(value).encode("utf-8", "surrogatepass") if isinstance(value, str) else json.dumps(value).encode()
    )


def test_the_checked_in_spec_is_current() -> None:
    current = SPEC_PATH.read_text(encoding="utf-8")
    assert current == render(build_spec()), "openapi/openapi.json drifted: run scripts/generate_openapi.py"


def test_the_spec_documents_every_operation_with_ids_and_errors() -> None:
    spec = json.loads(Path(SPEC_PATH).read_text(encoding="utf-8"))
    operations = [op for path in spec["paths"].values() for op in path.values()]
    ids = [op["operationId"] for op in operations]
    assert len(ids) == len(set(ids)) == 30
    for op in operations:
        if op.get("security"):
            for status in ("401", "403", "503"):
                assert "application/problem+json" in op["responses"][status]["content"], op["operationId"]


@schema.parametrize()
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
    derandomize=True,
)
def test_generated_calls_never_break_the_contract(case: schemathesis.Case, sqlite_api: Api) -> None:
    case.call_and_validate(
        app=sqlite_api.client.app,
        headers=sqlite_api.auth("admin"),
        excluded_checks=[checks.positive_data_acceptance, checks.ignored_auth],
    )
