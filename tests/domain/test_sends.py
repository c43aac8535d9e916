"""The rules a reported send must pass, and what an event counts as in its account's day."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from service.domain.reputation import event_kind, rate
from service.domain.sends import (
    CLOCK_ALLOWANCE,
    MESSAGE_ID_MAX_LENGTH,
    InvalidSend,
    ReportedSend,
    check_send,
    message_key,
    parse_sent_at,
    sent_at_of,
)

NOW = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)


def check(**changes: str) -> ReportedSend:
    values = {"account": "shop-a", "message_id": "<m1@x.example>", "recipient": "Jane@Example.com"}
    values |= {"sent_at": "2026-12-05T11:00:00Z", **changes}
    when = sent_at_of(values.pop("sent_at"), now=NOW, retention_days=7)
    return check_send(values["account"], values["message_id"], values["recipient"], when)


def test_a_good_send_is_normalised() -> None:
    send = check()
    assert send == check(message_id=" m1@x.example ", recipient="<jane@example.com>")
    assert (send.message_id, send.recipient, send.day.isoformat()) == (
        "m1@x.example",
        "jane@example.com",
        "2026-12-05",
    )  # type: ignore[attr-defined]
    assert check(sent_at="2026-12-05T13:00:00+02:00").sent_at == datetime(2026, 12, 5, 11, tzinfo=UTC)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"message_id": "<>"}, "message_id is empty"),
        ({"message_id": "x" * (MESSAGE_ID_MAX_LENGTH + 1)}, "longer than 500"),
        ({"message_id": "a\x00b"}, "NUL"),
        ({"recipient": "nobody"}, "recipient is not an address"),
        ({"sent_at": "5 Dec 2026"}, "not an ISO 8601 time"),
        ({"sent_at": "2026-12-05T11:00:00"}, "no time zone"),
        ({"sent_at": (NOW + CLOCK_ALLOWANCE + timedelta(seconds=1)).isoformat()}, "in the future"),
        ({"sent_at": (NOW - timedelta(days=7, seconds=1)).isoformat()}, "older than the retention of 7 days"),
    ],
)
def test_a_send_that_cannot_be_kept_says_why(changes: dict[str, str], reason: str) -> None:
    with pytest.raises(InvalidSend, match=reason):
        check(**changes)


def test_the_edges_are_kept() -> None:
    check(sent_at=(NOW + CLOCK_ALLOWANCE).isoformat())  # a sender's clock a little ahead
    check(sent_at=(NOW - timedelta(days=7)).isoformat())


def test_message_keys() -> None:
    assert message_key("<a@b>") == message_key("a@b") == message_key("  <a@b> ") == "a@b"
    assert message_key(None) is None and message_key(" <> ") is None
    assert parse_sent_at("2026-12-05T11:00:00z") == datetime(2026, 12, 5, 11, tzinfo=UTC)


def test_what_an_event_counts_as() -> None:
    assert event_kind("bounce", "hard") == "hard"
    assert event_kind("bounce", "soft") == "soft"
    assert event_kind("bounce", "ignored") is None
    assert event_kind("complaint", "hard") == event_kind("complaint", "ignored") == "complaint"
    assert event_kind("unsubscribe", "hard") == "unsubscribe"
    for other in ("auto_reply", "delay", "delivered", "feedback"):
        assert event_kind(other, "ignored") is None
    assert rate(60, 1000) == 0.06 and rate(1, 0) is None
