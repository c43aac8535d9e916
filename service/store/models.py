"""SQLAlchemy 2 models: the schema Alembic migrations create (the only way it changes)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# BIGINT on PostgreSQL, INTEGER (rowid alias, so autoincrement works) on SQLite.
BigId = BigInteger().with_variant(Integer(), "sqlite")

ACCOUNT_ID_LENGTH = 63  # service.domain.accounts.ACCOUNT_ID_MAX_LENGTH
# `recipients.account_id` of an address's global entry: a key column cannot be NULL, and no account
# id is empty (the id rule), so the empty string can mean nobody but "every account". The store
# turns it into None at its edge: nothing above it ever sees this value.
GLOBAL_SLOT = ""


def slot_key(account: str | None) -> str:
    """`recipients.account_id` for a scope: the account, or GLOBAL_SLOT for everyone."""
    return GLOBAL_SLOT if account is None else account


def account_of_slot(key: str) -> str | None:
    """The scope of a `recipients.account_id` value: None for the global row."""
    return None if key == GLOBAL_SLOT else key


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Account(Base):
    """A sending account: one customer of the platform whose mail bounces, is complained about and
    is unsubscribed from. Accounts are never deleted (events, entries and keys name them)."""

    __tablename__ = "accounts"

    id: Mapped[str] = mapped_column(String(ACCOUNT_ID_LENGTH), primary_key=True)  # the slug
    name: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AccountDomain(Base):
    """A domain an account sends from (From, MAIL FROM, DKIM d=): attribution's last resort.

    A domain belongs to one account at most, so a match names one sender; it also covers its
    subdomains (the most specific registered domain wins).
    """

    __tablename__ = "account_domains"

    domain: Mapped[str] = mapped_column(String(253), primary_key=True)  # normalised (ASCII, lower case)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class InboundMessage(Base):
    """Every message that reached the service, kept raw; the content hash makes ingest idempotent."""

    __tablename__ = "messages"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 hex of the raw bytes
    source: Mapped[str] = mapped_column(String(1000))
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    message_date: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    size: Mapped[int] = mapped_column(Integer)
    # The stored bytes, byte for byte; None once pruned after BOUNCEBACK_RAW_RETENTION_DAYS (never
    # while an event of the message is the source of a live suppression).
    raw: Mapped[bytes | None] = mapped_column(LargeBinary)
    message_type: Mapped[str] = mapped_column(String(32))  # dsn | arf | auto_reply | unknown
    outcome: Mapped[str] = mapped_column(String(16), index=True)  # processed | quarantined
    quarantine_reason: Mapped[str | None] = mapped_column(Text)
    header_message_id: Mapped[str | None] = mapped_column(String(1000))
    subject: Mapped[str | None] = mapped_column(Text)
    # The account whose mail came back (None: unattributed), and the evidence that said so:
    # verp | header | feedback_id | message_id | domain (service.domain.attribution.Source).
    account_id: Mapped[str | None] = mapped_column(ForeignKey("accounts.id"))
    attributed_by: Mapped[str | None] = mapped_column(String(16))


class BounceEvent(Base):
    """One parsed event (bounce, complaint, auto-reply, delay) for one recipient of one message."""

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_recipient_occurred", "recipient", "occurred_at"),
        # The domain rule reads one reason's events within a few days (host_unknown, 7 days).
        Index("ix_events_reason_occurred", "reason", "occurred_at"),
    )

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
    # The message's attribution, copied: history and the feed filter events by account.
    account_id: Mapped[str | None] = mapped_column(ForeignKey("accounts.id"))
    attributed_by: Mapped[str | None] = mapped_column(String(16))
    # When a replay re-parsed the message and replaced this event with the new parser's: a
    # superseded event stays in the history but no longer acts (policy, counts, the domain rule).
    superseded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Recipient(Base):
    """An address's suppression state in one scope: whether it is suppressed there, why and since when.

    One row per address and scope: the global row (`account_id` GLOBAL_SLOT) of every address that
    ever had an event or an entry, and one per account that ever had an entry for it (a complaint,
    an unsubscribe, a manual entry scoped to it). An address is suppressed for account A when its
    global row or its row for A is suppressed: lookups read both with one primary-key probe, and
    another account's row is never read for A. The global row is also the lock that serialises
    concurrent policy decisions for one address (SELECT ... FOR UPDATE on PostgreSQL), whatever
    scope they decide for; soft bounces are counted once per address, on the global row.
    """

    __tablename__ = "recipients"
    __table_args__ = (
        Index("ix_recipients_suppressed_since", "suppressed", "since"),
        # The entries alone (migration 0008): a bulk check reads (address, account_id, reason) of
        # the suppressed rows from it, without visiting the table (`suppressed` is a column too, so
        # SQLite counts the index as covering). Its addresses compare byte by byte on PostgreSQL
        # (migration 0009: equality is the same, each probe cheaper than under the collation).
        Index(
            "ix_recipients_entries",
            "address",
            "account_id",
            "reason",
            "suppressed",
            postgresql_where=text("suppressed"),
            postgresql_ops={"address": "varchar_pattern_ops"},
            sqlite_where=text("suppressed"),
        ),
    )

    address: Mapped[str] = mapped_column(String(320), primary_key=True)
    # No foreign key: the global row's value is no account (see GLOBAL_SLOT); the use cases only
    # ever write ids of accounts that exist, and accounts are never deleted.
    account_id: Mapped[str] = mapped_column(
        String(ACCOUNT_ID_LENGTH), primary_key=True, default=GLOBAL_SLOT, server_default=GLOBAL_SLOT
    )
    suppressed: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str | None] = mapped_column(String(32))  # service.domain.scope.Reason
    since: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    source_event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id"))
    note: Mapped[str | None] = mapped_column(Text)
    # When an operator last removed this entry: events that occurred before it no longer act in
    # this scope (on the global row: no longer count as soft bounces either).
    reactivated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class SuppressionNotice(Base):
    """A change of a suppression, written by the `recipients` triggers (migration 0007) on SQLite,
    where each process's in-memory view polls for the notices after the last it read (on
    PostgreSQL the triggers NOTIFY instead, and the table stays empty). The newest 100,000 are kept.
    """

    __tablename__ = "suppression_notices"
    __table_args__ = {"sqlite_autoincrement": True}  # ids never reused: followers go by them

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    account_id: Mapped[str] = mapped_column(String(ACCOUNT_ID_LENGTH))
    address: Mapped[str] = mapped_column(String(320))


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
    # The scope of the entry that changed: None = global, else the account it was scoped to.
    account_id: Mapped[str | None] = mapped_column(ForeignKey("accounts.id"))


class OutboxEvent(Base):
    """An event to announce, written in the transaction of the change; the relay publishes it.

    `id` gives the publish order and the event feed's position: ids are handed out in commit order
    (service/store/outbox.py) and never reused. `data` is the CloudEvents data (JSON object). The
    API's event feed reads this table too, so a machine without Kafka still has the stream.
    """

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_unpublished", "published_at", "id"),
        Index("ix_outbox_account_id", "account_id", "id"),
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
    # Whose event it is (CloudEvents `bouncebackaccount`): the attributed account of a recorded
    # event, the scope of a suppression change; None for unattributed events and global changes.
    # An account's feed is its own rows plus the global suppression changes. No foreign key: the
    # outbox is a queue, rows are copies.
    account_id: Mapped[str | None] = mapped_column(String(ACCOUNT_ID_LENGTH))


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
    # A key bound to an account acts for that account only; None = a global key.
    account_id: Mapped[str | None] = mapped_column(ForeignKey("accounts.id"))


# --- sends and sender reputation (DESIGN.md, "Sends and sender reputation") ----------------------

# A Message-ID as sends and attribution key it: without angle brackets, at most this long (an index
# entry must fit a btree page on PostgreSQL; real ones are far shorter).
MESSAGE_ID_LENGTH = 500


class Send(Base):
    """A message an account reported sending to one recipient; idempotent on the key.

    Kept BOUNCEBACK_SEND_RETENTION_DAYS for Message-ID attribution (the key leads with the
    Message-ID, so that lookup is a key probe), then purged; the day's counts stay in account_days.
    No foreign key on the account: the sends use case checks every batch's accounts in one query,
    and a constraint would cost each of millions of inserts a probe.
    """

    __tablename__ = "sends"
    __table_args__ = (Index("ix_sends_sent_at", "sent_at"),)

    message_id: Mapped[str] = mapped_column(String(MESSAGE_ID_LENGTH), primary_key=True)
    account_id: Mapped[str] = mapped_column(String(ACCOUNT_ID_LENGTH), primary_key=True)
    recipient: Mapped[str] = mapped_column(String(320), primary_key=True)  # normalised
    sent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AccountDay(Base):
    """One account's attributed counts for one UTC day, kept for good (the reputation history)."""

    __tablename__ = "account_days"

    account_id: Mapped[str] = mapped_column(String(ACCOUNT_ID_LENGTH), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    sent: Mapped[int] = mapped_column(BigInteger, default=0)
    hard_bounces: Mapped[int] = mapped_column(BigInteger, default=0)
    soft_bounces: Mapped[int] = mapped_column(BigInteger, default=0)
    complaints: Mapped[int] = mapped_column(BigInteger, default=0)
    unsubscribes: Mapped[int] = mapped_column(BigInteger, default=0)


class CountedEvent(Base):
    """An event that was counted in account_days, so that the same one again is not: one row per
    account, kind, message (its Message-ID, or `day:YYYY-MM-DD` when the report names none) and
    recipient. Purged with the sends (a repeat after that long is counted again)."""

    __tablename__ = "counted_events"
    __table_args__ = (Index("ix_counted_events_counted_at", "counted_at"),)

    account_id: Mapped[str] = mapped_column(String(ACCOUNT_ID_LENGTH), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)  # hard|soft|complaint|unsubscribe
    message_key: Mapped[str] = mapped_column(String(MESSAGE_ID_LENGTH), primary_key=True)
    recipient: Mapped[str] = mapped_column(String(320), primary_key=True)
    counted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AccountStanding(Base):
    """An account's stored status and the UTC day it was set for (a warning lapses when its day
    ends; `paused` holds until resumed: service.domain.reputation.status_on). No row: `ok`."""

    __tablename__ = "account_standing"

    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), primary_key=True)
    status: Mapped[str] = mapped_column(String(16))  # service.domain.reputation.Status
    day: Mapped[date] = mapped_column(Date)
    resumed_on: Mapped[date | None] = mapped_column(Date)  # the day of the last manual resume
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AccountStatusChange(Base):
    """Audit trail of status changes: the ladder's (actor `reputation`) and operators' (with a note),
    with the numbers that caused them."""

    __tablename__ = "account_status_changes"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    from_status: Mapped[str] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    day: Mapped[date] = mapped_column(Date)
    sent: Mapped[int | None] = mapped_column(BigInteger)
    hard_bounces: Mapped[int | None] = mapped_column(BigInteger)
    complaints: Mapped[int | None] = mapped_column(BigInteger)
    bounce_rate: Mapped[float | None] = mapped_column(Float)
    complaint_rate: Mapped[float | None] = mapped_column(Float)
    threshold: Mapped[str | None] = mapped_column(String(64))  # the setting crossed, e.g. bounce_warning_1
    threshold_percent: Mapped[str | None] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(200))  # reputation | cli | api:<key name>
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
