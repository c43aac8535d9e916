"""Typed settings from `BOUNCEBACK_*` environment variables, validated at start-up."""

from __future__ import annotations

import os
import secrets
import threading
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

# service.domain.tokens.MIN_SECRET_BYTES (a test keeps them equal): a shorter HMAC key is a mistake.
MIN_SECRET_KEY_BYTES = 16
# BOUNCEBACK_LOOKUP_CONFIRMED_ENTRIES's default (service/app/confirmed_entries.py): ~40 MB.
DEFAULT_LOOKUP_CONFIRMED_ENTRIES = 100_000
# The file beside the embedded SQLite database that keeps its generated secret key.
SECRET_KEY_SUFFIX = ".secret-key"


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
    # A complaint stops the attributed account's mail only, or every account's.
    complaint_scope: Literal["account", "global"] = "account"
    # Entries that lapse: `reason=days` pairs (service.domain.scope.parse_expiry_days); reasons left
    # out never expire (checked at start-up with the domain's rule, service/cli/common.py). `serve`
    # and `worker` look for due entries every expiry_interval_seconds.
    expiry_days: str = "soft_bounce_threshold=90,domain_invalid=30"
    expiry_interval_seconds: float = Field(default=300.0, gt=0, le=86400)
    # host_unknown hard bounces from this many distinct addresses at one domain within 7 days
    # suppress the whole domain (`*@domain`, reason domain_invalid).
    domain_threshold: int = Field(default=3, ge=1, le=1000)
    # Raw message bytes are dropped after this many days (0: kept for ever), except while the
    # message is evidence of a live suppression.
    raw_retention_days: int = Field(default=0, ge=0, le=36500)

    # Sending accounts: the HMAC key of VERP (and link) tokens. Empty: the embedded SQLite default
    # generates one beside its file; any other database needs it set (see `secret_key`).
    secret_key: str = ""
    # The return address VERP tokens are added to (`bounces@bounce.example`); empty: none are made.
    verp_address: str = ""
    verp_separator: Literal["+", "-"] = "+"  # must be the MTA's recipient delimiter
    # Unsubscribe and report-spam links: the public base URL they start with (https; checked at
    # start-up when set, required to make links), and the mailbox (`unsubscribe@bounce.example`)
    # whose `LOCAL+TOKEN@DOMAIN` is the List-Unsubscribe mailto (empty: links carry no mailto).
    # The mailbox must be delivered to an intake mailbox (BOUNCEBACK_IMAP_URLS), as bounces are.
    public_url: str = ""
    unsubscribe_address: str = ""
    # The burst limit of the public link endpoints, per client address, in this process only.
    link_rate_burst: int = Field(default=30, ge=1)
    link_rate_window_seconds: float = Field(default=60.0, gt=0, le=3600)
    # The header the sending service puts in every message to name its account.
    attribution_header: str = "X-Bounceback-Account"

    # Sends and sender reputation (DESIGN.md). Per-send rows are kept this long for Message-ID
    # attribution; the daily counts for good. The ladder: percentages of a day's sends from which a
    # status holds, and the send-rate factor advised at each status; checked at start-up (in order,
    # within range) by service.app.reputation.thresholds, since the rules are the domain's.
    send_retention_days: int = Field(default=7, ge=1, le=3650)
    reputation_min_sent: int = 100
    reputation_bounce_warning_1: Decimal = Decimal("6")
    reputation_bounce_warning_2: Decimal = Decimal("7")
    reputation_bounce_paused: Decimal = Decimal("10")
    reputation_complaint_warning_1: Decimal = Decimal("0.1")
    reputation_complaint_warning_2: Decimal = Decimal("0.3")
    reputation_complaint_paused: Decimal = Decimal("0.5")
    reputation_factor_ok: float = 1.0
    reputation_factor_warning_1: float = 0.5
    reputation_factor_warning_2: float = 0.25
    reputation_factor_paused: float = 0.0

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

    # Each API process answers lookups of addresses nobody suppressed from an in-memory view of the
    # list (service/app/suppression_view.py); off: every lookup asks the database.
    lookup_cache: bool = True
    # How many of the database's answers for suppressed addresses each API process keeps (least
    # recently used dropped; about 400 bytes each), so a suppressed address asked about again needs
    # no query either: as fresh as the view (service/app/confirmed_entries.py). 0: none kept.
    lookup_confirmed_entries: int = Field(default=DEFAULT_LOOKUP_CONFIRMED_ENTRIES, ge=0, le=10_000_000)

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
    # Sends reported through Kafka (one JSON object per record; empty: not consumed)
    kafka_sends_topic: str = "bounceback.sends"
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

    @field_validator("secret_key")
    @classmethod
    def _long_enough(cls, value: str) -> str:
        if value and len(value.encode("utf-8")) < MIN_SECRET_KEY_BYTES:
            raise ValueError(
                f"must be at least {MIN_SECRET_KEY_BYTES} bytes "
                "(make one with: python3 -c 'import secrets; print(secrets.token_hex(32))')"
            )
        return value

    @field_validator("attribution_header")
    @classmethod
    def _header_name(cls, value: str) -> str:
        # RFC 5322 field name: printable ASCII except the colon.
        if not value or not all(33 <= ord(c) <= 126 and c != ":" for c in value):
            raise ValueError("must be a header field name (printable ASCII, no colon or space)")
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
    """Read and validate the environment; raise SettingsError with one clear line.

    A database other than the embedded SQLite needs BOUNCEBACK_SECRET_KEY (`secret_key`): tokens
    made by one process must verify in every other, so no process may invent its own.
    """
    try:
        settings = Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        name = "BOUNCEBACK_" + str(first["loc"][0]).upper() if first["loc"] else "BOUNCEBACK_*"
        message = str(first["msg"]).removeprefix("Value error, ")
        raise SettingsError(f"invalid setting {name}: {message}") from None
    if not settings.secret_key and _embedded_database(settings.database_url) is None:
        raise SettingsError(
            "invalid setting BOUNCEBACK_SECRET_KEY: required unless the database is the embedded SQLite "
            "(every process must share it; make one with: "
            "python3 -c 'import secrets; print(secrets.token_hex(32))')"
        )
    return settings


