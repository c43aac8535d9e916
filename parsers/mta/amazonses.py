"""Amazon SES (sending): mailed bounces, and SNS JSON notifications (bounce, delivery; a complaint
notification is read by parsers.fbl; parsers.ses reads the JSON for both)."""

from __future__ import annotations

from parsers.delivery import Delivery
from parsers.mail import Mail
from parsers.mta._providers import first_reason, from_dsn_parts, from_dsn_text, guarded
from parsers.ses import deliveries, sns_notification

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

NAME = "AmazonSES"
# Prefilter markers, looked for in the subject and the From (parsers.mta.heading): a header or the From is the gate.
HEADING_MARKERS = ("amazonaws.com", "amazonses.com")
MARKER_HEADERS = ("x-amz-sns-message-id", "X-AWS-Outgoing", "X-SES-Outgoing")

_STARTS = ("The following message to <", "An error occurred while trying to deliver the mail ")
_PHRASES = {"expired": ("Delivery expired",)}


def _is_workmail(mail: Mail) -> bool:
    return "Amazon WorkMail" in (mail.header("X-Original-Mailer") or mail.header("X-Mailer"))


@guarded
def inquire(mail: Mail) -> list[Delivery] | None:
    if mail.has_header("x-amz-sns-message-id") or "amazonaws.com" in mail.from_.lower():
        doc = sns_notification(mail)
        if doc is not None:
            return deliveries(doc)
    sent_by_ses = mail.has_header("X-AWS-Outgoing") or mail.has_header("X-SES-Outgoing")
    if not sent_by_ses and "amazonses.com" not in mail.from_.lower():
        return None
    if _is_workmail(mail) or "This message could not be delivered." in mail.text:
        return None  # Amazon WorkMail and SES receiving rules have their own detectors

    def reason(block: Any) -> str | None:
        return first_reason(block.diagnostic, _PHRASES)

    found = from_dsn_parts(mail, reason)
    if not found:
        text = mail.text
        starts = [text.find(s) for s in _STARTS if s in text]
        if not starts:
            return None
        found = from_dsn_text(text[min(starts) :], reason)
    return found
