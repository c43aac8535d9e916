"""Amazon SES (sending): mailed bounces, and SNS JSON notifications (bounce, delivery; a complaint
notification is read by parsers.fbl, which reads the JSON for both: `sns_notification`)."""

from __future__ import annotations

from parsers.delivery import Delivery
from parsers.fbl import sns_notification
from parsers.mail import Mail
from parsers.mta._providers import address_in, first_reason, from_dsn_parts, from_dsn_text, guarded, make

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

NAME = "AmazonSES"
# Prefilter markers, looked for in the subject and the From (parsers.mta.heading): a header or the From is the gate.
HEADING_MARKERS = ("amazonaws.com", "amazonses.com")
MARKER_HEADERS = ("x-amz-sns-message-id", "X-AWS-Outgoing", "X-SES-Outgoing")

_STARTS = ("The following message to <", "An error occurred while trying to deliver the mail ")
_PHRASES = {"expired": ("Delivery expired",)}
# SES's own classification of a bounce, where it is narrower than the status code.
_BOUNCE_SUBTYPE = {
    ("Permanent", "NoEmail"): "user_unknown",
    ("Transient", "MailboxFull"): "mailbox_full",
    ("Transient", "MessageTooLarge"): "message_too_big",
}


def _diagnostic(code: object) -> str:
    text = str(code or "")
    head, sep, tail = text.partition(";")
    return tail.strip() if sep and len(head) < 16 else text


def from_notification(doc: dict[str, Any]) -> list[Delivery]:
    kind = doc.get("notificationType")
    out: list[Delivery] = []
    if kind == "Bounce":
        bounce = doc.get("bounce") or {}
        reason = _BOUNCE_SUBTYPE.get((str(bounce.get("bounceType")), str(bounce.get("bounceSubType"))))
        for r in bounce.get("bouncedRecipients") or []:
            addr = address_in(str(r.get("emailAddress", "")))
            if not addr:
                continue
            action = str(r.get("action") or "failed").lower()
            out.append(
                make(
                    addr,
                    _diagnostic(r.get("diagnosticCode")),
                    status=r.get("status") or None,
                    action="delayed" if action in ("delayed", "expired") else "failed",
                    reason=reason,
                )
            )
    elif kind == "Delivery":
        delivery = doc.get("delivery") or {}
        response = str(delivery.get("smtpResponse") or "")
        for r in delivery.get("recipients") or []:
            addr = address_in(str(r))
            if addr:
                out.append(make(addr, response, action="delivered", reason="delivered"))
    return out


def _is_workmail(mail: Mail) -> bool:
    return "Amazon WorkMail" in (mail.header("X-Original-Mailer") or mail.header("X-Mailer"))


@guarded
def inquire(mail: Mail) -> list[Delivery] | None:
    if mail.has_header("x-amz-sns-message-id") or "amazonaws.com" in mail.from_.lower():
        doc = sns_notification(mail)
        if doc is not None:
            return from_notification(doc)
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
