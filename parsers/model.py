"""The parser's output: frozen values describing what a returned message says."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

MessageType = Literal["dsn", "arf", "auto_reply", "unsubscribe", "unknown"]
# bounce, complaint, auto_reply, delay, delivered; and:
# - unsubscribe: the recipient asked for no more mail (ARF opt-out/unsubscribe, Apple Mail's
#   X-Apple-Unsubscribe). Classified hard (it removes the recipient for the sender at once), but it
#   is never a bounce and never counted as one; the service gives it its scoped effect.
# - feedback: a feedback report that asks nothing (ARF not-spam): recorded, ignored.
EventType = Literal["bounce", "complaint", "auto_reply", "delay", "delivered", "unsubscribe", "feedback"]
Classification = Literal["hard", "soft", "ignored"]


@dataclass(frozen=True, slots=True)
class Event:
    """One affected recipient of a returned message."""

    recipient: str
    type: EventType
    classification: Classification
    reason: str
    status: str | None = None
    smtp_code: str | None = None
    diagnostic: str | None = None
    remote_mta: str | None = None
    action: str | None = None
    feedback_type: str | None = None
    original_message_id: str | None = None
    original_mail_from: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class ParseResult:
    """What `parsers.parse` found in one message.

    `defects` lists problems met while parsing (never raised): oversized input, undecodable
    parts, a report without recipients. `detector` names the rule that recognised the message.
    `date` is the message's own Date header in ISO 8601 (UTC) when it can be read, so that the
    policy can judge a backfill of old mail as it happened.
    """

    message_type: MessageType
    events: tuple[Event, ...] = ()
    detector: str | None = None
    subject: str | None = None
    message_id: str | None = None
    date: str | None = None
    defects: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "message_type": self.message_type,
            "detector": self.detector,
            "subject": self.subject,
            "message_id": self.message_id,
            "date": self.date,
            "defects": list(self.defects),
            "events": [e.to_dict() for e in self.events],
        }
