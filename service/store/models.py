"""SQLAlchemy 2 models: the schema Alembic migrations create (the only way it changes)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# BIGINT on PostgreSQL, INTEGER (rowid alias, so autoincrement works) on SQLite.
BigId = BigInteger().with_variant(Integer(), "sqlite")

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class InboundMessage(Base):
    """Every message that reached the service, kept raw; the content hash makes ingest idempotent."""

    __tablename__ = "messages"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 hex of the raw bytes
    source: Mapped[str] = mapped_column(String(1000))
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    message_date: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    size: Mapped[int] = mapped_column(Integer)
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    message_type: Mapped[str] = mapped_column(String(32))  # dsn | arf | auto_reply | unknown
    outcome: Mapped[str] = mapped_column(String(16), index=True)  # processed | quarantined
    quarantine_reason: Mapped[str | None] = mapped_column(Text)
    header_message_id: Mapped[str | None] = mapped_column(String(1000))
    subject: Mapped[str | None] = mapped_column(Text)


class BounceEvent(Base):
    """One parsed event (bounce, complaint, auto-reply, delay) for one recipient of one message."""

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_recipient_occurred", "recipient", "occurred_at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id"), index=True)
    recipient: Mapped[str] = mapped_column(String(320))  # normalised address
    type: Mapped[str] = mapped_column(String(32))  # bounce | complaint | auto_reply | delay | delivered
    classification: Mapped[str] = mapped_column(String(16))  # hard | soft | ignored
    reason: Mapped[str] = mapped_column(String(64))
    status: Mapped[str | None] = mapped_column(String(16))
    smtp_code: Mapped[str | None] = mapped_column(String(8))
    diagnostic: Mapped[str | None] = mapped_column(Text)
    remote_mta: Mapped[str | None] = mapped_column(String(512))
    action: Mapped[str | None] = mapped_column(String(32))
    feedback_type: Mapped[str | None] = mapped_column(String(64))
    original_message_id: Mapped[str | None] = mapped_column(String(1000))
    original_mail_from: Mapped[str | None] = mapped_column(String(512))
    occurred_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))  # the bounce's own date
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Recipient(Base):
    """Per-address state: whether it is suppressed, and from when soft bounces count.

    One row per address that ever had an event or a manual entry. The row is also the lock that
    serialises concurrent policy decisions for one address (SELECT ... FOR UPDATE on PostgreSQL).
    """

    __tablename__ = "recipients"
    __table_args__ = (Index("ix_recipients_suppressed_since", "suppressed", "since"),)

    address: Mapped[str] = mapped_column(String(320), primary_key=True)
    suppressed: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str | None] = mapped_column(
        String(32)
    )  # hard_bounce | complaint | soft_bounce_threshold | manual
    since: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    source_event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id"))
    note: Mapped[str | None] = mapped_column(Text)
    # Soft bounces that occurred before this instant no longer count (set when an entry is removed).
    soft_bounces_count_from: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class SuppressionChange(Base):
    """Audit trail: every add or remove of a suppression, why, and by whom or from which event."""

    __tablename__ = "suppression_changes"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    address: Mapped[str] = mapped_column(String(320), index=True)
    change: Mapped[str] = mapped_column(String(16))  # added | removed
    reason: Mapped[str] = mapped_column(String(32))
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id"))
    actor: Mapped[str] = mapped_column(String(200))  # policy | cli | api:<key name> | import
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class OutboxEvent(Base):
    """An event to announce, written in the transaction of the change; the relay publishes it.

    `id` gives the publish order and the event feed's position: ids are handed out in commit order
    (service/store/outbox.py) and never reused. `data` is the CloudEvents data (JSON object). The
    API's event feed reads this table too, so a machine without Kafka still has the stream.
    """

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_unpublished", "published_at", "id"),
        # The ids are the event feed's positions: SQLite must never hand one out again after the
        # newest rows are pruned (PostgreSQL's sequence never does).
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    ce_id: Mapped[str] = mapped_column(String(64), unique=True)
    ce_type: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str | None] = mapped_column(String(320))  # the address; also the Kafka key
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Lease for relays that cannot use FOR UPDATE SKIP LOCKED (SQLite): a claim expires by itself.
    claimed_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ApiKey(Base):
    """An API key: only its SHA-256 hash is stored; `prefix` finds the row without the secret."""

    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200))
    prefix: Mapped[str] = mapped_column(String(32), unique=True)
    key_hash: Mapped[str] = mapped_column(String(64))
    scope: Mapped[str] = mapped_column(String(16))  # read | ingest | admin
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
