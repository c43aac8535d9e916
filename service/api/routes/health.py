"""Liveness, readiness (the database answers) and Prometheus metrics; no key needed."""

from __future__ import annotations

from fastapi import APIRouter, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from service.api.auth import DatabaseCallsDep, DatabaseDep
from service.api.problems import database_unavailable
from service.api.routes import problem_responses
from service.api.schemas import Health
from service.store.db import DatabaseUnavailable

router = APIRouter(tags=["health"])


@router.get("/healthz", operation_id="healthz", response_model=Health, summary="Liveness")
async def healthz() -> Health:
    """The process is up and serving; says nothing about the database."""
    return Health(status="ok")


@router.get(
    "/readyz",
    operation_id="readyz",
    response_model=Health,
    summary="Readiness",
    responses=problem_responses(),
)
async def readyz(db: DatabaseDep, calls: DatabaseCallsDep) -> Health:
    """Ready when the database answers; 503 problem+json while it does not (or not in time)."""
    try:
        await calls.run(db.check)
    except DatabaseUnavailable:
        raise database_unavailable() from None
    return Health(status="ready")


# Included by the app only when /metrics is not served on a port of its own.
metrics_router = APIRouter(tags=["health"])


@metrics_router.get(
    "/metrics",
    operation_id="metrics",
    summary="Prometheus metrics",
    response_class=Response,
    responses={200: {"content": {CONTENT_TYPE_LATEST.split(";")[0]: {"schema": {"type": "string"}}}}},
)
def metrics() -> Response:
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
