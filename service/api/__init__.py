"""The REST API (FastAPI): `create_app(settings, db)` builds it; `bounceback serve` runs it."""

from service.api.app import create_app

__all__ = ["create_app"]
