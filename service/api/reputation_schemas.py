"""Request and response bodies of the sends and reputation routes (DESIGN.md, "Sends and sender reputation")."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from service.api.schemas import ACCOUNT_EXAMPLE, StorableText
from service.app.suppressions import MAX_NOTE_LENGTH
from service.domain.sends import MAX_SENDS_PER_CALL

Status = Literal["ok", "warning_1", "warning_2", "paused"]


class SendIn(BaseModel):
    """One message sent to one recipient. Each field is checked on its own: a bad one is an error
    for this item in the answer, and the rest of the call is stored."""

    account: str | None = Field(
        default=None, max_length=200, description="the sending account; implied by an account-bound key"
    )
    message_id: str = Field(max_length=1000, description="the Message-ID header, with or without <>")
    recipient: str = Field(max_length=1000)
    sent_at: str = Field(max_length=100, description="ISO 8601 with a zone, e.g. 2026-12-05T08:15:00Z")


class SendsRequest(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "sends": [
                        {
                            "account": ACCOUNT_EXAMPLE,
                            "message_id": "<m-1@shop-a.example>",
                            "recipient": "jane.doe@example.com",
                            "sent_at": "2026-12-05T08:15:00Z",
                        }
                    ]
                }
            ]
        }
    )

    sends: list[SendIn] = Field(max_length=MAX_SENDS_PER_CALL)


class SendError(BaseModel):
    index: int = Field(description="the item's position in `sends`, from 0")
    reason: str


class SendsSummary(BaseModel):
    received: int
    stored: int = Field(description="sends not seen before")
    duplicates: int = Field(description="sends stored before (or twice in this call): nothing changed")
    errors: list[SendError]


class AccountStatus(BaseModel):
    """What a sending service asks before a batch: how fast the account may send today, and why."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "account": ACCOUNT_EXAMPLE,
                    "status": "warning_1",
                    "send_rate_factor": 0.5,
                    "day": "2026-12-05",
                    "sent": 1000,
                    "hard_bounces": 60,
                    "complaints": 0,
                    "bounce_rate": 0.06,
                    "complaint_rate": 0.0,
                }
            ]
        }
    )

    account: str
    status: Status
    send_rate_factor: float = Field(description="multiply the normal send rate by this; 0: do not send")
    day: str = Field(description="the UTC day the counts are of (today)")
    sent: int
    hard_bounces: int
    complaints: int
    bounce_rate: float | None = Field(description="hard bounces / sent (a fraction); null without sends")
    complaint_rate: float | None = Field(description="complaints / sent (a fraction); null without sends")


class ReputationDay(BaseModel):
    day: str
    sent: int
    hard_bounces: int
    soft_bounces: int
    complaints: int
    unsubscribes: int
    bounce_rate: float | None
    complaint_rate: float | None
    verdict: Status = Field(description="what the ladder says of this day's numbers alone")


class StatusChangeRecord(BaseModel):
    """A status change from the audit trail: the ladder's (actor `reputation`) or an operator's."""

    at: str = Field(description="when it was recorded (UTC)")
    from_: Status = Field(alias="from")
    to: Status
    day: str = Field(description="the UTC day whose numbers caused it")
    sent: int | None
    hard_bounces: int | None
    complaints: int | None
    threshold: str | None = Field(description="the setting crossed; null for a manual change")
    actor: str
    note: str | None


class Reputation(BaseModel):
    account: str
    status: Status
    send_rate_factor: float
    days: list[ReputationDay] = Field(description="newest first, one per UTC day")
    changes: list[StatusChangeRecord] = Field(
        description="the latest status changes (up to 20), newest first"
    )


class StatusNote(BaseModel):
    note: StorableText | None = Field(default=None, max_length=MAX_NOTE_LENGTH)


class StatusChangeOut(BaseModel):
    account: str
    changed: bool = Field(description="false: nothing changed (`message` says why)")
    status: Status
    message: str
