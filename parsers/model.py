"""The parser's output: frozen values describing what a returned message says."""

from __future__ import annotations

from parsers.values import FrozenValue, constructor, draft_class, replace, set_field

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Literal
else:
    from parsers.typenames import Literal

__all__ = [
    "Attribution",
    "Classification",
    "Event",
    "EventType",
    "MessageType",
    "ParseResult",
    "make_attribution",
    "make_event",
    "make_result",
    "replace",
]

MessageType = Literal["dsn", "arf", "auto_reply", "unsubscribe", "unknown"]
EventType = Literal["bounce", "complaint", "auto_reply", "delay", "delivered", "unsubscribe", "feedback"]
Classification = Literal["hard", "soft", "ignored"]
# (each value below is built as its draft, then frozen: parsers.values.draft_class)
_new = object.__new__


class Event(FrozenValue):
    """One affected recipient of a returned message.

    `type` is bounce, complaint, auto_reply, delay (a message still queued), delivered, and:
    - unsubscribe: the recipient asked for no more mail (ARF opt-out/unsubscribe, Apple Mail's
      X-Apple-Unsubscribe). Classified hard, because it removes the recipient for that sender at
      once, but it is never a bounce and never counts as one; the service gives it its scoped
      effect (an unsubscribe for the attributed account), not a global suppression.
    - feedback: a feedback report that asks for nothing (ARF not-spam): recorded, ignored.
    A complaint is hard unless its reason is sender-side: an ARF auth-failure report
    (reason auth_failure, soft) is about the sender's SPF/DKIM and never suppresses.
    """

    # (in the order of the fields: see parsers.values)
    __slots__ = (  # noqa: RUF023
        "recipient",
        "type",
        "classification",
        "reason",
        "status",
        "smtp_code",
        "diagnostic",
        "remote_mta",
        "action",
        "feedback_type",
        "original_message_id",
        "original_mail_from",
    )

    recipient: str
    type: EventType
    classification: Classification
    reason: str
    status: str | None
    smtp_code: str | None
    diagnostic: str | None
    remote_mta: str | None
    action: str | None
    feedback_type: str | None
    original_message_id: str | None
    original_mail_from: str | None

    def __new__(
        cls,
        recipient: str,
        type: EventType,
        classification: Classification,
        reason: str,
        status: str | None = None,
        smtp_code: str | None = None,
        diagnostic: str | None = None,
        remote_mta: str | None = None,
        action: str | None = None,
        feedback_type: str | None = None,
        original_message_id: str | None = None,
        original_mail_from: str | None = None,
    ) -> Event:
        self = _new(_EventDraft)
        self.recipient = recipient
        self.type = type
        self.classification = classification
        self.reason = reason
        self.status = status
        self.smtp_code = smtp_code
        self.diagnostic = diagnostic
        self.remote_mta = remote_mta
        self.action = action
        self.feedback_type = feedback_type
        self.original_message_id = original_message_id
        self.original_mail_from = original_mail_from
        set_field(self, "__class__", cls)  # (frozen now: see parsers.values.draft_class)
        return self

    def to_dict(self) -> dict[str, Any]:
        # (the fields spelled out: a generic walk looks each one up)
        return {
            "recipient": self.recipient,
            "type": self.type,
            "classification": self.classification,
            "reason": self.reason,
            "status": self.status,
            "smtp_code": self.smtp_code,
            "diagnostic": self.diagnostic,
            "remote_mta": self.remote_mta,
            "action": self.action,
            "feedback_type": self.feedback_type,
            "original_message_id": self.original_message_id,
            "original_mail_from": self.original_mail_from,
        }


_EventDraft = draft_class(Event)
# (Event(...) as the parser makes them, with keywords, for about half the instructions: see
# parsers.values.constructor)
make_event = constructor(Event)


