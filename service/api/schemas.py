"""Request and response bodies of the REST API (pydantic models; they define the OpenAPI schemas)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from service.app.suppressions import MAX_NOTE_LENGTH
from service.domain.text import storable

Reason = Literal[
    "hard_bounce", "complaint", "soft_bounce_threshold", "manual", "unsubscribe", "domain_invalid"
]
# `domain`: a lookup answered by the `*@domain` entry covering the address's domain.
Scope = Literal["global", "account", "domain"]
ACCOUNT_EXAMPLE = "shop-a"

# The documented bulk-check ceiling; the running limit is settings.max_bulk_addresses.
DEFAULT_MAX_BULK = 10_000

ADDRESS_EXAMPLE = "jane.doe@example.com"

# Free text that is stored (notes): no NUL or unpaired surrogate, a 422 naming the field otherwise.
StorableText = Annotated[str, AfterValidator(storable)]


class ProblemDetails(BaseModel):
    """RFC 9457 problem details."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [
                {
                    "type": "https://bounceback.dev/problems/not-suppressed",
                    "title": "Not Found",
                    "status": 404,
                    "detail": "jane.doe@example.com is not suppressed",
                }
            ]
        },
    )

    type: str = Field(description="URI naming the kind of problem; about:blank for a plain HTTP status")
    title: str
    status: int
    detail: str