def _embedded_database(url: str) -> str | None:
    """The file of an SQLite database URL ("" for one in memory); None for any other database."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database or ""
    return "" if database == ":memory:" or database.startswith("file:") else database


_kept_keys: dict[str, str] = {}
_kept_keys_lock = threading.Lock()


def secret_key(settings: Settings) -> bytes:
    """The HMAC key tokens are signed with: BOUNCEBACK_SECRET_KEY, else (embedded SQLite only) the
    key kept beside the database file, made there on first use (mode 0600) and read by every later
    start. Raises SettingsError (one line) when there is none and none can be kept."""
    if settings.secret_key:
        return settings.secret_key.encode("utf-8")
    database = _embedded_database(settings.database_url)
    if database is None:
        raise SettingsError(
            "invalid setting BOUNCEBACK_SECRET_KEY: required unless the database is the embedded SQLite"
        )
    with _kept_keys_lock:
        key = _kept_keys.get(database)
        if key is None:
            if not database:  # a database that lives only in this process: so can its key
                key = secrets.token_hex(32)
            else:
                path = Path(database + SECRET_KEY_SUFFIX)
                try:
                    key = _kept_secret_key(path)
                except OSError as exc:
                    raise SettingsError(
                        f"invalid setting BOUNCEBACK_SECRET_KEY: unset, and no key can be kept in {path}: "
                        f"{exc.strerror or exc}"
                    ) from None
            _kept_keys[database] = key
    return key.encode("utf-8")


def _kept_secret_key(path: Path) -> str:
    """The key in `path`; made (mode 0600) when the file does not exist yet.

    Written to a temporary file first, then linked into place: two processes starting at once
    both end up with whichever key was linked first, and nobody reads a half-written file.
    """
    if not path.exists():
        temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(descriptor, "w") as handle:
                handle.write(secrets.token_hex(32) + "\n")
            try:
                os.link(temporary, path)
            except FileExistsError:
                pass  # another process made it first: use theirs
        finally:
            temporary.unlink(missing_ok=True)
    key = path.read_text().strip()
    if len(key.encode("utf-8")) < MIN_SECRET_KEY_BYTES:
        raise OSError(f"{path} does not hold a key of at least {MIN_SECRET_KEY_BYTES} bytes")
    return key


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()