class Attribution(FrozenValue):
    """Who sent the original, as far as the returned message says (every field may be None).

    `verp_local_part`: the local part of a VERP-shaped return path (one holding '+' or '='), from
    the original's Return-Path or the report's envelope-recipient headers; `envelope_addresses`:
    every address a VERP return path may come back as, whatever its separator (the original's
    Return-Path, the report's Delivered-To / X-Original-To / Envelope-To / To, the stated MAIL
    FROM; in that order, without repeats, at most 16): candidates only, for
    the service to check against its own return address and verify; `account`: the value of
    the attribution header (`X-Bounceback-Account` by default); `feedback_id` and its last field
    `feedback_sender_id` (Gmail's `a:b:c:SenderId` form); the original's Message-ID, From domain,
    MAIL FROM (Return-Path) domain and DKIM-Signature `d=` domain.
    """

    # (in the order of the fields: see parsers.values)
    __slots__ = (  # noqa: RUF023
        "verp_local_part",
        "envelope_addresses",
        "account",
        "feedback_id",
        "feedback_sender_id",
        "original_message_id",
        "from_domain",
        "mail_from_domain",
        "dkim_domain",
    )

    verp_local_part: str | None
    envelope_addresses: tuple[str, ...]
    account: str | None
    feedback_id: str | None
    feedback_sender_id: str | None
    original_message_id: str | None
    from_domain: str | None
    mail_from_domain: str | None
    dkim_domain: str | None

    def __new__(
        cls,
        verp_local_part: str | None = None,
        envelope_addresses: tuple[str, ...] = (),
        account: str | None = None,
        feedback_id: str | None = None,
        feedback_sender_id: str | None = None,
        original_message_id: str | None = None,
        from_domain: str | None = None,
        mail_from_domain: str | None = None,
        dkim_domain: str | None = None,
    ) -> Attribution:
        self = _new(_AttributionDraft)
        self.verp_local_part = verp_local_part
        self.envelope_addresses = envelope_addresses
        self.account = account
        self.feedback_id = feedback_id
        self.feedback_sender_id = feedback_sender_id
        self.original_message_id = original_message_id
        self.from_domain = from_domain
        self.mail_from_domain = mail_from_domain
        self.dkim_domain = dkim_domain
        set_field(self, "__class__", cls)  # (frozen now: see parsers.values.draft_class)
        return self

    def to_dict(self) -> dict[str, Any]:
        # (the fields spelled out: a generic walk looks each one up)
        return {
            "verp_local_part": self.verp_local_part,
            "envelope_addresses": list(self.envelope_addresses),
            "account": self.account,
            "feedback_id": self.feedback_id,
            "feedback_sender_id": self.feedback_sender_id,
            "original_message_id": self.original_message_id,
            "from_domain": self.from_domain,
            "mail_from_domain": self.mail_from_domain,
            "dkim_domain": self.dkim_domain,
        }

    def empty(self) -> bool:
        return not (
            self.verp_local_part
            or self.envelope_addresses
            or self.account
            or self.feedback_id
            or self.original_message_id
            or self.from_domain
            or self.mail_from_domain
            or self.dkim_domain
        )


_AttributionDraft = draft_class(Attribution)
make_attribution = constructor(Attribution)  # (Attribution(...): see make_event)


class ParseResult(FrozenValue):
    """What `parsers.parse` found in one message.

    `defects` lists problems met while parsing (never raised): oversized input, undecodable
    parts, a report without recipients. `detector` names the rule that recognised the message.
    `date` is the message's own Date header in ISO 8601 (UTC) when it can be read, so that the
    policy can judge a backfill of old mail as it happened. `attribution` is what the message says
    about who sent the original (None when it says nothing): evidence for the service to resolve.
    """

    # (in the order of the fields: see parsers.values)
    __slots__ = (  # noqa: RUF023
        "message_type",
        "events",
        "detector",
        "subject",
        "message_id",
        "date",
        "defects",
        "attribution",
    )

    message_type: MessageType
    events: tuple[Event, ...]
    detector: str | None
    subject: str | None
    message_id: str | None
    date: str | None
    defects: tuple[str, ...]
    attribution: Attribution | None

    def __new__(
        cls,
        message_type: MessageType,
        events: tuple[Event, ...] = (),
        detector: str | None = None,
        subject: str | None = None,
        message_id: str | None = None,
        date: str | None = None,
        defects: tuple[str, ...] = (),
        attribution: Attribution | None = None,
    ) -> ParseResult:
        self = _new(_ParseResultDraft)
        self.message_type = message_type
        self.events = events
        self.detector = detector
        self.subject = subject
        self.message_id = message_id
        self.date = date
        self.defects = defects
        self.attribution = attribution
        set_field(self, "__class__", cls)  # (frozen now: see parsers.values.draft_class)
        return self

    def to_dict(self) -> dict[str, Any]:
        return {
            "message_type": self.message_type,
            "detector": self.detector,
            "subject": self.subject,
            "message_id": self.message_id,
            "date": self.date,
            "defects": list(self.defects),
            "events": [e.to_dict() for e in self.events],
            "attribution": self.attribution.to_dict() if self.attribution is not None else None,
        }


_ParseResultDraft = draft_class(ParseResult)
# (ParseResult(...) as the parser makes them, with its fields in their order: a call of a class
# that unpacks a dict of the message's headers into keywords made that dict again, and a keyword
# dict for `__new__`: see make_event)
make_result = constructor(ParseResult)