class Suppression(BaseModel):
    """A suppression entry: why, since when, from which event, and for whom (scope)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "address": ADDRESS_EXAMPLE,
                    "suppressed": True,
                    "reason": "complaint",
                    "since": "2026-11-20T08:15:00Z",
                    "source_event_id": 42,
                    "note": "complaint hard abuse",
                    "scope": "account",
                    "account": ACCOUNT_EXAMPLE,
                }
            ]
        }
    )

    address: str
    suppressed: bool
    reason: str | None
    since: datetime | None
    source_event_id: int | None = Field(
        description="the bounce event that caused it; null for manual entries"
    )
    note: str | None
    scope: Scope = Field(description="global: for every account; account: for `account`'s mail only")
    account: str | None = Field(description="the account the entry is scoped to; null for a global entry")


class CheckRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"addresses": [ADDRESS_EXAMPLE, "john@example.org"]}]},
    )

    addresses: list[str] = Field(
        description=f"addresses to check, at most {DEFAULT_MAX_BULK:,} (BOUNCEBACK_MAX_BULK_ADDRESSES)",
        json_schema_extra={"maxItems": DEFAULT_MAX_BULK},
    )


class CheckResult(BaseModel):
    address: str = Field(description="the normalised address; as given when it is not an address")
    valid: bool = Field(description="false when the entry is not an email address (see `error`)")
    suppressed: bool = Field(description="false for an entry that is not an address")
    reason: str | None
    scope: Scope | None = Field(description="of the entry that suppresses it; null when free")
    account: str | None = Field(description="the account that entry is scoped to; null when global or free")
    error: str | None = Field(description="why the entry is not an address; null when it is one")


class CheckResponse(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "results": [
                        {
                            "address": ADDRESS_EXAMPLE,
                            "valid": True,
                            "suppressed": True,
                            "reason": "complaint",
                            "scope": "account",
                            "account": ACCOUNT_EXAMPLE,
                            "error": None,
                        },
                        {
                            "address": "john@example.org",
                            "valid": True,
                            "suppressed": False,
                            "reason": None,
                            "scope": None,
                            "account": None,
                            "error": None,
                        },
                        {
                            "address": "john@@example.org",
                            "valid": False,
                            "suppressed": False,
                            "reason": None,
                            "scope": None,
                            "account": None,
                            "error": "not an email address: 'john@@example.org' (...)",
                        },
                    ]
                }
            ]
        }
    )

    results: list[CheckResult]


class SuppressionPage(BaseModel):
    items: list[Suppression]
    next_cursor: str | None = Field(description="pass as `cursor` for the next page; null on the last page")


class ManualAdd(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"address": ADDRESS_EXAMPLE, "reason": "manual", "note": "asked to be removed"}]
        },
    )

    address: str = Field(min_length=3, max_length=320)
    reason: Literal["manual"] = "manual"
    note: StorableText | None = Field(default=None, max_length=MAX_NOTE_LENGTH)
    account: str | None = Field(
        default=None,
        max_length=200,
        description="scope the entry to this account's mail (an account-bound key: its own, the "
        "default); null from a global key: a global entry",
    )


class HistoryItem(BaseModel):
    """An event (`kind` = event) or a suppression change (`kind` = change); fields by kind."""

    model_config = ConfigDict(extra="allow")

    kind: Literal["event", "change"]
    at: datetime = Field(description="when it was recorded")
    id: int


class History(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "address": ADDRESS_EXAMPLE,
                    "suppressed": True,
                    "entries": [
                        {
                            "address": ADDRESS_EXAMPLE,
                            "suppressed": True,
                            "reason": "hard_bounce",
                            "since": "2026-11-20T08:15:00Z",
                            "source_event_id": 42,
                            "note": "bounce hard user_unknown 5.1.1",
                            "scope": "global",
                            "account": None,
                        }
                    ],
                    "items": [
                        {
                            "kind": "change",
                            "at": "2026-11-20T08:15:00Z",
                            "id": 7,
                            "change": "added",
                            "reason": "hard_bounce",
                            "event_id": 42,
                            "actor": "policy",
                            "note": "bounce hard user_unknown 5.1.1",
                            "scope": "global",
                            "account": None,
                        },
                        {
                            "kind": "event",
                            "at": "2026-11-20T08:15:00Z",
                            "id": 42,
                            "type": "bounce",
                            "classification": "hard",
                            "reason": "user_unknown",
                            "status": "5.1.1",
                            "account": ACCOUNT_EXAMPLE,
                            "attributed_by": "verp",
                        },
                    ],
                    "truncated": False,
                }
            ]
        }
    )

    address: str
    suppressed: bool = Field(
        description="as a lookup for the call's account answers (no account: global entries)"
    )
    entries: list[Suppression] = Field(description="the active entries for the address the caller sees")
    items: list[HistoryItem]
    truncated: bool = Field(description="true when older items exist beyond `limit`")


class FeedEvent(BaseModel):
    id: int = Field(description="feed position; pass the last one seen as `after`")
    ce_id: str = Field(description="CloudEvents id (the same as on Kafka); de-duplicate on it")
    type: str
    subject: str | None
    time: datetime
    account: str | None = Field(
        description="whose event it is (CloudEvents `bouncebackaccount`): the attributed account, or "
        "the account an entry is scoped to; null for unattributed events and global entries"
    )
    data: dict[str, Any]


class EventPage(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "events": [
                        {
                            "id": 101,
                            "ce_id": "6f1c9a4e-1d1b-4a43-9d53-2b1d8f3b7a10",
                            "type": "bounceback.suppression.added",
                            "subject": ADDRESS_EXAMPLE,
                            "time": "2026-11-20T08:15:00Z",
                            "account": None,
                            "data": {"address": ADDRESS_EXAMPLE, "reason": "hard_bounce", "scope": "global"},
                        }
                    ],
                    "next_after": 101,
                }
            ]
        }
    )

    events: list[FeedEvent]
    next_after: int = Field(description="the `after` for the next call")


class IngestOutcome(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "message_id": 12,
                    "outcome": "processed",
                    "duplicate": False,
                    "message_type": "dsn",
                    "events": [
                        {"id": 42, "recipient": ADDRESS_EXAMPLE, "type": "bounce", "classification": "hard"}
                    ],
                    "suppressions_added": [ADDRESS_EXAMPLE],
                    "quarantine_reason": None,
                    "account": ACCOUNT_EXAMPLE,
                    "attributed_by": "header",
                }
            ]
        }
    )

    message_id: int
    outcome: Literal["processed", "quarantined"]
    duplicate: bool
    message_type: str
    events: list[dict[str, Any]]
    suppressions_added: list[str]
    quarantine_reason: str | None
    account: str | None = Field(description="the account the message is attributed to; null: unattributed")
    attributed_by: Literal["link", "verp", "header", "feedback_id", "message_id", "domain"] | None = Field(
        description="the evidence that attributed it"
    )


class ImportRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"addresses": [ADDRESS_EXAMPLE], "note": "migrated from the old ESP"}]
        },
    )

    addresses: list[str]
    note: StorableText | None = Field(default=None, max_length=MAX_NOTE_LENGTH)


class ImportSummary(BaseModel):
    added: int
    already_suppressed: int
    invalid: list[str] = Field(description="inputs that are not addresses (at most 100 listed)")
    invalid_count: int


class Health(BaseModel):
    status: str


class AccountCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"id": ACCOUNT_EXAMPLE, "name": "Shop A", "domains": ["shop-a.example"]}]
        },
    )

    id: str = Field(max_length=200, description="a slug: ^[a-z0-9][a-z0-9._-]{0,62}$")
    name: StorableText | None = Field(default=None, max_length=200)
    domains: list[str] = Field(
        default_factory=list,
        max_length=100,
        description="domains it sends from (From, MAIL FROM, DKIM d=); each covers its subdomains "
        "and belongs to one account only",
    )


class AccountOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": ACCOUNT_EXAMPLE,
                    "name": "Shop A",
                    "domains": ["shop-a.example"],
                    "created_at": "2026-11-20T08:15:00Z",
                }
            ]
        }
    )

    id: str
    name: str | None
    domains: list[str]
    created_at: datetime


class AccountList(BaseModel):
    accounts: list[AccountOut]


class AccountRecipients(BaseModel):
    """One account's mail to some recipients: what tokens (VERP, links) are made for."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"account": ACCOUNT_EXAMPLE, "recipients": [ADDRESS_EXAMPLE]}]},
    )

    account: str | None = Field(
        default=None, max_length=200, description="whose mail; an account-bound key: its own (the default)"
    )
    recipients: list[str] = Field(
        min_length=1,
        description=f"one answer per recipient, at most {DEFAULT_MAX_BULK:,} (BOUNCEBACK_MAX_BULK_ADDRESSES)",
        json_schema_extra={"maxItems": DEFAULT_MAX_BULK},
    )


