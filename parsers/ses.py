"""Amazon SES's JSON notifications, the one home of their reading: the notification out of what
carries it, and its bounces and deliveries. parsers.fbl reads the complaints (and a relayed
document's bounces); parsers.mta.amazonses the bounces and deliveries SNS mails. (A module of its
own: the detector imports parsers.fbl's neighbours, so neither can import the other for it.)

What carries a notification:
- SNS's e-mail notification: the JSON as the body, long lines folded ("...!" + newline + " ...")
  and a "--" signature line after it (`sns_notification`);
- SNS's JSON envelope (its `Message`, a string of JSON); a Lambda function's event from SNS
  (`Records[0].Sns`, the envelope) or from SQS (`Records[i].body`, a string of JSON: SQS hands a
  function a batch of up to ten records, any of them a notification: `notifications`);
- an EventBridge event (`"source": "aws.ses"`, the notification in its `detail`);
- nothing: the notification itself, mailed or posted on by a Lambda function or a rule.
SNS notifications say `notificationType`; SES event publishing (configuration sets, EventBridge)
says `eventType`, read as `notificationType`.
"""

from __future__ import annotations

import json

from parsers.delivery import Delivery
from parsers.dsn import strip_type
from parsers.mail import Mail

TYPE_CHECKING = False
if TYPE_CHECKING:  # (typing is not imported at run time: importing it costs every process)
    from typing import Any

# How many envelopes deep the notification is looked for (a Lambda's SNS event holds SNS's
# envelope, which holds the notification; an EventBridge event relayed through SNS is one more).
MAX_ENVELOPES = 4
# How many records of a Lambda function's batch are read (SQS's batch holds ten at most, unless
# a batching window gathers more).
MAX_RECORDS = 100
# What SES says of a send it did not attempt, the address being on the sending account's own
# suppression list (put there by an earlier hard bounce or complaint, which was its event): no
# new failure nor complaint of the recipient, as an ESP's suppression is none (parsers.fbl).
ON_ACCOUNT_LIST = "OnAccountSuppressionList"
# SES's own classification of a bounce, where it is narrower than the status code.
_BOUNCE_SUBTYPE = {
    ("Permanent", "NoEmail"): "user_unknown",
    ("Transient", "MailboxFull"): "mailbox_full",
    ("Transient", "MessageTooLarge"): "message_too_big",
}


def _json_text(body: str) -> str:
    """The JSON document of an SNS e-mail notification.

    Long lines come folded as "...!" + newline + " ..." and the notification ends with a "--"
    signature line; both are undone here.
    """
    lines: list[str] = []
    folded = False
    for line in body.split("\n"):
        if line in ("--", "__END_OF_EMAIL_MESSAGE__"):
            break
        if not line:
            continue
        if folded and line.startswith(" "):
            line = line[1:]
        folded = line.endswith("!")
        lines.append(line[:-1] if folded else line)
    return "".join(lines)


def sns_notification(mail: Mail) -> dict[str, Any] | None:
    """The SES notification an Amazon SNS e-mail notification carries (SES's bounce, complaint or
    delivery notification, or an EventBridge event of one), or None."""
    body = mail.text.lstrip()
    if not body.startswith("{"):
        return None
    try:
        doc = json.loads(_json_text(body))
    except (ValueError, TypeError):
        return None
    return notification(doc)


def notifications(doc: object) -> list[dict[str, Any]]:
    """The SES notifications in a JSON document: each record's of a Lambda function's batch (SQS
    hands it up to ten, SNS one), else the one `notification` finds (none, one)."""
    records = doc.get("Records") if isinstance(doc, dict) else None
    if not isinstance(records, list) or len(records) < 2:
        found = notification(doc)
        return [found] if found is not None else []
    out = []
    for record in records[:MAX_RECORDS]:
        found = notification({"Records": [record]})
        if found is not None:
            out.append(found)
    return out


def notification(doc: object) -> dict[str, Any] | None:
    """The SES notification in a JSON document, out of the envelopes that may carry it (the
    module's docstring), with `eventType` read as `notificationType`; None when it holds none
    (a batch's first record's: `notifications` reads them all)."""
    for _ in range(MAX_ENVELOPES):
        if not isinstance(doc, dict):
            return None
        inner: object = None
        records = doc.get("Records")
        if isinstance(records, list) and records and isinstance(records[0], dict):
            inner = records[0].get("Sns") or records[0].get("body")
        elif isinstance(doc.get("Message"), str):
            inner = doc["Message"]
        elif doc.get("source") == "aws.ses":
            inner = doc.get("detail")
        if inner is None:
            break
        if isinstance(inner, str):
            try:
                inner = json.loads(inner)
            except ValueError:
                return None
        doc = inner
    if not isinstance(doc, dict):
        return None
    if "notificationType" not in doc and "eventType" in doc:
        doc["notificationType"] = doc["eventType"]
    return doc if "notificationType" in doc else None


# The kinds that report recipients' deliveries (event publishing's DeliveryDelay: SES still tries).
REPORTS_DELIVERIES = ("Bounce", "Delivery", "DeliveryDelay")


def deliveries(doc: dict[str, Any]) -> list[Delivery]:
    """The recipients a bounce, delivery or delivery delay notification reports, one Delivery
    each (none for another kind)."""
    kind = doc.get("notificationType")
    if kind not in REPORTS_DELIVERIES:
        return []
    # (the detectors' helpers, loaded with them: only a notification that reports a delivery needs
    # them, and parsers.fbl, which is loaded at start-up, imports this module)
    from parsers.mta._providers import address_in, make

    out: list[Delivery] = []
    if kind == "Bounce":
        bounce = doc.get("bounce")
        bounce = bounce if isinstance(bounce, dict) else {}
        if bounce.get("bounceSubType") == ON_ACCOUNT_LIST:
            return []
        reason = _BOUNCE_SUBTYPE.get((str(bounce.get("bounceType")), str(bounce.get("bounceSubType"))))
        for r in bounce.get("bouncedRecipients") or []:
            if not isinstance(r, dict):
                continue
            addr = address_in(str(r.get("emailAddress", "")))
            if not addr:
                continue
            action = str(r.get("action") or "failed").lower()
            out.append(
                make(
                    addr,
                    strip_type(str(r.get("diagnosticCode") or "")),
                    status=r.get("status") or None,
                    action="delayed" if action in ("delayed", "expired") else "failed",
                    reason=reason,
                )
            )
    elif kind == "DeliveryDelay":
        delay = doc.get("deliveryDelay")
        delay = delay if isinstance(delay, dict) else {}
        for r in delay.get("delayedRecipients") or []:
            addr = address_in(str(r.get("emailAddress", ""))) if isinstance(r, dict) else None
            if addr:
                diagnostic = strip_type(str(r.get("diagnosticCode") or ""))
                out.append(make(addr, diagnostic, status=r.get("status") or None, action="delayed"))
    else:
        delivery = doc.get("delivery")
        delivery = delivery if isinstance(delivery, dict) else {}
        response = str(delivery.get("smtpResponse") or "")
        for r in delivery.get("recipients") or []:
            addr = address_in(str(r))
            if addr:
                out.append(make(addr, response, action="delivered", reason="delivered"))
    return out
