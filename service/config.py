"""Typed settings from `BOUNCEBACK_*` environment variables, validated at start-up."""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every setting the service reads. Defaults make `bounceback serve` work on a fresh machine."""

    model_config = SettingsConfigDict(env_prefix="BOUNCEBACK_", extra="ignore")

    # Storage, and the bounds on every wait for it (a database that stops answering must not hang
    # anything: see service/db.py and service/api/database_calls.py)
    database_url: str = "sqlite:///./bounceback.db"
    database_connect_timeout_seconds: float = Field(default=5.0, gt=0, le=300)
    # PostgreSQL's statement_timeout on every connection; SQLite's busy timeout (the wait for the
    # write lock). Migrations run without it.
    database_statement_timeout_seconds: float = Field(default=30.0, gt=0, le=3600)
    database_pool_timeout_seconds: float = Field(default=5.0, gt=0, le=300)

    # Policy
    soft_bounce_threshold: int = Field(default=5, ge=1)
    soft_bounce_window_days: int = Field(default=30, ge=0)  # 0 = no window

    # Parsing
    max_message_bytes: int = Field(default=10 * 1024 * 1024, ge=1024)

    # API
    host: str = "127.0.0.1"
    port: int = Field(default=8025, ge=1, le=65535)
    max_bulk_addresses: int = Field(default=10_000, ge=1)
    max_import_bytes: int = Field(default=64 * 1024 * 1024, ge=1024)  # one CSV/JSON import request
    # The longest a call waits for its database work before it answers 503 (imports get more
    # per row); the work itself may still finish, and a retry is safe (every write is idempotent).
    api_database_timeout_seconds: float = Field(default=5.0, gt=0, le=300)
    # A request's whole body must arrive within this (408 otherwise): a client that announces a body
    # and goes silent must not hold a connection and a task for ever.
    request_body_timeout_seconds: float = Field(default=60.0, gt=0, le=3600)

    # Event stream (empty bootstrap servers = embedded mode: events stay in the outbox / API feed)
    instance: str = "default"
    kafka_bootstrap_servers: str = ""
    kafka_topic: str = "bounceback.events"
    kafka_topic_partitions: int = Field(default=3, ge=1)
    # Bound on every wait for the broker (connect, metadata, a request); a delivery gets twice it.
    kafka_timeout_seconds: float = Field(default=5.0, gt=0, le=300)
    # Raw inbound mail to ingest; `bounceback worker` consumes it whenever Kafka is configured
    # (set it to an empty value to turn the Kafka intake off).
    kafka_inbound_topic: str = "bounceback.inbound"
    kafka_dead_letter_topic: str = "bounceback.inbound.dlq"
    kafka_group_id: str = "bounceback-workers"
    outbox_retention_days: int = Field(default=7, ge=0)

    # Mailboxes
    imap_urls: str = ""
    imap_password: str = ""
    imap_password_file: str = ""
    imap_processed_folder: str = "Processed"
    imap_quarantine_folder: str = "Quarantine"
    imap_require_starttls: bool = False
    imap_poll_interval_seconds: float = Field(default=30.0, gt=0)

    # Observability: /metrics on a port of its own (`serve` then has none on the API port; `worker`
    # serves none without it), bound to metrics_host (empty = `host`)
    metrics_port: int = Field(default=0, ge=0, le=65535)
    metrics_host: str = ""

    # Logging
    log_level: str = "INFO"
    log_format: str = "auto"  # auto | json | console

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, value: str) -> str:
        if not value.startswith(("sqlite", "postgresql")):
            raise ValueError("must be a sqlite:/// or postgresql+psycopg:// URL")
        return value

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        if value.upper() not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
            raise ValueError("must be DEBUG, INFO, WARNING, ERROR or CRITICAL")
        return value.upper()

    @field_validator("log_format")
    @classmethod
    def _known_format(cls, value: str) -> str:
        if value not in ("auto", "json", "console"):
            raise ValueError("must be auto, json or console")
        return value


class SettingsError(Exception):
    """A setting is invalid; the message is one line naming the variable."""


def load_settings() -> Settings:
    """Read and validate the environment; raise SettingsError with one clear line."""
    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        name = "BOUNCEBACK_" + str(first["loc"][0]).upper() if first["loc"] else "BOUNCEBACK_*"
        raise SettingsError(f"invalid setting {name}: {first['msg']}") from None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()