class VerpRequest(AccountRecipients):
    """The recipients to make VERP return paths for."""


class ReturnPathOut(BaseModel):
    recipient: str = Field(description="the normalised recipient")
    return_path: str = Field(description="the MAIL FROM (Return-Path) to send this recipient's copy with")


class VerpResponse(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "account": ACCOUNT_EXAMPLE,
                    "return_paths": [
                        {
                            "recipient": ADDRESS_EXAMPLE,
                            "return_path": "bounces+4f2kq7tgbmxv3a9c1l0jk2x8@bounce.example",
                        }
                    ],
                }
            ]
        }
    )

    account: str
    return_paths: list[ReturnPathOut]


class UnsubscribeLinksRequest(AccountRecipients):
    """The recipients to make unsubscribe and report-spam links for."""


class UnsubscribeLinksOut(BaseModel):
    recipient: str = Field(description="the normalised recipient")
    unsubscribe_url: str = Field(description="RFC 8058 one-click URL (POST unsubscribes; GET shows a page)")
    report_spam_url: str = Field(description="the report-spam link for the message body")
    mailto: str | None = Field(
        description="the List-Unsubscribe mailto address; null without BOUNCEBACK_UNSUBSCRIBE_ADDRESS"
    )
    list_unsubscribe: str = Field(description="the value of the List-Unsubscribe header")
    list_unsubscribe_post: str = Field(description="the value of the List-Unsubscribe-Post header")
    header_lines: list[str] = Field(description="both header lines, exactly as the message carries them")


class UnsubscribeLinksResponse(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "account": ACCOUNT_EXAMPLE,
                    "links": [
                        {
                            "recipient": ADDRESS_EXAMPLE,
                            "unsubscribe_url": "https://links.example/u/4f2kq7tgbmxv3a9c1l0jk2x8",
                            "report_spam_url": "https://links.example/r/4f2kq7tgbmxv3a9c1l0jk2x8",
                            "mailto": "unsubscribe+4f2kq7tgbmxv3a9c1l0jk2x8@bounce.example",
                            "list_unsubscribe": "<https://links.example/u/4f2kq7tgbmxv3a9c1l0jk2x8>, "
                            "<mailto:unsubscribe+4f2kq7tgbmxv3a9c1l0jk2x8@bounce.example?subject=unsubscribe>",
                            "list_unsubscribe_post": "List-Unsubscribe=One-Click",
                            "header_lines": [
                                "List-Unsubscribe: <https://links.example/u/4f2kq7tgbmxv3a9c1l0jk2x8>, "
                                "<mailto:unsubscribe+4f2kq7tgbmxv3a9c1l0jk2x8@bounce.example?subject=unsubscribe>",
                                "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
                            ],
                        }
                    ],
                }
            ]
        }
    )

    account: str
    links: list[UnsubscribeLinksOut]


class MessageLinks(BaseModel):
    self: str = Field(description="this message's evidence")
    raw: str | None = Field(description="its stored bytes (admin scope); null once pruned")


class MessageSummary(BaseModel):
    """A stored message: where it came from, what came of it, and whose mail it was."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 12,
                    "content_hash": "9f2c…",
                    "source": "imap:bounces/INBOX",
                    "received_at": "2026-11-20T08:15:03Z",
                    "message_date": "2026-11-20T08:15:00Z",
                    "size": 2140,
                    "message_type": "dsn",
                    "outcome": "processed",
                    "quarantine_reason": None,
                    "header_message_id": "<dsn-1@mx.example.net>",
                    "subject": "Undelivered Mail Returned to Sender",
                    "account": ACCOUNT_EXAMPLE,
                    "attributed_by": "header",
                    "raw_kept": True,
                    "links": {"self": "/v1/messages/12", "raw": "/v1/messages/12/raw"},
                }
            ]
        }
    )

    id: int
    content_hash: str = Field(description="SHA-256 of the raw bytes (hex)")
    source: str
    received_at: datetime
    message_date: datetime | None = Field(description="its Date header; null when it had none")
    size: int = Field(description="bytes")
    message_type: str
    outcome: Literal["processed", "quarantined"]
    quarantine_reason: str | None
    header_message_id: str | None
    subject: str | None
    account: str | None = Field(description="the account it is attributed to; null: unattributed")
    attributed_by: str | None
    raw_kept: bool = Field(description="false once the raw bytes were pruned (BOUNCEBACK_RAW_RETENTION_DAYS)")
    links: MessageLinks


class MessageChange(BaseModel):
    id: int
    at: datetime
    address: str
    change: Literal["added", "removed"]
    reason: str
    event_id: int | None
    actor: str
    note: str | None
    scope: Scope
    account: str | None


class MessageDetail(MessageSummary):
    events: list[dict[str, Any]] = Field(
        description="the parsed events (a replay's superseded ones too, with `superseded_at`)"
    )
    changes: list[MessageChange] = Field(description="the suppression changes its events caused")


class MessagePage(BaseModel):
    items: list[MessageSummary]
    next_cursor: str | None = Field(description="pass as `cursor` for the next page; null on the last page")
