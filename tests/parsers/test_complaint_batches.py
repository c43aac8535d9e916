"""Complaint reports that hold more than one recipient or kind: each recipient is one event of its
own type (a webhook batch's unsubscribes beside its complaints, a multipart/report's further report
of another type); the ESPs' webhook events read by their published names; the original's headers
an ESP's JSON carries attribute the complaint. (The fixtures in fixtures/esp_webhook_events/ and
fixtures/fbl_typed_and_redacted_reports/ check the events; these tests check the rules.)"""

from __future__ import annotations

import json

import pytest

from parsers import parse

HEAD = (
    "From: Event Relay <events@tools.sender.example>\nTo: fbl@sender.example\nSubject: ESP event\n"
    "Date: Thu, 03 Dec 2026 10:00:00 +0000\nMessage-ID: <e1@tools.sender.example>\n"
    "Content-Type: text/plain\n\n"
)


def _events(document: object) -> list[tuple[str, str, str | None]]:
    result = parse((HEAD + json.dumps(document) + "\n").encode())
    return [(e.recipient, e.type, e.feedback_type) for e in result.events]


@pytest.mark.parametrize(
    ("event", "kind"),
    [
        ({"event": "spam", "msg": {"email": "a@post.example"}}, "complaint"),  # Mandrill
        ({"event": "unsub", "msg": {"email": "a@post.example"}}, "unsubscribe"),  # Mandrill
        ({"event": "spam", "email": "a@post.example", "source": "JMRPP"}, "complaint"),  # Mailjet
        ({"event": "unsub", "email": "a@post.example", "mj_list_id": 1}, "unsubscribe"),  # Mailjet
        ({"event": "unsubscribed", "email": "a@post.example"}, "unsubscribe"),  # Brevo
        ({"event": "unsubscribed", "recipient": "a@post.example"}, "unsubscribe"),  # Mailgun (flat)
        ({"status": "AbuseReport", "to": "a@post.example"}, "complaint"),  # Elastic Email
        ({"status": "Unsubscribed", "to": "a@post.example"}, "unsubscribe"),  # Elastic Email
    ],
)
def test_each_esps_event_is_read_by_its_own_names(event: dict[str, object], kind: str) -> None:
    assert [(r, t) for r, t, _ in _events([event])] == [("a@post.example", kind)]


@pytest.mark.parametrize(
    ("change", "kind"),
    [
        ({"SuppressionReason": "SpamComplaint", "Origin": "Recipient", "SuppressSending": True}, "complaint"),
        (
            {"SuppressionReason": "ManualSuppression", "Origin": "Recipient", "SuppressSending": True},
            "unsubscribe",
        ),
        ({"SuppressionReason": "ManualSuppression", "Origin": "Customer", "SuppressSending": True}, None),
        ({"SuppressionReason": "ManualSuppression", "Origin": "Admin", "SuppressSending": True}, None),
        ({"SuppressionReason": "HardBounce", "Origin": "Recipient", "SuppressSending": True}, None),
        ({"SuppressionReason": "SpamComplaint", "Origin": "Customer", "SuppressSending": False}, None),
    ],
)
def test_a_postmark_subscription_change_is_the_recipients_only_when_he_made_it(
    change: dict[str, object], kind: str | None
) -> None:
    document = {"RecordType": "SubscriptionChange", "Recipient": "a@post.example", **change}
    assert [t for _, t, _ in _events(document)] == ([kind] if kind else [])


def test_a_batch_gives_each_recipient_its_own_type_and_a_complainer_once() -> None:
    batch = [
        {"email": "b@post.example", "event": "unsubscribe"},
        {"email": "a@post.example", "event": "spamreport"},
        {"email": "b@post.example", "event": "group_unsubscribe"},
        {"email": "a@post.example", "event": "unsubscribe"},  # (the complainer: his complaint only)
    ]
    assert _events(batch) == [
        ("a@post.example", "complaint", "abuse"),
        ("b@post.example", "unsubscribe", "opt-out"),
    ]


def test_sparkpost_complaints_keep_each_provider_feedback_type() -> None:
    batch = [
        {
            "msys": {
                "message_event": {"type": "spam_complaint", "rcpt_to": "a@post.example", "fbtype": "abuse"}
            }
        },
        {
            "msys": {
                "message_event": {"type": "spam_complaint", "rcpt_to": "b@post.example", "fbtype": "not-spam"}
            }
        },
        {
            "msys": {
                "message_event": {"type": "spam_complaint", "rcpt_to": "c@post.example", "fbtype": "abuse"}
            }
        },
    ]
    assert _events(batch) == [
        ("a@post.example", "complaint", "abuse"),
        ("c@post.example", "complaint", "abuse"),
        ("b@post.example", "feedback", "not-spam"),
    ]


def test_one_messages_events_carry_its_message_id_and_two_messages_none() -> None:
    one = [
        {
            "event-data": {
                "event": "complained",
                "recipient": "a@post.example",
                "message": {
                    "headers": {"message-id": "m1@sender.example", "from": "News <news@sender.example>"}
                },
            }
        },
    ]
    result = parse((HEAD + json.dumps(one)).encode())
    assert [(e.original_message_id, e.original_mail_from) for e in result.events] == [
        ("<m1@sender.example>", "news@sender.example")
    ]
    assert result.attribution is not None and result.attribution.from_domain == "sender.example"
    two = [
        {"email": "a@post.example", "event": "spamreport", "smtp-id": "<m1@sender.example>"},
        {"email": "b@post.example", "event": "spamreport", "smtp-id": "<m2@sender.example>"},
    ]
    result = parse((HEAD + json.dumps(two)).encode())
    assert [e.original_message_id for e in result.events] == [None, None]


def test_an_ses_notification_attributes_by_the_original_headers_it_includes() -> None:
    doc = {
        "notificationType": "Complaint",
        "complaint": {"complainedRecipients": [{"emailAddress": "a@post.example"}]},
        "mail": {
            "source": "bounces@mail.sender.example",
            "headers": [
                {"name": "X-Bounceback-Account", "value": "acme"},
                {"name": "Message-ID", "value": "<m9@sender.example>"},
            ],
        },
    }
    raw = (
        "From: AWS Notifications <no-reply@sns.amazonaws.com>\nTo: f@sender.example\nSubject: AWS Notification Message\n\n"
        + json.dumps(doc)
    )
    result = parse(raw.encode())
    assert result.attribution is not None
    assert (result.attribution.account, result.attribution.original_message_id) == (
        "acme",
        "<m9@sender.example>",
    )
    assert [e.original_mail_from for e in result.events] == ["bounces@mail.sender.example"]
